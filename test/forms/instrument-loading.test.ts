/**
 * The browser's render path loads the built-in instruments (records and scoring) only for a form
 * that uses one. This file imports the render-path modules alone, never `src/forms/index.ts`
 * (which has them at hand for Node), so it sees what a drop-in file sees, in a process of its
 * own, so nothing else loaded them first.
 */
// node-test: own process, so that no other test file has loaded the instruments first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { instrumentsAtHand } from '../../src/forms/built-in-instruments.js';
import { includedPagesAtHand, loadIncludedPages, resolveFormDefinition } from '../../src/forms/parse.js';
import { toSubmission } from '../../src/forms/submission.js';

const plain = { id: 'plain', title: 'Plain', pages: [{ id: 'p', title: 'P', items: [{ type: 'text', id: 'name', label: 'Name' }] }] };
const withPhq9 = { id: 'mood', title: 'Mood', pages: [{ instrument: 'phq-9' }] };

describe('the built-in instruments on the render path', () => {
  it('shows and sends a form without an instrument without loading them', () => {
    assert.deepEqual(includedPagesAtHand(plain), {});
    const resolved = resolveFormDefinition(plain);
    assert.ok(resolved.ok);
    assert.deepEqual(toSubmission(resolved.form, { name: 'Ann' }).scores, []);
    assert.equal(instrumentsAtHand(), undefined);
  });

  it('waits for them before a form that uses one, then shows and scores it', async () => {
    assert.equal(includedPagesAtHand(withPhq9), undefined, 'not at hand before they are loaded');
    assert.deepEqual(await loadIncludedPages(withPhq9), {});
    assert.deepEqual(includedPagesAtHand(withPhq9), {});
    const resolved = resolveFormDefinition(withPhq9);
    assert.ok(resolved.ok);
    const scale = resolved.form.pages[0]!.items[0]!;
    assert.equal(scale.type === 'scale' && scale.rows.length, 9);
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq-9.q${i + 1}`, 'several-days']));
    const [score] = toSubmission(resolved.form, answers).scores;
    assert.deepEqual([score?.instrument, score?.total], ['phq-9', 9]);
  });
});
