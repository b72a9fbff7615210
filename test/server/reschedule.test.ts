import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { BookingResponse } from '../../src/api/schemas.js';
import { bearer, booked, getChecklist, putItem, reschedule } from './journey-support.js';
import { MINUTE, countRows, starts, testApp } from './support.js';

const A = '2026-03-03T15:00:00Z'; // Tue 10:00 EST
const B = '2026-03-04T16:00:00Z'; // Wed 11:00 EST

describe('POST /bookings/:id/reschedule', () => {
  test('moves the booking: same id, new start and end; the old time is free, the new one taken', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const response = await reschedule(app, mine, { start: B });
    assert.equal(response.status, 200);
    const { booking } = BookingResponse.parse(await response.json());
    assert.deepEqual(booking, { id: mine.id, service: 'consultation', start: B, end: '2026-03-04T16:45:00Z', status: 'confirmed' });
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.deepEqual(read.booking, booking);
    assert.equal(countRows(app, 'bookings'), 1);

    const { slots } = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-05T00:00:00Z');
    assert.ok(starts(slots).includes(A), 'the old time is offered again');
    assert.ok(!starts(slots).includes(B), 'the new time is taken');
    assert.equal((await app.book({ start: A })).status, 201);
    assert.equal((await app.book({ start: B })).status, 409);
  });

  test('may overlap its own current time; keeps a requested booking requested', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T15:00:00Z' });
    const response = await reschedule(app, session, { start: '2026-03-04T15:30:00Z' });
    assert.equal(response.status, 200);
    const { booking } = await response.json();
    assert.deepEqual([booking.start, booking.end, booking.status], ['2026-03-04T15:30:00Z', '2026-03-04T17:30:00Z', 'requested']);
  });

  test('a request-mode session the clinic confirmed becomes a request again when the client moves it', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T15:00:00Z' });
    app.db.prepare("UPDATE bookings SET status = 'confirmed' WHERE id = ?").run(session.id);
    const response = await reschedule(app, session, { start: '2026-03-05T15:00:00Z' });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).booking.status, 'requested');
    const read = await (await app.request(`/bookings/${session.id}`, { headers: bearer(session.token) })).json();
    assert.equal(read.booking.status, 'requested', 'the clinic confirms the new time');
  });

  test('a session that has already started cannot be moved: 409 booking_started, it stays put', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    app.clock.set('2026-03-03T15:10:00Z'); // ten minutes into the session
    const response = await reschedule(app, mine, { start: B });
    assert.equal(response.status, 409);
    assert.equal((await response.json()).error.code, 'booking_started');
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, A);
  });

  test('keeps the token and the checklist with its state', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    await putItem(app, mine, 'test-video', { done: true });
    assert.equal((await reschedule(app, mine, { start: B })).status, 200);
    const checklist = await (await getChecklist(app, mine)).json();
    assert.equal(checklist.booking.start, B);
    assert.deepEqual(
      checklist.items.filter((item: { done: boolean }) => item.done).map((item: { id: string }) => item.id),
      ['test-video'],
    );
  });

  test('a taken time is 409 slot_unavailable and the booking stays where it was', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    await booked(app, { start: B });
    const response = await reschedule(app, mine, { start: '2026-03-04T15:30:00Z' }); // overlaps B
    assert.equal(response.status, 409);
    assert.equal((await response.json()).error.code, 'slot_unavailable');
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, A);
  });

  test('a time the clinic never offers is 422; inside the notice or past the horizon 409; unknown fields 422', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const offGrid = await reschedule(app, mine, { start: '2026-03-04T15:10:00Z' });
    assert.equal(offGrid.status, 422);
    assert.ok((await offGrid.json()).error.fields.start);
    assert.equal((await reschedule(app, mine, { start: '2026-03-02T20:00:00Z' })).status, 409);
    assert.equal((await reschedule(app, mine, { start: '2026-05-04T13:00:00Z' })).status, 409);
    const typo = await reschedule(app, mine, { start: B, holdID: 'x' });
    assert.equal(typo.status, 422);
    assert.equal((await typo.json()).error.fields.holdID, 'Unknown field');
    const noStart = await reschedule(app, mine, {});
    assert.equal(noStart.status, 422);
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, A);
  });

  test('needs the booking’s token: 401 for missing, wrong or another booking’s token and for an unknown id', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const other = await booked(app, { start: '2026-03-05T15:00:00Z' });
    for (const [id, headers] of [
      [mine.id, {}],
      [mine.id, bearer(other.token)],
      ['bk_unknown', bearer(mine.token)],
    ] as [string, Record<string, string>][]) {
      const response = await app.postJson(`/bookings/${id}/reschedule`, { start: B }, { 'Idempotency-Key': randomUUID(), ...headers });
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error.code, 'unauthorized');
    }
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, A);
  });

  test('a cancelled booking cannot be rescheduled: its token opens it no more (401), its old time stays free', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    assert.equal((await app.request(`/bookings/${mine.id}/cancel`, { method: 'POST', headers: bearer(mine.token) })).status, 200);
    const response = await reschedule(app, mine, { start: B });
    assert.equal(response.status, 401);
    assert.equal(countRows(app, 'bookings', "status <> 'cancelled'"), 0);
    assert.equal((await app.book({ start: B })).status, 201);
  });
});

