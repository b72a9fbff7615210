/**
 * The console's staff routes against the real app (server/routes/staff-console.ts): requests
 * confirmed or declined atomically and idempotently, the schedule as each role may see it, and the
 * safety queue — a response with PHQ-9 item 9 above zero, or a signal from an intake never sent,
 * stays until a clinician acknowledges it; opening one writes an audit row first.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { parseFormDefinition, toSubmission, type Answers } from '../../src/forms/index.js';
import { completeDemoAnswers } from '../forms/support.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, type Session } from './staff-support.js';

const ADMINISTRATION_START = '2026-03-04T14:00:00Z';

async function requested(app: TestApp, start = ADMINISTRATION_START): Promise<{ id: string; token: string }> {
  const response = await app.book({ service: 'administration', start });
  assert.equal(response.status, 201, await response.clone().text());
  const body = await response.json();
  assert.equal(body.booking.status, 'requested');
  return { id: body.booking.id, token: body.accessToken };
}

async function as(app: TestApp, role: Parameters<typeof addStaff>[1]): Promise<Session> {
  return sessionFor(app, (await addStaff(app, role)).record);
}

function submit(app: TestApp, answers: Answers, booking: { id: string; token: string }): Promise<Response> {
  const parsed = parseFormDefinition({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID });
  assert.ok(parsed.ok);
  const body = toSubmission(parsed.form, answers, { today: '2026-03-02', booking: booking.id });
  return app.postJson('/intake-responses', body, { 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${booking.token}` });
}

const auditActions = (app: TestApp) =>
  app.db.prepare('SELECT action, record_id AS recordId FROM audit_log ORDER BY rowid').all() as { action: string; recordId: string | null }[];

describe('requests: confirm and decline', () => {
  test('front desk confirms a request; the client then reads it confirmed; confirming again changes nothing', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    const waiting = await (await staffRequest(app, 'GET', '/staff/requests', { session: desk })).json();
    assert.deepEqual(
      waiting.requests.map((entry: any) => [entry.booking.id, entry.serviceName]),
      [[booking.id, 'Ketamine session']],
    );

    const confirmed = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session: desk });
    assert.equal(confirmed.status, 200);
    const body = await confirmed.json();
    assert.equal(body.booking.status, 'confirmed');
    assert.equal(body.decision.decision, 'confirmed');
    const client = await (await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } })).json();
    assert.equal(client.booking.status, 'confirmed');

    app.clock.advance(60_000);
    const again = await (await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session: desk })).json();
    assert.deepEqual(again, body);
    assert.equal(auditActions(app).filter((entry) => entry.action === 'booking.confirm').length, 1);
    assert.deepEqual((await (await staffRequest(app, 'GET', '/staff/requests', { session: desk })).json()).requests, []);

    const decline = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: desk, body: { reason: 'other' } });
    assert.equal(decline.status, 409);
    assert.equal((await decline.json()).error.code, 'already_decided');
  });

  test('declining needs a reason from the list, cancels the request and frees its time', async () => {
    const app = testApp();
    const booking = await requested(app);
    const clinician = await as(app, 'clinician');
    const noReason = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: clinician, body: { reason: 'because' } });
    assert.equal(noReason.status, 422);
    const declined = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: clinician, body: { reason: 'screening-needed' } });
    assert.equal(declined.status, 200);
    const body = await declined.json();
    assert.deepEqual([body.booking.status, body.decision.reason], ['cancelled', 'screening-needed']);
    assert.equal((await app.book({ service: 'administration', start: ADMINISTRATION_START })).status, 201);
  });

  test('an instant booking is no request; an unknown booking is 404', async () => {
    const app = testApp();
    const instant = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const desk = await as(app, 'front-desk');
    assert.equal((await staffRequest(app, 'POST', `/staff/bookings/${instant.booking.id}/confirm`, { session: desk })).status, 409);
    assert.equal((await staffRequest(app, 'POST', '/staff/bookings/bk_nobody/confirm', { session: desk })).status, 404);
  });

  test('two confirmations at once make one decision', async () => {
    const app = testApp();
    const booking = await requested(app);
    const [a, b] = [await as(app, 'front-desk'), await as(app, 'clinician')];
    const answers = await Promise.all([a, b].map((session) => staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session })));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200],
    );
    assert.deepEqual(bodies[0], bodies[1]);
    assert.equal((app.db.prepare('SELECT count(*) AS n FROM booking_decisions').get() as { n: number }).n, 1);
  });
});

describe('the schedule', () => {
  test('front desk sees the client and only "needs a clinician"; a clinician also the response to open; a marketer nothing', async () => {
    const app = testApp();
    const booking = await requested(app);
    assert.equal((await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'several-days' }, booking)).status, 201);
    const desk = await (await staffRequest(app, 'GET', '/staff/schedule?from=2026-03-02&days=8', { session: await as(app, 'front-desk') })).json();
    assert.equal(desk.timeZone, 'America/New_York');
    const [entry] = desk.bookings;
    assert.equal(entry.id, booking.id);
    assert.equal(entry.serviceName, 'Ketamine session');
    assert.equal(entry.client.name.length > 0, true);
    assert.deepEqual(entry.intake, { status: 'needs-clinician' });
    assert.equal(typeof entry.checklist?.total, 'number');

    const clinician = await (await staffRequest(app, 'GET', '/staff/schedule?from=2026-03-02&days=8', { session: await as(app, 'clinician') })).json();
    assert.equal(clinician.bookings[0].intake.status, 'needs-clinician');
    assert.equal(clinician.bookings[0].intake.responses.length, 1);

    const marketer = await staffRequest(app, 'GET', '/staff/schedule', { session: await as(app, 'marketer') });
    assert.equal(marketer.status, 403);

    const later = await (await staffRequest(app, 'GET', '/staff/schedule?from=2026-03-05&days=3', { session: await as(app, 'owner') })).json();
    assert.deepEqual(later.bookings, []);
    assert.equal((await staffRequest(app, 'GET', '/staff/schedule?days=99', { session: await as(app, 'owner') })).status, 422);
  });
});

describe('the safety queue', () => {
  test('a response with PHQ-9 item 9 above zero waits until a clinician opens and acknowledges it', async () => {
    const app = testApp();
    const booking = await requested(app);
    const calm = await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'not-at-all' }, booking);
    assert.equal(calm.status, 201);
    const risky = await (await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'nearly-every-day' }, booking)).json();
    const clinician = await as(app, 'clinician');
    const queue = await (await staffRequest(app, 'GET', '/staff/safety-queue', { session: clinician })).json();
    assert.deepEqual(
      queue.items.map((item: any) => [item.id, item.kind, item.booking.serviceName]),
      [[risky.response.id, 'response', 'Ketamine session']],
    );

    const opened = await staffRequest(app, 'GET', `/staff/safety-queue/${risky.response.id}`, { session: clinician });
    assert.equal(opened.status, 200);
    const view = await opened.json();
    assert.ok(auditActions(app).some((entry) => entry.action === 'intake_response.read' && entry.recordId === risky.response.id));
    const q9 = view.questions.find((question: any) => question.key === 'phq-9.q9');
    assert.equal(q9.safety, true);
    assert.equal(q9.answer.length, 1);
    assert.match(q9.group, /over the last 2 weeks/i);
    const keys = view.questions.map((question: any) => question.key);
    assert.ok(keys.indexOf('phq-9.q1') < keys.indexOf('phq-9.q9') && keys.indexOf('phq-9.q9') < keys.indexOf('gad-7.q1'), 'answers in the form’s order');
    assert.equal(view.scores.find((score: any) => score.instrument === 'phq-9').complete, true);

    const empty = await staffRequest(app, 'POST', `/staff/safety-queue/${risky.response.id}/acknowledge`, { session: clinician, body: { note: ' ' } });
    assert.equal(empty.status, 422);
    const ack = await staffRequest(app, 'POST', `/staff/safety-queue/${risky.response.id}/acknowledge`, {
      session: clinician,
      body: { note: 'Called the client: safe, plan in place.' },
    });
    assert.equal(ack.status, 200);
    const acknowledged = (await ack.json()).item;
    assert.equal(acknowledged.acknowledgement.note, 'Called the client: safe, plan in place.');
    assert.match(acknowledged.acknowledgement.by.email, /^clinician-/);
    assert.deepEqual((await (await staffRequest(app, 'GET', '/staff/safety-queue', { session: clinician })).json()).items, []);
    const raw = app.db.prepare('SELECT note FROM safety_acknowledgements').get() as { note: string };
    assert.doesNotMatch(raw.note, /Called/, 'the note is encrypted at rest');
  });

  test('a signal from an intake never sent is in the queue, with only its safety items, until acknowledged', async () => {
    const app = testApp();
    const booking = await requested(app);
    const signal = await app.postJson(
      '/safety-signals',
      { booking: booking.id, form: DEMO_INTAKE_FORM_ID, version: DEMO_INTAKE_FORM.version, items: ['phq-9.q9'] },
      { 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${booking.token}` },
    );
    assert.equal(signal.status, 201);
    const owner = await as(app, 'owner');
    const [item] = (await (await staffRequest(app, 'GET', '/staff/safety-queue', { session: owner })).json()).items;
    assert.equal(item.kind, 'signal');
    const view = await (await staffRequest(app, 'GET', `/staff/safety-queue/${item.id}`, { session: owner })).json();
    assert.deepEqual(
      view.questions.map((question: any) => [question.key, question.answer]),
      [['phq-9.q9', []]],
    );
    assert.deepEqual(view.scores, []);
  });

  test('a marketer and front desk cannot open a response (403) and no audit row says they read it', async () => {
    const app = testApp();
    const booking = await requested(app);
    const risky = await (await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'several-days' }, booking)).json();
    for (const role of ['marketer', 'front-desk'] as const) {
      const session = await as(app, role);
      assert.equal((await staffRequest(app, 'GET', `/staff/safety-queue/${risky.response.id}`, { session })).status, 403);
      assert.equal((await staffRequest(app, 'GET', '/staff/safety-queue', { session })).status, 403);
    }
    assert.equal(auditActions(app).filter((entry) => entry.action === 'intake_response.read').length, 0);
  });
});

describe('one booking: overview and cancel on the client’s behalf', () => {
  test('the overview has the client, the decision in its history, ticks with times; front desk sees only the intake’s status', async () => {
    const app = testApp();
    const booking = await requested(app);
    const items = (await (await app.request(`/bookings/${booking.id}/checklist`, { headers: { Authorization: `Bearer ${booking.token}` } })).json()).items;
    const ticked = await app.request(`/bookings/${booking.id}/checklist/${items[0].id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${booking.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ done: true }),
    });
    assert.equal(ticked.status, 200);
    const response = await (await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'not-at-all' }, booking)).json();
    const desk = await as(app, 'front-desk');
    await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session: desk });

    const seen = await staffRequest(app, 'GET', `/staff/bookings/${booking.id}/overview`, { session: desk });
    assert.equal(seen.status, 200);
    const body = await seen.json();
    assert.equal(body.booking.client.name.length > 0, true);
    assert.equal(body.serviceName, 'Ketamine session');
    assert.deepEqual(
      body.history.map((entry: any) => entry.event),
      ['created', 'confirmed'],
    );
    assert.match(body.history[1].by.email, /^front-desk-/);
    assert.equal(typeof body.checklist[0].doneAt, 'string');
    assert.equal(body.checklist[1].doneAt, undefined);
    assert.deepEqual(body.intake, { status: 'submitted' });
    assert.ok(auditActions(app).some((entry) => entry.action === 'booking.read' && entry.recordId === booking.id));

    const clinician = await (await staffRequest(app, 'GET', `/staff/bookings/${booking.id}/overview`, { session: await as(app, 'clinician') })).json();
    assert.deepEqual(
      clinician.intake.responses.map((entry: any) => entry.id),
      [response.response.id],
    );
    assert.equal((await staffRequest(app, 'GET', `/staff/bookings/${booking.id}/overview`, { session: await as(app, 'marketer') })).status, 403);
    assert.equal((await staffRequest(app, 'GET', '/staff/bookings/no-such-booking/overview', { session: desk })).status, 404);
  });

  test('front desk cancels: the time is freed, the client’s link opens it no more, again changes nothing and is audited once', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    const cancelled = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/cancel`, { session: desk });
    assert.equal(cancelled.status, 200);
    const body = await cancelled.json();
    assert.equal(body.booking.status, 'cancelled');
    const client = await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } });
    assert.equal(client.status, 401, 'a cancelled booking’s links stop at once (server/booking-access.ts)');
    assert.equal((await app.book({ service: 'administration', start: ADMINISTRATION_START })).status, 201);

    app.clock.advance(60_000);
    const again = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/cancel`, { session: desk });
    assert.deepEqual(await again.json(), body);
    const overview = await (await staffRequest(app, 'GET', `/staff/bookings/${booking.id}/overview`, { session: desk })).json();
    assert.deepEqual(
      overview.history.map((entry: any) => entry.event),
      ['created', 'cancelled'],
    );
    assert.equal(Date.parse(overview.history[1].at), app.clock.ms - 60_000, 'when it was first cancelled');
    assert.equal(auditActions(app).filter((entry) => entry.action === 'booking.cancel' && entry.recordId === booking.id).length, 1);
    assert.equal((await staffRequest(app, 'POST', '/staff/bookings/no-such-booking/cancel', { session: desk })).status, 404);
    assert.equal((await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/cancel`, { session: await as(app, 'marketer') })).status, 403);
  });

  test('a session that has started cannot be cancelled, as for the client', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session: desk });
    app.clock.set('2026-03-04T14:01:00Z');
    const refused = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/cancel`, { session: await as(app, 'owner') });
    assert.equal(refused.status, 409);
    assert.equal((await refused.json()).error.code, 'booking_started');
  });
});

describe('the intake inbox', () => {
  test('newest first without client data or an audit row; opening one lays it out in its version’s order with its scores, and is audited', async () => {
    const app = testApp();
    const booking = await requested(app);
    const sent = await submit(app, { ...completeDemoAnswers(), 'phq-9.q3': 'nearly-every-day' }, booking);
    assert.equal(sent.status, 201, await sent.clone().text());
    const first = await sent.json();
    app.clock.advance(60_000);
    const second = await (await submit(app, { ...completeDemoAnswers(), 'phq-9.q9': 'several-days' }, booking)).json();
    const clinician = await as(app, 'clinician');
    const before = auditActions(app).length;

    const listed = await staffRequest(app, 'GET', '/staff/intake-responses', { session: clinician });
    assert.equal(listed.status, 200);
    const { responses } = await listed.json();
    assert.deepEqual(
      responses.map((entry: any) => entry.id),
      [second.response.id, first.response.id],
    );
    assert.equal(responses[0].needsClinician, true);
    assert.equal(responses[0].booking.serviceName, 'Ketamine session');
    assert.equal(typeof responses[0].form.title, 'string');
    assert.doesNotMatch(JSON.stringify(responses), /Ann Lee|ann@example\.com/, 'no client data in the list');
    assert.equal(auditActions(app).length, before, 'listing is not a read of client data');

    const opened = await staffRequest(app, 'GET', `/staff/intake-responses/${first.response.id}/view`, { session: clinician });
    assert.equal(opened.status, 200);
    const view = await opened.json();
    assert.ok(auditActions(app).some((entry) => entry.action === 'intake_response.read' && entry.recordId === first.response.id));
    const keys = view.questions.map((question: any) => question.key);
    assert.ok(keys.indexOf('full-name') < keys.indexOf('phq-9.q1') && keys.indexOf('phq-9.q1') < keys.indexOf('gad-7.q1'), 'answers in the form’s order');
    assert.equal(view.questions.find((question: any) => question.key === 'phq-9.q3').answer.length, 1);
    const phq = view.scores.find((score: any) => score.instrument === 'phq-9');
    assert.deepEqual([phq.complete, phq.total], [true, 10]);
    assert.equal(view.response.form.version, DEMO_INTAKE_FORM.version);

    assert.equal((await staffRequest(app, 'GET', '/staff/intake-responses', { session: await as(app, 'front-desk') })).status, 403);
    assert.equal((await staffRequest(app, 'GET', `/staff/intake-responses/${first.response.id}/view`, { session: await as(app, 'marketer') })).status, 403);
    assert.equal((await staffRequest(app, 'GET', '/staff/intake-responses/nothing/view', { session: clinician })).status, 404);
  });
});
