/**
 * The intake endpoints against the real app: the demo form is served as written, and a stored
 * response carries the server's own scores, review flags and safety flag (recomputed from the
 * answers, never the client's), under the same Idempotency-Key rules as bookings.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import {
  IntakeSubmission,
  parseFormDefinition,
  reviewFlags,
  scoreForm,
  safetyTriggered,
  toSubmission,
  type Answers,
  type ResolvedForm,
} from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { buildOpenApiDocument } from '../../server/openapi/document.js';
import { completeDemoAnswers } from '../forms/support.js';
import { CLIENT, testApp, type TestApp, openRows } from './support.js';

const TODAY = '2026-03-02';

function demoForm(): ResolvedForm {
  const parsed = parseFormDefinition({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID });
  assert.ok(parsed.ok);
  return parsed.form;
}

/** Answers with clinical content: PHQ-9 item 9 above zero, and screening answers that need review. */
function answersNeedingReview(): Answers {
  return {
    ...completeDemoAnswers(),
    'ms-blood-pressure': 'yes',
    'ms-blood-pressure-controlled': 'not-sure',
    'ms-pregnancy': ['breastfeeding'],
    'ms-medications': ['lamotrigine'],
    'ms-medications-list': 'Lamotrigine 100 mg',
    'phq-9.q9': 'more-than-half-the-days',
  };
}

function submissionFor(answers: Answers, booking?: string): IntakeSubmission {
  return toSubmission(demoForm(), answers, { today: TODAY, ...(booking ? { booking } : {}) });
}

interface StoredRow {
  id: string;
  form_id: string;
  form_version: string | null;
  booking_id: string | null;
  answers: string;
  scores: string;
  flags: string;
  safety: number;
  safety_items: string;
  received_at_ms: number;
}

function rows(app: TestApp): StoredRow[] {
  return openRows<StoredRow & Record<string, unknown>>(app, 'intake_responses', 'SELECT * FROM intake_responses ORDER BY received_at_ms');
}

const submit = (app: TestApp, body: unknown, key: string = randomUUID()) => app.postJson('/intake-responses', body, { 'Idempotency-Key': key });

describe('GET /forms/{id}', () => {
  test('answers the demo intake as written, and it parses', async () => {
    const app = testApp();
    const response = await app.request(`/forms/${DEMO_INTAKE_FORM_ID}`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(body, JSON.parse(JSON.stringify({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID })));
    const parsed = parseFormDefinition(body);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.form.pages.map((page) => page.id),
      ['contact', 'medical-screening', 'phq-9', 'gad-7', 'pcl-5', 'consent'],
    );
  });

  test('an unknown form is 404 not_found', async () => {
    const app = testApp();
    const response = await app.request('/forms/no-such-form');
    assert.equal(response.status, 404);
    assert.equal((await response.json()).error.code, 'not_found');
  });
});

describe('form versions', () => {
  const NEXT_VERSION = '2026-12-1';
  const nextVersion = () => ({ ...JSON.parse(JSON.stringify(DEMO_INTAKE_FORM)), id: DEMO_INTAKE_FORM_ID, version: NEXT_VERSION, title: 'Before you come in' });

  test('GET answers the latest published version; a response to the older one is still taken, scored and stored with its version', async () => {
    const app = testApp();
    await app.stores.forms.saveDraft(DEMO_INTAKE_FORM_ID, nextVersion(), app.clock.now().getTime());
    assert.equal((await (await app.request(`/forms/${DEMO_INTAKE_FORM_ID}`)).json()).version, DEMO_INTAKE_FORM.version, 'a draft is not served');
    await app.stores.forms.publish(DEMO_INTAKE_FORM_ID, nextVersion(), app.clock.now().getTime());
    const served = await (await app.request(`/forms/${DEMO_INTAKE_FORM_ID}`)).json();
    assert.equal(served.version, NEXT_VERSION);
    assert.equal(served.title, 'Before you come in');

    const answers = answersNeedingReview();
    assert.equal((await submit(app, submissionFor(answers))).status, 201);
    const [row] = rows(app);
    assert.equal(row!.form_id, DEMO_INTAKE_FORM_ID);
    assert.equal(row!.form_version, DEMO_INTAKE_FORM.version);
    assert.deepEqual(JSON.parse(row!.scores), JSON.parse(JSON.stringify(scoreForm(demoForm(), answers))));
  });

  test('an unknown form, an unknown version and a form with only a draft are 404, and nothing is stored', async () => {
    const app = testApp();
    const body = submissionFor(completeDemoAnswers());
    await app.stores.forms.saveDraft('draft-only', { ...nextVersion(), id: 'draft-only' }, app.clock.now().getTime());
    assert.equal((await app.request('/forms/draft-only')).status, 404);
    for (const wrong of [{ form: 'other-form' }, { version: '1999-1-1' }, { form: 'draft-only', version: NEXT_VERSION }, { form: 'draft-only' }]) {
      const response = await submit(app, { ...body, ...wrong });
      assert.equal(response.status, 404, JSON.stringify(wrong));
      assert.equal((await response.json()).error.code, 'not_found');
    }
    assert.equal(rows(app).length, 0);
  });
});

