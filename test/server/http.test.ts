import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { CLIENT, MINUTE, bookingBody, countRows, testApp } from './support.js';

const SLOT = '2026-03-03T15:00:00Z';
const DEMO = 'http://localhost:8080';

describe('CORS allow-list', () => {
  const app = () => testApp({ allowedOrigins: [DEMO, 'http://127.0.0.1:8080'] });

  test('preflight from an allowed origin names the origin, methods and headers', async () => {
    const response = await app().request('/bookings', {
      method: 'OPTIONS',
      headers: { Origin: DEMO, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), DEMO);
    assert.equal(response.headers.get('Access-Control-Allow-Methods'), 'GET, POST, PUT, DELETE, OPTIONS');
    assert.equal(response.headers.get('Access-Control-Allow-Headers'), 'Content-Type, Idempotency-Key, Authorization');
    assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
  });

  test('responses to an allowed origin can be read, with Retry-After and Idempotent-Replayed exposed', async () => {
    const response = await app().request('/services', { headers: { Origin: 'http://127.0.0.1:8080' } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'http://127.0.0.1:8080');
    assert.equal(response.headers.get('Access-Control-Expose-Headers'), 'Retry-After, Idempotent-Replayed');
  });

  test('error responses carry CORS headers too, so the element can read them', async () => {
    const response = await app().request('/availability', { headers: { Origin: DEMO } });
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), DEMO);
  });

  test('any other origin gets no CORS headers at all, on preflight and on requests', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:8081', 'null']) {
      const preflight = await app().request('/bookings', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      const plain = await app().request('/services', { headers: { Origin: origin } });
      for (const response of [preflight, plain]) {
        for (const header of ['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers']) {
          assert.equal(response.headers.get(header), null, `${origin}: ${header}`);
        }
      }
    }
  });

  test('never answers with a wildcard, and allows nothing cross-origin by default', async () => {
    const response = await testApp().request('/services', { headers: { Origin: DEMO } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
  });

  test('an allow-list entry that is not an http(s) origin stops start-up with a clear message', () => {
    for (const entry of ['localhost:8080', 'file://', 'null', 'clinic.example', 'ftp://clinic.example']) {
      assert.throws(
        () => testApp({ allowedOrigins: [DEMO, entry] }),
        (error: Error) => {
          assert.match(error.message, /is not an http\(s\) origin/);
          assert.ok(error.message.includes(JSON.stringify(entry)), error.message);
          return true;
        },
      );
    }
  });

  test('an opaque origin (Origin: null) never matches, even if a bad entry is added after start-up', async () => {
    const origins: string[] = [DEMO];
    const late = testApp({ allowedOrigins: origins });
    origins.push('localhost:8080', 'file://', 'null');
    for (const origin of ['null', 'file://', 'localhost:8080']) {
      const preflight = await late.request('/bookings', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      const plain = await late.request('/services', { headers: { Origin: origin } });
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null, origin);
      assert.equal(plain.headers.get('Access-Control-Allow-Origin'), null, origin);
    }
    assert.equal((await late.request('/services', { headers: { Origin: DEMO } })).headers.get('Access-Control-Allow-Origin'), DEMO);
  });

  test('origins added to the array after creation are honoured (the server learns the demo port late)', async () => {
    const origins: string[] = [];
    const late = testApp({ allowedOrigins: origins });
    origins.push('http://localhost:4321');
    const response = await late.request('/services', { headers: { Origin: 'http://localhost:4321' } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'http://localhost:4321');
  });
});

describe('request bodies', () => {
  test('a body over 32 KB is 413 payload_too_large', async () => {
    const app = testApp();
    const body = bookingBody({ start: SLOT, source: 'x'.repeat(33 * 1024) });
    const response = await app.postJson('/bookings', body, { 'Idempotency-Key': randomUUID() });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, 'payload_too_large');
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('a streamed body without Content-Length is limited too', async () => {
    const app = testApp();
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request('/holds', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
  });

  test('a body just under the limit is read normally', async () => {
    const app = testApp();
    const response = await app.postJson('/holds', { service: 'consultation', start: SLOT, padding: 'x'.repeat(30 * 1024) });
    assert.equal(response.status, 422, 'reaches validation (unknown field), not 413');
    assert.equal((await response.json()).error.fields.padding, 'Unknown field');
  });

  test('a body that is not declared as JSON is 415; text/plain cannot sneak past the CORS preflight', async () => {
    const app = testApp();
    const response = await app.request('/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify(bookingBody({ start: SLOT })),
    });
    assert.equal(response.status, 415);
    assert.equal((await response.json()).error.code, 'validation_failed');
    assert.equal(countRows(app, 'bookings'), 0);
  });

  test('application/json with a charset is fine', async () => {
    const app = testApp();
    const response = await app.request('/holds', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ service: 'consultation', start: SLOT }),
    });
    assert.equal(response.status, 201);
  });

  test('a body nested deeper than 64 levels is 400 validation_failed, not a stack overflow', async () => {
    const app = testApp();
    const post = (body: string, path = '/intake-responses') =>
      app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body,
      });
    // 10 KB, far under the size limit; recursive code would overflow the stack on it.
    for (const path of ['/intake-responses', '/bookings', '/holds']) {
      const deep = await post(`{"form":${'['.repeat(5_000)}${']'.repeat(5_000)}}`, path);
      assert.equal(deep.status, 400, path);
      const error = (await deep.json()).error;
      assert.equal(error.code, 'validation_failed');
      assert.match(error.message, /nested more than 64 levels/);
    }
    // 64 levels (the body object and 63 arrays) are read, and refused by the schema as usual.
    const atLimit = await post(`{"form":${'['.repeat(63)}${']'.repeat(63)}}`);
    assert.equal(atLimit.status, 422);
    const over = await post(`{"form":${'['.repeat(64)}${']'.repeat(64)}}`);
    assert.equal(over.status, 400);
  });

  test('malformed JSON is 400 validation_failed', async () => {
    const app = testApp();
    const response = await app.request('/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: '{"service": "consultation",',
    });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'validation_failed');
  });
});

