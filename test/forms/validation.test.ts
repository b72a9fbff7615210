/**
 * Validation as a client meets it: GOV.UK-style messages for every item type, real dates,
 * the input each error links to, page order, and only visible items.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parseFormDefinition,
  validateForm,
  validatePage,
  type Answers,
  type ResolvedForm,
  type ValidationError,
  type ValidationOptions,
} from '../../src/forms/index.js';

const TODAY = '2026-11-25';

function resolve(json: unknown): ResolvedForm {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.form;
}

const one = (item: Record<string, unknown>) => resolve({ id: 'f', title: 'F', pages: [{ id: 'p', title: 'P', items: [item] }] });

/** The errors for one item given its view value. */
function errorsFor(item: Record<string, unknown>, value: Answers[string], options: ValidationOptions = {}): ValidationError[] {
  return validatePage(one(item), 0, value === undefined ? {} : { [item.id as string]: value }, { today: TODAY, ...options });
}
const messageFor = (item: Record<string, unknown>, value: Answers[string], options?: ValidationOptions) =>
  errorsFor(item, value, options).map((e) => e.message)[0];

describe('required items', () => {
  it('use requiredMessage when given, else "Enter …"/"Select …" with the short name, else a plain request', () => {
    assert.equal(messageFor({ type: 'text', id: 'n', label: 'Full name', requiredMessage: 'Enter your full name' }, ''), 'Enter your full name');
    assert.equal(messageFor({ type: 'text', id: 'n', label: 'Full name' }, '   '), 'Enter full name');
    assert.equal(messageFor({ type: 'text', id: 'n', label: 'What is your name?' }, undefined), 'Enter an answer');
    assert.equal(messageFor({ type: 'text', id: 'n', label: 'What is your name?', shortText: 'your name' }, undefined), 'Enter your name');
    assert.equal(messageFor({ type: 'text', id: 'z', label: 'ZIP code' }, undefined), 'Enter ZIP code');
    assert.equal(messageFor({ type: 'yesno', id: 'y', label: 'Do you smoke?' }, undefined), 'Select an answer');
    assert.equal(messageFor({ type: 'yesno', id: 'y', label: 'Do you smoke?', shortText: 'whether you smoke' }, undefined), 'Select whether you smoke');
    assert.equal(
      messageFor(
        {
          type: 'multi',
          id: 'm',
          label: 'Which apply?',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        [],
      ),
      'Select at least one option',
    );
    assert.equal(messageFor({ type: 'consent', id: 'k', label: 'I agree', text: 'Terms' }, { agreed: false }), 'Confirm that you agree');
  });

  it('optional items may be left empty but are still checked when filled in', () => {
    assert.deepEqual(errorsFor({ type: 'email', id: 'e', label: 'Email', required: false }, ''), []);
    assert.equal(
      messageFor({ type: 'email', id: 'e', label: 'Email', required: false }, 'nope'),
      'Enter an email address in the correct format, like name@example.com',
    );
    assert.deepEqual(errorsFor({ type: 'consent', id: 'k', label: 'I agree', text: 'Terms', required: false }, { agreed: false }), []);
  });
});

describe('text, email and phone', () => {
  it('check lengths (after trimming), with a generous default maximum', () => {
    const item = { type: 'text', id: 't', label: 'Nickname', minLength: 2, maxLength: 5 };
    assert.equal(messageFor(item, 'a'), 'Nickname must be 2 characters or more');
    assert.equal(messageFor(item, 'abcdef'), 'Nickname must be 5 characters or fewer');
    assert.deepEqual(errorsFor(item, '  abcde  '), []);
    assert.equal(messageFor({ type: 'text', id: 't', label: 'Nickname' }, 'x'.repeat(501)), 'Nickname must be 500 characters or fewer');
    assert.equal(messageFor({ type: 'textarea', id: 't', label: 'Notes' }, 'x'.repeat(5001)), 'Notes must be 5000 characters or fewer');
  });

  it('match the whole answer against a pattern and show its human message', () => {
    const zip = { type: 'text', id: 'zip', label: 'ZIP code', pattern: '[0-9]{5}(-[0-9]{4})?', patternMessage: 'Enter a ZIP code, like 10001' };
    assert.deepEqual(errorsFor(zip, '10001'), []);
    assert.deepEqual(errorsFor(zip, ' 10001-1234 '), []);
    assert.equal(messageFor(zip, '100011'), 'Enter a ZIP code, like 10001');
    assert.equal(messageFor(zip, 'x10001'), 'Enter a ZIP code, like 10001');
  });

  it('check emails and phone numbers', () => {
    const email = { type: 'email', id: 'e', label: 'Email' };
    for (const ok of ['a@b.co', ' name.surname+tag@clinic.example ']) assert.deepEqual(errorsFor(email, ok), [], ok);
    for (const bad of ['a@b', 'a b@c.de', '@c.de', 'a@.de', 'a@b..de']) {
      assert.equal(messageFor(email, bad), 'Enter an email address in the correct format, like name@example.com', bad);
    }
    const phone = { type: 'phone', id: 'ph', label: 'Phone' };
    for (const ok of ['212 555 0100', '+1 (212) 555-0100', '01632 960 001']) assert.deepEqual(errorsFor(phone, ok), [], ok);
    for (const bad of ['555', 'call me', '+1 212 555 0100 ext 2', '1234567890123456']) {
      assert.equal(messageFor(phone, bad), 'Enter a phone number, like 212 555 0100', bad);
    }
  });
});

describe('numbers', () => {
  const weight = { type: 'number', id: 'w', label: 'Weight', unit: 'kg', min: 40, max: 250 };

  it('read numbers as typed: spaces, thousands commas, decimals, a sign', () => {
    for (const ok of ['40', ' 72.5 ', '250', '1,00'.replace(',', ''), '+100']) assert.deepEqual(errorsFor(weight, ok), [], ok);
    assert.deepEqual(errorsFor({ type: 'number', id: 'n', label: 'Steps' }, '12,345'), []);
  });

  it('say "must be a number", "must be a whole number" and "Enter a number between 40 and 250"', () => {
    assert.equal(messageFor(weight, '72kg'), 'Weight must be a number');
    assert.equal(messageFor(weight, 'seventy'), 'Weight must be a number');
    assert.equal(messageFor(weight, '1.2.3'), 'Weight must be a number');
    assert.equal(messageFor({ ...weight, integer: true }, '72.5'), 'Weight must be a whole number');
    assert.equal(messageFor(weight, '39.9'), 'Enter a number between 40 and 250');
    assert.equal(messageFor(weight, '251'), 'Enter a number between 40 and 250');
    assert.equal(messageFor({ type: 'number', id: 'n', label: 'Age', min: 18 }, '17'), 'Enter a number that is 18 or more');
    assert.equal(messageFor({ type: 'number', id: 'n', label: 'Age', max: 120 }, '121'), 'Enter a number that is 120 or less');
  });
});

describe('dates (three fields)', () => {
  const dob = { type: 'date', id: 'dob', label: 'Date of birth', dateOfBirth: true, requiredMessage: 'Enter your date of birth' };
  const parts = (day: string, month: string, year: string) => ({ day, month, year });

  it('ask for the date, then for the missing parts, linking to the first missing part', () => {
    assert.deepEqual(errorsFor(dob, parts('', '', '')), [
      { itemId: 'dob', field: 'dob.day', message: 'Enter your date of birth', parts: ['day', 'month', 'year'] },
    ]);
    const cases: [ReturnType<typeof parts>, string, string[]][] = [
      [parts('', '3', '1990'), 'Date of birth must include a day', ['day']],
      [parts('4', '', '1990'), 'Date of birth must include a month', ['month']],
      [parts('4', '3', ''), 'Date of birth must include a year', ['year']],
      [parts('', '', '1990'), 'Date of birth must include a day and month', ['day', 'month']],
      [parts('', '3', ''), 'Date of birth must include a day and year', ['day', 'year']],
      [parts('4', ' ', ''), 'Date of birth must include a month and year', ['month', 'year']],
    ];
    for (const [value, message, marked] of cases) {
      assert.deepEqual(errorsFor(dob, value), [{ itemId: 'dob', field: `dob.${marked[0]}`, message, parts: marked }], JSON.stringify(value));
    }
  });

  it('accept only real dates: 31 February, 29 February outside leap years, month 13 and words fail', () => {
    for (const [day, month, year, marked] of [
      ['31', '2', '1990', ['day', 'month', 'year']],
      ['29', '2', '1900', ['day', 'month', 'year']],
      ['31', '4', '1990', ['day', 'month', 'year']],
      ['1', '13', '1990', ['month']],
      ['32', '1', '1990', ['day']],
      ['0', '1', '1990', ['day']],
      ['x', '1', '1990', ['day']],
      ['1', 'March', '1990', ['month']],
      ['1', '1', 'nineteen', ['year']],
    ] as const) {
      assert.deepEqual(errorsFor(dob, parts(day, month, year)), [
        { itemId: 'dob', field: `dob.${marked[0]}`, message: 'Date of birth must be a real date', parts: [...marked] },
      ]);
    }
    assert.deepEqual(errorsFor(dob, parts('29', '2', '2000')), []);
    assert.deepEqual(errorsFor(dob, parts(' 04 ', '03', '1990')), []);
  });

  it('agree with the calendar, leap years included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1900, 2000, 2023, 2024), (d, m, y) => {
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const errors = errorsFor({ type: 'date', id: 'd', label: 'Date' }, parts(String(d), String(m), String(y)));
        assert.equal(errors.length === 0, real, `${y}-${m}-${d}`);
      }),
    );
  });

  it('want a four-digit year', () => {
    assert.deepEqual(errorsFor(dob, parts('4', '3', '90')), [{ itemId: 'dob', field: 'dob.year', message: 'Year must include 4 numbers', parts: ['year'] }]);
  });

  it('keep a date of birth in the past and within 120 years', () => {
    assert.equal(messageFor(dob, parts('26', '11', '2026')), 'Date of birth must be today or in the past');
    assert.deepEqual(errorsFor(dob, parts('25', '11', '2026')), []);
    assert.equal(messageFor(dob, parts('24', '11', '1906')), 'Date of birth must be the same as or after November 25, 1906');
    assert.equal(messageFor(dob, parts('24', '11', '1906'), { locale: 'en-GB' }), 'Date of birth must be the same as or after 25 November 1906');
  });

  it('apply absolute and relative limits', () => {
    const appointment = { type: 'date', id: 'a', label: 'Appointment date', min: 'today', max: '+30d' };
    assert.equal(messageFor(appointment, parts('24', '11', '2026')), 'Appointment date must be today or in the future');
    assert.equal(messageFor(appointment, parts('26', '12', '2026')), 'Appointment date must be the same as or before December 25, 2026');
    assert.deepEqual(errorsFor(appointment, parts('25', '12', '2026')), []);
    const adult = { type: 'date', id: 'd', label: 'Date of birth', max: '-18y' };
    assert.deepEqual(errorsFor(adult, parts('25', '11', '2008')), []);
    assert.equal(messageFor(adult, parts('26', '11', '2008')), 'Date of birth must be the same as or before November 25, 2008');
    const range = { type: 'date', id: 'd', label: 'Start date', min: '2020-01-01', max: '2020-12-31' };
    assert.equal(messageFor(range, parts('31', '12', '2019')), 'Start date must be the same as or after January 1, 2020');
  });
});

