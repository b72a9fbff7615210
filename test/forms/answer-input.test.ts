/**
 * What one input event does to an answer (`nextAnswer`), and which answers can change what is
 * visible (`conditionKeys`): an answer no condition reads never does, so the element skips working
 * visibility out again for it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inputsShow, nextAnswer } from '../../src/forms/answer-input.js';
import { conditionKeys, visibility } from '../../src/forms/conditions.js';
import type { Answers } from '../../src/forms/answers.js';
import { indexForm } from '../../src/forms/form-index.js';
import { demoForm, resolve } from './support.js';

const FORM = resolve({
  id: 'f',
  title: 'F',
  pages: [
    {
      id: 'p',
      title: 'P',
      items: [
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
        { type: 'yesno', id: 'smoker', label: 'Smoker' },
        { type: 'text', id: 'how-much', label: 'How much', when: { item: 'smoker', equals: 'yes' } },
        { type: 'text', id: 'city', label: 'City', when: { any: [{ item: 'meds', answered: false }, { all: [{ item: 'smoker', equals: 'no' }] }] } },
      ],
    },
    { id: 'q', title: 'Q', when: { item: 'how-much', answered: true }, items: [{ type: 'text', id: 'more', label: 'More' }] },
  ],
});

const input = (change: Partial<Parameters<typeof nextAnswer>[3]>) => ({ type: 'text', checked: false, value: '', ...change });

describe('nextAnswer', () => {
  it('a text input is its value', () => {
    assert.equal(nextAnswer(FORM, 'city', 'Lond', input({ value: 'London' })), 'London');
  });

  it('a checkbox adds or removes its option; an exclusive option clears the others, and another option clears it', () => {
    const check = (current: readonly string[] | undefined, value: string, checked: boolean) =>
      nextAnswer(FORM, 'meds', current, input({ type: 'checkbox', value, checked }));
    assert.deepEqual(check(undefined, 'a', true), ['a']);
    assert.deepEqual(check(['a'], 'b', true), ['a', 'b']);
    assert.deepEqual(check(['a', 'b'], 'a', false), ['b']);
    assert.deepEqual(check(['a', 'b'], 'none', true), ['none']);
    assert.deepEqual(check(['none'], 'a', true), ['a']);
  });

  it('a date part changes that part only', () => {
    const first = nextAnswer(FORM, 'dob', undefined, input({ part: 'month', value: '3' }));
    assert.deepEqual(first, { day: '', month: '3', year: '' });
    assert.deepEqual(nextAnswer(FORM, 'dob', first, input({ part: 'year', value: '1985' })), { day: '', month: '3', year: '1985' });
  });

  it('a consent box and its signature keep each other', () => {
    const agreed = nextAnswer(FORM, 'agree', undefined, input({ type: 'checkbox', part: 'consent', checked: true }));
    assert.deepEqual(agreed, { agreed: true });
    assert.deepEqual(nextAnswer(FORM, 'agree', agreed, input({ part: 'signature', value: 'Ana Ruiz' })), { agreed: true, signature: 'Ana Ruiz' });
  });
});

describe('inputsShow', () => {
  it('text and radios always show the answer they made; a date or a consent part is drawn again', () => {
    const typed = input({ value: 'London' });
    assert.equal(inputsShow(typed, 'Lond', nextAnswer(FORM, 'city', 'Lond', typed)), true);
    const radio = input({ type: 'radio', value: 'yes', checked: true });
    assert.equal(inputsShow(radio, 'no', nextAnswer(FORM, 'smoker', 'no', radio)), true);
    const part = input({ part: 'month', value: '3' });
    assert.equal(inputsShow(part, undefined, nextAnswer(FORM, 'dob', undefined, part)), false);
  });

  it('checkboxes: true exactly when the boxes as the browser left them hold the answer (every state, every toggle)', () => {
    const options = ['a', 'b', 'none'];
    fc.assert(
      fc.property(fc.subarray(options), fc.constantFrom(...options), (current, value) => {
        const checked = !current.includes(value);
        const change = input({ type: 'checkbox', value, checked });
        const next = nextAnswer(FORM, 'meds', current, change) as string[];
        // What the browser shows: the clicked box toggled, the others as they were.
        const boxes = options.filter((option) => (option === value ? checked : current.includes(option)));
        assert.equal(inputsShow(change, current, next), [...next].sort().join() === boxes.sort().join());
      }),
    );
  });
});

describe('conditionKeys', () => {
  it('names every answer slot a page or item condition reads, in all and any too', () => {
    assert.deepEqual([...conditionKeys(FORM)].sort(), ['how-much', 'meds', 'smoker']);
  });

  it('an answer to a slot no condition reads never changes what is visible (demo intake, random answers)', () => {
    const form = demoForm();
    const keys = conditionKeys(form);
    const free = indexForm(form).fields.filter((field) => !keys.has(field.key));
    const read = indexForm(form).fields.filter((field) => keys.has(field.key));
    assert.ok(free.length > 0 && read.length > 0);
    const value = (field: (typeof free)[number]) =>
      'options' in field.item ? fc.constantFrom(...field.item.options.map((option) => option.value)) : fc.constantFrom('yes', 'no', '3', 'x');
    const shown = (answers: Answers) => {
      const { pages, items } = visibility(form, answers);
      return JSON.stringify([[...pages], [...items]]);
    };
    fc.assert(
      fc.property(
        fc.tuple(...read.map((field) => fc.option(value(field), { nil: undefined }))),
        fc.integer({ min: 0, max: free.length - 1 }),
        fc.constantFrom('yes', 'no', '3', 'x'),
        (values, index, changed) => {
          const answers: Record<string, string> = {};
          read.forEach((field, i) => {
            if (values[i] !== undefined) answers[field.key] = values[i];
          });
          const before = shown(answers);
          answers[free[index]!.key] = changed;
          assert.equal(shown(answers), before);
        },
      ),
      { numRuns: 200 },
    );
  });
});