describe('POST /intake-responses', () => {
  test('stores the answers with scores, flags and safety recomputed as scoreForm/reviewFlags do', async () => {
    const app = testApp();
    const answers = answersNeedingReview();
    const body = submissionFor(answers);
    const response = await submit(app, body);
    assert.equal(response.status, 201);
    const created = await response.json();
    assert.match(created.response.id, /^ir_[\w-]{10,}$/);
    assert.equal(created.response.receivedAt, new Date(app.clock.ms).toISOString().replace('.000Z', 'Z'));
    assert.deepEqual(Object.keys(created), ['response'], 'the answer echoes no answers or scores');

    const [row, ...others] = rows(app);
    assert.equal(others.length, 0);
    assert.equal(row!.id, created.response.id);
    assert.equal(row!.form_id, DEMO_INTAKE_FORM_ID);
    assert.equal(row!.form_version, DEMO_INTAKE_FORM.version);
    assert.equal(row!.booking_id, null);
    assert.deepEqual(JSON.parse(row!.answers), body.answers);
    const form = demoForm();
    const scores = JSON.parse(row!.scores);
    assert.deepEqual(scores, JSON.parse(JSON.stringify(scoreForm(form, answers))));
    // PHQ-9: eight items at 1 and item 9 at 2 → 10, moderate; GAD-7 14; PCL-5 40.
    assert.deepEqual(
      scores.map((score: { instrument: string; total: number }) => [score.instrument, score.total]),
      [
        ['phq-9', 10],
        ['gad-7', 14],
        ['pcl-5', 40],
      ],
    );
    assert.equal(scores[0].safety, true);
    const flags = JSON.parse(row!.flags);
    assert.deepEqual(flags, reviewFlags(form, answers));
    for (const flag of ['blood-pressure', 'blood-pressure-uncontrolled', 'breastfeeding', 'lamotrigine']) {
      assert.ok(
        flags.some((f: { flag: string }) => f.flag === flag),
        `flag ${flag}`,
      );
    }
    assert.equal(row!.safety, 1);
    assert.deepEqual(JSON.parse(row!.safety_items), safetyTriggered(form, answers).items);
    assert.deepEqual(JSON.parse(row!.safety_items), ['phq-9.q9']);
  });

  test('ignores the scores, flags and safety the client sent', async () => {
    const app = testApp();
    const answers = answersNeedingReview();
    const honest = submissionFor(answers);
    const forged: IntakeSubmission = {
      ...honest,
      scores: honest.scores.map((score) => ({ ...score, total: 0, band: { id: 'minimal', label: 'Minimal' } })),
      flags: [],
      safety: false,
      safetyItems: [],
    };
    const response = await submit(app, forged);
    assert.equal(response.status, 201);
    const [row] = rows(app);
    assert.deepEqual(JSON.parse(row!.scores), JSON.parse(JSON.stringify(honest.scores)));
    assert.deepEqual(JSON.parse(row!.flags), honest.flags);
    assert.equal(row!.safety, 1);
    assert.deepEqual(JSON.parse(row!.safety_items), ['phq-9.q9']);
  });

  test('a calm intake is stored without a safety flag', async () => {
    const app = testApp();
    assert.equal((await submit(app, submissionFor(completeDemoAnswers()))).status, 201);
    const [row] = rows(app);
    assert.equal(row!.safety, 0);
    assert.deepEqual(JSON.parse(row!.safety_items), []);
  });

  test('links the response to a booking only with that booking’s bearer token; unknown ids look the same', async () => {
    const app = testApp();
    const booked = await (await app.book({ start: '2026-03-10T15:00:00Z' })).json();
    const other = await (await app.book({ start: '2026-03-11T15:00:00Z' })).json();
    const refusals: { booking: string; headers: Record<string, string> }[] = [
      { booking: booked.booking.id, headers: {} },
      { booking: booked.booking.id, headers: { Authorization: 'Bearer not-the-token' } },
      { booking: booked.booking.id, headers: { Authorization: `Bearer ${other.accessToken}` } },
      { booking: 'bk_nope', headers: {} },
      { booking: 'bk_nope', headers: { Authorization: `Bearer ${booked.accessToken}` } },
    ];
    const bodies: string[] = [];
    for (const { booking, headers } of refusals) {
      const response = await app.postJson('/intake-responses', submissionFor(completeDemoAnswers(), booking), {
        'Idempotency-Key': randomUUID(),
        ...headers,
      });
      assert.equal(response.status, 401, `${booking} with ${JSON.stringify(headers)}`);
      assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
      bodies.push(await response.text());
    }
    assert.equal(new Set(bodies).size, 1, 'an unknown id answers exactly as a wrong token does');
    assert.equal(JSON.parse(bodies[0]!).error.code, 'unauthorized');
    assert.equal(rows(app).length, 0);

    const linked = await app.postJson('/intake-responses', submissionFor(completeDemoAnswers(), booked.booking.id), {
      'Idempotency-Key': randomUUID(),
      Authorization: `Bearer ${booked.accessToken}`,
    });
    assert.equal(linked.status, 201);
    assert.equal(rows(app)[0]!.booking_id, booked.booking.id);
  });

  test('a key first refused for a missing token can be retried with the token', async () => {
    const app = testApp();
    const booked = await (await app.book({ start: '2026-03-10T15:00:00Z' })).json();
    const body = submissionFor(completeDemoAnswers(), booked.booking.id);
    const key = randomUUID();
    assert.equal((await submit(app, body, key)).status, 401);
    const retried = await app.postJson('/intake-responses', body, { 'Idempotency-Key': key, Authorization: `Bearer ${booked.accessToken}` });
    assert.equal(retried.status, 201);
    assert.equal(rows(app).length, 1);
  });

  describe('Idempotency-Key', () => {
    test('is required', async () => {
      const app = testApp();
      const response = await app.postJson('/intake-responses', submissionFor(completeDemoAnswers()));
      assert.equal(response.status, 400);
      assert.equal((await response.json()).error.code, 'idempotency_key_missing');
      assert.equal(rows(app).length, 0);
    });

    test('the same key and body replay the first answer; one response is stored', async () => {
      const app = testApp();
      const key = randomUUID();
      const body = submissionFor(answersNeedingReview());
      const first = await submit(app, body, key);
      const firstText = await first.text();
      assert.equal(first.status, 201);
      app.clock.advance(5_000);
      for (let retry = 0; retry < 2; retry++) {
        const again = await submit(app, body, key);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
        assert.equal(await again.text(), firstText);
      }
      assert.equal(rows(app).length, 1);
    });

    test('the same key with other answers is 422 idempotency_key_reused, and stores nothing more', async () => {
      const app = testApp();
      const key = randomUUID();
      assert.equal((await submit(app, submissionFor(completeDemoAnswers()), key)).status, 201);
      const reused = await submit(app, submissionFor(answersNeedingReview()), key);
      assert.equal(reused.status, 422);
      assert.equal((await reused.json()).error.code, 'idempotency_key_reused');
      assert.equal(rows(app).length, 1);
    });

    test('a rejected body releases its key: corrected, the same key succeeds', async () => {
      const app = testApp();
      const key = randomUUID();
      const answers = { ...completeDemoAnswers(), email: undefined };
      assert.equal((await submit(app, submissionFor(answers), key)).status, 422);
      assert.equal((await submit(app, submissionFor(completeDemoAnswers()), key)).status, 201);
    });
  });

  describe('validation (422 validation_failed, nothing stored)', () => {
    async function fieldsOf(app: TestApp, body: unknown): Promise<Record<string, string>> {
      const response = await submit(app, body);
      assert.equal(response.status, 422);
      const { error } = await response.json();
      assert.equal(error.code, 'validation_failed');
      assert.equal(rows(app).length, 0);
      return error.fields;
    }

    test('missing required answers are named by answer', async () => {
      const app = testApp();
      const answers: Record<string, unknown> = { ...completeDemoAnswers() };
      delete answers['email'];
      delete answers['phq-9.q3'];
      delete answers['consent-treatment-information'];
      const fields = await fieldsOf(app, submissionFor(answers as Answers));
      assert.deepEqual(Object.keys(fields).sort(), ['answers.consent-treatment-information', 'answers.email', 'answers.phq-9.q3']);
      assert.equal(fields['answers.email'], 'Enter your email address');
    });

    test('answers to questions hidden by other answers, unknown questions and wrong types', async () => {
      const app = testApp();
      const body = submissionFor(completeDemoAnswers());
      const fields = await fieldsOf(app, {
        ...body,
        answers: { ...body.answers, 'ms-heart-details': 'Angina', 'no-such-question': 'x', 'ms-heart': 'perhaps' },
      });
      assert.equal(fields['answers.ms-heart-details'], 'This question is hidden by the other answers');
      assert.equal(fields['answers.no-such-question'], 'Not a question in this form');
      assert.match(fields['answers.ms-heart']!, /Not a valid answer/);
    });

    test('an unknown key and a malformed body', async () => {
      const app = testApp();
      const body = submissionFor(completeDemoAnswers());
      assert.ok('score' in (await fieldsOf(app, { ...body, score: 3 })));
      assert.ok('answers' in (await fieldsOf(app, { ...body, answers: 'all fine' })));
    });

    test('a date of birth of "today" is accepted wherever on earth it is already that day', async () => {
      // 23:30 UTC on 2 March: in Kiritimati (UTC+14) it is already 3 March.
      const app = testApp({ start: '2026-03-02T23:30:00Z' });
      const answers = { ...completeDemoAnswers(), 'date-of-birth': { day: '3', month: '3', year: '2026' } };
      assert.equal((await submit(app, submissionFor(answers))).status, 201);
      const tomorrow = { ...completeDemoAnswers(), 'date-of-birth': { day: '4', month: '3', year: '2026' } };
      assert.ok('answers.date-of-birth' in (await fieldsOf(testApp({ start: '2026-03-02T23:30:00Z' }), submissionFor(tomorrow))));
    });
  });

  test('a safety answer whose page a later answer hid is stored with the safety flag (the server’s own recomputation)', async () => {
    const conditional = {
      id: 'conditional-phq-9',
      title: 'Conditional PHQ-9',
      pages: [
        { id: 'mood', title: 'Mood', items: [{ type: 'yesno', id: 'low', label: 'Have you been feeling low?' }] },
        { instrument: 'phq-9', when: { item: 'low', equals: 'yes' } },
      ],
    };
    const parsed = parseFormDefinition(conditional);
    assert.ok(parsed.ok);
    const app = testApp({ forms: [conditional] });
    // Item 9 answered "Nearly every day" while the PHQ-9 was shown, then "low" changed to "no".
    const answers: Answers = { low: 'no', 'phq-9.q9': 'nearly-every-day' };
    const body = IntakeSubmission.parse(JSON.parse(JSON.stringify(toSubmission(parsed.form, answers, { today: TODAY }))));
    assert.equal((await submit(app, { ...body, safety: false, safetyItems: [] })).status, 201);
    const [row] = rows(app);
    assert.equal(row!.safety, 1);
    assert.deepEqual(JSON.parse(row!.safety_items), ['phq-9.q9']);
    assert.deepEqual(JSON.parse(row!.answers), { low: false, 'phq-9.q9': 'nearly-every-day' });
  });

  test('logs carry no answers', async () => {
    const app = testApp();
    await submit(app, submissionFor(answersNeedingReview()));
    await submit(app, { ...submissionFor(completeDemoAnswers()), form: 'x' });
    const logs = app.logs.join('\n');
    assert.match(logs, /POST \/intake-responses 201/);
    for (const secret of ['Ann Lee', 'ann@example.com', '212 555 0100', 'Lamotrigine', 'phq-9', 'breastfeeding', CLIENT.name]) {
      assert.ok(!logs.includes(secret), `"${secret}" in the log`);
    }
  });
});