describe('choices, scales and consent', () => {
  const options = [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
    { value: 'none', label: 'None of these', exclusive: true },
  ];

  it('reject values that are not options', () => {
    assert.equal(messageFor({ type: 'choice', id: 'c', label: 'Pick one', options: options.slice(0, 2) }, 'z'), 'Select pick one');
    assert.equal(messageFor({ type: 'yesno', id: 'y', label: 'Smoker?' }, 'maybe'), 'Select an answer');
    assert.equal(messageFor({ type: 'multi', id: 'm', label: 'Which?', options }, ['z']), 'Select at least one option');
  });

  it('do not combine an exclusive option with others', () => {
    assert.equal(messageFor({ type: 'multi', id: 'm', label: 'Which?', options }, ['a', 'none']), 'Select “None of these” or other options, not both');
    assert.deepEqual(errorsFor({ type: 'multi', id: 'm', label: 'Which?', options }, ['none']), []);
  });

  it('check every row of a required scale, by row, in order', () => {
    const scale = {
      type: 'scale',
      id: 's',
      label: 'How often?',
      options: [
        { value: 'never', label: 'Never', score: 0 },
        { value: 'often', label: 'Often', score: 1 },
      ],
      rows: [
        { id: 's.1', label: 'One' },
        { id: 's.2', label: 'Two', shortText: 'how often you feel two' },
        { id: 's.3', label: 'Three' },
      ],
    };
    const form = one(scale);
    assert.deepEqual(validatePage(form, 0, { 's.1': 'often', 's.3': 'sometimes' }), [
      { itemId: 's.2', field: 's.2', message: 'Select how often you feel two' },
      { itemId: 's.3', field: 's.3', message: 'Select an answer for question 3' },
    ]);
    assert.deepEqual(
      validatePage(one({ ...scale, required: false }), 0, { 's.3': 'sometimes' }).map((e) => e.itemId),
      ['s.3'],
    );
  });

  it('ask for a typed full name as signature when the consent has one, linking to it', () => {
    const consent = { type: 'consent', id: 'k', label: 'I agree', text: 'Terms', signature: true };
    assert.deepEqual(errorsFor(consent, { agreed: true }), [{ itemId: 'k', field: 'k.signature', message: 'Enter your full name to sign' }]);
    assert.deepEqual(
      errorsFor(consent, { agreed: true, signature: '  ' }).map((e) => e.field),
      ['k.signature'],
    );
    assert.deepEqual(errorsFor(consent, { agreed: true, signature: 'Ann Lee' }), []);
    assert.equal(messageFor(consent, { agreed: false, signature: 'Ann Lee' }), 'Confirm that you agree');
  });
});

