/**
 * The integration window: `GET /availability?service=integration&after=<administration booking>`
 * with that booking's token offers only starts in [end + 24 h, end + 48 h], exact elapsed hours.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, booked, followUpAvailability, reschedule, type Booked } from './journey-support.js';
import { HOUR, MINUTE, countRows, starts, testApp, type TestApp } from './support.js';

const WEEK_FROM = '2026-03-02T00:00:00Z';
const WEEK_TO = '2026-03-14T00:00:00Z';

async function windowStarts(app: TestApp, session: Booked, from = WEEK_FROM, to = WEEK_TO): Promise<string[]> {
  const response = await followUpAvailability(app, session.id, session.token, from, to);
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.service, 'integration');
  return starts(body.slots);
}

/** Half-hour starts from `first` to `last` inclusive, as `Z` instants. */
function halfHours(first: string, last: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(first); ms <= Date.parse(last); ms += 30 * MINUTE) out.push(new Date(ms).toISOString().replace('.000Z', 'Z'));
  return out;
}

describe('GET /services: the follow-up window is the service’s setting', () => {
  test('integration follows administration, 24 to 48 hours after it ends; the others follow nothing', async () => {
    const app = testApp();
    const { services } = await (await app.request('/services')).json();
    const byId = Object.fromEntries(services.map((service: { id: string }) => [service.id, service]));
    assert.deepEqual(byId.integration.followUp, { after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 });
    for (const id of ['consultation', 'preparation', 'administration']) assert.ok(!('followUp' in byId[id]), id);
  });

  test('changing it in the database changes the window (nothing is hard-coded)', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' }); // Wed 13:00–15:00 EST
    app.db.prepare("UPDATE services SET follow_up_min_hours = 20, follow_up_max_hours = 22 WHERE id = 'integration'").run();
    const { services } = await (await app.request('/services')).json();
    assert.deepEqual(services.find((s: { id: string }) => s.id === 'integration').followUp, {
      after: 'administration',
      minHoursAfterEnd: 20,
      maxHoursAfterEnd: 22,
    });
    // Ends 20:00Z Wed; the window is Thu 16:00Z–18:00Z (11:00–13:00 EST).
    assert.deepEqual(await windowStarts(app, session), halfHours('2026-03-05T16:00:00Z', '2026-03-05T18:00:00Z'));
  });
});

