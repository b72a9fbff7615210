/**
 * `POST safety-signals` against the real app: a safety answer in an intake linked to a booking
 * reaches the clinic's database at once — booking, form, version, items and the time, nothing
 * else — once per booking, form, version and item set, only with the booking's token (a uniform
 * 401 otherwise), rate-limited like every write, and linked to the intake response sent later.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { parseFormDefinition, toSubmission } from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { completeDemoAnswers } from '../forms/support.js';
import { MINUTE, testApp, type TestApp } from './support.js';

interface SignalRow {
  id: string;
  booking_id: string;
  form_id: string;
  form_version: string | null;
  items: string;
  received_at_ms: number;
  response_id: string | null;
}

const signals = (app: TestApp) => app.db.prepare('SELECT * FROM safety_signals ORDER BY rowid').all() as SignalRow[];

async function booked(app: TestApp, start = '2026-03-10T15:00:00Z'): Promise<{ id: string; token: string }> {
  const response = await app.book({ start });
  assert.equal(response.status, 201);
  const body = await response.json();
  return { id: body.booking.id, token: body.accessToken };
}

function send(app: TestApp, body: unknown, token: string | undefined, key: string = randomUUID()): Promise<Response> {
  return app.postJson('/safety-signals', body, {
    'Idempotency-Key': key,
    ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
  });
}

const signalFor = (booking: string, items = ['phq-9.q9']) => ({ booking, form: DEMO_INTAKE_FORM_ID, version: DEMO_INTAKE_FORM.version, items });

describe('POST /safety-signals', () => {
  test('records the booking, form, version, items and time — nothing else — and answers its id', async () => {
    const app = testApp();
    const booking = await booked(app);
    const response = await send(app, signalFor(booking.id), booking.token);
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ['signal']);
    assert.match(body.signal.id, /^ss_[\w-]{10,}$/);
    assert.equal(body.signal.receivedAt, new Date(app.clock.ms).toISOString().replace('.000Z', 'Z'));
    const [row, ...others] = signals(app);
    assert.equal(others.length, 0);
    assert.deepEqual(row, {
      id: body.signal.id,
      booking_id: booking.id,
      form_id: DEMO_INTAKE_FORM_ID,
      form_version: DEMO_INTAKE_FORM.version,
      items: '["phq-9.q9"]',
      received_at_ms: app.clock.ms,
      response_id: null,
    });
  });

  test('is one signal per booking, form, version and item set: the same key replays, a new key finds the first', async () => {
    const app = testApp();
    const booking = await booked(app);
    const key = randomUUID();
    const first = await (await send(app, signalFor(booking.id), booking.token, key)).json();
    app.clock.advance(MINUTE);
    const replayed = await send(app, signalFor(booking.id), booking.token, key);
    assert.equal(replayed.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await replayed.json(), first);
    // A reload (no draft) sends the same set again with a new key: still the first signal.
    const again = await send(app, signalFor(booking.id), booking.token);
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), first);
    assert.equal(signals(app).length, 1);
    // Repeats do not make a new set.
    const repeated = await (await send(app, { ...signalFor(booking.id), items: ['phq-9.q9', 'phq-9.q9'] }, booking.token)).json();
    assert.deepEqual(repeated, first);
    assert.equal(signals(app).length, 1);
  });

  test('a further safety item makes a new set, hence a new signal; the order items come in does not', async () => {
    const form = {
      id: 'two-safety-items',
      title: 'Two safety items',
      pages: [
        {
          id: 'p',
          title: 'P',
          items: [
            { type: 'yesno', id: 'harm', label: 'Harm?', safety: true },
            { type: 'yesno', id: 'calm', label: 'Calm?' },
          ],
        },
        { instrument: 'phq-9' },
      ],
    };
    const app = testApp({ forms: [form] });
    const booking = await booked(app);
    const record = async (items: string[]) => (await send(app, { booking: booking.id, form: form.id, items }, booking.token)).json();
    const first = (await record(['phq-9.q9'])).signal;
    const both = (await record(['phq-9.q9', 'harm'])).signal;
    assert.notEqual(both.id, first.id);
    assert.deepEqual((await record(['harm', 'phq-9.q9'])).signal, both);
    assert.deepEqual(
      signals(app).map((row) => [row.items, row.form_version]),
      [
        ['["phq-9.q9"]', null],
        ['["harm","phq-9.q9"]', null],
      ],
    );
    assert.deepEqual((await record(['calm'])).error.fields, { 'items.0': 'Not a safety item of this form.' });
  });

  test('a wrong or missing token and an unknown booking answer the same 401; nothing is recorded', async () => {
    const app = testApp();
    const booking = await booked(app);
    const other = await booked(app, '2026-03-11T15:00:00Z');
    const bodies: string[] = [];
    for (const [id, token] of [
      [booking.id, undefined],
      [booking.id, 'not-the-token'],
      [booking.id, other.token],
      ['bk_nope', undefined],
      ['bk_nope', booking.token],
    ] as const) {
      const response = await send(app, signalFor(id), token);
      assert.equal(response.status, 401, `${id} with ${token}`);
      assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
      bodies.push(await response.text());
    }
    assert.equal(new Set(bodies).size, 1);
    assert.equal(JSON.parse(bodies[0]!).error.code, 'unauthorized');
    assert.deepEqual(signals(app), []);
  });

  test('refuses what is not a signal: no key, an unknown form, an item that is not a safety item, answers or scores', async () => {
    const app = testApp();
    const booking = await booked(app);
    const noKey = await app.postJson('/safety-signals', signalFor(booking.id), { Authorization: `Bearer ${booking.token}` });
    assert.equal(noKey.status, 400);
    assert.equal((await noKey.json()).error.code, 'idempotency_key_missing');
    const fieldsOf = async (body: unknown) => {
      const response = await send(app, body, booking.token);
      assert.equal(response.status, 422);
      const { error } = await response.json();
      assert.equal(error.code, 'validation_failed');
      return error.fields;
    };
    assert.deepEqual(await fieldsOf({ ...signalFor(booking.id), form: 'no-such-form' }), { form: 'There is no intake form with this id.' });
    assert.deepEqual(await fieldsOf({ ...signalFor(booking.id), items: ['phq-9.q9', 'phq-9.q1', 'email'] }), {
      'items.1': 'Not a safety item of this form.',
      'items.2': 'Not a safety item of this form.',
    });
    assert.ok('items' in (await fieldsOf({ ...signalFor(booking.id), items: [] })));
    assert.ok('answers' in (await fieldsOf({ ...signalFor(booking.id), answers: { 'phq-9.q9': 'nearly-every-day' } })));
    assert.ok('score' in (await fieldsOf({ ...signalFor(booking.id), score: 3 })));
    assert.deepEqual(signals(app), []);
  });

  test('is rate-limited like every other write', async () => {
    const app = testApp({ rateLimit: { writes: 3, windowMs: MINUTE } });
    const booking = await booked(app);
    assert.equal((await send(app, signalFor(booking.id), booking.token)).status, 201);
    assert.equal((await send(app, signalFor(booking.id), booking.token)).status, 201);
    const limited = await send(app, signalFor(booking.id), booking.token);
    assert.equal(limited.status, 429);
    assert.equal((await limited.json()).error.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
  });

  test('the intake response later sent for the same booking, form and version is linked to the signal', async () => {
    const app = testApp();
    const booking = await booked(app);
    const other = await booked(app, '2026-03-11T15:00:00Z');
    await send(app, signalFor(booking.id), booking.token);
    await send(app, signalFor(other.id), other.token);
    const parsed = parseFormDefinition({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID });
    assert.ok(parsed.ok);
    const submission = toSubmission(parsed.form, completeDemoAnswers(), { today: '2026-03-02', booking: booking.id });
    const response = await app.postJson('/intake-responses', submission, {
      'Idempotency-Key': randomUUID(),
      Authorization: `Bearer ${booking.token}`,
    });
    assert.equal(response.status, 201);
    const { response: stored } = await response.json();
    const byBooking = Object.fromEntries(signals(app).map((row) => [row.booking_id, row.response_id]));
    assert.deepEqual(byBooking, { [booking.id]: stored.id, [other.id]: null });
  });

  test('logs carry the route and status only', async () => {
    const app = testApp();
    const booking = await booked(app);
    await send(app, signalFor(booking.id), booking.token);
    const logs = app.logs.join('\n');
    assert.match(logs, /POST \/safety-signals 201/);
    for (const secret of [booking.id, booking.token, 'phq-9']) assert.ok(!logs.includes(secret), `"${secret}" in the log`);
  });
});
