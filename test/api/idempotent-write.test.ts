/**
 * `IdempotentWrite` against the real reference backend (in memory), with faults injected in
 * `fetch` where a server cannot produce them: an answer lost after the server committed, a request
 * that never arrives, a hang the client stops waiting for. Whatever the client does next — the same
 * body again, or a changed one — the server ends up with at most one booking from it, and the
 * result says which body the server holds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  IdempotentWrite,
  KapApiClient,
  KapApiError,
  provesNothingRecorded,
  type BookingCreatedResponse,
  type BookingRequest,
  type Transmit,
} from '../../src/api/index.js';
import { CLIENT, countRows, openRows, testApp, type TestApp } from '../server/support.js';

const SLOT = '2026-03-03T15:00:00Z';
const OTHER_SLOT = '2026-03-03T17:00:00Z';

type Fault = 'lose-answer' | 'offline' | 'hang';

/** A client over `app` whose POST bookings meet `faults` one request at a time (then pass). */
function faultyClient(app: TestApp) {
  const faults: Fault[] = [];
  const sent: { key: string | null; body: string }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const isBooking = request.method === 'POST' && new URL(request.url).pathname === '/bookings';
    if (!isBooking) return app.app.fetch(request);
    sent.push({ key: request.headers.get('Idempotency-Key'), body: await request.clone().text() });
    const fault = faults.shift();
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(request.signal.reason);
        if (request.signal.aborted) abort();
        else request.signal.addEventListener('abort', abort, { once: true });
      });
    }
    const response = await app.app.fetch(request);
    if (fault === 'lose-answer') throw new TypeError('Failed to fetch');
    return response;
  };
  // No retries inside the client: each send is one request, so the faults line up with them.
  const client = new KapApiClient({ api: 'http://localhost:8787/', fetch, retries: 0 });
  return { client, faults, sent };
}

function details(start: string, name: string, holdId?: string): BookingRequest {
  return {
    service: 'consultation',
    start,
    ...(holdId ? { holdId } : {}),
    client: { ...CLIENT, name },
    consent: { privacy: true, contact: false },
  };
}

/** What the booking flow keys a submission by: the details without the hold. */
function printOf(request: BookingRequest): string {
  const { holdId: _hold, ...rest } = request;
  return JSON.stringify(rest);
}

function setUp() {
  const app = testApp();
  const { client, faults, sent } = faultyClient(app);
  const write = new IdempotentWrite<BookingRequest, BookingCreatedResponse>();
  const transmit: Transmit<BookingRequest, BookingCreatedResponse> = (body, options) => client.createBooking(body, options);
  const send = (body: BookingRequest, signal = new AbortController().signal) => write.send(body, printOf(body), transmit, signal);
  const hold = async (start: string) => (await client.createHold({ service: 'consultation', start }, { idempotencyKey: crypto.randomUUID() })).id;
  const activeBookings = () => countRows(app, 'bookings', "status != 'cancelled'");
  const names = () => openRows<{ client_name: string }>(app, 'bookings', 'SELECT id, client_name FROM bookings').map((row) => row.client_name);
  return { app, client, faults, sent, write, send, hold, activeBookings, names };
}