describe('validatePage and validateForm', () => {
  const form = resolve({
    id: 'f',
    title: 'F',
    pages: [
      {
        id: 'one',
        title: 'One',
        items: [
          { type: 'text', id: 'name', label: 'Full name' },
          { type: 'yesno', id: 'pregnant', label: 'Pregnant?', shortText: 'whether you are pregnant' },
          { type: 'text', id: 'weeks', label: 'Weeks', when: { item: 'pregnant', equals: 'yes' } },
          { type: 'display', id: 'hint', text: 'Thanks' },
        ],
      },
      { id: 'two', title: 'Two', items: [{ type: 'email', id: 'email', label: 'Email' }] },
    ],
  });

  it('validate only visible items, in page order', () => {
    assert.deepEqual(
      validatePage(form, 0, {}).map((e) => e.message),
      ['Enter full name', 'Select whether you are pregnant'],
    );
    assert.deepEqual(
      validatePage(form, 0, { pregnant: 'yes' }).map((e) => e.itemId),
      ['name', 'weeks'],
    );
    assert.deepEqual(
      validatePage(form, form.pages[1]!, {}).map((e) => e.itemId),
      ['email'],
    );
    assert.deepEqual(
      validateForm(form, { pregnant: 'no' }).map((e) => e.itemId),
      ['name', 'email'],
    );
    assert.deepEqual(validateForm(form, { name: 'A', pregnant: 'no', email: 'a@b.co', weeks: '' }), []);
  });

  it('refuse a page that does not exist', () => {
    assert.throws(() => validatePage(form, 7, {}), RangeError);
  });

  it('take replacement message templates (another language, clinic wording)', () => {
    const messages = { enter: 'Introduzca {name}', select: 'Seleccione {name}' };
    assert.deepEqual(
      validatePage(form, 0, {}, { messages }).map((e) => e.message),
      ['Introduzca full name', 'Seleccione whether you are pregnant'],
    );
  });
});
