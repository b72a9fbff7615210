/**
 * Conditions and visibility: every operator on every kind of item, all/any, chains of hidden
 * items, page conditions, and pruning of what is submitted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFormDefinition, pruneHidden, visibleItems, visiblePages, type Answers, type Condition, type ResolvedForm } from '../../src/forms/index.js';

function resolve(json: unknown): ResolvedForm {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.form;
}

const SOURCES = [
  {
    type: 'choice',
    id: 'colour',
    label: 'Colour',
    options: [
      { value: 'red', label: 'Red', score: 0 },
      { value: 'blue', label: 'Blue', score: 2 },
    ],
  },
  { type: 'yesno', id: 'smoker', label: 'Smoker' },
  { type: 'number', id: 'weight', label: 'Weight' },
  { type: 'date', id: 'born', label: 'Born' },
  { type: 'text', id: 'city', label: 'City' },
  {
    type: 'multi',
    id: 'meds',
    label: 'Meds',
    options: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
      { value: 'none', label: 'None', exclusive: true },
    ],
  },
  {
    type: 'scale',
    id: 'mood',
    label: 'Mood',
    options: [
      { value: 'never', label: 'Never', score: 0 },
      { value: 'often', label: 'Often', score: 3 },
    ],
    rows: [{ id: 'mood.sad', label: 'Sad' }],
  },
  { type: 'consent', id: 'agree', label: 'I agree', text: 'Terms' },
];

/** Whether an item with this condition shows for these answers. */
function shows(when: Condition, answers: Answers): boolean {
  const form = resolve({ id: 'f', title: 'F', pages: [{ id: 'p', title: 'P', items: [...SOURCES, { type: 'text', id: 'target', label: 'T', when }] }] });
  return visibleItems(form, answers).has('target');
}

describe('condition operators', () => {
  it('equals: option values, yes/no, numbers (numerically), dates, trimmed text, multi (includes), scale rows', () => {
    assert.equal(shows({ item: 'colour', equals: 'blue' }, { colour: 'blue' }), true);
    assert.equal(shows({ item: 'colour', equals: 'blue' }, { colour: 'red' }), false);
    assert.equal(shows({ item: 'smoker', equals: 'yes' }, { smoker: 'yes' }), true);
    assert.equal(shows({ item: 'smoker', equals: 'yes' }, { smoker: 'no' }), false);
    assert.equal(shows({ item: 'smoker', equals: 'no' }, { smoker: 'no' }), true);
    assert.equal(shows({ item: 'weight', equals: 70 }, { weight: ' 70.0 ' }), true);
    assert.equal(shows({ item: 'weight', equals: 70 }, { weight: '71' }), false);
    assert.equal(shows({ item: 'born', equals: '1990-03-04' }, { born: { day: '4', month: '03', year: '1990' } }), true);
    assert.equal(shows({ item: 'city', equals: 'Paris' }, { city: '  Paris ' }), true);
    assert.equal(shows({ item: 'meds', equals: 'b' }, { meds: ['a', 'b'] }), true);
    assert.equal(shows({ item: 'meds', equals: 'b' }, { meds: ['a'] }), false);
    assert.equal(shows({ item: 'mood.sad', equals: 'often' }, { 'mood.sad': 'often' }), true);
  });

  it('notEquals needs an answer: unanswered matches neither equals nor notEquals', () => {
    assert.equal(shows({ item: 'colour', notEquals: 'blue' }, { colour: 'red' }), true);
    assert.equal(shows({ item: 'colour', notEquals: 'blue' }, { colour: 'blue' }), false);
    assert.equal(shows({ item: 'colour', notEquals: 'blue' }, {}), false);
    assert.equal(shows({ item: 'colour', equals: 'blue' }, {}), false);
    assert.equal(shows({ item: 'meds', notEquals: 'none' }, { meds: ['a'] }), true);
    assert.equal(shows({ item: 'meds', notEquals: 'none' }, { meds: ['none'] }), false);
    assert.equal(shows({ item: 'meds', notEquals: 'none' }, { meds: [] }), false);
  });

  it('anyOf: one of the values; for multi, at least one chosen', () => {
    assert.equal(shows({ item: 'colour', anyOf: ['red', 'blue'] }, { colour: 'red' }), true);
    assert.equal(shows({ item: 'colour', anyOf: ['blue'] }, { colour: 'red' }), false);
    assert.equal(shows({ item: 'meds', anyOf: ['a', 'none'] }, { meds: ['b', 'a'] }), true);
    assert.equal(shows({ item: 'meds', anyOf: ['a'] }, { meds: ['b'] }), false);
    assert.equal(shows({ item: 'weight', anyOf: [1, 2] }, { weight: '2' }), true);
  });

  it('greaterThan / lessThan: numbers, option scores (choice and scale rows), dates; strictly', () => {
    assert.equal(shows({ item: 'weight', greaterThan: 100 }, { weight: '100.5' }), true);
    assert.equal(shows({ item: 'weight', greaterThan: 100 }, { weight: '100' }), false);
    assert.equal(shows({ item: 'weight', lessThan: 40 }, { weight: '39' }), true);
    assert.equal(shows({ item: 'weight', lessThan: 40 }, { weight: '40' }), false);
    assert.equal(shows({ item: 'colour', greaterThan: 1 }, { colour: 'blue' }), true);
    assert.equal(shows({ item: 'colour', greaterThan: 1 }, { colour: 'red' }), false);
    assert.equal(shows({ item: 'mood.sad', greaterThan: 0 }, { 'mood.sad': 'often' }), true);
    assert.equal(shows({ item: 'mood.sad', greaterThan: 0 }, { 'mood.sad': 'never' }), false);
    assert.equal(shows({ item: 'born', lessThan: '2000-01-01' }, { born: { day: '31', month: '12', year: '1999' } }), true);
    assert.equal(shows({ item: 'born', lessThan: '2000-01-01' }, { born: { day: '1', month: '1', year: '2000' } }), false);
    assert.equal(shows({ item: 'born', greaterThan: '2000-01-01' }, { born: { day: '2', month: '1', year: '2000' } }), true);
  });

  it('answered: a valid answer; what cannot be read (a word in a number, an impossible date, an unknown option) is not one', () => {
    assert.equal(shows({ item: 'weight', answered: true }, { weight: '70' }), true);
    assert.equal(shows({ item: 'weight', answered: true }, { weight: 'seventy' }), false);
    assert.equal(shows({ item: 'weight', answered: false }, { weight: 'seventy' }), true);
    assert.equal(shows({ item: 'weight', answered: false }, {}), true);
    assert.equal(shows({ item: 'born', answered: true }, { born: { day: '31', month: '2', year: '1990' } }), false);
    assert.equal(shows({ item: 'colour', answered: true }, { colour: 'green' }), false);
    assert.equal(shows({ item: 'city', answered: true }, { city: '   ' }), false);
    assert.equal(shows({ item: 'agree', answered: true }, { agree: { agreed: true } }), true);
    assert.equal(shows({ item: 'agree', answered: true }, { agree: { agreed: false } }), false);
    assert.equal(shows({ item: 'weight', greaterThan: 1 }, { weight: 'lots' }), false);
  });

  it('all and any, nested', () => {
    const when: Condition = {
      any: [
        {
          all: [
            { item: 'smoker', equals: 'yes' },
            { item: 'weight', greaterThan: 100 },
          ],
        },
        { item: 'colour', equals: 'blue' },
      ],
    };
    assert.equal(shows(when, { smoker: 'yes', weight: '120' }), true);
    assert.equal(shows(when, { smoker: 'yes', weight: '90' }), false);
    assert.equal(shows(when, { smoker: 'no', weight: '120', colour: 'blue' }), true);
    assert.equal(shows(when, {}), false);
  });
});

