/** diffForms: questions, pages and locked blocks added, removed and changed, and which aspect of each changed. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffForms } from '../../src/forms/form-diff.js';

const mood = {
  type: 'choice',
  id: 'mood',
  label: { en: 'How are you?', es: '¿Cómo está?' },
  options: [
    { value: 'good', label: 'Good' },
    { value: 'bad', label: 'Bad' },
  ],
};
const notes = { type: 'textarea', id: 'notes', label: 'Anything else?', required: false, maxLength: 500 };
const form = (pages: unknown[]) => ({ id: 'check-in', version: '1', title: 'Check-in', pages });

describe('diffForms', () => {
  test('the same form, whatever its key order and version number, has no changes', () => {
    const before = form([{ id: 'today', title: 'Today', items: [mood, notes] }]);
    const after = { pages: [{ items: [{ ...notes }, { ...mood }].reverse(), title: 'Today', id: 'today' }], title: 'Check-in', version: '2', id: 'check-in' };
    assert.deepEqual(diffForms(before, after), []);
  });

  test('a question added and one removed, named by their labels', () => {
    const before = form([{ id: 'today', title: 'Today', items: [mood, notes] }]);
    const sleep = { type: 'yesno', id: 'sleep', label: 'Did you sleep well?' };
    const after = form([{ id: 'today', title: 'Today', items: [mood, sleep] }]);
    assert.deepEqual(diffForms(before, after), [
      { kind: 'removed', part: 'question', id: 'notes', label: 'Anything else?' },
      { kind: 'added', part: 'question', id: 'sleep', label: 'Did you sleep well?' },
    ]);
  });

  test('a changed question says what changed: wording, options, required, condition, flags, its page', () => {
    const before = form([
      { id: 'today', title: 'Today', items: [mood, notes] },
      { id: 'more', title: 'More', items: [{ type: 'text', id: 'extra', label: 'Extra', maxLength: 100 }] },
    ]);
    const after = form([
      {
        id: 'today',
        title: 'Today',
        items: [
          { ...mood, label: { en: 'How are you today?', es: '¿Cómo está hoy?' }, options: [...mood.options, { value: 'ok', label: 'OK' }], safety: true },
          { ...notes, required: true, when: { item: 'mood', equals: 'bad' } },
          { type: 'text', id: 'extra', label: 'Extra', maxLength: 100 },
        ],
      },
      { id: 'more', title: 'More', items: [{ type: 'yesno', id: 'last', label: 'Last?' }] },
    ]);
    assert.deepEqual(diffForms(before, after), [
      { kind: 'changed', part: 'question', id: 'mood', label: { en: 'How are you today?', es: '¿Cómo está hoy?' }, aspects: ['wording', 'options', 'flags'] },
      { kind: 'changed', part: 'question', id: 'notes', label: 'Anything else?', aspects: ['required', 'condition'] },
      { kind: 'changed', part: 'question', id: 'extra', label: 'Extra', aspects: ['page'] },
      { kind: 'added', part: 'question', id: 'last', label: 'Last?' },
    ]);
  });

  test('required is true unless false: leaving it out of a required question is no change', () => {
    const before = form([{ id: 'today', title: 'Today', items: [{ ...mood, required: true }] }]);
    const after = form([{ id: 'today', title: 'Today', items: [mood] }]);
    assert.deepEqual(diffForms(before, after), []);
  });

  test('pages and locked blocks: a page retitled, an instrument added, the medical screening page removed', () => {
    const before = form([{ id: 'today', title: 'Today', items: [mood] }, { include: 'kap-medical-screening' }]);
    const after = form([{ id: 'today', title: 'Your day', items: [mood] }, { instrument: 'phq-9' }]);
    assert.deepEqual(diffForms(before, after), [
      { kind: 'removed', part: 'block', id: 'kap-medical-screening', label: 'kap-medical-screening' },
      { kind: 'changed', part: 'page', id: 'today', label: 'Your day', aspects: ['wording'] },
      { kind: 'added', part: 'block', id: 'phq-9', label: 'phq-9' },
    ]);
  });

  test('settings outside the named aspects are "settings"; a definition without pages is all removed', () => {
    const before = form([{ id: 'today', title: 'Today', items: [notes] }]);
    const after = form([{ id: 'today', title: 'Today', items: [{ ...notes, maxLength: 900 }] }]);
    assert.deepEqual(diffForms(before, after), [{ kind: 'changed', part: 'question', id: 'notes', label: 'Anything else?', aspects: ['settings'] }]);
    assert.deepEqual(
      diffForms(before, {}).map((change) => [change.kind, change.id]),
      [
        ['removed', 'today'],
        ['removed', 'notes'],
      ],
    );
  });
});
