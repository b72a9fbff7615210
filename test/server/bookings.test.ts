import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CLIENT, bookingBody, countRows, testApp, openRow } from './support.js';

const SLOT = '2026-03-03T15:00:00Z';

describe('POST /bookings', () => {
  test('books a free slot: 201 with the booking and an access token', async () => {
    const app = testApp();
    const response = await app.book({ start: SLOT, reason: 'anxiety', source: 'spring-campaign' });
    assert.equal(response.status, 201);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['accessToken', 'booking']);
    assert.match(body.booking.id, /^bk_[A-Za-z0-9_-]{20,}$/);
    assert.deepEqual(
      { ...body.booking, id: undefined },
      { id: undefined, service: 'consultation', start: SLOT, end: '2026-03-03T15:45:00Z', status: 'confirmed' },
    );
    assert.match(body.accessToken, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
  });

  test('stores what the client sent for the clinic, with the name trimmed', async () => {
    const app = testApp();
    const response = await app.book({
      start: SLOT,
      client: { ...CLIENT, name: '  Rosalind Vance ' },
      consent: { privacy: true, contact: true },
      reason: 'ptsd',
      source: 'newsletter',
    });
    const { booking } = await response.json();
    const raw = app.db.prepare('SELECT * FROM bookings WHERE id = ?').get(booking.id) as Record<string, unknown>;
    assert.ok(!JSON.stringify(raw).includes('Rosalind'), 'the client’s details are encrypted at rest');
    const row = openRow(app, 'bookings', raw);
    assert.equal(row.client_name, 'Rosalind Vance');
    assert.equal(row.client_email, CLIENT.email);
    assert.equal(row.client_phone, CLIENT.phone);
    assert.equal(row.consent_contact, 1);
    assert.equal(row.reason, 'ptsd');
    assert.equal(row.source, 'newsletter');
  });

  test('a request-mode service creates a booking waiting for the clinic: status requested', async () => {
    const app = testApp();
    const response = await app.book({ service: 'administration', start: '2026-03-03T14:00:00Z' });
    assert.equal(response.status, 201);
    const { booking } = await response.json();
    assert.equal(booking.status, 'requested');
    assert.equal(booking.end, '2026-03-03T16:00:00Z');
    // A requested session still takes the clinician's time.
    assert.equal((await app.book({ start: '2026-03-03T15:00:00Z' })).status, 409);
  });

  test('a taken time is 409 slot_unavailable and nothing more is stored', async () => {
    const app = testApp();
    assert.equal((await app.book({ start: SLOT })).status, 201);
    const response = await app.book({ service: 'integration', start: '2026-03-03T14:30:00Z' });
    assert.equal(response.status, 409);
    const { error } = await response.json();
    assert.equal(error.code, 'slot_unavailable');
    assert.ok(error.message.length > 0);
    assert.equal(countRows(app, 'bookings'), 1);
  });

  test('a time the clinic never offers is 422 on start; one inside the notice or past the horizon is 409', async () => {
    const app = testApp();
    const offGrid = await app.book({ start: '2026-03-03T15:15:00Z' });
    assert.equal(offGrid.status, 422);
    assert.ok((await offGrid.json()).error.fields.start);
    const tooLate = await app.book({ start: '2026-03-03T21:30:00Z' }); // would end 17:15 EST
    assert.equal(tooLate.status, 422);
    const tooSoon = await app.book({ start: '2026-03-02T20:00:00Z' });
    assert.equal(tooSoon.status, 409);
    const tooFar = await app.book({ start: '2026-05-04T13:00:00Z' });
    assert.equal(tooFar.status, 409);
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('an unknown service is 422 on service', async () => {
    const app = testApp();
    const response = await app.book({ service: 'massage', start: SLOT });
    assert.equal(response.status, 422);
    assert.deepEqual(Object.keys((await response.json()).error.fields), ['service']);
  });

  test('validation: one message per field, keyed by dotted path, in the schema’s words', async () => {
    const app = testApp();
    const response = await app.postJson(
      '/bookings',
      {
        service: 'consultation',
        start: SLOT,
        client: { name: '   ', email: 'rosalind at example', phone: 'call me' },
        consent: { privacy: false },
        reason: 'curiosity',
        source: 'x'.repeat(101),
        holdID: 'typo',
      },
      { 'Idempotency-Key': randomUUID() },
    );
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.fields['client.name'], 'Enter your full name');
    assert.equal(error.fields['client.email'], 'Enter an email address in the correct format, like name@example.com');
    assert.equal(error.fields['client.phone'], 'Enter a phone number, like 212 555 0100');
    assert.equal(error.fields['consent.privacy'], 'You must agree to the privacy notice to book');
    assert.ok(error.fields.reason);
    assert.ok(error.fields.source);
    assert.equal(error.fields.holdID, 'Unknown field');
    assert.deepEqual(Object.keys(error.fields).sort(), ['client.email', 'client.name', 'client.phone', 'consent.privacy', 'holdID', 'reason', 'source']);
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('`__proto__` and other Object.prototype names are unknown fields like any other', async () => {
    const app = testApp();
    const valid = JSON.stringify(bookingBody({ start: SLOT }));
    const cases: [string, string][] = [
      [`{"__proto__":{"admin":true},${valid.slice(1)}`, '__proto__'],
      [valid.replace('"client":{', '"client":{"__proto__":"x",'), 'client.__proto__'],
      [`{"constructor":"x","toString":"y",${valid.slice(1)}`, 'constructor'],
    ];
    for (const [body, field] of cases) {
      const response = await app.request('/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body,
      });
      assert.equal(response.status, 422, field);
      const { error } = await response.json();
      assert.equal(error.code, 'validation_failed');
      assert.equal(Object.getOwnPropertyDescriptor(error.fields, field)?.value, 'Unknown field', field);
    }
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('missing objects are reported by path', async () => {
    const app = testApp();
    const response = await app.postJson('/bookings', { service: 'consultation', start: SLOT }, { 'Idempotency-Key': 'k' });
    const { error } = await response.json();
    assert.deepEqual(Object.keys(error.fields).sort(), ['client', 'consent']);
  });

  test('a body that is not an object is 422, an empty body too', async () => {
    const app = testApp();
    const array = await app.postJson('/bookings', [1, 2], { 'Idempotency-Key': 'a' });
    assert.equal(array.status, 422);
    const empty = await app.request('/bookings', { method: 'POST', headers: { 'Idempotency-Key': 'b' } });
    assert.equal(empty.status, 422);
    assert.equal((await empty.json()).error.code, 'validation_failed');
  });
});

describe('access tokens', () => {
  test('the raw token is never stored: the database file holds only its SHA-256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-token-'));
    try {
      const app = testApp({ db: join(dir, 'kap.sqlite') });
      const { booking, accessToken } = await (await app.book({ start: SLOT }, { 'Idempotency-Key': randomUUID() })).json();
      const stored = app.db.prepare('SELECT token_sha256 FROM bookings WHERE id = ?').get(booking.id) as {
        token_sha256: string;
      };
      assert.equal(stored.token_sha256, createHash('sha256').update(accessToken).digest('hex'));
      // Every byte SQLite wrote (main file and write-ahead log), before and after a checkpoint.
      const files = () => readdirSync(dir).map((name) => readFileSync(join(dir, name)));
      for (const content of files()) assert.ok(!content.includes(accessToken), 'token found in a database file');
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      for (const content of files()) assert.ok(!content.includes(accessToken));
      await app.close();
      for (const content of files()) assert.ok(!content.includes(accessToken));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two bookings get different tokens, and one booking’s token does not open the other', async () => {
    const app = testApp();
    const first = await (await app.book({ start: SLOT })).json();
    const second = await (await app.book({ start: '2026-03-04T15:00:00Z' })).json();
    assert.notEqual(first.accessToken, second.accessToken);
    const crossed = await app.request(`/bookings/${second.booking.id}`, {
      headers: { Authorization: `Bearer ${first.accessToken}` },
    });
    assert.equal(crossed.status, 401);
  });
});

describe('GET /bookings/:id and POST /bookings/:id/cancel need the bearer token', () => {
  async function booked() {
    const app = testApp();
    const body = await (await app.book({ start: SLOT })).json();
    return { app, id: body.booking.id as string, token: body.accessToken as string, booking: body.booking };
  }

  test('with the token: 200 and the booking, without client details', async () => {
    const { app, id, token, booking } = await booked();
    const response = await app.request(`/bookings/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(body, { booking });
    assert.ok(!JSON.stringify(body).includes(CLIENT.email));
  });

  test('missing, malformed, wrong token and unknown id all answer 401 unauthorized alike', async () => {
    const { app, id, token } = await booked();
    const attempts: [string, Record<string, string>][] = [
      [id, {}],
      [id, { Authorization: token }],
      [id, { Authorization: `Basic ${token}` }],
      // One character changed (never to itself: a token may already end in A).
      [id, { Authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` }],
      ['bk_doesnotexist', { Authorization: `Bearer ${token}` }],
    ];
    const bodies = new Set<string>();
    for (const [bookingId, headers] of attempts) {
      for (const init of [{ headers }, { method: 'POST', headers }]) {
        const path = init.method ? `/bookings/${bookingId}/cancel` : `/bookings/${bookingId}`;
        const response = await app.request(path, init);
        assert.equal(response.status, 401, `${init.method ?? 'GET'} ${path} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
        bodies.add(await response.text());
      }
    }
    assert.equal(bodies.size, 1, 'an unknown id is indistinguishable from a wrong token');
    assert.match([...bodies][0]!, /"code":"unauthorized"/);
  });

  test('cancel: 200 cancelled, the token opens nothing after (401), and the slot is free for someone else', async () => {
    const { app, id, token } = await booked();
    const auth = { Authorization: `Bearer ${token}` };
    const first = await app.request(`/bookings/${id}/cancel`, { method: 'POST', headers: auth });
    assert.equal(first.status, 200);
    assert.equal((await first.json()).booking.status, 'cancelled');
    assert.equal((await app.request(`/bookings/${id}/cancel`, { method: 'POST', headers: auth })).status, 401);
    assert.equal((await app.request(`/bookings/${id}`, { headers: auth })).status, 401);
    assert.equal((await app.book({ start: SLOT })).status, 201);
  });
});
