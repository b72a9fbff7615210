/**
 * One rule for what a client may change about a booking online: cancel and reschedule refuse the
 * same bookings, for the same reasons, with the same codes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { bearer, booked, reschedule, type Booked } from './journey-support.js';
import { testApp, type TestApp } from './support.js';

const A = '2026-03-03T15:00:00Z'; // Tue 10:00 EST, 45 minutes
const B = '2026-03-06T16:00:00Z';

function cancel(app: TestApp, booking: Booked, key: string | null = randomUUID()): Promise<Response> {
  return app.request(`/bookings/${booking.id}/cancel`, {
    method: 'POST',
    headers: { ...bearer(booking.token), ...(key === null ? {} : { 'Idempotency-Key': key }) },
  });
}

async function statusOnServer(app: TestApp, booking: Booked): Promise<{ start: string; status: string }> {
  const { booking: read } = await (await app.request(`/bookings/${booking.id}`, { headers: bearer(booking.token) })).json();
  return { start: read.start, status: read.status };
}

describe('cancel and reschedule follow one rule', () => {
  for (const [moment, at] of [
    ['at the minute it starts', A],
    ['ten minutes into the session', '2026-03-03T15:10:00Z'],
    ['after it took place', '2026-03-05T12:00:00Z'],
  ] as const) {
    test(`${moment}: both routes answer 409 booking_started and the booking stays as it was`, async () => {
      const app = testApp();
      const mine = await booked(app, { start: A });
      app.clock.set(at);
      for (const response of [await cancel(app, mine), await reschedule(app, mine, { start: B })]) {
        assert.equal(response.status, 409);
        const { error } = await response.json();
        assert.equal(error.code, 'booking_started');
        assert.match(error.message, /already started/);
      }
      assert.deepEqual(await statusOnServer(app, mine), { start: A, status: 'confirmed' });
    });
  }

  test('a minute before it starts, both are still allowed', async () => {
    const app = testApp();
    const first = await booked(app, { start: A });
    const second = await booked(app, { start: '2026-03-03T16:00:00Z' });
    app.clock.set('2026-03-03T14:59:00Z');
    assert.equal((await cancel(app, first)).status, 200);
    // A move still needs the clinic's notice for the new time, which is the reschedule's own rule.
    assert.equal((await reschedule(app, second, { start: B })).status, 200);
  });

  test('a cancelled booking: its token opens nothing any more (cancelling again, moving: 401); a retry with the same Idempotency-Key replays the 200', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const key = randomUUID();
    assert.equal((await cancel(app, mine, key)).status, 200);
    const retry = await cancel(app, mine, key);
    assert.equal(retry.status, 200);
    assert.equal((await retry.json()).booking.status, 'cancelled');
    app.clock.set('2026-03-04T12:00:00Z');
    assert.equal((await cancel(app, mine)).status, 401);
    assert.equal((await reschedule(app, mine, { start: B })).status, 401);
  });

  test('a retry of a refused cancel with the same Idempotency-Key is refused the same way', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    app.clock.set('2026-03-03T15:10:00Z');
    const key = randomUUID();
    assert.equal((await cancel(app, mine, key)).status, 409);
    const retry = await cancel(app, mine, key);
    assert.equal(retry.status, 409);
    assert.equal((await retry.json()).error.code, 'booking_started');
    assert.equal((await statusOnServer(app, mine)).status, 'confirmed');
  });
});