describe('IdempotentWrite', () => {
  it('the first answer is lost, the client corrects a typo: the first booking is what the server holds, and only it', async () => {
    const t = setUp();
    const first = details(SLOT, 'Rosalnd Vance', await t.hold(SLOT));
    t.faults.push('lose-answer');
    const lost = await t.send(first);
    assert.equal(lost.outcome, 'unknown');
    assert.equal(t.activeBookings(), 1, 'the server committed it');
    assert.ok(t.write.pending, 'its key and body are kept');

    const corrected = details(SLOT, 'Rosalind Vance');
    const result = await t.send(corrected);
    assert.equal(result.outcome, 'recorded-earlier');
    assert.ok(result.outcome === 'recorded-earlier');
    assert.deepEqual(result.body, first, 'what was recorded: the first body');
    assert.equal(t.activeBookings(), 1, 'one booking, not two');
    assert.deepEqual(t.names(), ['Rosalnd Vance']);
    assert.equal(t.sent.length, 2);
    assert.deepEqual(t.sent[1], t.sent[0], 'the first body again, byte for byte, under its key');
    assert.equal(t.write.pending, undefined);
  });

  it('the first never reached the server: the earlier body goes first, and is what gets recorded', async () => {
    const t = setUp();
    const first = details(SLOT, 'Rosalnd Vance', await t.hold(SLOT));
    t.faults.push('offline');
    assert.equal((await t.send(first)).outcome, 'unknown');
    assert.equal(t.activeBookings(), 0);
    const result = await t.send(details(SLOT, 'Rosalind Vance'));
    assert.equal(result.outcome, 'recorded-earlier');
    assert.deepEqual(t.names(), ['Rosalnd Vance']);
    assert.equal(new Set(t.sent.map((s) => s.key)).size, 1);
  });

  it('the earlier body is refused (its time was taken meanwhile): the new body goes with a new key and is recorded', async () => {
    const t = setUp();
    const first = details(SLOT, 'Rosalind Vance', await t.hold(SLOT));
    t.faults.push('offline');
    assert.equal((await t.send(first)).outcome, 'unknown');
    t.app.clock.advance(6 * 60_000); // the hold runs out…
    assert.equal((await t.app.book({ start: SLOT, client: { name: 'Someone Else', email: 'else@example.com', phone: '+1 212 555 0199' } })).status, 201);

    const elsewhere = details(OTHER_SLOT, 'Rosalind Vance', await t.hold(OTHER_SLOT));
    const result = await t.send(elsewhere);
    assert.equal(result.outcome, 'recorded');
    assert.ok(result.outcome === 'recorded');
    assert.equal(result.value.booking.start, OTHER_SLOT);
    assert.equal(t.sent.length, 3);
    assert.equal(t.sent[1]!.key, t.sent[0]!.key, 'the earlier write was asked about first');
    assert.notEqual(t.sent[2]!.key, t.sent[0]!.key, 'a new key for the new body');
    assert.deepEqual(t.names().sort(), ['Rosalind Vance', 'Someone Else']);
  });

  it('while the earlier outcome stays unknown, the changed body is not sent at all', async () => {
    const t = setUp();
    t.faults.push('lose-answer', 'offline');
    assert.equal((await t.send(details(SLOT, 'Rosalnd Vance', await t.hold(SLOT)))).outcome, 'unknown');
    const result = await t.send(details(OTHER_SLOT, 'Rosalind Vance'));
    assert.equal(result.outcome, 'unknown');
    assert.ok(result.outcome === 'unknown');
    assert.ok(result.error instanceof KapApiError && result.error.kind === 'network');
    assert.equal(t.sent.length, 2);
    assert.ok(
      t.sent.every((s) => JSON.parse(s.body).start === SLOT),
      'nothing for the other time left the browser',
    );
    assert.equal(t.write.pending?.body.client.name, 'Rosalnd Vance', 'the earlier write is still the one pending');
  });

  it('the same details again (the hold ran out meanwhile) resend the first body, hold id and all', async () => {
    const t = setUp();
    const first = details(SLOT, 'Rosalind Vance', await t.hold(SLOT));
    t.faults.push('lose-answer');
    await t.send(first);
    const result = await t.send(details(SLOT, 'Rosalind Vance'));
    assert.equal(result.outcome, 'recorded');
    assert.equal(t.sent[1]!.body, t.sent[0]!.body);
    assert.equal(t.activeBookings(), 1);
  });

  it('Stop: the outcome is unknown, nothing is reported as failed, and the next send asks about it first', async () => {
    const t = setUp();
    const changes: string[] = [];
    const write = new IdempotentWrite<BookingRequest, BookingCreatedResponse>(() => changes.push(write.sending ? 'sending' : 'idle'));
    const first = details(SLOT, 'Rosalnd Vance', await t.hold(SLOT));
    t.faults.push('hang');
    const transmit: Transmit<BookingRequest, BookingCreatedResponse> = (body, options) => t.client.createBooking(body, options);
    const sending = write.send(first, printOf(first), transmit, new AbortController().signal);
    assert.equal(write.sending, true);
    write.stop();
    assert.deepEqual(await sending, { outcome: 'stopped' });
    assert.equal(write.pending?.body, first);
    assert.equal(changes[0], 'idle', 'the pending key was announced before the request left');
    const corrected = details(SLOT, 'Rosalind Vance');
    const result = await write.send(corrected, printOf(corrected), transmit, new AbortController().signal);
    assert.equal(result.outcome, 'recorded-earlier', 'the stopped request never arrived; the earlier body is sent and recorded');
    assert.equal(t.activeBookings(), 1);
  });

  it('the element leaving the page rejects with AbortError and keeps the pending write', async () => {
    const t = setUp();
    const first = details(SLOT, 'Rosalind Vance', await t.hold(SLOT));
    t.faults.push('hang');
    const leaving = new AbortController();
    const sending = t.send(first, leaving.signal);
    leaving.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    await assert.rejects(sending, (error: unknown) => error instanceof DOMException && error.name === 'AbortError');
    assert.equal(t.write.pending?.body, first);
    assert.equal(t.write.sending, false);
  });

  it('a refusal that proves nothing was recorded settles the write: the next send gets a new key', async () => {
    const t = setUp();
    const refused = await t.send({ ...details(SLOT, 'Rosalind Vance'), consent: { privacy: false } } as unknown as BookingRequest);
    assert.equal(refused.outcome, 'refused');
    assert.equal(t.write.pending, undefined);
    const result = await t.send(details(SLOT, 'Rosalind Vance'));
    assert.equal(result.outcome, 'recorded');
    assert.notEqual(t.sent[1]!.key, t.sent[0]!.key);
  });

  it('refuses to send two writes at once', async () => {
    const t = setUp();
    t.faults.push('hang');
    const first = t.send(details(SLOT, 'Rosalind Vance'));
    await assert.rejects(t.send(details(SLOT, 'Rosalind Vance')), /already being sent/);
    t.write.stop();
    await first;
  });
});

