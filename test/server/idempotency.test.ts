import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { fingerprintRequest, IDEMPOTENCY_LOCK_MS } from '../../server/middleware/idempotency.js';
import { CLIENT, DAY, bookingBody, countRows, testApp } from './support.js';

const SLOT = '2026-03-10T15:00:00Z';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('Idempotency-Key on POST /bookings', () => {
  test('is required: 400 idempotency_key_missing, nothing booked', async () => {
    const app = testApp();
    for (const headers of [{}, { 'Idempotency-Key': '   ' }] as Record<string, string>[]) {
      const response = await app.postJson('/bookings', bookingBody({ start: SLOT }), headers);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).error.code, 'idempotency_key_missing');
    }
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('a key that is not 1–255 visible ASCII characters is 400', async () => {
    const app = testApp();
    for (const key of ['x'.repeat(256), 'two words']) {
      const response = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
      assert.equal(response.status, 400, key);
    }
  });

  test('the same key and body replays the first response exactly, with Idempotent-Replayed, and books once', async () => {
    const app = testApp();
    const key = randomUUID();
    const first = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    const firstText = await first.text();
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('Idempotent-Replayed'), null);
    for (let retry = 0; retry < 3; retry++) {
      const again = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.match(again.headers.get('Content-Type') ?? '', /^application\/json/);
      assert.equal(await again.text(), firstText);
    }
    assert.equal(countRows(app, 'bookings'), 1);
    // The replayed token is the real one.
    const { booking, accessToken } = JSON.parse(firstText);
    const read = await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 200);
  });

  test('the structured-field form of the key ("…") is the same key', async () => {
    const app = testApp();
    const key = randomUUID();
    await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    const quoted = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': `"${key}"` });
    assert.equal(quoted.headers.get('Idempotent-Replayed'), 'true');
  });

  test('key order in the JSON body does not make a different request', async () => {
    const app = testApp();
    const key = randomUUID();
    const body = bookingBody({ start: SLOT });
    await app.postJson('/bookings', body, { 'Idempotency-Key': key });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await app.postJson('/bookings', reordered, { 'Idempotency-Key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
  });

  test('the same key with a different body is 422 idempotency_key_reused, and books nothing new', async () => {
    const app = testApp();
    const key = randomUUID();
    assert.equal((await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key })).status, 201);
    const other = await app.postJson('/bookings', bookingBody({ start: '2026-03-10T17:00:00Z' }), { 'Idempotency-Key': key });
    assert.equal(other.status, 422);
    assert.equal((await other.json()).error.code, 'idempotency_key_reused');
    assert.equal(countRows(app, 'bookings'), 1);
  });

  test('while the first request with the key is still running: 409 request_in_progress', async () => {
    const app = testApp();
    const key = randomUUID();
    const body = bookingBody({ start: SLOT });
    // Exactly the claim a running request holds: the key taken, no outcome yet.
    app.db
      .prepare('INSERT INTO idempotency_keys (key_sha256, scope, fingerprint, created_at_ms, locked_at_ms) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(key), 'POST /bookings', fingerprintRequest(body, undefined), app.clock.ms, app.clock.ms);
    const response = await app.postJson('/bookings', body, { 'Idempotency-Key': key });
    assert.equal(response.status, 409);
    assert.equal((await response.json()).error.code, 'request_in_progress');
    assert.equal(response.headers.get('Retry-After'), '1');
    assert.equal(countRows(app, 'bookings'), 0);
    // A claim whose request died (no outcome after the lock time) is taken over by the retry.
    app.clock.advance(IDEMPOTENCY_LOCK_MS);
    const retry = await app.postJson('/bookings', body, { 'Idempotency-Key': key });
    assert.equal(retry.status, 201);
    assert.equal(countRows(app, 'bookings'), 1);
  });

  test('concurrent requests with one key create one booking', async () => {
    const app = testApp();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 5 }, () => app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key })));
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 201).length >= 1, true);
    assert.ok(
      statuses.every((status) => status === 201 || status === 409),
      String(statuses),
    );
    assert.equal(countRows(app, 'bookings'), 1);
    const bodies = new Set(await Promise.all(responses.filter((r) => r.status === 201).map(async (response) => (await response.json()).booking.id)));
    assert.equal(bodies.size, 1, 'every 201 is the same booking');
  });

  test('a conflict is an outcome too: 409 slot_unavailable is replayed for its key', async () => {
    const app = testApp();
    const taken = await (await app.book({ start: SLOT })).json();
    const key = randomUUID();
    const first = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    assert.equal(first.status, 409);
    await app.request(`/bookings/${taken.booking.id}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${taken.accessToken}` },
    });
    const retry = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    assert.equal(retry.status, 409);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await retry.json()).error.code, 'slot_unavailable');
  });

  test('a rejected request keeps nothing: the corrected body with the same key books', async () => {
    const app = testApp();
    const key = randomUUID();
    const invalid = await app.postJson('/bookings', bookingBody({ start: SLOT, client: { ...CLIENT, email: 'nope' } }), {
      'Idempotency-Key': key,
    });
    assert.equal(invalid.status, 422);
    const fixed = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    assert.equal(fixed.status, 201);
    assert.equal(fixed.headers.get('Idempotent-Replayed'), null);
  });

  test('a server error keeps nothing: the retry with the same key succeeds', async () => {
    const app = testApp();
    const key = randomUUID();
    app.db.exec("CREATE TRIGGER broken BEFORE INSERT ON bookings BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const failed = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    assert.equal(failed.status, 500);
    assert.equal((await failed.json()).error.code, 'internal_error');
    app.db.exec('DROP TRIGGER broken');
    const retry = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotent-Replayed'), null);
  });

  test('outcomes are kept for 24 hours, then the key is free again', async () => {
    const app = testApp();
    const key = randomUUID();
    await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key });
    app.clock.advance(DAY - 1);
    const within = await app.postJson('/bookings', bookingBody({ start: '2026-03-11T15:00:00Z' }), { 'Idempotency-Key': key });
    assert.equal(within.status, 422, 'still remembered just before 24 hours');
    app.clock.advance(1);
    const after = await app.postJson('/bookings', bookingBody({ start: '2026-03-11T15:00:00Z' }), { 'Idempotency-Key': key });
    assert.equal(after.status, 201);
    assert.equal(after.headers.get('Idempotent-Replayed'), null);
    assert.equal(countRows(app, 'idempotency_keys'), 1, 'the old record was purged');
  });

  test('stores neither the key nor the access token in readable form', async () => {
    const app = testApp();
    const key = randomUUID();
    const { accessToken } = await (await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': key })).json();
    const rows = app.db.prepare('SELECT * FROM idempotency_keys').all() as Record<string, unknown>[];
    assert.equal(rows.length, 1);
    const dump = rows
      .map((row) =>
        Object.values(row)
          .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
          .join('|'),
      )
      .join('\n');
    assert.ok(!dump.includes(key));
    assert.ok(!dump.includes(accessToken));
    assert.ok(!dump.includes(CLIENT.email));
    assert.equal(rows[0]!.key_sha256, sha256(key));
  });
});

