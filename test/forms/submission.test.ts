/**
 * The submission: what the element sends (serialized values, scores, flags, safety), the request
 * schema the backend validates with, and the backend's own check and recomputation.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IntakeSubmission, checkSubmission, fromSubmission, toSubmission, type Answers, type InstrumentScore } from '../../src/forms/index.js';
import { TODAY, completeDemoAnswers, demoForm, resolve } from './support.js';
import { installClock, restoreClock } from '../support/manual-clock.js';

const everyType = resolve({
  id: 'types',
  version: 'v3',
  title: 'Types',
  pages: [
    {
      id: 'p',
      title: 'P',
      items: [
        { type: 'text', id: 'text', label: 'Text' },
        { type: 'textarea', id: 'textarea', label: 'Textarea', required: false },
        { type: 'email', id: 'email', label: 'Email' },
        { type: 'phone', id: 'phone', label: 'Phone' },
        { type: 'number', id: 'number', label: 'Number' },
        { type: 'date', id: 'date', label: 'Date' },
        {
          type: 'choice',
          id: 'choice',
          label: 'Choice',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        {
          type: 'multi',
          id: 'multi',
          label: 'Multi',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
            { value: 'c', label: 'C' },
          ],
        },
        { type: 'yesno', id: 'yesno', label: 'Yes/no' },
        {
          type: 'scale',
          id: 'scale',
          label: 'Scale',
          options: [
            { value: 'lo', label: 'Lo', score: 0 },
            { value: 'hi', label: 'Hi', score: 1 },
          ],
          rows: [
            { id: 'scale.1', label: 'One' },
            { id: 'scale.2', label: 'Two' },
          ],
        },
        { type: 'consent', id: 'consent', label: 'Agree', text: 'Terms', signature: true },
        { type: 'text', id: 'hidden', label: 'Hidden', when: { item: 'yesno', equals: 'no' } },
        { type: 'display', id: 'display', text: 'Text' },
      ],
    },
  ],
});

const typed: Answers = {
  text: '  Hello  ',
  textarea: '',
  email: ' a@b.co ',
  phone: '212 555 0100',
  number: ' 1,234.5 ',
  date: { day: '4', month: '3', year: '1990' },
  choice: 'b',
  multi: ['c', 'a'],
  yesno: 'yes',
  'scale.1': 'hi',
  'scale.2': 'lo',
  consent: { agreed: true, signature: ' Ann Lee ' },
  hidden: 'should not be sent',
  stranger: 'not in the form',
};

describe('toSubmission', () => {
  it('serializes each type: trimmed text, numbers, YYYY-MM-DD, booleans, option values, dated signature', () => {
    const body = toSubmission(everyType, typed, { today: TODAY, booking: 'bk_1' });
    assert.deepEqual(body.answers, {
      text: 'Hello',
      email: 'a@b.co',
      phone: '212 555 0100',
      number: 1234.5,
      date: '1990-03-04',
      choice: 'b',
      multi: ['a', 'c'],
      yesno: true,
      'scale.1': 'hi',
      'scale.2': 'lo',
      consent: { agreed: true, signature: 'Ann Lee', signedOn: TODAY },
    });
    assert.equal(body.form, 'types');
    assert.equal(body.version, 'v3');
    assert.equal(body.booking, 'bk_1');
    assert.deepEqual([body.scores, body.flags, body.safety, body.safetyItems], [[], [], false, []]);
  });

  it('leaves out empty, invalid and hidden answers, and keeps an existing signature date', () => {
    const body = toSubmission(
      everyType,
      {
        text: '   ',
        number: 'twelve',
        date: { day: '31', month: '2', year: '1990' },
        choice: 'z',
        yesno: 'no',
        hidden: ' shown now ',
        consent: { agreed: true, signature: 'Ann', signedOn: '2026-11-20' },
      },
      { today: TODAY },
    );
    assert.deepEqual(body.answers, { yesno: false, consent: { agreed: true, signature: 'Ann', signedOn: '2026-11-20' }, hidden: 'shown now' });
    assert.equal('booking' in body, false);
  });

  it('a fixed `today` keeps the body byte-identical across midnight; without it the signature takes the new day', (t) => {
    const clock = installClock(new Date(2026, 10, 25, 23, 59, 30).getTime());
    t.after(restoreClock);
    const form = demoForm();
    const answers = completeDemoAnswers();
    const sent = JSON.stringify(toSubmission(form, answers, { today: '2026-11-25', booking: 'bk_1' }));
    const unpinned = JSON.stringify(toSubmission(form, answers, { booking: 'bk_1' }));
    assert.equal(unpinned, sent, 'before midnight, today is 2026-11-25');
    clock.set(new Date(2026, 10, 26, 0, 0, 30).getTime());
    assert.equal(JSON.stringify(toSubmission(form, answers, { today: '2026-11-25', booking: 'bk_1' })), sent);
    const after = toSubmission(form, answers, { booking: 'bk_1' });
    assert.notEqual(JSON.stringify(after), sent, 'a new submission after midnight is dated the new day');
    assert.ok(JSON.stringify(after.answers).includes('"signedOn":"2026-11-26"'));
  });

  it('carries scores, review flags and the safety flag of the demo intake, valid against IntakeSubmission', () => {
    const form = demoForm();
    const answers = {
      ...completeDemoAnswers(),
      'ms-pregnancy': ['pregnant'],
      'ms-medications': ['lamotrigine'],
      'ms-medications-list': 'Lamotrigine 100 mg',
      'phq-9.q9': 'several-days',
    };
    const body = toSubmission(form, answers, { today: TODAY });
    assert.deepEqual(
      body.scores.map((s) => [s.instrument, s.complete, s.total, s.band?.label ?? null]),
      [
        ['phq-9', true, 9, 'Mild'],
        ['gad-7', true, 14, 'Moderate'],
        ['pcl-5', true, 40, null],
      ],
    );
    assert.deepEqual(body.flags, [
      { itemId: 'ms-pregnancy', flag: 'pregnancy' },
      { itemId: 'ms-medications', flag: 'lamotrigine' },
    ]);
    assert.equal(body.safety, true);
    assert.deepEqual(body.safetyItems, ['phq-9.q9']);
    const parsed = IntakeSubmission.safeParse(JSON.parse(JSON.stringify(body)));
    assert.ok(parsed.success);
    assert.deepEqual(parsed.data, body, 'the schema keeps every field of every score');
    // And the schema's score type admits every score the scoring functions return (checked by tsc).
    const scoreTypesAgree: InstrumentScore extends IntakeSubmission['scores'][number] ? true : false = true;
    assert.equal(scoreTypesAgree, true);
  });
});

describe('IntakeSubmission', () => {
  const valid = () => JSON.parse(JSON.stringify(toSubmission(everyType, typed, { today: TODAY })));

  it('accepts what toSubmission produces', () => {
    assert.ok(IntakeSubmission.safeParse(valid()).success);
  });

  it('rejects unknown fields, wrong answer shapes, false consent and bad signature dates', () => {
    const broken: ((body: Record<string, any>) => void)[] = [
      (b) => (b.extra = 1),
      (b) => delete b.safety,
      (b) => (b.answers.text = { nested: true }),
      (b) => (b.answers.text = null),
      (b) => (b.answers.consent = { agreed: false }),
      (b) => (b.answers.consent = { agreed: true, signedOn: '2026-02-30' }),
      (b) => (b.scores = [{ instrument: 'c-ssrs', complete: true, total: 1, answered: 1, missing: [], band: null }]),
      (b) => (b.form = ''),
    ];
    for (const breakIt of broken) {
      const body = valid();
      breakIt(body);
      assert.equal(IntakeSubmission.safeParse(body).success, false, breakIt.toString());
    }
  });
});

describe('fromSubmission', () => {
  it('turns serialized answers back into view values that serialize the same (property)', () => {
    const answers = fc.record(
      {
        text: fc.string({ maxLength: 20 }),
        number: fc.oneof(fc.integer().map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.string({ maxLength: 4 })),
        date: fc.record({
          day: fc.integer({ min: 0, max: 32 }).map(String),
          month: fc.integer({ min: 0, max: 13 }).map(String),
          year: fc.integer({ min: 900, max: 2100 }).map(String),
        }),
        choice: fc.constantFrom('a', 'b', 'z'),
        multi: fc.subarray(['a', 'b', 'c', 'z']),
        yesno: fc.constantFrom('yes', 'no', ''),
        'scale.1': fc.constantFrom('lo', 'hi'),
        consent: fc.record({ agreed: fc.boolean(), signature: fc.string({ maxLength: 8 }) }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, (view) => {
        const first = toSubmission(everyType, view, { today: TODAY });
        const again = toSubmission(everyType, fromSubmission(everyType, first.answers), { today: TODAY });
        assert.deepEqual(again, first);
      }),
      { numRuns: 500 },
    );
  });

  it('restores dates, numbers and yes/no as a person would type them', () => {
    assert.deepEqual(fromSubmission(everyType, { date: '1990-03-04', number: 12.5, yesno: false, unknown: 'x' }), {
      date: { day: '4', month: '3', year: '1990' },
      number: '12.5',
      yesno: 'no',
    });
  });
});

describe('checkSubmission (backend)', () => {
  const form = demoForm();
  const body = () => JSON.parse(JSON.stringify(toSubmission(form, completeDemoAnswers(), { today: TODAY, booking: 'bk_9' })));

  it('accepts a valid submission and returns it recomputed, keeping the booking and signature date', () => {
    const result = checkSubmission(form, IntakeSubmission.parse(body()), { today: TODAY });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.fields));
    assert.deepEqual(result.submission, body());
    assert.equal(result.submission.booking, 'bk_9');
  });

  it('recomputes scores, flags and safety rather than trusting the client', () => {
    const tampered = body();
    tampered.answers['phq-9.q9'] = 'nearly-every-day';
    tampered.scores = [];
    tampered.flags = [];
    tampered.safety = false;
    tampered.safetyItems = [];
    const result = checkSubmission(form, IntakeSubmission.parse(tampered), { today: TODAY });
    assert.ok(result.ok);
    assert.equal(result.submission.safety, true);
    assert.deepEqual(result.submission.safetyItems, ['phq-9.q9']);
    assert.deepEqual(
      result.submission.scores.map((s) => s.total),
      [11, 14, 40],
    );
  });

  it('rejects unknown questions, wrong types, untrimmed or unknown values, hidden answers, missing answers and another form', () => {
    const bad = body();
    bad.form = 'other-form';
    bad.answers.favourite = 'x';
    bad.answers['ms-heart'] = 'no';
    bad.answers['ms-liver'] = 'perhaps';
    bad.answers['full-name'] = ' Ann ';
    bad.answers['ms-heart-details'] = 'Hidden because the heart answer is no';
    bad.answers['ms-pregnancy'] = ['none', 'pregnant'];
    delete bad.answers.email;
    const result = checkSubmission(form, IntakeSubmission.parse(bad), { today: TODAY });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.fields, {
      form: 'This response is for form "other-form", not "demo-intake"',
      'answers.favourite': 'Not a question in this form',
      'answers.ms-heart': 'Not a valid answer to a yesno question',
      'answers.ms-liver': 'Not a valid answer to a yesno question',
      'answers.full-name': 'Not a valid answer to a text question',
      'answers.ms-heart-details': 'This question is hidden by the other answers',
      'answers.ms-pregnancy': 'Select “None of these” or other options, not both',
      'answers.email': 'Enter your email address',
    });
  });
});
