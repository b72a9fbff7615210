/**
 * The no-double-booking proof on real servers: real HTTP, real sockets, a real SQLite file.
 * First one process, then two separate processes sharing one database file, so that only the
 * database (not a JavaScript lock or the event loop) can be what keeps the slot single.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createApp } from '../../server/app.js';
import { closeServer, listen } from '../../server/listen.js';
import { nextDaysQuery } from '../support/availability-range.js';
import { TestClock, bookingBody, startMain, type RunningMain } from './support.js';

const REQUESTS = 50;
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-race-'));
  dirs.push(dir);
  return join(dir, 'kap.sqlite');
}

/** Fires all requests at once (each with its own Idempotency-Key) and tallies the answers. */
async function race(urls: string[], body: unknown) {
  const responses = await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      fetch(new URL('bookings', urls[i % urls.length]), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: await response.json() })),
    ),
  );
  const created = responses.filter((response) => response.status === 201);
  const refused = responses.filter((response) => response.status === 409);
  return { responses, created, refused };
}

function bookingsIn(dbPath: string): { start_ms: number; status: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT start_ms, status FROM bookings').all() as { start_ms: number; status: string }[];
  } finally {
    db.close();
  }
}

describe('50 simultaneous POST /bookings for one slot', () => {
  test('one server process: exactly one 201, 49 × 409 slot_unavailable, one row', async () => {
    const dbPath = tempDb();
    const clock = new TestClock();
    const kap = createApp({ db: dbPath, now: clock.now, rateLimit: { writes: 1000, windowMs: 60_000 } });
    const { server, port } = await listen(kap.app.fetch, 0, '127.0.0.1');
    try {
      const slot = '2026-03-03T15:00:00Z';
      const { created, refused, responses } = await race([`http://127.0.0.1:${port}/`], bookingBody({ start: slot }));
      assert.equal(created.length, 1, JSON.stringify(responses.map((r) => r.status)));
      assert.equal(refused.length, REQUESTS - 1);
      for (const response of refused) assert.equal(response.body.error.code, 'slot_unavailable');
      assert.equal(created[0]!.body.booking.start, slot);
      const rows = bookingsIn(dbPath);
      assert.equal(rows.length, 1);
      assert.equal(new Date(rows[0]!.start_ms).toISOString(), '2026-03-03T15:00:00.000Z');
    } finally {
      await closeServer(server);
      await kap.close();
    }
  });

  test('two server processes on one database file: still exactly one booking', async () => {
    const dbPath = tempDb();
    const env = { KAP_DB: dbPath, KAP_RATE_LIMIT: '1000', KAP_DEMO_SEED: '0' };
    // Both start at once on a new file: migrations and seeding must not trip over each other.
    const started = await Promise.allSettled([startMain(env), startMain(env)]);
    const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      const [first, second] = servers as [RunningMain, RunningMain];
      assert.notEqual(first.apiUrl, second.apiUrl);
      // The real clock: take the first free slot the first server offers.
      const query = nextDaysQuery('preparation');
      const offered = await fetch(new URL(`availability?${query}`, first.apiUrl));
      const availability = await offered.json();
      assert.equal(offered.status, 200, JSON.stringify(availability));
      // Well clear of the 12-hour notice boundary, so the clock cannot move it out mid-test.
      const slot = (availability.slots as { start: string }[]).find((candidate) => Date.parse(candidate.start) > Date.now() + 12.5 * 3_600_000)!.start;

      const { created, refused, responses } = await race([first.apiUrl, second.apiUrl], bookingBody({ service: 'preparation', start: slot }));
      assert.equal(created.length, 1, JSON.stringify(responses.map((r) => r.status)));
      assert.equal(refused.length, REQUESTS - 1);
      for (const response of refused) assert.equal(response.body.error.code, 'slot_unavailable');
      const rows = bookingsIn(dbPath);
      assert.equal(rows.length, 1);
      assert.equal(new Date(rows[0]!.start_ms).toISOString().replace('.000Z', 'Z'), slot);

      // Each process answers from the shared database: the slot is gone on both.
      for (const server of servers) {
        const after = await (await fetch(new URL(`availability?${query}`, server.apiUrl))).json();
        assert.ok(!after.slots.some((s: { start: string }) => s.start === slot));
      }
    } finally {
      const codes = await Promise.all(servers.map((server) => server.stop()));
      assert.deepEqual(
        codes,
        servers.map(() => 0),
      );
    }
  });
});