describe('provesNothingRecorded', () => {
  const error = (status: number | undefined, code?: string, kind: KapApiError['kind'] = 'validation') =>
    new KapApiError('x', { kind, ...(status ? { status } : {}), ...(code ? { code } : {}) });
  it('a definite refusal from the server, or a request that never left', () => {
    for (const [status, code] of [
      [400],
      [401],
      [404],
      [409, 'slot_unavailable'],
      [409, 'hold_expired'],
      [413, 'payload_too_large'],
      [422, 'validation_failed'],
    ] as const) {
      assert.equal(provesNothingRecorded(error(status, code)), true, `${status} ${code ?? ''}`);
    }
    assert.equal(provesNothingRecorded(error(undefined, undefined, 'configuration')), true);
  });
  it('anything that leaves the outcome open', () => {
    for (const [status, code, kind] of [
      [408, undefined, 'bad_response'],
      [409, 'request_in_progress', 'conflict'],
      [422, 'idempotency_key_reused', 'validation'],
      [429, 'rate_limited', 'rate_limited'],
      [500, 'internal_error', 'server'],
      [201, undefined, 'bad_response'],
      [undefined, undefined, 'network'],
      [undefined, undefined, 'timeout'],
    ] as const) {
      assert.equal(provesNothingRecorded(error(status, code, kind)), false, `${status} ${code ?? ''} ${kind}`);
    }
    assert.equal(provesNothingRecorded(new Error('boom')), false);
  });
});