describe('rate limits on writes and reads', () => {
  test('past the write limit: 429 rate_limited with Retry-After in seconds; reads have their own budget; the window resets', async () => {
    const app = testApp({ rateLimit: { writes: 3, windowMs: MINUTE }, allowedOrigins: [DEMO] });
    for (let i = 0; i < 3; i++) {
      const response = await app.request(`/holds/hold_${i}`, { method: 'DELETE' });
      assert.equal(response.status, 204);
    }
    app.clock.advance(20_500);
    const limited = await app.request('/holds/hold_x', { method: 'DELETE', headers: { Origin: DEMO } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '40'); // 39.5 s left, rounded up
    assert.equal(limited.headers.get('Access-Control-Allow-Origin'), DEMO, 'the element can read the 429');
    const { error } = await limited.json();
    assert.equal(error.code, 'rate_limited');
    const booking = await app.postJson('/bookings', bookingBody({ start: SLOT }), { 'Idempotency-Key': randomUUID() });
    assert.equal(booking.status, 429, 'every write counts, bookings included');
    assert.equal((await app.request('/services')).status, 200, 'reads pass');
    app.clock.advance(40_000);
    assert.equal((await app.request('/holds/hold_y', { method: 'DELETE' })).status, 204);
  });

  test('the default allows a person’s pace but stops a burst', async () => {
    const app = testApp({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await app.request(`/holds/h${i}`, { method: 'DELETE' })).status);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(204));
    assert.equal(statuses[30], 429);
  });

  test('reads have a separate, larger budget: past it 429 with Retry-After, while writes still pass', async () => {
    const app = testApp({ rateLimit: { writes: 3, reads: 5, windowMs: MINUTE } });
    const reads: number[] = [];
    for (let i = 0; i < 6; i++) reads.push((await app.request('/services')).status);
    assert.deepEqual(reads, [200, 200, 200, 200, 200, 429]);
    const limited = await app.request('/availability?service=consultation&from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '60');
    assert.equal((await limited.json()).error.code, 'rate_limited');
    assert.equal((await app.request('/holds/h', { method: 'DELETE' })).status, 204, 'the write budget is untouched');
    app.clock.advance(MINUTE);
    assert.equal((await app.request('/services')).status, 200);
  });

  test('the default read budget is 300 a minute', async () => {
    const app = testApp({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await app.request('/health')).status);
    assert.deepEqual(statuses.slice(0, 300), Array(300).fill(200));
    assert.equal(statuses[300], 429);
  });
});

describe('errors', () => {
  test('an unknown route is a 404 envelope', async () => {
    const app = testApp();
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/services'],
      ['GET', '/bookings'],
    ] as const) {
      const response = await app.request(path, {
        method,
        ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}),
      });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.deepEqual(await response.json(), { error: { code: 'not_found', message: 'There is nothing at this address.' } });
    }
  });

  test('an unexpected failure is a 500 internal_error without a stack or details', async () => {
    const app = testApp();
    app.db.exec('ALTER TABLE services RENAME TO services_gone');
    const response = await app.request('/services');
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), {
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
    });
    assert.ok(!/services|sqlite|at /i.test(text));
    assert.ok(app.logs.some((line) => line.startsWith('internal_error SqliteError')));
  });

  test('every response is marked not to be cached or sniffed', async () => {
    const app = testApp();
    const response = await app.request('/services');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
  });
});

