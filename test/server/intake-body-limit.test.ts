/**
 * Every answer the intake form allows fits the server's body limit: the demo form's longest
 * answers — 16,000 characters of free text — in Cyrillic, CJK, emoji, or control characters (the
 * worst JSON cost) are stored, not refused with 413. The intake route's limit is derived from the
 * served forms (`worstSubmissionBytes`), other routes keep their small one, and a form whose
 * answers could not all fit is refused when the server starts, naming what to shorten.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { MAX_BODY_BYTES } from '../../server/app.js';
import { CodeFormStore, MAX_INTAKE_BODY_BYTES } from '../../server/stores/code-forms.js';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { jsonBytes, worstSubmissionBytes } from '../../src/forms/submission-size.js';
import { MAX_ANSWER_LENGTH, toSubmission, type Answers } from '../../src/forms/index.js';
import { completeDemoAnswers, resolve } from '../forms/support.js';
import { countRows, testApp, openRows } from './support.js';

const form = () => resolve({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID });

/** The forms a server would serve from these definitions (default: the demo intake). */
const formsOf = (definitions?: Record<string, unknown>[]) => new CodeFormStore(definitions);

/** `count` UTF-16 code units of `unit` repeated (whole characters only: an emoji is two units). */
function filled(unit: string, count: number): string {
  return unit.repeat(Math.floor(count / unit.length));
}

/** The demo intake with every free-text answer as long as the form allows, written in `unit`. */
function longestAnswers(unit: string): Answers {
  const text = (count: number) => filled(unit, count);
  return {
    ...completeDemoAnswers(),
    'full-name': text(200),
    email: `${filled('ж', 120)}@${filled('ж', 120)}.рф`,
    'ms-heart': 'yes',
    'ms-heart-details': text(2000),
    'ms-substance-use': 'yes',
    'ms-substance-details': text(2000),
    'ms-medications': ['lamotrigine'],
    'ms-medications-list': text(4000),
    'ms-ketamine-before': 'yes',
    'ms-ketamine-details': text(2000),
    'ms-allergies': 'yes',
    'ms-allergies-details': text(2000),
    'ms-other': text(4000),
    'consent-treatment-information': { agreed: true, signature: text(200) },
  };
}

const SCRIPTS: [string, string][] = [
  ['Cyrillic', 'Ж'],
  ['emoji', '😀'],
  ['CJK', '漢'],
  ['control characters (6 bytes each in JSON)', '\u0001'],
];

describe('POST /intake-responses body limit', () => {
  for (const [name, unit] of SCRIPTS) {
    test(`the longest answers the demo form allows, in ${name}, are stored`, async () => {
      const app = testApp();
      const body = toSubmission(form(), longestAnswers(unit), { today: '2026-03-02' });
      const bytes = jsonBytes(body);
      assert.ok(bytes > MAX_BODY_BYTES, `the body (${bytes} bytes) is over the general 32 KB limit`);
      assert.ok(bytes <= worstSubmissionBytes(form()), `the bound (${worstSubmissionBytes(form())}) covers it (${bytes})`);
      const response = await app.postJson('/intake-responses', body, { 'Idempotency-Key': randomUUID() });
      assert.equal(response.status, 201, await response.clone().text());
      const stored = JSON.parse(openRows<{ answers: string }>(app, 'intake_responses', 'SELECT id, answers FROM intake_responses')[0]!.answers);
      assert.equal(stored['ms-other'], filled(unit, 4000), 'stored whole');
    });
  }

  test('a body over what the forms can need is still 413 payload_too_large, and nothing is stored', async () => {
    const app = testApp();
    const limit = await formsOf().maxSubmissionBytes();
    const body = { ...toSubmission(form(), completeDemoAnswers(), { today: '2026-03-02' }), padding: 'x'.repeat(limit) };
    const response = await app.postJson('/intake-responses', body, { 'Idempotency-Key': randomUUID() });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, 'payload_too_large');
    assert.equal(countRows(app, 'idempotency_keys'), 0);
  });

  test('other routes keep the small limit', async () => {
    const app = testApp();
    const response = await app.postJson('/holds', { service: 'consultation', start: '2026-03-03T15:00:00Z', pad: 'x'.repeat(MAX_BODY_BYTES) });
    assert.equal(response.status, 413);
  });

  test('the demo form needs well under the server’s ceiling', async () => {
    const worst = worstSubmissionBytes(form());
    assert.ok(worst < MAX_INTAKE_BODY_BYTES / 2, `${worst} bytes`);
    assert.equal(await formsOf().maxSubmissionBytes(), worst);
  });

  test('a form whose longest answers could not all be accepted is refused at start-up, naming what to shorten', () => {
    const notes = Array.from({ length: 6 }, (_, i) => ({ type: 'textarea', id: `notes-${i}`, label: `Notes ${i}`, maxLength: MAX_ANSWER_LENGTH }));
    const greedy = { id: 'greedy', title: 'Greedy', pages: [{ id: 'p', title: 'P', items: notes }] };
    assert.throws(
      () => testApp({ forms: [greedy] }),
      /Intake form "greedy" allows answers of up to \d+ KB, more than this server accepts \(512 KB\).*Lower the maxLength of its longest text questions: "notes-0" \(maxLength 20000\)/s,
    );
  });
});
