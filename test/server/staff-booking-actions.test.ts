/**
 * The booking actions of the console left by issue 10 §3: moving a booking on the client's behalf
 * (the client's own store method and no-double-booking rule, idempotent, audited, refused once the
 * session has started), and declining a request with up to three other times that the client's
 * booking read then lists.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { BookingResponse } from '../../src/api/schemas.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, type Session } from './staff-support.js';

const A = '2026-03-03T15:00:00Z'; // Tue 10:00 EST
const B = '2026-03-04T16:00:00Z'; // Wed 11:00 EST
const ADMINISTRATION_START = '2026-03-04T14:00:00Z';

async function booked(app: TestApp, service: string, start: string): Promise<{ id: string; token: string }> {
  const response = await app.book({ service, start });
  assert.equal(response.status, 201, await response.clone().text());
  const body = await response.json();
  return { id: body.booking.id, token: body.accessToken };
}

async function as(app: TestApp, role: Parameters<typeof addStaff>[1]): Promise<Session> {
  return sessionFor(app, (await addStaff(app, role)).record);
}

async function clientRead(app: TestApp, booking: { id: string; token: string }) {
  const response = await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } });
  assert.equal(response.status, 200);
  return BookingResponse.parse(await response.json()).booking;
}

function move(app: TestApp, session: Session, id: string, start: string, key: string = randomUUID()): Promise<Response> {
  return staffRequest(app, 'POST', `/staff/bookings/${id}/reschedule`, { session, body: { start }, headers: { 'Idempotency-Key': key } });
}

const audited = (app: TestApp, action: string, id: string) =>
  (app.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ? AND record_id = ?').get(action, id) as { n: number }).n;

describe('POST staff/bookings/:id/reschedule', () => {
  test('front desk moves a booking: the client’s manage view reads the new time, the old one is free, the new one taken, audited once', async () => {
    const app = testApp();
    const booking = await booked(app, 'consultation', A);
    const desk = await as(app, 'front-desk');
    const key = randomUUID();
    const moved = await move(app, desk, booking.id, B, key);
    assert.equal(moved.status, 200, await moved.clone().text());
    const body = await moved.json();
    assert.deepEqual(body.booking, { id: booking.id, service: 'consultation', start: B, end: '2026-03-04T16:45:00Z', status: 'confirmed' });
    assert.deepEqual(await clientRead(app, booking), body.booking, 'the client, with its own token, reads the new time');
    assert.equal((await app.book({ start: A })).status, 201, 'the old time is free');
    assert.equal((await app.book({ start: B })).status, 409, 'the new time is taken');
    assert.equal(audited(app, 'booking.reschedule', booking.id), 1);

    // A retry with the same key replays the first answer and moves nothing again.
    const retry = await move(app, desk, booking.id, B, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await retry.json(), body);
    assert.equal(audited(app, 'booking.reschedule', booking.id), 1);
    const reused = await move(app, desk, booking.id, '2026-03-05T16:00:00Z', key);
    assert.equal(reused.status, 422);
    assert.equal((await reused.json()).error.code, 'idempotency_key_reused');
  });

  test('needs an Idempotency-Key; a time that is taken is 409 slot_unavailable and the booking stays put', async () => {
    const app = testApp();
    const booking = await booked(app, 'consultation', A);
    await booked(app, 'consultation', B);
    const owner = await as(app, 'owner');
    const keyless = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/reschedule`, { session: owner, body: { start: B } });
    assert.equal(keyless.status, 400);
    const taken = await move(app, owner, booking.id, B);
    assert.equal(taken.status, 409);
    assert.equal((await taken.json()).error.code, 'slot_unavailable');
    assert.equal((await clientRead(app, booking)).start, A);
    const odd = await move(app, owner, booking.id, '2026-03-04T16:07:00Z');
    assert.equal(odd.status, 422, 'not one of the times the clinic offers');
    assert.equal((await move(app, owner, 'no-such-booking', B)).status, 404);
  });

  test('keeps a request a request and a confirmed session confirmed (the clinic chose the time)', async () => {
    const app = testApp();
    const request = await booked(app, 'administration', ADMINISTRATION_START);
    const clinician = await as(app, 'clinician');
    const moved = await (await move(app, clinician, request.id, '2026-03-05T15:00:00Z')).json();
    assert.equal(moved.booking.status, 'requested');
    await staffRequest(app, 'POST', `/staff/bookings/${request.id}/confirm`, { session: clinician });
    const again = await (await move(app, clinician, request.id, '2026-03-06T15:00:00Z')).json();
    assert.deepEqual([again.booking.start, again.booking.status], ['2026-03-06T15:00:00Z', 'confirmed']);
  });

  test('a session that has started, or a cancelled booking, cannot be moved (409 as for the client); a marketer may not (403)', async () => {
    const app = testApp();
    const started = await booked(app, 'consultation', A);
    const cancelled = await booked(app, 'consultation', '2026-03-05T15:00:00Z');
    const desk = await as(app, 'front-desk');
    assert.equal((await move(app, await as(app, 'marketer'), started.id, B)).status, 403);
    await staffRequest(app, 'POST', `/staff/bookings/${cancelled.id}/cancel`, { session: desk });
    const refusedCancelled = await move(app, desk, cancelled.id, B);
    assert.equal(refusedCancelled.status, 409);
    assert.equal((await refusedCancelled.json()).error.code, 'booking_cancelled');
    app.clock.set('2026-03-03T15:10:00Z');
    const refusedStarted = await move(app, await as(app, 'front-desk'), started.id, B);
    assert.equal(refusedStarted.status, 409);
    assert.equal((await refusedStarted.json()).error.code, 'booking_started');
    assert.equal((await clientRead(app, started)).start, A);
    assert.equal(audited(app, 'booking.reschedule', started.id), 0);
  });
});

describe('declining with other times', () => {
  const SUGGESTED = ['2026-03-06T15:00:00Z', '2026-03-05T15:00:00Z'];

  test('the client’s booking read lists the suggested times still ahead, soonest first; declining again answers the same', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    const declined = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, {
      session: desk,
      body: { reason: 'clinician-unavailable', suggestedTimes: SUGGESTED },
    });
    assert.equal(declined.status, 200, await declined.clone().text());
    const body = await declined.json();
    assert.deepEqual(body.decision.suggestedTimes, ['2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z']);
    const overview = await (await staffRequest(app, 'GET', `/staff/bookings/${booking.id}/overview`, { session: desk })).json();
    assert.deepEqual(overview.history[1].suggestedTimes, ['2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z'], 'the staff see what was suggested');
    const read = await clientRead(app, booking);
    assert.equal(read.status, 'cancelled');
    assert.deepEqual(read.suggestedTimes, ['2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z']);

    app.clock.set('2026-03-05T16:00:00Z');
    assert.deepEqual((await clientRead(app, booking)).suggestedTimes, ['2026-03-06T15:00:00Z'], 'a time gone by is no longer suggested');
    app.clock.set('2026-03-06T16:00:00Z');
    assert.equal((await clientRead(app, booking)).suggestedTimes, undefined);
    const again = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: await as(app, 'clinician'), body: { reason: 'other' } });
    assert.deepEqual((await again.json()).decision, body.decision);
  });

  test('at most three, each a time the clinic offers for the service from now on; otherwise 422 and nothing is decided', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    const decline = (suggestedTimes: string[]) =>
      staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: desk, body: { reason: 'other', suggestedTimes } });
    assert.equal((await decline(['2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', '2026-03-09T15:00:00Z', '2026-03-10T15:00:00Z'])).status, 422);
    const odd = await decline(['2026-03-05T15:07:00Z']);
    assert.equal(odd.status, 422);
    assert.ok((await odd.json()).error.fields.suggestedTimes);
    assert.equal((await decline(['2026-03-01T15:00:00Z'])).status, 422, 'a time gone by');
    assert.equal((await clientRead(app, booking)).status, 'requested');
  });

  test('a decline without suggestions, and any booking not declined, lists none', async () => {
    const app = testApp();
    const booking = await requested(app);
    const desk = await as(app, 'front-desk');
    await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/decline`, { session: desk, body: { reason: 'other' } });
    assert.equal((await clientRead(app, booking)).suggestedTimes, undefined);
    const kept = await booked(app, 'consultation', A);
    assert.equal((await clientRead(app, kept)).suggestedTimes, undefined);
  });
});

async function requested(app: TestApp): Promise<{ id: string; token: string }> {
  return booked(app, 'administration', ADMINISTRATION_START);
}
