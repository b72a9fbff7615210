/**
 * Availability is answered from remembered clinic days; these prove it never answers stale: every
 * write forgets, a hold's expiry frees its time at that very instant with no write at all, another
 * process's write is seen, and over random sequences of holds, bookings, cancels and clock moves the
 * answer always equals the definition (`freeSlots`) computed from the database.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { freeSlots, type Interval } from '../../src/scheduling/opening-hours.js';
import { bearer } from './journey-support.js';
import { MINUTE, starts, testApp, type TestApp } from './support.js';

const SLOT = '2026-03-03T15:00:00Z';
const DAY = ['2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'] as const;
const WEEK = ['2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z'] as const;

async function offered(app: TestApp, range: readonly [string, string] = DAY): Promise<string[]> {
  const { status, slots } = await app.availability('consultation', ...range);
  assert.equal(status, 200);
  return starts(slots);
}

describe('the availability cache never answers stale', () => {
  test('a hold frees its time at the instant it expires, with no write in between', async () => {
    const app = testApp();
    assert.ok((await offered(app)).includes(SLOT));
    const hold = await app.postJson('/holds', { service: 'consultation', start: SLOT });
    assert.equal(hold.status, 201);
    assert.ok(!(await offered(app)).includes(SLOT), 'held at once');
    app.clock.advance(5 * MINUTE - 1);
    const before = app.stores.availabilityCacheStats;
    assert.ok(!(await offered(app)).includes(SLOT), 'still held a millisecond before it expires');
    const after = app.stores.availabilityCacheStats;
    assert.ok(after.hits > before.hits && after.misses === before.misses, 'answered from memory');
    app.clock.advance(1);
    assert.ok((await offered(app)).includes(SLOT), 'free the moment it expires');
  });

  test('a clock that steps back does not reuse what was computed later', async () => {
    const app = testApp();
    await app.postJson('/holds', { service: 'consultation', start: SLOT });
    app.clock.advance(6 * MINUTE);
    assert.ok((await offered(app)).includes(SLOT));
    app.clock.advance(-2 * MINUTE);
    assert.ok(!(await offered(app)).includes(SLOT), 'at that time the hold was live');
  });

  test('every write is seen at once: hold, release, booking, cancel, reschedule', async () => {
    const app = testApp();
    const { hold, releaseToken } = await (await app.postJson('/holds', { service: 'consultation', start: SLOT })).json();
    assert.ok(!(await offered(app)).includes(SLOT));
    await app.request(`/holds/${hold.id}`, { method: 'DELETE', headers: bearer(releaseToken) });
    assert.ok((await offered(app)).includes(SLOT));
    const { booking, accessToken } = await (await app.book({ start: SLOT })).json();
    assert.ok(!(await offered(app)).includes(SLOT));
    const moved = await app.postJson(
      `/bookings/${booking.id}/reschedule`,
      { start: '2026-03-03T17:00:00Z' },
      {
        ...bearer(accessToken),
        'Idempotency-Key': 'move',
      },
    );
    assert.equal(moved.status, 200);
    assert.deepEqual([(await offered(app)).includes(SLOT), (await offered(app)).includes('2026-03-03T17:00:00Z')], [true, false]);
    await app.request(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: bearer(accessToken) });
    assert.ok((await offered(app)).includes('2026-03-03T17:00:00Z'));
  });

  test('a booking written by another process on the same database file is seen at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-cache-'));
    try {
      const app = testApp({ db: join(dir, 'kap.sqlite') });
      assert.ok((await offered(app)).includes(SLOT));
      const other = new Database(join(dir, 'kap.sqlite'));
      other
        .prepare(
          `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
             consent_privacy, token_sha256, created_at_ms) VALUES ('bk_other', 'consultation', ?, ?, 'confirmed', 'x', 'x@example.com', '1', 1, 'x', 0)`,
        )
        .run(Date.parse(SLOT), Date.parse(SLOT) + 45 * MINUTE);
      other.close();
      assert.ok(!(await offered(app)).includes(SLOT));
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('over random holds, releases, bookings, cancels and clock moves, it always equals the definition', async () => {
    const candidates = ['2026-03-03T14:00:00Z', '2026-03-03T14:30:00Z', '2026-03-03T15:00:00Z', '2026-03-04T18:00:00Z', '2026-03-05T20:00:00Z'];
    const services = ['consultation', 'preparation', 'administration'] as const;
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('hold' as const), service: fc.constantFrom(...services), start: fc.constantFrom(...candidates) }),
      fc.record({ kind: fc.constant('book' as const), service: fc.constantFrom(...services), start: fc.constantFrom(...candidates) }),
      fc.record({ kind: fc.constant('release' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('cancel' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: -3, max: 7 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const app = testApp({ holdLimits: { perClient: 1_000, perClientPerDay: 1_000 } });
        const holds: { id: string; releaseToken?: string }[] = [];
        const bookings: { id: string; token: string }[] = [];
        for (const op of operations) {
          if (op.kind === 'hold') {
            const response = await app.postJson('/holds', { service: op.service, start: op.start });
            if (response.status === 201) {
              const body = await response.json();
              holds.push({ id: body.hold.id, releaseToken: body.releaseToken });
            }
          } else if (op.kind === 'book') {
            const response = await app.book({ service: op.service, start: op.start });
            if (response.status === 201) {
              const body = await response.json();
              bookings.push({ id: body.booking.id, token: body.accessToken });
            }
          } else if (op.kind === 'release' && holds.length) {
            const hold = holds[op.which % holds.length]!;
            await app.request(`/holds/${hold.id}`, { method: 'DELETE', headers: hold.releaseToken ? bearer(hold.releaseToken) : {} });
          } else if (op.kind === 'cancel' && bookings.length) {
            const booking = bookings[op.which % bookings.length]!;
            await app.request(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: bearer(booking.token) });
          } else if (op.kind === 'advance') {
            app.clock.advance(op.minutes * MINUTE);
          }
          for (const service of services) {
            const { slots } = await app.availability(service, ...WEEK);
            assert.deepEqual(starts(slots), await definition(app, service, WEEK));
          }
        }
        await app.close();
      }),
      { numRuns: 40 },
    );
  });
});

/** The free starts by `freeSlots`, from the database as it is, with no cache. */
async function definition(app: TestApp, serviceId: string, [from, to]: readonly [string, string]): Promise<string[]> {
  const service = (await app.stores.clinic.findService(serviceId))!;
  const now = app.clock.ms;
  const busy = [
    ...(app.db.prepare("SELECT start_ms AS start, end_ms AS end FROM bookings WHERE status IN ('confirmed', 'requested')").all() as Interval[]),
    ...(app.db.prepare('SELECT start_ms AS start, end_ms AS end FROM holds WHERE expires_at_ms > ?').all(now) as Interval[]),
  ];
  return freeSlots({
    rules: await app.stores.clinic.schedulingRules(),
    durationMinutes: service.durationMinutes,
    from: Date.parse(from),
    to: Date.parse(to),
    now,
    busy,
  }).map((slot) => new Date(slot.start).toISOString().replace('.000Z', 'Z'));
}