describe('reschedule and holds', () => {
  test('the client’s own hold on the new time is consumed', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: B })).json();
    const response = await reschedule(app, mine, { start: B, holdId: hold.id });
    assert.equal(response.status, 200);
    assert.equal(countRows(app, 'holds'), 0);
  });

  test('someone else’s hold blocks the time; a hold for another time is 422', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const theirs = await (await app.postJson('/holds', { service: 'consultation', start: B })).json();
    assert.equal((await reschedule(app, mine, { start: B })).status, 409);
    const elsewhere = await reschedule(app, mine, { start: '2026-03-05T15:00:00Z', holdId: theirs.hold.id });
    assert.equal(elsewhere.status, 422);
    assert.ok((await elsewhere.json()).error.fields.holdId);
  });

  test('an expired hold still moves the booking if the time is free, and is 409 hold_expired if it was taken', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const first = await (await app.postJson('/holds', { service: 'consultation', start: B })).json();
    app.clock.advance(6 * MINUTE);
    assert.equal((await reschedule(app, mine, { start: B, holdId: first.hold.id })).status, 200);

    const second = await (await app.postJson('/holds', { service: 'consultation', start: '2026-03-05T15:00:00Z' })).json();
    app.clock.advance(6 * MINUTE);
    await booked(app, { start: '2026-03-05T15:00:00Z' });
    const response = await reschedule(app, mine, { start: '2026-03-05T15:00:00Z', holdId: second.hold.id });
    assert.equal(response.status, 409);
    assert.equal((await response.json()).error.code, 'hold_expired');
  });
});

describe('reschedule idempotency', () => {
  test('Idempotency-Key is required: 400, nothing moved', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const response = await reschedule(app, mine, { start: B }, null);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'idempotency_key_missing');
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, A);
  });

  test('a retry with the same key replays the first answer, even after the booking moved again', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    const key = randomUUID();
    const first = await reschedule(app, mine, { start: B }, key);
    const firstText = await first.text();
    assert.equal(first.status, 200);
    assert.equal((await reschedule(app, mine, { start: '2026-03-05T15:00:00Z' })).status, 200);
    const retry = await reschedule(app, mine, { start: B }, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), firstText);
    const read = await (await app.request(`/bookings/${mine.id}`, { headers: bearer(mine.token) })).json();
    assert.equal(read.booking.start, '2026-03-05T15:00:00Z', 'the replay did not move it back');
  });

  test('a 409 is replayed too; the same key with another body is 422 idempotency_key_reused', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    await booked(app, { start: B });
    const key = randomUUID();
    const refused = await reschedule(app, mine, { start: B }, key);
    assert.equal(refused.status, 409);
    const replay = await reschedule(app, mine, { start: B }, key);
    assert.equal(replay.status, 409);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    const reused = await reschedule(app, mine, { start: '2026-03-05T15:00:00Z' }, key);
    assert.equal(reused.status, 422);
    assert.equal((await reused.json()).error.code, 'idempotency_key_reused');
  });

  test('cancel still works, idempotently, on a rescheduled booking; reschedule then refuses', async () => {
    const app = testApp();
    const mine = await booked(app, { start: A });
    assert.equal((await reschedule(app, mine, { start: B })).status, 200);
    const key = randomUUID();
    const cancel = () => app.postJson(`/bookings/${mine.id}/cancel`, {}, { ...bearer(mine.token), 'Idempotency-Key': key });
    const first = await cancel();
    assert.equal(first.status, 200);
    const firstText = await first.text();
    assert.equal(JSON.parse(firstText).booking.start, B);
    assert.equal(JSON.parse(firstText).booking.status, 'cancelled');
    const again = await cancel();
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await again.text(), firstText);
    // Without the key, the cancelled booking's token opens nothing any more (server/booking-access.ts).
    const plain = await app.request(`/bookings/${mine.id}/cancel`, { method: 'POST', headers: bearer(mine.token) });
    assert.equal(plain.status, 401);
    assert.equal((await reschedule(app, mine, { start: A })).status, 401);
    assert.equal(countRows(app, 'bookings', "status <> 'cancelled'"), 0);
    assert.equal((await app.book({ start: B })).status, 201);
  });
});

describe('the database guards a move as it guards an insert', () => {
  test('an UPDATE that would overlap another active booking is refused by the trigger', () => {
    const app = testApp();
    const insert = app.db.prepare(
      `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
         consent_privacy, token_sha256, created_at_ms) VALUES (?, 'consultation', ?, ?, ?, 'n', 'e', 'p', 1, 'h', 0)`,
    );
    insert.run('a', 1000, 2000, 'confirmed');
    insert.run('b', 3000, 4000, 'confirmed');
    insert.run('c', 1500, 2500, 'cancelled');
    const move = app.db.prepare('UPDATE bookings SET start_ms = ?, end_ms = ? WHERE id = ?');
    assert.throws(() => move.run(1500, 2500, 'b'), /slot_unavailable/);
    move.run(1500, 1900, 'a'); // within its own time
    move.run(2000, 3000, 'b'); // touching is not overlapping
    assert.throws(() => app.db.prepare("UPDATE bookings SET status = 'confirmed' WHERE id = 'c'").run(), /slot_unavailable/);
  });
});
