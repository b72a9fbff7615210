/**
 * Answers as typed (view values) against what they mean (model values) and how they read back.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answerText, dateFromParts, hasInput, modelValue, parseNumber, type AnswerableItem } from '../../src/forms/index.js';
import { resolve } from './support.js';

const items = resolve({
  id: 'f',
  title: 'F',
  pages: [
    {
      id: 'p',
      title: 'P',
      items: [
        { type: 'text', id: 'text', label: 'Text' },
        { type: 'textarea', id: 'notes', label: 'Notes' },
        { type: 'number', id: 'weight', label: 'Weight', unit: 'kg' },
        { type: 'date', id: 'date', label: 'Date' },
        {
          type: 'choice',
          id: 'choice',
          label: 'Choice',
          options: [
            { value: 'a', label: 'Apple' },
            { value: 'b', label: 'Banana' },
          ],
        },
        {
          type: 'multi',
          id: 'multi',
          label: 'Multi',
          options: [
            { value: 'a', label: 'Apple' },
            { value: 'b', label: 'Banana' },
          ],
        },
        { type: 'yesno', id: 'yesno', label: 'Yes/no' },
        { type: 'consent', id: 'consent', label: 'I agree', text: 'Terms', signature: true },
      ],
    },
  ],
}).pages[0]!.items as AnswerableItem[];
const item = (id: string) => items.find((i) => i.id === id)!;

describe('parseNumber', () => {
  it('reads what people type and nothing else', () => {
    assert.deepEqual(['42', ' 42 ', '+42', '-4.5', '.5', '5.', '1,234', '1,234,567.5'].map(parseNumber), [42, 42, 42, -4.5, 0.5, 5, 1234, 1234567.5]);
    for (const bad of ['', ' ', '4 2', '42kg', '1,23', '1.2.3', 'e5', '1e5', 'Infinity', 'NaN', '0x10', '--1', '١٢']) {
      assert.equal(parseNumber(bad), undefined, bad);
    }
  });

  it('reads a typed negative zero as 0, which a stored answer can give back', () => {
    for (const zero of ['-0', '-0.0', '-.0', '-0.', ' -0 ']) assert.ok(Object.is(parseNumber(zero), 0), zero);
  });

  it('round-trips every finite number written by String() without an exponent (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => !/e/.test(String(n))),
        (n) => {
          assert.equal(parseNumber(String(n)), n === 0 ? 0 : n);
        },
      ),
    );
  });
});

describe('dateFromParts', () => {
  it('gives YYYY-MM-DD for real dates with a four-digit year only', () => {
    assert.equal(dateFromParts({ day: '4', month: '3', year: '1990' }), '1990-03-04');
    assert.equal(dateFromParts({ day: ' 04', month: '03 ', year: '1990' }), '1990-03-04');
    assert.equal(dateFromParts({ day: '29', month: '2', year: '2024' }), '2024-02-29');
    for (const parts of [
      { day: '29', month: '2', year: '2023' },
      { day: '1', month: '1', year: '90' },
      { day: '1', month: '13', year: '2000' },
      { day: '', month: '1', year: '2000' },
      { day: '1.5', month: '1', year: '2000' },
    ]) {
      assert.equal(dateFromParts(parts), undefined, JSON.stringify(parts));
    }
  });
});

describe('hasInput and modelValue', () => {
  it('treat blank input as no input, and keep invalid input as input with no model value', () => {
    assert.equal(hasInput(undefined), false);
    assert.equal(hasInput('  '), false);
    assert.equal(hasInput([]), false);
    assert.equal(hasInput({ day: ' ', month: '', year: '' }), false);
    assert.equal(hasInput({ agreed: false }), false);
    assert.equal(hasInput({ agreed: false, signature: 'Ann' }), true);
    assert.equal(hasInput('seventy'), true);
    assert.equal(modelValue(item('weight'), 'seventy'), undefined);
  });

  it('model each type', () => {
    assert.equal(modelValue(item('text'), '  hi  '), 'hi');
    assert.equal(modelValue(item('weight'), ' 72.5 '), 72.5);
    assert.equal(modelValue(item('date'), { day: '1', month: '2', year: '2000' }), '2000-02-01');
    assert.equal(modelValue(item('choice'), 'b'), 'b');
    assert.equal(modelValue(item('choice'), 'z'), undefined);
    assert.deepEqual(modelValue(item('multi'), ['b', 'z', 'a', 'b']), ['a', 'b']);
    assert.equal(modelValue(item('multi'), ['z']), undefined);
    assert.equal(modelValue(item('yesno'), 'yes'), true);
    assert.equal(modelValue(item('yesno'), 'no'), false);
    assert.equal(modelValue(item('yesno'), 'true'), undefined);
    assert.deepEqual(modelValue(item('consent'), { agreed: true, signature: ' Ann ' }), { agreed: true, signature: 'Ann' });
    assert.equal(modelValue(item('consent'), { agreed: false, signature: 'Ann' }), undefined);
    assert.equal(modelValue(item('text'), ['not', 'text']), undefined);
  });
});

describe('answerText', () => {
  it('reads answers back as the client would want to see them', () => {
    assert.deepEqual(answerText(item('text'), ' Ann '), ['Ann']);
    assert.deepEqual(answerText(item('notes'), 'line one\nline two'), ['line one', 'line two']);
    assert.deepEqual(answerText(item('weight'), '1234.5'), ['1,234.5 kg']);
    assert.deepEqual(answerText(item('weight'), '1234.5', { locale: 'de-DE' }), ['1.234,5 kg']);
    assert.deepEqual(answerText(item('date'), { day: '4', month: '3', year: '1990' }), ['March 4, 1990']);
    assert.deepEqual(answerText(item('date'), { day: '4', month: '3', year: '1990' }, { locale: 'en-GB' }), ['4 March 1990']);
    assert.deepEqual(answerText(item('choice'), 'b'), ['Banana']);
    assert.deepEqual(answerText(item('multi'), ['b', 'a']), ['Apple', 'Banana']);
    assert.deepEqual(answerText(item('yesno'), 'no'), ['No']);
    assert.deepEqual(answerText(item('yesno'), 'yes', { yes: 'Sí' }), ['Sí']);
    assert.deepEqual(answerText(item('consent'), { agreed: true, signature: 'Ann Lee' }), ['I agree', 'Ann Lee']);
    assert.deepEqual(answerText(item('weight'), 'lots'), []);
    assert.deepEqual(answerText(item('choice'), undefined), []);
  });
});
