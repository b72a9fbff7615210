import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { bearer, booked, reschedule } from './journey-support.js';
import { MINUTE, bookingBody, countRows, starts, testApp } from './support.js';

const SLOT = '2026-03-03T15:00:00Z';
const day = ['2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'] as const;

describe('POST /holds', () => {
  test('holds a free slot for 5 minutes and answers 201 with the hold', async () => {
    const app = testApp();
    const response = await app.postJson('/holds', { service: 'consultation', start: SLOT });
    assert.equal(response.status, 201);
    const { hold } = await response.json();
    assert.match(hold.id, /^hold_[A-Za-z0-9_-]{20,}$/);
    assert.equal(hold.service, 'consultation');
    assert.equal(hold.start, SLOT);
    assert.equal(hold.end, '2026-03-03T15:45:00Z');
    assert.equal(hold.expiresAt, '2026-03-02T12:05:00Z');
  });

  test('the hold length follows holdMinutes', async () => {
    const app = testApp({ holdMinutes: 10 });
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    assert.equal(hold.expiresAt, '2026-03-02T12:10:00Z');
  });

  test('a second hold on the same or an overlapping time is 409 slot_unavailable', async () => {
    const app = testApp();
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 201);
    for (const [service, start] of [
      ['consultation', SLOT],
      ['consultation', '2026-03-03T15:30:00Z'],
      ['administration', '2026-03-03T14:00:00Z'],
    ] as const) {
      const response = await app.postJson('/holds', { service, start });
      assert.equal(response.status, 409, `${service} at ${start}`);
      assert.equal((await response.json()).error.code, 'slot_unavailable');
    }
  });

  test('a hold on a booked time is 409 slot_unavailable', async () => {
    const app = testApp();
    assert.equal((await app.book({ start: SLOT })).status, 201);
    const response = await app.postJson('/holds', { service: 'integration', start: '2026-03-03T14:30:00Z' });
    assert.equal(response.status, 409);
  });

  test('expires by itself: after 5 minutes another client can hold the time', async () => {
    const app = testApp();
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 201);
    app.clock.advance(5 * MINUTE - 1);
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 409);
    app.clock.advance(1);
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 201);
  });

  test('expired holds are cleaned out of the database', async () => {
    const app = testApp();
    await app.postJson('/holds', { service: 'consultation', start: SLOT });
    await app.postJson('/holds', { service: 'consultation', start: '2026-03-03T17:00:00Z' });
    app.clock.advance(6 * MINUTE);
    await app.postJson('/holds', { service: 'consultation', start: '2026-03-03T19:00:00Z' });
    const rows = app.db.prepare('SELECT start_ms FROM holds').all() as { start_ms: number }[];
    assert.deepEqual(
      rows.map((row) => new Date(row.start_ms).toISOString()),
      ['2026-03-03T19:00:00.000Z'],
    );
  });

  test('a time the clinic does not offer is 422 on start; one inside the notice is 409', async () => {
    const app = testApp();
    for (const start of ['2026-03-03T15:10:00Z', '2026-03-07T15:00:00Z', '2026-03-03T21:30:00Z']) {
      const response = await app.postJson('/holds', { service: 'consultation', start });
      assert.equal(response.status, 422, start);
      assert.ok((await response.json()).error.fields.start);
    }
    const tooSoon = await app.postJson('/holds', { service: 'consultation', start: '2026-03-02T20:00:00Z' });
    assert.equal(tooSoon.status, 409);
    assert.equal((await tooSoon.json()).error.code, 'slot_unavailable');
  });

  test('validates the body with the contract schema', async () => {
    const app = testApp();
    const response = await app.postJson('/holds', { service: '', start: 'tomorrow', note: 'x' });
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.deepEqual(Object.keys(error.fields).sort(), ['note', 'service', 'start']);
  });
});