describe('GET /availability with after=<booking>', () => {
  test('offers exactly the free starts in [end + 24 h, end + 48 h], both ends included', async () => {
    const app = testApp();
    // Wednesday 4 March 13:00–15:00 EST (18:00Z–20:00Z): the window is Thu 15:00 EST to Fri 15:00 EST.
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    assert.deepEqual(await windowStarts(app, session), [
      ...halfHours('2026-03-05T20:00:00Z', '2026-03-05T21:00:00Z'), // Thu 15:00–16:00 (a 60-minute session ends by 17:00)
      ...halfHours('2026-03-06T14:00:00Z', '2026-03-06T20:00:00Z'), // Fri 09:00–15:00
    ]);
  });

  test('exact to the minute: with a one-minute grid the first start is end + 24 h and the last end + 48 h', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    app.db.prepare("UPDATE settings SET value = '1' WHERE key = 'slot_step_minutes'").run();
    const slots = await windowStarts(app, session);
    assert.equal(slots[0], '2026-03-05T20:00:00Z');
    assert.equal(slots.at(-1), '2026-03-06T20:00:00Z');
    assert.ok(!slots.includes('2026-03-05T19:59:00Z'));
    assert.ok(!slots.includes('2026-03-06T20:01:00Z'));
    // And a window set in fractional hours (24 h 1 min to 47 h 59 min) moves each end by exactly a minute.
    app.db.prepare(`UPDATE services SET follow_up_min_hours = ${24 + 1 / 60}, follow_up_max_hours = ${48 - 1 / 60} WHERE id = 'integration'`).run();
    const narrowed = await windowStarts(app, session);
    assert.equal(narrowed[0], '2026-03-05T20:01:00Z');
    assert.equal(narrowed.at(-1), '2026-03-06T19:59:00Z');
  });

  test('spring-forward weekend: 48 hours after Saturday 13:00 EST is Monday 14:00 EDT', async () => {
    const app = testApp();
    for (const weekday of [6, 7]) {
      app.db.prepare('INSERT INTO opening_hours (weekday, opens_minute, closes_minute) VALUES (?, 540, 1020)').run(weekday);
    }
    // Saturday 7 March 11:00–13:00 EST (16:00Z–18:00Z); the clocks spring forward early on Sunday.
    const session = await booked(app, { service: 'administration', start: '2026-03-07T16:00:00Z' });
    assert.deepEqual(await windowStarts(app, session), [
      ...halfHours('2026-03-08T18:00:00Z', '2026-03-08T20:00:00Z'), // Sun 14:00–16:00 EDT
      ...halfHours('2026-03-09T13:00:00Z', '2026-03-09T18:00:00Z'), // Mon 09:00–14:00 EDT
    ]);
  });

  test('fall-back weekend: 24 hours after Saturday 13:00 EDT is Sunday 12:00 EST', async () => {
    const app = testApp({ start: '2026-10-26T12:00:00Z' });
    for (const weekday of [6, 7]) {
      app.db.prepare('INSERT INTO opening_hours (weekday, opens_minute, closes_minute) VALUES (?, 540, 1020)').run(weekday);
    }
    // Saturday 31 October 11:00–13:00 EDT (15:00Z–17:00Z); the clocks fall back early on Sunday.
    const session = await booked(app, { service: 'administration', start: '2026-10-31T15:00:00Z' });
    assert.deepEqual(await windowStarts(app, session, '2026-10-26T00:00:00Z', '2026-11-07T00:00:00Z'), [
      ...halfHours('2026-11-01T17:00:00Z', '2026-11-01T21:00:00Z'), // Sun 12:00–16:00 EST
      ...halfHours('2026-11-02T14:00:00Z', '2026-11-02T17:00:00Z'), // Mon 09:00–12:00 EST
    ]);
  });

  test('taken times, the notice and the asked range still apply inside the window', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    // Someone else's consultation on Friday 10:00–10:45 EST takes the 09:30, 10:00 and 10:30 starts.
    await booked(app, { start: '2026-03-06T15:00:00Z' });
    const slots = await windowStarts(app, session);
    for (const taken of ['2026-03-06T14:30:00Z', '2026-03-06T15:00:00Z', '2026-03-06T15:30:00Z']) assert.ok(!slots.includes(taken));
    assert.ok(slots.includes('2026-03-06T14:00:00Z') && slots.includes('2026-03-06T16:00:00Z'));
    // Only Friday asked for.
    assert.equal((await windowStarts(app, session, '2026-03-06T00:00:00Z', '2026-03-07T00:00:00Z'))[0], '2026-03-06T14:00:00Z');
    // A range that misses the window is simply empty.
    assert.deepEqual(await windowStarts(app, session, '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'), []);
    // Friday 13:00 EST: the 12-hour notice leaves nothing of the window.
    app.clock.set('2026-03-06T18:00:00Z');
    assert.deepEqual(await windowStarts(app, session), []);
  });

  test('a requested (not yet confirmed) administration booking opens its window too', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    assert.equal(session.booking.status, 'requested');
    assert.ok((await windowStarts(app, session)).length > 0);
  });
});