describe('the OpenAPI document', () => {
  test('describes the intake endpoints, and real requests and answers match it', async () => {
    const doc = buildOpenApiDocument();
    const base = 'https://kap-elements.test/openapi.json';
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: base, components: { schemas: doc.components.schemas } });
    const schema = (name: string) => ajv.compile({ $ref: `${base}#/components/schemas/${name}` });
    const operation = doc.paths['/intake-responses']!.post!;
    assert.deepEqual(operation.parameters, [{ $ref: '#/components/parameters/IdempotencyKeyRequired' }]);
    assert.deepEqual(operation.security, [{}, { bearerAuth: [] }], 'the bearer token is optional: needed only with `booking`');
    assert.ok(operation.responses['401']);
    assert.ok(doc.paths['/forms/{id}']!.get!.responses['404']);

    const app = testApp();
    const body = submissionFor(answersNeedingReview());
    const request = schema('IntakeSubmission');
    assert.ok(request(body), ajv.errorsText(request.errors));
    assert.equal(request({ ...body, score: 1 }), false, 'unknown keys are refused, as the server does');
    const created = schema('IntakeResponseCreated');
    assert.ok(created(await (await submit(app, body)).json()), ajv.errorsText(created.errors));
    assert.equal(created({ response: { id: 'ir_x' } }), false);
    const error = schema('ErrorBody');
    assert.ok(error(await (await submit(app, { ...body, form: 'x' })).json()));
  });
});