describe('DELETE /holds/:id needs the proof the hold was created with', () => {
  test('the 201 carries a releaseToken; with it as the bearer token the slot is released at once, and again is still 204', async () => {
    const app = testApp();
    const { hold, releaseToken } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    assert.match(releaseToken, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!starts((await app.availability('consultation', ...day)).slots).includes(SLOT));
    const first = await app.request(`/holds/${hold.id}`, { method: 'DELETE', headers: bearer(releaseToken) });
    assert.equal(first.status, 204);
    assert.equal(await first.text(), '');
    assert.ok(starts((await app.availability('consultation', ...day)).slots).includes(SLOT));
    assert.equal((await app.request(`/holds/${hold.id}`, { method: 'DELETE', headers: bearer(releaseToken) })).status, 204);
  });

  test('without it, or with another hold’s, the answer is the 204 of an unknown hold and the hold stays', async () => {
    const app = testApp();
    const mine = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    const other = await (await app.postJson('/holds', { service: 'consultation', start: '2026-03-04T15:00:00Z' })).json();
    const unknown = await app.request('/holds/hold_never_existed', { method: 'DELETE', headers: bearer(mine.releaseToken) });
    for (const headers of [{}, bearer(other.releaseToken), bearer(`${mine.releaseToken}x`), { Authorization: mine.releaseToken }]) {
      const response = await app.request(`/holds/${mine.hold.id}`, { method: 'DELETE', headers });
      assert.equal(response.status, unknown.status);
      assert.deepEqual([...response.headers], [...unknown.headers], 'no header tells them apart either');
      assert.equal(await response.text(), '');
    }
    assert.equal(countRows(app, 'holds'), 2);
    assert.ok(!starts((await app.availability('consultation', ...day)).slots).includes(SLOT), 'still held');
    assert.equal((await app.book({ start: SLOT })).status, 409);
  });

  test('the token is stored only as its SHA-256; a replayed hold (same Idempotency-Key) carries the same token, which works', async () => {
    const app = testApp();
    const send = () => app.postJson('/holds', { service: 'consultation', start: SLOT }, { 'Idempotency-Key': 'hold-once' });
    const first = await (await send()).json();
    const replay = await send();
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await replay.json(), first);
    const row = app.db.prepare('SELECT * FROM holds').get() as Record<string, unknown>;
    assert.equal(row.release_sha256, createHash('sha256').update(first.releaseToken).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(first.releaseToken));
    await app.request(`/holds/${first.hold.id}`, { method: 'DELETE', headers: bearer(first.releaseToken) });
    assert.equal(countRows(app, 'holds'), 0);
  });
});

describe('POST /bookings with a hold', () => {
  test('consumes the client’s own hold, which does not count as taking the slot', async () => {
    const app = testApp();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    assert.equal((await app.book({ start: SLOT })).status, 409, 'without the hold id the slot is held by someone');
    const response = await app.book({ start: SLOT, holdId: hold.id });
    assert.equal(response.status, 201);
    assert.equal(countRows(app, 'holds'), 0);
  });

  describe('the notice, judged from when the hold was placed', () => {
    // Monday 20:59 EST: Tuesday 09:00 EST is one minute clear of the 12-hour notice, then inside it.
    const EVENING = '2026-03-03T01:59:00Z';
    const FIRST = '2026-03-03T14:00:00Z';
    const placedThenLate = async () => {
      const app = testApp({ start: EVENING });
      const { slots } = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
      assert.equal(starts(slots)[0], FIRST, 'the first time offered');
      const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: FIRST })).json();
      app.clock.advance(2 * MINUTE);
      return { app, hold };
    };

    test('a live hold books its time after the time came inside the notice', async () => {
      const { app, hold } = await placedThenLate();
      const response = await app.book({ start: FIRST, holdId: hold.id });
      assert.equal(response.status, 201);
      assert.equal((await response.json()).booking.start, FIRST);
      assert.equal(countRows(app, 'holds'), 0);
    });

    test('a move onto a held time likewise; with a lapsed hold the free time is judged now: 409', async () => {
      const { app, hold } = await placedThenLate();
      const mine = await booked(app, { start: '2026-03-05T15:00:00Z' });
      assert.equal((await reschedule(app, mine, { start: FIRST, holdId: hold.id })).status, 200);

      const late = await placedThenLate();
      late.app.clock.advance(5 * MINUTE);
      // A lapsed hold on a free time books it (above), unless the time is now inside the notice.
      const lapsed = await late.app.book({ start: FIRST, holdId: late.hold.id });
      assert.equal(lapsed.status, 409);
      assert.equal((await lapsed.json()).error.code, 'slot_unavailable');
    });
  });

  test('a hold that expired is fine while the slot is still free', async () => {
    const app = testApp();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    app.clock.advance(30 * MINUTE);
    const response = await app.book({ start: SLOT, holdId: hold.id });
    assert.equal(response.status, 201);
  });

  test('a hold that expired while someone else booked the time is 409 hold_expired', async () => {
    const app = testApp();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    app.clock.advance(5 * MINUTE);
    assert.equal((await app.book({ start: '2026-03-03T15:30:00Z' })).status, 201, 'another client takes an overlapping time');
    const response = await app.book({ start: SLOT, holdId: hold.id });
    assert.equal(response.status, 409);
    assert.equal((await response.json()).error.code, 'hold_expired');
  });

  test('a hold that expired while someone else holds the time is also 409 hold_expired', async () => {
    const app = testApp();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    app.clock.advance(5 * MINUTE);
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 201);
    const response = await app.book({ start: SLOT, holdId: hold.id });
    assert.equal((await response.json()).error.code, 'hold_expired');
  });

  test('a hold for another time is 422 on holdId and books nothing', async () => {
    const app = testApp();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    const response = await app.postJson('/bookings', bookingBody({ start: '2026-03-03T17:00:00Z', holdId: hold.id }), {
      'Idempotency-Key': 'hold-mismatch',
    });
    assert.equal(response.status, 422);
    assert.ok((await response.json()).error.fields.holdId);
    assert.equal(countRows(app, 'bookings'), 0);
  });
});