describe('Idempotency-Key on POST /holds and POST /bookings/:id/cancel (optional)', () => {
  test('a hold retried with its key is the same hold, not a 409 against itself', async () => {
    const app = testApp();
    const key = randomUUID();
    const first = await app.postJson('/holds', { service: 'consultation', start: SLOT }, { 'Idempotency-Key': key });
    const again = await app.postJson('/holds', { service: 'consultation', start: SLOT }, { 'Idempotency-Key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(countRows(app, 'holds'), 1);
    const withoutKey = await app.postJson('/holds', { service: 'consultation', start: SLOT });
    assert.equal(withoutKey.status, 409);
  });

  test('keys are scoped to method and path: one key on a hold and on a booking are unrelated', async () => {
    const app = testApp();
    const key = randomUUID();
    const { hold } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT }, { 'Idempotency-Key': key })).json();
    const booked = await app.postJson('/bookings', bookingBody({ start: SLOT, holdId: hold.id }), { 'Idempotency-Key': key });
    assert.equal(booked.status, 201);
    assert.equal(booked.headers.get('Idempotent-Replayed'), null);
  });

  test('cancel with a key replays its answer; another token with that key is a different request', async () => {
    const app = testApp();
    const { booking, accessToken } = await (await app.book({ start: SLOT })).json();
    const key = randomUUID();
    const headers = { Authorization: `Bearer ${accessToken}`, 'Idempotency-Key': key };
    const first = await app.request(`/bookings/${booking.id}/cancel`, { method: 'POST', headers });
    assert.equal(first.status, 200);
    const again = await app.request(`/bookings/${booking.id}/cancel`, { method: 'POST', headers });
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    const stranger = await app.request(`/bookings/${booking.id}/cancel`, {
      method: 'POST',
      headers: { Authorization: 'Bearer someone-elses-token-000000', 'Idempotency-Key': key },
    });
    assert.equal(stranger.status, 422);
    assert.equal((await stranger.json()).error.code, 'idempotency_key_reused');
  });

  test('holds and cancels work without a key', async () => {
    const app = testApp();
    assert.equal((await app.postJson('/holds', { service: 'consultation', start: SLOT })).status, 201);
    assert.equal(countRows(app, 'idempotency_keys'), 0);
  });
});