describe('visibility across items and pages', () => {
  const form = resolve({
    id: 'f',
    title: 'F',
    pages: [
      {
        id: 'one',
        title: 'One',
        items: [
          { type: 'yesno', id: 'a', label: 'A' },
          { type: 'yesno', id: 'b', label: 'B', when: { item: 'a', equals: 'yes' } },
          { type: 'text', id: 'c', label: 'C', when: { item: 'b', equals: 'yes' } },
          { type: 'display', id: 'note', text: 'Shown when c is answered', when: { item: 'c', answered: true } },
        ],
      },
      { id: 'two', title: 'Two', when: { item: 'b', equals: 'yes' }, items: [{ type: 'text', id: 'd', label: 'D' }] },
      { id: 'three', title: 'Three', items: [{ type: 'text', id: 'e', label: 'E', when: { item: 'a', equals: 'no' } }] },
      { id: 'four', title: 'Four', items: [{ type: 'text', id: 'f', label: 'F' }] },
    ],
  });

  it('shows follow-ups down a chain as earlier answers allow', () => {
    const all = { a: 'yes', b: 'yes', c: 'x', d: 'y', e: 'z', f: 'w' } satisfies Answers;
    assert.deepEqual([...visibleItems(form, all)], ['a', 'b', 'c', 'note', 'd', 'f']);
    assert.deepEqual(
      visiblePages(form, all).map((p) => p.id),
      ['one', 'two', 'four'],
    );
  });

  it('hides the whole chain when the first answer changes, even though later answers remain', () => {
    const changed = { a: 'no', b: 'yes', c: 'x', d: 'y', e: 'z', f: 'w' } satisfies Answers;
    assert.deepEqual([...visibleItems(form, changed)], ['a', 'e', 'f']);
    assert.deepEqual(
      visiblePages(form, changed).map((p) => p.id),
      ['one', 'three', 'four'],
    );
  });

  it('skips a page whose items are all hidden', () => {
    assert.deepEqual(
      visiblePages(form, {}).map((p) => p.id),
      ['one', 'four'],
    );
  });

  it('pruneHidden drops answers to hidden items down the chain and unknown ids, keeping typed values as they are', () => {
    const answers = { a: 'no', b: 'yes', c: 'x', d: 'y', e: ' typed ', f: 'w', stranger: 'x' } satisfies Answers;
    assert.deepEqual(pruneHidden(form, answers), { a: 'no', e: ' typed ', f: 'w' });
    assert.deepEqual(pruneHidden(form, { a: 'yes', b: 'yes', c: 'x', d: 'y' }), { a: 'yes', b: 'yes', c: 'x', d: 'y' });
  });

  it('pruning never changes what is visible, and pruning twice changes nothing (property)', () => {
    const value = fc.oneof(fc.constantFrom('yes', 'no', '', 'x'), fc.string({ maxLength: 3 }));
    const answers = fc.record({ a: value, b: value, c: value, d: value, e: value, f: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(answers, (typed) => {
        const pruned = pruneHidden(form, typed);
        assert.deepEqual([...visibleItems(form, pruned)], [...visibleItems(form, typed)]);
        assert.deepEqual(pruneHidden(form, pruned), pruned);
        for (const key of Object.keys(pruned)) assert.ok(visibleItems(form, typed).has(key));
      }),
      { numRuns: 500 },
    );
  });
});
