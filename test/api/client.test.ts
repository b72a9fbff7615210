/**
 * The fetch client against a scripted fake `fetch`: it injects what a real server cannot
 * produce on demand (dropped connections, hung responses, malformed bodies, throttling), with
 * injected sleep and jitter so retry timing is observable. One test at the end runs the client
 * against the real reference backend.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KapApiClient, KapApiError, MAX_RETRY_AFTER_MS, newIdempotencyKey, parseRetryAfter, resolveApiBase, type BookingRequest } from '../../src/api/index.js';
import { createApp } from '../../server/app.js';
import { API, apiError, clientWith, json, scriptedFetch, type RecordedCall, type Step } from './support.js';

// ---- fixtures ------------------------------------------------------------------------------

const SERVICE = {
  id: 'consultation',
  name: 'Consultation',
  description: 'Screening and assessment',
  durationMinutes: 45,
  location: 'virtual',
  mode: 'instant',
} as const;
const HOLD = {
  id: 'hold_1',
  service: 'consultation',
  start: '2026-03-04T14:00:00Z',
  end: '2026-03-04T14:45:00Z',
  expiresAt: '2026-03-04T13:05:00Z',
};
const BOOKING = {
  id: 'bk_1',
  service: 'consultation',
  start: '2026-03-04T14:00:00Z',
  end: '2026-03-04T14:45:00Z',
  status: 'confirmed',
} as const;
const ACCESS_TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const BOOKING_REQUEST: BookingRequest = {
  service: 'consultation',
  start: '2026-03-04T14:00:00Z',
  holdId: 'hold_1',
  client: { name: 'Alice Example', email: 'alice@example.com', phone: '+1 212 555 0100' },
  consent: { privacy: true, contact: false },
  reason: 'ptsd',
};
const PHI = ['Alice', 'alice@example.com', '555 0100', 'ptsd'];

async function rejectsWith(promise: Promise<unknown>, expected: Omit<Partial<KapApiError>, 'message'> & { message?: RegExp | string }) {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof KapApiError, `expected a KapApiError, got ${String(error)}`);
  for (const [key, value] of Object.entries(expected)) {
    const actual: unknown = (error as unknown as Record<string, unknown>)[key];
    if (key === 'message' && value instanceof RegExp) assert.match(String(actual), value);
    else assert.deepEqual(actual, value, `KapApiError.${key}`);
  }
  return error;
}

async function rejectsWithAbort(promise: Promise<unknown>) {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof DOMException, `expected a DOMException, got ${String(error)}`);
  assert.equal(error.name, 'AbortError');
  assert.ok(!(error instanceof KapApiError));
}

const WRITE = { idempotencyKey: 'idem-key-0001' };

// ---- configuration ---------------------------------------------------------------------------

describe('resolveApiBase', () => {
  const page = 'https://clinic.example/book/index.html';

  for (const missing of [null, undefined, '', '   ']) {
    it(`rejects a missing api (${JSON.stringify(missing)}) with a configuration error naming the attribute`, () => {
      assert.throws(
        () => resolveApiBase(missing, page),
        (e: unknown) => e instanceof KapApiError && e.kind === 'configuration' && /`api` attribute is missing/.test(e.message),
      );
    });
  }

  const rejected: Array<[string, RegExp, string?]> = [
    ['http://api.clinic.example/', /plain http:.*use https:/],
    ['http://localhost.evil.example/', /plain http:/],
    ['http://127.0.0.2/', /plain http:/],
    ['ftp://api.clinic.example/', /ftp: scheme/],
    ['javascript:alert(1)', /javascript: scheme/],
    ['data:application/json,{}', /data: scheme/],
    ['file:///etc/passwd', /file: scheme/],
    ['https://user:secret@api.clinic.example/', /user name or password/],
    ['https://:secret@api.clinic.example/', /user name or password/],
    ['https://', /not a valid URL/],
    ['https://exa mple.com/', /not a valid URL/],
    ['/kap/', /not a valid URL.*relative URL needs a page base URI/, ''],
    ['/kap/', /plain http:/, 'http://clinic.example/'],
  ];
  for (const [api, message, base = page] of rejected) {
    it(`rejects ${JSON.stringify(api)}${base === page ? '' : ` on ${JSON.stringify(base)}`}`, () => {
      assert.throws(
        () => resolveApiBase(api, base),
        (e: unknown) => e instanceof KapApiError && e.kind === 'configuration' && message.test(e.message),
      );
    });
  }

  it('does not echo a password in its error message', () => {
    assert.throws(
      () => resolveApiBase('https://user:hunter2@api.clinic.example/', page),
      (e: unknown) => e instanceof KapApiError && !e.message.includes('hunter2'),
    );
  });

  const accepted: Array<[string, string]> = [
    ['https://api.clinic.example', 'https://api.clinic.example/'],
    ['https://api.clinic.example/kap', 'https://api.clinic.example/kap/'],
    ['  https://api.clinic.example/kap/  ', 'https://api.clinic.example/kap/'],
    ['https://api.clinic.example/kap/?key=abc#frag', 'https://api.clinic.example/kap/'],
    ['http://localhost:8787', 'http://localhost:8787/'],
    ['http://127.0.0.1:8787/api', 'http://127.0.0.1:8787/api/'],
    ['http://[::1]:8787/api/', 'http://[::1]:8787/api/'],
    ['HTTPS://API.CLINIC.EXAMPLE/Kap', 'https://api.clinic.example/Kap/'],
    ['/api', 'https://clinic.example/api/'],
    ['api/v1', 'https://clinic.example/book/api/v1/'],
    ['//api.clinic.example/kap', 'https://api.clinic.example/kap/'],
  ];
  for (const [api, href] of accepted) {
    it(`accepts ${JSON.stringify(api)} as ${href}`, () => {
      assert.equal(resolveApiBase(api, page).href, href);
    });
  }

  it('exposes its base, and changing that copy cannot redirect requests', async () => {
    const { client, calls } = clientWith([json(200, { services: [] })]);
    assert.equal(client.base.href, API);
    client.base.host = 'evil.example';
    await client.listServices();
    assert.equal(calls[0]!.url.href, `${API}services`);
  });

  it('the client constructor throws the same configuration error, in the same words, with what is wrong as its cause', () => {
    assert.throws(
      () => new KapApiClient({ api: 'http://api.clinic.example/' }),
      (e: unknown) =>
        e instanceof KapApiError &&
        e.kind === 'configuration' &&
        /plain http:.*use https:/.test(e.message) &&
        JSON.stringify(e.cause) === JSON.stringify({ problem: 'plain-http', origin: 'http://api.clinic.example' }),
    );
  });

  it('resolves a relative api against location.href when no baseURI is given', () => {
    const g = globalThis as { location?: { href: string } };
    const saved = g.location;
    g.location = { href: 'https://clinic.example/book/' };
    try {
      assert.equal(new KapApiClient({ api: '../api' }).base.href, 'https://clinic.example/api/');
    } finally {
      if (saved === undefined) delete g.location;
      else g.location = saved;
    }
  });
});

describe('newIdempotencyKey', () => {
  it('returns distinct version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 500 }, newIdempotencyKey));
    assert.equal(keys.size, 500);
    for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

// ---- requests ---------------------------------------------------------------------------------

describe('request shape', () => {
  it('GET services: safe fetch options, JSON accept, no credentials of any kind', async () => {
    const { client, calls } = clientWith([json(200, { services: [SERVICE] })]);
    assert.deepEqual(await client.listServices(), [SERVICE]);
    const [call] = calls;
    assert.equal(call!.url.href, `${API}services`);
    assert.equal(call!.init.method, 'GET');
    assert.equal(call!.init.credentials, 'omit');
    assert.equal(call!.init.mode, 'cors');
    assert.equal(call!.init.cache, 'no-store');
    assert.equal(call!.init.redirect, 'manual');
    assert.equal(call!.init.referrerPolicy, 'no-referrer');
    assert.equal(call!.headers.get('Accept'), 'application/json');
    assert.equal(call!.headers.get('Authorization'), null);
    assert.equal(call!.headers.get('Idempotency-Key'), null);
    assert.equal(call!.headers.get('Content-Type'), null);
    assert.equal(call!.body, undefined);
  });

  it('GET availability carries exactly service, from and to in the query', async () => {
    const body = { service: 'consultation', timeZone: 'America/New_York', slots: [{ start: HOLD.start, end: HOLD.end }] };
    const { client, calls } = clientWith([json(200, body)]);
    const q = { service: 'consultation', from: '2026-03-02T05:00:00Z', to: '2026-03-09T04:00:00Z' };
    assert.deepEqual(await client.getAvailability(q), body);
    const url = calls[0]!.url;
    assert.equal(url.origin + url.pathname, `${API}availability`);
    assert.deepEqual(
      [...url.searchParams],
      [
        ['service', 'consultation'],
        ['from', '2026-03-02T05:00:00Z'],
        ['to', '2026-03-09T04:00:00Z'],
      ],
    );
  });

  it('refuses an availability query that is not a service id and two instants, without a request', async () => {
    const { client, calls } = clientWith([]);
    await rejectsWith(client.getAvailability({ service: 'consultation', from: 'alice@example.com', to: '2026-03-09T04:00:00Z' }), {
      kind: 'configuration',
      message: /from/,
    });
    assert.equal(calls.length, 0);
  });

  it('POST holds: JSON body, the caller’s Idempotency-Key, no Authorization', async () => {
    const { client, calls } = clientWith([json(201, { hold: HOLD })]);
    assert.deepEqual(await client.createHold({ service: 'consultation', start: HOLD.start }, WRITE), HOLD);
    const [call] = calls;
    assert.equal(call!.url.href, `${API}holds`);
    assert.equal(call!.init.method, 'POST');
    assert.equal(call!.headers.get('Content-Type'), 'application/json');
    assert.equal(call!.headers.get('Idempotency-Key'), WRITE.idempotencyKey);
    assert.equal(call!.headers.get('Authorization'), null);
    assert.deepEqual(JSON.parse(call!.body!), { service: 'consultation', start: HOLD.start });
  });

  it('POST holds: the release token the backend issues comes back with the hold, and DELETE holds/{id} sends it as the bearer token', async () => {
    const releaseToken = 'rel_'.padEnd(43, 'x');
    const { client, calls } = clientWith([json(201, { hold: HOLD, releaseToken }), new Response(null, { status: 204 })]);
    const held = await client.createHold({ service: 'consultation', start: HOLD.start }, WRITE);
    assert.deepEqual(held, { ...HOLD, releaseToken });
    await client.releaseHold(held.id, { token: held.releaseToken });
    assert.equal(calls[1]!.url.href, `${API}holds/hold_1`);
    assert.equal(calls[1]!.headers.get('Authorization'), `Bearer ${releaseToken}`);
    assert.ok(!calls[1]!.url.href.includes(releaseToken));
  });

  it('POST bookings keeps PHI in the body only, never the URL', async () => {
    const { client, calls } = clientWith([json(201, { booking: BOOKING, accessToken: ACCESS_TOKEN })]);
    assert.deepEqual(await client.createBooking(BOOKING_REQUEST, WRITE), { booking: BOOKING, accessToken: ACCESS_TOKEN });
    const [call] = calls;
    assert.equal(call!.url.href, `${API}bookings`);
    for (const value of PHI) assert.ok(!decodeURIComponent(call!.url.href).includes(value));
    assert.deepEqual(JSON.parse(call!.body!), BOOKING_REQUEST);
    assert.equal(call!.headers.get('Authorization'), null);
  });

  it('GET bookings/{id} sends the token only as a bearer header', async () => {
    const { client, calls } = clientWith([json(200, { booking: BOOKING })]);
    assert.deepEqual(await client.getBooking('bk_1', ACCESS_TOKEN), BOOKING);
    const [call] = calls;
    assert.equal(call!.url.href, `${API}bookings/bk_1`);
    assert.equal(call!.headers.get('Authorization'), `Bearer ${ACCESS_TOKEN}`);
    assert.equal(call!.headers.get('Idempotency-Key'), null);
    assert.ok(!call!.url.href.includes(ACCESS_TOKEN));
  });

  it('POST bookings/{id}/cancel sends the token, the key and an empty JSON object', async () => {
    const cancelled = { ...BOOKING, status: 'cancelled' };
    const { client, calls } = clientWith([json(200, { booking: cancelled })]);
    assert.deepEqual(await client.cancelBooking('bk_1', ACCESS_TOKEN, WRITE), cancelled);
    const [call] = calls;
    assert.equal(call!.url.href, `${API}bookings/bk_1/cancel`);
    assert.equal(call!.init.method, 'POST');
    assert.equal(call!.headers.get('Authorization'), `Bearer ${ACCESS_TOKEN}`);
    assert.equal(call!.headers.get('Idempotency-Key'), WRITE.idempotencyKey);
    assert.equal(call!.body, '{}');
  });

  it('POST safety-signals: the token, the key and the ids only, with keepalive so it outlives the page; retried with the same key', async () => {
    const signal = { id: 'ss_1', receivedAt: '2026-03-04T13:00:00Z' };
    const body = { booking: 'bk_1', form: 'intake', version: 'v2', items: ['phq-9.q9'] };
    const { client, calls } = clientWith([apiError(503, 'internal_error'), new TypeError('Failed to fetch'), json(201, { signal })]);
    assert.deepEqual(await client.sendSafetySignal(body, { ...WRITE, token: ACCESS_TOKEN }), signal);
    assert.equal(calls.length, 3);
    for (const call of calls) {
      assert.equal(call.url.href, `${API}safety-signals`);
      assert.equal(call.init.method, 'POST');
      assert.equal(call.init.keepalive, true);
      assert.equal(call.headers.get('Authorization'), `Bearer ${ACCESS_TOKEN}`);
      assert.equal(call.headers.get('Idempotency-Key'), WRITE.idempotencyKey);
      assert.deepEqual(JSON.parse(call.body!), body);
    }
  });

  it('only the safety signal asks for keepalive', async () => {
    const { client, calls } = clientWith([json(201, { hold: HOLD }), json(200, { booking: BOOKING })]);
    await client.createHold({ service: 'consultation', start: HOLD.start }, WRITE);
    await client.getBooking('bk_1', ACCESS_TOKEN);
    assert.deepEqual(
      calls.map((call) => call.init.keepalive),
      [undefined, undefined],
    );
  });

  it('DELETE holds/{id} resolves on 204, and on 404 (the hold is already gone)', async () => {
    const { client, calls } = clientWith([new Response(null, { status: 204 }), apiError(404, 'not_found')]);
    assert.equal(await client.releaseHold('hold_1'), undefined);
    assert.equal(await client.releaseHold('hold_1'), undefined);
    assert.equal(calls[0]!.init.method, 'DELETE');
    assert.equal(calls[0]!.url.href, `${API}holds/hold_1`);
    assert.equal(calls[0]!.body, undefined);
    assert.equal(calls[0]!.headers.get('Authorization'), null, 'a hold from a backend that issued no token');
  });

  it('DELETE holds/{id} ignores a 200 body and still fails on other errors', async () => {
    const { client } = clientWith([json(200, { released: true }), apiError(401, 'unauthorized')]);
    assert.equal(await client.releaseHold('hold_1'), undefined);
    await rejectsWith(client.releaseHold('hold_1'), { kind: 'unauthorized', status: 401 });
  });

  it('an endpoint that returns data treats 204 as a bad response', async () => {
    const { client } = clientWith([new Response(null, { status: 204 })]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', status: 204 });
  });
});

describe('path confinement', () => {
  const hostile = [
    '../x',
    '../../admin',
    '//evil.example',
    'https://evil.example',
    'https://evil.example/x',
    '%2e%2e',
    '%2E%2E/x',
    '.%2e',
    'a/b',
    'a\\..\\..\\b',
    '?service=x',
    '#frag',
    '...',
    ' ',
    'bk 1/ü',
  ];
  for (const id of hostile) {
    it(`keeps ${JSON.stringify(id)} inside bookings/ as one segment`, async () => {
      const { client, calls } = clientWith([json(200, { booking: BOOKING })]);
      await client.getBooking(id, ACCESS_TOKEN);
      const url = calls[0]!.url;
      assert.equal(url.origin, 'https://api.clinic.example');
      assert.ok(url.pathname.startsWith('/kap/v1/bookings/'), url.pathname);
      const rest = url.pathname.slice('/kap/v1/bookings/'.length);
      assert.ok(!rest.includes('/'), `extra segment in ${url.pathname}`);
      assert.equal(decodeURIComponent(rest), id);
      assert.equal(url.search, '');
      assert.equal(url.hash, '');
    });
  }

  for (const id of ['..', '.', '', 'lone \ud800 surrogate']) {
    it(`refuses the id ${JSON.stringify(id)} without a request`, async () => {
      const { client, calls } = clientWith([]);
      await rejectsWith(client.getBooking(id, ACCESS_TOKEN), { kind: 'configuration' });
      await rejectsWith(client.releaseHold(id), { kind: 'configuration' });
      await rejectsWith(client.cancelBooking(id, ACCESS_TOKEN, WRITE), { kind: 'configuration' });
      assert.equal(calls.length, 0);
    });
  }

  it('keeps the cancel path under the booking for any id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), async (id) => {
        fc.pre(id !== '.' && id !== '..');
        const { client, calls } = clientWith([json(200, { booking: BOOKING })]);
        await client.cancelBooking(id, ACCESS_TOKEN, WRITE);
        const url = calls[0]!.url;
        assert.equal(url.origin, 'https://api.clinic.example');
        const segments = url.pathname.split('/');
        assert.deepEqual(segments.slice(0, 4), ['', 'kap', 'v1', 'bookings']);
        assert.equal(segments.length, 6);
        assert.equal(decodeURIComponent(segments[4]!), id);
        assert.equal(segments[5], 'cancel');
      }),
      { numRuns: 300 },
    );
  });
});

// ---- retries ----------------------------------------------------------------------------------

describe('retry policy', () => {
  for (const status of [500, 502, 503, 504, 429]) {
    it(`GET retries after ${status} and returns the later success`, async () => {
      const { client, calls, delays } = clientWith([apiError(status, 'x'), json(200, { services: [SERVICE] })]);
      assert.deepEqual(await client.listServices(), [SERVICE]);
      assert.equal(calls.length, 2);
      assert.equal(delays.length, 1);
    });
  }

  it('GET retries a network failure (fetch TypeError)', async () => {
    const { client, calls } = clientWith([new TypeError('fetch failed'), json(200, { services: [] })]);
    assert.deepEqual(await client.listServices(), []);
    assert.equal(calls.length, 2);
  });

  it('gives up after 1 + retries attempts and reports the last failure', async () => {
    const { client, calls, delays } = clientWith([apiError(503, 'a'), new TypeError('fetch failed'), apiError(500, 'b'), apiError(502, 'internal_error')]);
    await rejectsWith(client.listServices(), { kind: 'server', status: 502, code: 'internal_error' });
    assert.equal(calls.length, 4);
    assert.equal(delays.length, 3);
  });

  it('a final network failure is reported as network', async () => {
    const { client } = clientWith(Array.from({ length: 4 }, () => new TypeError('fetch failed')));
    await rejectsWith(client.listServices(), { kind: 'network', message: /did not reach the backend/ });
  });

  it('honours retries: 0 and a custom count', async () => {
    const none = clientWith([apiError(500, 'x')], { retries: 0 });
    await rejectsWith(none.client.listServices(), { kind: 'server' });
    assert.equal(none.calls.length, 1);
    const five = clientWith(
      Array.from({ length: 6 }, () => apiError(500, 'x')),
      { retries: 5 },
    );
    await rejectsWith(five.client.listServices(), { kind: 'server' });
    assert.equal(five.calls.length, 6);
  });

  const final: Array<[number, string, string]> = [
    [400, 'idempotency_key_missing', 'validation'],
    [401, 'unauthorized', 'unauthorized'],
    [403, 'forbidden', 'unauthorized'],
    [404, 'not_found', 'not_found'],
    [409, 'slot_unavailable', 'conflict'],
    [409, 'hold_expired', 'conflict'],
    [413, 'payload_too_large', 'validation'],
    [422, 'validation_failed', 'validation'],
    [422, 'idempotency_key_reused', 'validation'],
  ];
  for (const [status, code, kind] of final) {
    it(`never retries ${status} ${code} (GET or POST)`, async () => {
      const get = clientWith([apiError(status, code), json(200, { booking: BOOKING })]);
      await rejectsWith(get.client.getBooking('bk_1', ACCESS_TOKEN), { kind: kind as KapApiError['kind'], status, code });
      assert.equal(get.calls.length, 1);
      const post = clientWith([apiError(status, code), json(201, { booking: BOOKING, accessToken: ACCESS_TOKEN })]);
      await rejectsWith(post.client.createBooking(BOOKING_REQUEST, WRITE), { kind: kind as KapApiError['kind'], status, code });
      assert.equal(post.calls.length, 1);
    });
  }

  it('POST retries with the identical Idempotency-Key and body on every attempt', async () => {
    const { client, calls } = clientWith([
      apiError(500, 'internal_error'),
      new TypeError('fetch failed'),
      apiError(503, 'x'),
      json(201, { booking: BOOKING, accessToken: ACCESS_TOKEN }),
    ]);
    await client.createBooking(BOOKING_REQUEST, { idempotencyKey: 'one-submission' });
    assert.equal(calls.length, 4);
    for (const call of calls) {
      assert.equal(call.headers.get('Idempotency-Key'), 'one-submission');
      assert.equal(call.body, calls[0]!.body);
    }
  });

  it('409 request_in_progress is retried with the same key until the stored result comes back', async () => {
    const { client, calls, delays } = clientWith([apiError(409, 'request_in_progress'), apiError(409, 'request_in_progress'), json(201, { hold: HOLD })]);
    assert.deepEqual(await client.createHold({ service: 'consultation', start: HOLD.start }, WRITE), HOLD);
    assert.equal(calls.length, 3);
    assert.equal(delays.length, 2);
    assert.ok(calls.every((c) => c.headers.get('Idempotency-Key') === WRITE.idempotencyKey));
  });

  it('409 request_in_progress that never settles ends as a conflict with its code', async () => {
    const { client, calls } = clientWith(Array.from({ length: 4 }, () => apiError(409, 'request_in_progress')));
    await rejectsWith(client.createHold({ service: 'consultation', start: HOLD.start }, WRITE), {
      kind: 'conflict',
      code: 'request_in_progress',
    });
    assert.equal(calls.length, 4);
  });

  it('backoff doubles from the base and is capped at 8 s (random at its maximum)', async () => {
    const { client, delays } = clientWith(
      Array.from({ length: 9 }, () => apiError(500, 'x')),
      {
        retries: 8,
        random: () => 1 - Number.EPSILON,
      },
    );
    await rejectsWith(client.listServices(), { kind: 'server' });
    assert.deepEqual(delays, [399, 799, 1599, 3199, 6399, 7999, 7999, 7999]);
  });

  it('backoff uses retryBaseMs', async () => {
    const { client, delays } = clientWith(
      Array.from({ length: 4 }, () => apiError(500, 'x')),
      {
        retryBaseMs: 100,
        random: () => 0.5,
      },
    );
    await rejectsWith(client.listServices(), { kind: 'server' });
    assert.deepEqual(delays, [50, 100, 200]);
  });

  it('full jitter: every delay lies in [0, min(8000, base·2^n)) for any random sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 1, max: 3000 }),
        async (randoms, base) => {
          const queue = [...randoms];
          const { client, delays } = clientWith(
            Array.from({ length: 8 }, () => apiError(503, 'x')),
            {
              retries: 7,
              retryBaseMs: base,
              random: () => queue.shift()!,
            },
          );
          await rejectsWith(client.listServices(), { kind: 'server' });
          assert.equal(delays.length, 7);
          delays.forEach((delay, n) => {
            const ceiling = Math.min(8000, base * 2 ** n);
            assert.ok(delay >= 0 && delay < ceiling, `delay ${delay} for retry ${n} with ceiling ${ceiling}`);
            assert.equal(delay, Math.floor(randoms[n]! * ceiling));
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('429 Retry-After in seconds is waited out exactly', async () => {
    const { client, delays } = clientWith([apiError(429, 'rate_limited', 'Slow down.', {}, { 'Retry-After': '7' }), json(200, { services: [] })]);
    await client.listServices();
    assert.deepEqual(delays, [7000]);
  });

  it('503 Retry-After as an HTTP date is waited out until that moment', async () => {
    const now = Date.parse('2026-03-04T12:00:00Z');
    const { client, delays } = clientWith(
      [
        apiError(503, 'x', 'Maintenance.', {}, { 'Retry-After': 'Wed, 04 Mar 2026 12:00:20 GMT' }),
        apiError(503, 'x', 'Maintenance.', {}, { 'Retry-After': 'Wed, 04 Mar 2026 11:00:00 GMT' }),
        json(200, { services: [] }),
      ],
      { now: () => now },
    );
    await client.listServices();
    assert.deepEqual(delays, [20_000, 0]);
  });

  it('Retry-After on a 500 is not a promise and is ignored in favour of backoff', async () => {
    const { client, delays } = clientWith([apiError(500, 'x', 'Oops.', {}, { 'Retry-After': '30' }), json(200, { services: [] })]);
    await client.listServices();
    assert.deepEqual(delays, [200]);
  });

  it('an absurd Retry-After is not waited out: rate_limited at once with retryAfterMs', async () => {
    const { client, calls, delays } = clientWith([apiError(429, 'rate_limited', 'Slow down.', {}, { 'Retry-After': '3600' }), json(200, { services: [] })]);
    await rejectsWith(client.listServices(), { kind: 'rate_limited', status: 429, retryAfterMs: 3_600_000 });
    assert.equal(calls.length, 1);
    assert.deepEqual(delays, []);
  });

  it('with a long enough deadline, waits out a Retry-After of exactly the 60 s limit', async () => {
    const { client, delays } = clientWith(
      [apiError(429, 'rate_limited', 'Slow down.', {}, { 'Retry-After': String(MAX_RETRY_AFTER_MS / 1000) }), json(200, { services: [] })],
      { deadlineMs: 120_000 },
    );
    await client.listServices();
    assert.deepEqual(delays, [60_000]);
  });

  it('persistent 429 surfaces rate_limited with the last retryAfterMs', async () => {
    const { client, calls } = clientWith(
      Array.from({ length: 4 }, (_, i) => apiError(429, 'rate_limited', 'Slow down.', {}, { 'Retry-After': String(i + 1) })),
    );
    await rejectsWith(client.createHold({ service: 'consultation', start: HOLD.start }, WRITE), {
      kind: 'rate_limited',
      code: 'rate_limited',
      retryAfterMs: 4000,
    });
    assert.equal(calls.length, 4);
  });

  it('429 without Retry-After backs off and leaves retryAfterMs undefined', async () => {
    const { client, delays } = clientWith(
      Array.from({ length: 2 }, () => apiError(429, 'rate_limited')),
      { retries: 1 },
    );
    await rejectsWith(client.listServices(), { kind: 'rate_limited', retryAfterMs: undefined });
    assert.deepEqual(delays, [200]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-04T12:00:00Z');
  it('reads delta-seconds, HTTP dates, and nothing else', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 12 ', now), 12_000);
    assert.equal(parseRetryAfter('Wed, 04 Mar 2026 12:01:00 GMT', now), 60_000);
    assert.equal(parseRetryAfter('Wed, 04 Mar 2026 11:59:00 GMT', now), 0);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
    assert.equal(parseRetryAfter('2026', now), 2_026_000);
    assert.equal(parseRetryAfter('2026-03-04T12:00:10Z', now), undefined);
    assert.equal(parseRetryAfter('Wednesday, 04-Mar-26 12:00:05 GMT', now), 5_000);
    assert.equal(parseRetryAfter('Wed Mar  4 12:00:07 2026', now), 7_000);
  });
});

// ---- timeouts and aborts ---------------------------------------------------------------------

describe('timeouts', () => {
  it('an attempt with no answer within timeoutMs is aborted and reported as timeout', async () => {
    const { client, calls } = clientWith(['hang'], { timeoutMs: 20, retries: 0 });
    const started = Date.now();
    await rejectsWith(client.listServices(), { kind: 'timeout', message: /within 20 ms/ });
    assert.ok(Date.now() - started < 2000);
    assert.equal(calls[0]!.signal.aborted, true);
  });

  // Where an answer must beat the timeout, it gets 250 ms: on a loaded machine 20 ms can pass
  // before even an answer at hand is read, and the test would see a timeout it did not script.
  it('each attempt gets its own timeout, then the next attempt runs', async () => {
    const { client, calls, delays } = clientWith(['hang', 'hang', json(200, { services: [] })], { timeoutMs: 250 });
    assert.deepEqual(await client.listServices(), []);
    assert.equal(calls.length, 3);
    assert.equal(delays.length, 2);
    assert.equal(calls[2]!.signal.aborted, false);
  });

  it('a body that stalls after the headers also times out', async () => {
    const stalled = (call: RecordedCall) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"services":'));
          call.signal.addEventListener('abort', () => controller.error(call.signal.reason), { once: true });
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { client } = clientWith([stalled], { timeoutMs: 20, retries: 0 });
    await rejectsWith(client.listServices(), { kind: 'timeout' });
  });

  it('a POST that timed out is retried with the same key', async () => {
    const { client, calls } = clientWith(['hang', json(201, { hold: HOLD })], { timeoutMs: 250 });
    await client.createHold({ service: 'consultation', start: HOLD.start }, WRITE);
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.headers.get('Idempotency-Key'), WRITE.idempotencyKey);
  });
});

describe('caller abort', () => {
  it('an already-aborted signal rejects with AbortError and makes no request', async () => {
    const { client, calls } = clientWith([json(200, { services: [] })]);
    const controller = new AbortController();
    controller.abort();
    await rejectsWithAbort(client.listServices({ signal: controller.signal }));
    assert.equal(calls.length, 0);
  });

  it('aborting during the request rejects with AbortError, aborts fetch, and stops retrying', async () => {
    const { client, calls, delays } = clientWith(['hang', json(200, { services: [] })]);
    const controller = new AbortController();
    const pending = client.listServices({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('element removed')), 5);
    await rejectsWithAbort(pending);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.signal.aborted, true);
    assert.deepEqual(delays, []);
  });

  it('aborting during a backoff sleep rejects with AbortError and makes no further request', async () => {
    const scripted = scriptedFetch([apiError(503, 'x'), json(200, { services: [] })]);
    const controller = new AbortController();
    const sleepCalls: Array<{ ms: number; signal?: AbortSignal }> = [];
    const client = new KapApiClient({
      api: API,
      fetch: scripted.fetch,
      sleep: (ms, signal) => {
        sleepCalls.push({ ms, signal });
        return new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          controller.abort();
        });
      },
    });
    await rejectsWithAbort(client.listServices({ signal: controller.signal }));
    assert.equal(scripted.calls.length, 1);
    assert.equal(sleepCalls.length, 1);
    assert.equal(sleepCalls[0]!.signal, controller.signal);
  });

  it('a sleep that ignores the signal still cannot lead to another request after an abort', async () => {
    const scripted = scriptedFetch([apiError(503, 'x'), json(200, { services: [] })]);
    const controller = new AbortController();
    const client = new KapApiClient({
      api: API,
      fetch: scripted.fetch,
      sleep: async () => {
        controller.abort();
      },
    });
    await rejectsWithAbort(client.listServices({ signal: controller.signal }));
    assert.equal(scripted.calls.length, 1);
  });

  it('the default sleep is cut short by an abort', async () => {
    const scripted = scriptedFetch([apiError(503, 'x'), json(200, { services: [] })]);
    const controller = new AbortController();
    const client = new KapApiClient({ api: API, fetch: scripted.fetch, retryBaseMs: 60_000, random: () => 0.99 });
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    await rejectsWithAbort(client.listServices({ signal: controller.signal }));
    assert.ok(Date.now() - started < 5000);
    assert.equal(scripted.calls.length, 1);
  });

  it('the default sleep really waits the backoff delay', async () => {
    const scripted = scriptedFetch([apiError(503, 'x'), json(200, { services: [] })]);
    const client = new KapApiClient({ api: API, fetch: scripted.fetch, retryBaseMs: 80, random: () => 0.999 });
    const started = Date.now();
    await client.listServices();
    assert.ok(Date.now() - started >= 70, `waited ${Date.now() - started} ms`);
  });

  it('uses globalThis.fetch, read at call time, when no fetch is injected', async () => {
    const saved = globalThis.fetch;
    const client = new KapApiClient({ api: API });
    const scripted = scriptedFetch([json(200, { services: [SERVICE] })]);
    globalThis.fetch = scripted.fetch;
    try {
      assert.deepEqual(await client.listServices(), [SERVICE]);
      assert.equal(scripted.calls.length, 1);
    } finally {
      globalThis.fetch = saved;
    }
  });
});

// ---- response validation and error mapping -----------------------------------------------------

describe('response validation', () => {
  it('a 2xx body that breaks the contract is bad_response naming the first issue path, not retried', async () => {
    const wrong = { services: [{ ...SERVICE, durationMinutes: '45' }] };
    const { client, calls } = clientWith([json(200, wrong), json(200, { services: [] })]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', status: 200, message: /services\.0\.durationMinutes/ });
    assert.equal(calls.length, 1);
  });

  it('names nested paths and the zone check in availability', async () => {
    const { client } = clientWith([
      json(200, { service: 'consultation', timeZone: 'Mars/Olympus_Mons', slots: [] }),
      json(200, { service: 'consultation', timeZone: 'UTC', slots: [{ start: '2026-03-04 14:00', end: HOLD.end }] }),
    ]);
    const q = { service: 'consultation', from: '2026-03-02T05:00:00Z', to: '2026-03-09T04:00:00Z' };
    await rejectsWith(client.getAvailability(q), { kind: 'bad_response', message: /at timeZone: / });
    await rejectsWith(client.getAvailability(q), { kind: 'bad_response', message: /at slots\.0\.start: / });
  });

  it('GET clinic: the clinic as the contract says, and a privacy notice that is not a string is bad_response at its path', async () => {
    const clinic = { name: 'Harbor Light', timeZone: 'America/New_York', phone: '+1 212 555 0100', privacyNoticeUrl: '/privacy.html' };
    const { client, calls } = clientWith([json(200, clinic), json(200, { ...clinic, privacyNoticeUrl: 42 })]);
    assert.deepEqual(await client.getClinic(), clinic);
    assert.equal(calls[0]!.url.pathname.endsWith('/clinic'), true);
    await rejectsWith(client.getClinic(), { kind: 'bad_response', message: /at privacyNoticeUrl: / });
  });

  it('a booking response without its access token is bad_response at accessToken', async () => {
    const { client } = clientWith([json(201, { booking: BOOKING })]);
    await rejectsWith(client.createBooking(BOOKING_REQUEST, WRITE), { kind: 'bad_response', message: /accessToken/ });
  });

  it('a body that is not an object at all is reported at (root)', async () => {
    const { client } = clientWith([json(200, ['consultation'])]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', message: /at \(root\)/ });
  });

  it('non-JSON with a JSON content type is bad_response', async () => {
    const { client } = clientWith([new Response('{"services": [', { status: 200, headers: { 'Content-Type': 'application/json' } })]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', message: /not valid JSON/ });
  });

  it('a wrong content type is bad_response naming it (e.g. an HTML page from a misconfigured path)', async () => {
    const { client } = clientWith([
      new Response('<!doctype html><title>Clinic</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      new Response(JSON.stringify({ services: [] }), { status: 200 }),
    ]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', message: /"text\/html"/ });
    await rejectsWith(client.listServices(), { kind: 'bad_response', message: /Content-Type/ });
  });

  it('accepts application/*+json and ignores unknown fields (the contract may grow)', async () => {
    const { client } = clientWith([
      new Response(JSON.stringify({ services: [{ ...SERVICE, colour: 'teal' }], next: null }), {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.kap+json; charset=utf-8' },
      }),
    ]);
    assert.deepEqual(await client.listServices(), [SERVICE]);
  });

  it('a redirect is never followed and is reported as bad_response without retrying', async () => {
    const { client, calls } = clientWith([new Response(null, { status: 302, headers: { Location: 'https://evil.example/kap/services' } })]);
    await rejectsWith(client.listServices(), { kind: 'bad_response', status: 302, message: /redirect/ });
    assert.equal(calls.length, 1);
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), text: async () => '' } as unknown as Response;
    const browser = clientWith([opaque]);
    await rejectsWith(browser.client.listServices(), { kind: 'bad_response', message: /redirect/ });
  });
});

describe('error mapping', () => {
  const table: Array<[number, string | null, KapApiError['kind']]> = [
    [400, 'idempotency_key_missing', 'validation'],
    [400, null, 'validation'],
    [401, 'unauthorized', 'unauthorized'],
    [403, null, 'unauthorized'],
    [404, 'not_found', 'not_found'],
    [404, null, 'not_found'],
    [405, null, 'bad_response'],
    [409, 'slot_unavailable', 'conflict'],
    [409, 'hold_expired', 'conflict'],
    [410, 'gone', 'bad_response'],
    [413, 'payload_too_large', 'validation'],
    [413, null, 'validation'],
    [418, null, 'bad_response'],
    [422, 'validation_failed', 'validation'],
    [422, 'idempotency_key_reused', 'validation'],
    [429, 'rate_limited', 'rate_limited'],
    [429, null, 'rate_limited'],
    [500, 'internal_error', 'server'],
    [500, null, 'server'],
    [502, null, 'server'],
    [504, null, 'server'],
  ];
  for (const [status, code, kind] of table) {
    it(`${status} ${code ?? '(no envelope)'} → ${kind}`, async () => {
      const response = code
        ? apiError(status, code, 'Backend says no.')
        : new Response('<html><body>Bad Gateway</body></html>', { status, headers: { 'Content-Type': 'text/html' } });
      const { client } = clientWith([response], { retries: 0 });
      // Every 413 says what it is, even from a proxy that sends no envelope.
      const expected = code ?? (status === 413 ? 'payload_too_large' : undefined);
      const error = await rejectsWith(client.getBooking('bk_1', ACCESS_TOKEN), { kind, status, code: expected });
      assert.equal((error as KapApiError).retryable, ['rate_limited', 'server'].includes(kind));
      const said = code ? ` \\(${code}: Backend says no\\.\\)` : '';
      assert.match((error as KapApiError).message, new RegExp(`GET bookings/bk_1: the backend answered ${status}${said}`));
    });
  }

  it('an envelope-shaped body with the wrong types still maps by status', async () => {
    const { client } = clientWith([json(409, { error: { code: 42 } })]);
    await rejectsWith(client.createHold({ service: 'consultation', start: HOLD.start }, WRITE), {
      kind: 'conflict',
      code: undefined,
      message: /no error envelope/,
    });
  });

  it('passes validation fields through unchanged', async () => {
    const fields = { 'client.email': 'Enter an email address in the correct format', 'consent.privacy': 'You must agree' };
    const { client } = clientWith([apiError(422, 'validation_failed', 'Check the highlighted fields.', { fields })]);
    await rejectsWith(client.createBooking(BOOKING_REQUEST, WRITE), {
      kind: 'validation',
      code: 'validation_failed',
      status: 422,
      fields,
    });
  });

  it('fields default to an empty object', async () => {
    const { client } = clientWith([apiError(400, 'idempotency_key_missing', 'Send an Idempotency-Key.')]);
    await rejectsWith(client.createBooking(BOOKING_REQUEST, WRITE), { kind: 'validation', fields: {} });
  });

  it('never puts the request body, the token or the key in any error message', async () => {
    const cases: Array<[Step, (c: KapApiClient) => Promise<unknown>]> = [
      [apiError(422, 'validation_failed', 'Check the highlighted fields.'), (c) => c.createBooking(BOOKING_REQUEST, WRITE)],
      [new TypeError('fetch failed'), (c) => c.createBooking(BOOKING_REQUEST, WRITE)],
      [json(201, { booking: { ...BOOKING, status: 'maybe' } }), (c) => c.createBooking(BOOKING_REQUEST, WRITE)],
      [apiError(401, 'unauthorized', 'Token expired.'), (c) => c.getBooking('bk_1', ACCESS_TOKEN)],
      [apiError(500, 'internal_error', 'Boom.'), (c) => c.cancelBooking('bk_1', ACCESS_TOKEN, WRITE)],
      ['hang', (c) => c.getBooking('bk_1', ACCESS_TOKEN)],
    ];
    for (const [step, run] of cases) {
      const { client } = clientWith([step], { retries: 0, timeoutMs: 20 });
      const error = (await rejectsWith(run(client), {})) as KapApiError;
      for (const secret of [...PHI, ACCESS_TOKEN, WRITE.idempotencyKey]) {
        assert.ok(!error.message.includes(secret), `"${error.message}" contains ${secret}`);
      }
    }
  });

  it('truncates a very long backend message', async () => {
    const { client } = clientWith([apiError(404, 'not_found', 'x'.repeat(5000))]);
    const error = (await rejectsWith(client.getBooking('bk_1', ACCESS_TOKEN), { kind: 'not_found' })) as KapApiError;
    assert.ok(error.message.length < 500);
  });
});

// ---- the real reference backend -----------------------------------------------------------------

describe('against the reference backend', () => {
  it('lists services, finds a slot, holds it, books it once per key, reads and cancels it', async () => {
    // A fixed Monday noon keeps the week's slots, notice period and hold expiry deterministic.
    const kap = createApp({ db: ':memory:', now: () => new Date('2026-03-02T12:00:00Z') });
    try {
      const fetch: typeof globalThis.fetch = async (input, init) => kap.app.fetch(new Request(input, init));
      const client = new KapApiClient({ api: 'http://localhost:8787/', fetch });

      const services = await client.listServices();
      assert.ok(services.some((s) => s.id === 'consultation'));

      const availability = await client.getAvailability({
        service: 'consultation',
        from: '2026-03-03T00:00:00Z',
        to: '2026-03-10T00:00:00Z',
      });
      const slot = availability.slots[0];
      assert.ok(slot, 'the demo clinic offers consultation slots that week');

      const hold = await client.createHold({ service: 'consultation', start: slot.start }, { idempotencyKey: newIdempotencyKey() });
      assert.equal(hold.start, slot.start);

      const key = newIdempotencyKey();
      const request = { ...BOOKING_REQUEST, start: slot.start, holdId: hold.id };
      const created = await client.createBooking(request, { idempotencyKey: key });
      assert.equal(created.booking.start, slot.start);
      const replay = await client.createBooking(request, { idempotencyKey: key });
      assert.equal(replay.booking.id, created.booking.id, 'the same key replays the first booking');

      assert.equal((await client.getBooking(created.booking.id, created.accessToken)).start, slot.start);
      await rejectsWith(client.getBooking(created.booking.id, 'not-the-right-token-at-all'), { kind: 'unauthorized' });

      const { holdId: _unused, ...withoutHold } = request;
      await rejectsWith(client.createBooking(withoutHold, { idempotencyKey: newIdempotencyKey() }), {
        kind: 'conflict',
        code: 'slot_unavailable',
      });

      const cancelled = await client.cancelBooking(created.booking.id, created.accessToken, {
        idempotencyKey: newIdempotencyKey(),
      });
      assert.equal(cancelled.status, 'cancelled');
    } finally {
      await kap.close();
    }
  });
});