describe('logs', () => {
  test('one line per request with method, route pattern, status and duration, and no client data', async () => {
    const app = testApp();
    const booked = await (await app.book({ start: SLOT, reason: 'grief_and_loss', source: 'spring-campaign' }, { 'Idempotency-Key': 'key-123456' })).json();
    await app.postJson('/bookings', bookingBody({ start: SLOT, client: { ...CLIENT, email: 'broken' } }), {
      'Idempotency-Key': randomUUID(),
    });
    await app.request(`/bookings/${booked.booking.id}`, { headers: { Authorization: `Bearer ${booked.accessToken}` } });
    await app.request('/availability?service=consultation&from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z');
    app.db.exec("CREATE TRIGGER broken BEFORE INSERT ON bookings BEGIN SELECT RAISE(ABORT, 'Rosalind Vance'); END");
    await app.book({ start: '2026-03-04T15:00:00Z' });

    assert.deepEqual(
      app.logs.filter((line) => !line.startsWith('internal_error')).map((line) => line.split(' ').slice(1, 4).join(' ')),
      ['POST /bookings 201', 'POST /bookings 422', 'GET /bookings/:id 200', 'GET /availability 200', 'POST /bookings 500'],
    );
    for (const line of app.logs) {
      assert.match(line, /^(\S+ [A-Z]+ \S+ \d{3} \d+ms|internal_error .*)$/);
      for (const secret of [
        CLIENT.name,
        'Rosalind',
        CLIENT.email,
        CLIENT.phone,
        'broken',
        'grief',
        'spring-campaign',
        booked.accessToken,
        'key-123456',
        '2026-03-03T00',
      ]) {
        assert.ok(!line.includes(secret), `log line leaks ${secret}: ${line}`);
      }
    }
  });
});

describe('mounted under a prefix', () => {
  test('works behind a host that strips /api/<namespace>, one isolated app per namespace', async () => {
    const first = testApp();
    const second = testApp();
    const host = new Hono().mount('/api/first', first.app.fetch).mount('/api/second', second.app.fetch);
    const key = randomUUID();
    const booked = await host.request('/api/first/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(bookingBody({ start: SLOT })),
    });
    assert.equal(booked.status, 201);
    const { booking, accessToken } = await booked.json();
    const read = await host.request(`/api/first/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 200);
    const replay = await host.request('/api/first/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(bookingBody({ start: SLOT })),
    });
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    const elsewhere = await host.request('/api/second/availability?service=consultation&from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z');
    assert.ok(
      (await elsewhere.json()).slots.some((slot: { start: string }) => slot.start === SLOT),
      'namespaces do not share data',
    );
    assert.equal(countRows(second, 'bookings'), 0);
    assert.deepEqual(
      first.logs.map((line) => line.split(' ').slice(1, 4).join(' ')),
      ['POST /bookings 201', 'GET /bookings/:id 200', 'POST /bookings 201'],
    );
  });
});
