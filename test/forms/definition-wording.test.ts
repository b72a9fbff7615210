/**
 * The wording of definition problems (src/text/definition-problems.ts), shared by the intake form
 * and the preparation checklist: the place of a list entry, the phrases both use, and the message
 * an element shows in place of a definition it cannot use. Both parsers word the same mistake
 * the same way.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChecklistDefinition } from '../../src/checklist/parse.js';
import { parseFormDefinition } from '../../src/forms/check-form.js';
import { entryPlace, invalidDefinition, unknownProperties, valueAt } from '../../src/text/definition-problems.js';

describe('the wording of a definition problem', () => {
  test('a list entry is named by its index and its own id, else by its index alone', () => {
    assert.equal(entryPlace(3, { id: 'stop-eating' }), '[3] ("stop-eating")');
    assert.equal(entryPlace(3, { id: '' }), '[3]');
    assert.equal(entryPlace(0, 'text'), '[0]');
    assert.equal(entryPlace(1, { value: 'no', id: 7 }, ['id', 'value']), '[1] ("no")');
  });

  test('one unknown property, or several', () => {
    assert.equal(unknownProperties(['colour']), 'unknown property "colour"');
    assert.equal(unknownProperties(['a', 'b']), 'unknown properties "a", "b"');
  });

  test('the value at a path, or undefined where the path leads nowhere', () => {
    const input = { items: [{ id: 'a' }] };
    assert.equal(valueAt(input, ['items', 0, 'id']), 'a');
    assert.equal(valueAt(input, ['items', 0, 'id', 'length', 'x']), undefined);
    assert.equal(valueAt(null, ['items']), undefined);
  });

  test('the message an element shows names what is not valid and lists each problem once', () => {
    assert.deepEqual(invalidDefinition('form', ['a: x', 'b: y', 'a: x']), {
      code: 'invalid_form',
      detail: 'the form definition is not valid: a: x; b: y',
    });
    assert.deepEqual(invalidDefinition('checklist', ['items: must list at least one item']), {
      code: 'invalid_checklist',
      detail: 'the checklist definition is not valid: items: must list at least one item',
    });
  });

  test('the form and the checklist word the same mistakes alike', () => {
    const form = parseFormDefinition({
      id: 'f',
      title: 'T',
      pages: [
        {
          id: 'p',
          title: 'P',
          items: [
            { id: 'a', type: 'text', label: 'A', colour: 1 },
            { id: 'b', type: 'text', label: 5 },
          ],
        },
      ],
    });
    const checklist = parseChecklistDefinition({
      items: [
        { id: 'a', text: 'x', group: 'g', colour: 1 },
        { id: 'b', text: 5, group: 'g' },
      ],
    });
    assert.equal(form.ok, false);
    assert.equal(checklist.ok, false);
    const formProblems = form.ok ? [] : form.problems;
    const checklistProblems = checklist.ok ? [] : checklist.problems;
    assert.equal(formProblems[0], 'pages[0].items[0] ("a"): unknown property "colour"');
    assert.match(checklistProblems[0]!, /^items\[0\] \("a"\): unknown property "colour" \(known: /);
    const perLanguage = 'a text per language like {"en": "…", "es": "…"}';
    assert.ok(formProblems[1]!.startsWith(`pages[0].items[1] ("b"): "label" must be a string, or ${perLanguage}`), formProblems[1]);
    assert.equal(checklistProblems[1], `items[1] ("b").text: must be text, or ${perLanguage}`);
  });
});
