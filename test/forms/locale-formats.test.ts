/**
 * What a question looks like in the reader's locale: a date's fields in the order the locale
 * writes dates, examples in that order and from that country, an error linking to the first field
 * as shown — and English that is one English (US, as the clinics' 988 and phone numbers are).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/index.js';
import {
  MEDICAL_SCREENING_PAGE,
  dateExample,
  datePartOrder,
  parseFormDefinition,
  phoneExample,
  validatePage,
  type ResolvedForm,
} from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { en } from '../../src/i18n/en.js';

describe('datePartOrder, dateExample', () => {
  it('month first in the US (and for plain English), day first in the UK and in Spanish, year first where it is', () => {
    assert.deepEqual(datePartOrder('en-US'), ['month', 'day', 'year']);
    assert.deepEqual(datePartOrder('en'), ['month', 'day', 'year']);
    assert.deepEqual(datePartOrder('en-GB'), ['day', 'month', 'year']);
    assert.deepEqual(datePartOrder('es'), ['day', 'month', 'year']);
    assert.deepEqual(datePartOrder('es-MX'), ['day', 'month', 'year']);
    assert.deepEqual(datePartOrder('ja'), ['year', 'month', 'day']);
    assert.deepEqual(datePartOrder('not a locale!'), ['day', 'month', 'year']);
  });

  it('works a locale out once, and a caller that changes the order it was given changes nobody else’s', () => {
    const order = datePartOrder('en-US');
    order.reverse();
    assert.deepEqual(datePartOrder('en-US'), ['month', 'day', 'year']);
  });

  it('gives 27 March 1985 as the fields would be filled in', () => {
    assert.equal(dateExample('en-US'), '3 27 1985');
    assert.equal(dateExample('en-GB'), '27 3 1985');
    assert.equal(dateExample('es'), '27 3 1985');
  });
});

describe('phoneExample', () => {
  it('a number as people in the region write it; plain English is US', () => {
    assert.equal(phoneExample('en-US'), '212 555 0100');
    assert.equal(phoneExample('en'), '212 555 0100');
    assert.equal(phoneExample('en-GB'), '07700 900 982');
    assert.equal(phoneExample('es'), '612 345 678');
    assert.equal(phoneExample('fr-FR'), '+1 212 555 0100');
  });
});

describe('validation in the reader’s order', () => {
  const parsed = parseFormDefinition({
    id: 'f',
    title: 'F',
    pages: [
      {
        id: 'p',
        title: 'P',
        items: [
          { type: 'date', id: 'dob', label: 'Date of birth' },
          { type: 'phone', id: 'ph', label: 'Phone' },
        ],
      },
    ],
  });
  assert.ok(parsed.ok);
  const form: ResolvedForm = parsed.form;
  const today = '2026-11-25';

  it('links a date error to the first field in error as the client sees them', () => {
    const us = { today, dateOrder: datePartOrder('en-US') };
    assert.equal(validatePage(form, 0, {}, us)[0]!.field, 'dob.month');
    assert.equal(validatePage(form, 0, { dob: { day: '', month: '', year: '1980' } }, us)[0]!.field, 'dob.month');
    assert.equal(validatePage(form, 0, { dob: { day: '', month: '3', year: '1980' } }, us)[0]!.field, 'dob.day');
    assert.equal(validatePage(form, 0, {}, { today, dateOrder: datePartOrder('en-GB') })[0]!.field, 'dob.day');
    assert.equal(validatePage(form, 0, {}, { today })[0]!.field, 'dob.day', 'day first when no order is given');
  });

  it('fills the phone message with the locale’s example', () => {
    const message = (options: object) => validatePage(form, 0, { dob: { day: '1', month: '1', year: '1980' }, ph: '12' }, { today, ...options })[0]!.message;
    assert.equal(message({}), 'Enter a phone number, like 212 555 0100');
    assert.equal(message({ phoneExample: phoneExample('en-GB') }), 'Enter a phone number, like 07700 900 982');
  });
});

describe('English is US English', () => {
  // Words a US reader notices as British; "cancelled" is left out (both spellings are current in the US).
  const BRITISH =
    /\b(?:colour|behaviour|organis(?:e|ed|ing|ation)|favour|centre|licence|anaesthe|haem|oesoph|tumour|programme|practise|paediatric|oedema|labour|honour|neighbour|recognis|realis|prioritis|minimis|judgement|telephone|postcode)/i;
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

  it('in the built-in strings, the medical screening, the default checklist and the demo intake', () => {
    for (const [where, source] of [
      ['src/i18n/en.ts', en],
      ['MEDICAL_SCREENING_PAGE', MEDICAL_SCREENING_PAGE],
      ['KAP_DEFAULT_CHECKLIST', KAP_DEFAULT_CHECKLIST],
      ['DEMO_INTAKE_FORM', DEMO_INTAKE_FORM],
    ] as const) {
      const british = texts(source).filter((text) => BRITISH.test(text));
      assert.deepEqual(british, [], `${where} has British spellings`);
    }
  });
});
