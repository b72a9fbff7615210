/**
 * Reschedule races over real HTTP on a real SQLite file: many clients moving different bookings
 * onto one slot, and moves racing new bookings for it. First one server process, then two
 * processes sharing the file, so only the database can be what keeps the slot single.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createApp } from '../../server/app.js';
import { closeServer, listen } from '../../server/listen.js';
import { nextDaysQuery } from '../support/availability-range.js';
import { tempDirs } from './journey-support.js';
import { HOUR, TestClock, bookingBody, startMain, type RunningMain } from './support.js';

const temp = tempDirs('kap-reschedule-race-');
after(() => temp.cleanup());

interface Made {
  id: string;
  token: string;
  start: string;
}

interface Answer {
  kind: 'reschedule' | 'book';
  status: number;
  body: any;
}

async function book(apiUrl: string, service: string, start: string): Promise<Made> {
  const response = await fetch(new URL('bookings', apiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(bookingBody({ service, start })),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return { id: body.booking.id, token: body.accessToken, start };
}

function moveTo(apiUrl: string, made: Made, start: string): Promise<Answer> {
  return fetch(new URL(`bookings/${made.id}/reschedule`, apiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${made.token}` },
    body: JSON.stringify({ start }),
  }).then(async (response) => ({ kind: 'reschedule', status: response.status, body: await response.json() }));
}

function bookNew(apiUrl: string, service: string, start: string): Promise<Answer> {
  return fetch(new URL('bookings', apiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(bookingBody({ service, start })),
  }).then(async (response) => ({ kind: 'book', status: response.status, body: await response.json() }));
}

function activeRows(dbPath: string): { id: string; start_ms: number; end_ms: number }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT id, start_ms, end_ms FROM bookings WHERE status IN ('confirmed', 'requested') ORDER BY start_ms").all() as {
      id: string;
      start_ms: number;
      end_ms: number;
    }[];
  } finally {
    db.close();
  }
}

/** Exactly one success; every refusal a 409 slot_unavailable; every booking at exactly one time. */
function assertOneWinner(answers: Answer[], made: Made[], target: string, dbPath: string, durationMs: number): void {
  const won = answers.filter((answer) => answer.status === 200 || answer.status === 201);
  assert.equal(won.length, 1, JSON.stringify(answers.map((answer) => [answer.kind, answer.status])));
  for (const answer of answers) {
    if (answer === won[0]) continue;
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error.code, 'slot_unavailable');
  }
  const rows = activeRows(dbPath);
  const targetMs = Date.parse(target);
  const atTarget = rows.filter((row) => row.start_ms < targetMs + durationMs && row.end_ms > targetMs);
  assert.equal(atTarget.length, 1, 'exactly one active booking holds the slot');
  const winnerId = won[0]!.body.booking.id as string;
  assert.equal(atTarget[0]!.id, winnerId);
  // Never two bookings, never none: every earlier booking is still active, at its old time unless it won.
  assert.equal(rows.length, made.length + (won[0]!.kind === 'book' ? 1 : 0));
  for (const booking of made) {
    const row = rows.find((candidate) => candidate.id === booking.id);
    assert.ok(row, `booking ${booking.id} vanished`);
    assert.equal(row.start_ms, booking.id === winnerId ? targetMs : Date.parse(booking.start));
  }
}

describe('reschedule races, one server process', () => {
  test('ten clients move ten bookings onto one slot at once: one moves, nine get 409', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const kap = createApp({ db: dbPath, now: new TestClock().now, rateLimit: { writes: 1000, windowMs: 60_000 } });
    const { server, port } = await listen(kap.app.fetch, 0, '127.0.0.1');
    const api = `http://127.0.0.1:${port}/`;
    try {
      const made: Made[] = [];
      // Tuesday and Wednesday, 09:00 to 13:00 EST on the hour.
      for (const day of ['2026-03-03', '2026-03-04']) {
        for (const hour of [14, 15, 16, 17, 18]) made.push(await book(api, 'consultation', `${day}T${hour}:00:00Z`));
      }
      const target = '2026-03-05T15:00:00Z';
      const answers = await Promise.all(made.map((booking) => moveTo(api, booking, target)));
      assertOneWinner(answers, made, target, dbPath, 45 * 60_000);
    } finally {
      await closeServer(server);
      await kap.close();
    }
  });

  test('a move races twenty new bookings for the same slot: exactly one of them gets it', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const kap = createApp({ db: dbPath, now: new TestClock().now, rateLimit: { writes: 1000, windowMs: 60_000 } });
    const { server, port } = await listen(kap.app.fetch, 0, '127.0.0.1');
    const api = `http://127.0.0.1:${port}/`;
    try {
      const mine = await book(api, 'consultation', '2026-03-03T15:00:00Z');
      const target = '2026-03-05T15:00:00Z';
      const racers = Array.from({ length: 21 }, (_, i) => (i === 10 ? moveTo(api, mine, target) : bookNew(api, 'consultation', target)));
      assertOneWinner(await Promise.all(racers), [mine], target, dbPath, 45 * 60_000);
    } finally {
      await closeServer(server);
      await kap.close();
    }
  });
});

describe('reschedule races, two server processes on one database file', () => {
  test('moves and new bookings from both processes for one slot: exactly one wins', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const env = { KAP_DB: dbPath, KAP_RATE_LIMIT: '1000', KAP_DEMO_SEED: '0' };
    const started = await Promise.allSettled([startMain(env), startMain(env)]);
    const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      const [first, second] = servers as [RunningMain, RunningMain];
      // The real clock: free preparation slots well clear of the 12-hour notice.
      const offered = await fetch(new URL(`availability?${nextDaysQuery('preparation')}`, first.apiUrl));
      const availability = await offered.json();
      assert.equal(offered.status, 200, JSON.stringify(availability));
      const free = (availability.slots as { start: string }[])
        .map((slot) => slot.start)
        .filter((start) => Date.parse(start) > Date.now() + 13 * HOUR && Date.parse(start) % HOUR === 0);
      // Whole hours, one hour apart: 60-minute sessions that do not touch each other's slots.
      const distinct = free.filter((start, i) => i === 0 || Date.parse(start) - Date.parse(free[i - 1]!) >= HOUR);
      assert.ok(distinct.length >= 7, `not enough free slots: ${distinct.length}`);
      const target = distinct[6]!;
      const made: Made[] = [];
      for (const start of distinct.slice(0, 6)) made.push(await book(first.apiUrl, 'preparation', start));

      const urls = [first.apiUrl, second.apiUrl];
      const answers = await Promise.all([
        ...made.map((booking, i) => moveTo(urls[i % 2]!, booking, target)),
        ...Array.from({ length: 10 }, (_, i) => bookNew(urls[i % 2]!, 'preparation', target)),
      ]);
      assertOneWinner(answers, made, target, dbPath, 60 * 60_000);
    } finally {
      const codes = await Promise.all(servers.map((server) => server.stop()));
      assert.deepEqual(
        codes,
        servers.map(() => 0),
      );
    }
  });
});