describe('GET /availability with after: refusals', () => {
  test('a follow-up service without after is 422 on after: it can only be booked from its booking', async () => {
    const app = testApp();
    const response = await followUpAvailability(app, undefined, undefined, WEEK_FROM, WEEK_TO);
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.fields.after, 'Book this session from your Ketamine session booking.');
  });

  test('missing, wrong or another booking’s token, and an unknown id: 401 unauthorized', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    const other = await booked(app, { start: '2026-03-03T15:00:00Z' });
    for (const [after, token] of [
      [session.id, undefined],
      [session.id, `${session.token.slice(0, -1)}${session.token.endsWith('x') ? 'y' : 'x'}`],
      [session.id, other.token],
      ['bk_unknown', session.token],
    ] as [string, string | undefined][]) {
      const response = await followUpAvailability(app, after, token, WEEK_FROM, WEEK_TO);
      assert.equal(response.status, 401, `${after} ${token}`);
      assert.equal((await response.json()).error.code, 'unauthorized');
    }
  });

  test('a booking of another service is 422 on after; a cancelled one no longer opens (401)', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: '2026-03-03T15:00:00Z' });
    const wrong = await followUpAvailability(app, consultation.id, consultation.token, WEEK_FROM, WEEK_TO);
    assert.equal(wrong.status, 422);
    assert.equal((await wrong.json()).error.fields.after, 'This is not a Ketamine session booking.');

    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    await app.request(`/bookings/${session.id}/cancel`, { method: 'POST', headers: bearer(session.token) });
    const cancelled = await followUpAvailability(app, session.id, session.token, WEEK_FROM, WEEK_TO);
    assert.equal(cancelled.status, 401);
  });

  test('after on a service that follows nothing is 422', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    const response = await followUpAvailability(app, session.id, session.token, WEEK_FROM, WEEK_TO, 'consultation');
    assert.equal(response.status, 422);
    assert.ok((await response.json()).error.fields.after);
  });
});

describe('holds, bookings and moves of a follow-up service stay inside a window', () => {
  test('inside the window of an active administration booking: hold, book and move succeed', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    const [first, second] = await windowStarts(app, session);
    const { hold } = await (await app.postJson('/holds', { service: 'integration', start: first })).json();
    const integration = await booked(app, { service: 'integration', start: first!, holdId: hold.id });
    assert.equal(integration.booking.status, 'confirmed');
    assert.equal((await reschedule(app, integration, { start: second })).status, 200);
  });

  test('outside every window: 422 on start for a hold, a booking and a move; nothing stored', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    const tooEarly = '2026-03-05T19:30:00Z'; // Thu 14:30 EST, 23.5 h after the end
    const tooLate = '2026-03-06T20:30:00Z'; // Fri 15:30 EST, 48.5 h after
    for (const start of [tooEarly, tooLate]) {
      const hold = await app.postJson('/holds', { service: 'integration', start });
      assert.equal(hold.status, 422, start);
      assert.match((await hold.json()).error.fields.start, /24 to 48 hours after a Ketamine session ends/);
      const booking = await app.book({ service: 'integration', start });
      assert.equal(booking.status, 422, start);
    }
    assert.equal(countRows(app, 'holds'), 0);
    assert.equal(countRows(app, 'bookings', "service_id = 'integration'"), 0);
    const integration = await booked(app, { service: 'integration', start: '2026-03-05T20:00:00Z' });
    const moved = await reschedule(app, integration, { start: tooLate });
    assert.equal(moved.status, 422);
    assert.ok((await moved.json()).error.fields.start);
    assert.ok(session.id);
  });

  test('once the administration booking is cancelled its window closes for new integration bookings', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    await app.request(`/bookings/${session.id}/cancel`, { method: 'POST', headers: bearer(session.token) });
    const response = await app.book({ service: 'integration', start: '2026-03-05T20:00:00Z' });
    assert.equal(response.status, 422);
    assert.equal(countRows(app, 'bookings', "service_id = 'integration'"), 0);
  });

  test('moving the administration session moves its window', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T18:00:00Z' });
    assert.equal((await reschedule(app, session, { start: '2026-03-03T14:00:00Z' })).status, 200); // Tue 09:00–11:00 EST
    const slots = await windowStarts(app, session);
    assert.equal(slots[0], new Date(Date.parse('2026-03-03T16:00:00Z') + 24 * HOUR).toISOString().replace('.000Z', 'Z'));
    assert.equal(slots.at(-1), '2026-03-05T16:00:00Z');
  });
});
