/**
 * The store suite: the no-double-booking guarantee and its kin under concurrency. Attempts start
 * together and, where the engine has several connections to one database, are spread over them,
 * so that only the database can be what keeps a slot single.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import { isRefusal } from '../../../server/stores/refusal.js';
import type { Stores } from '../../../server/stores/types.js';
import { at, client, DAY, MINUTE, newBooking, newHold, NOW, SLOT, withStores, type OpenStores, type StoreHarness } from './fixtures.js';

const ATTEMPTS = 24;
const EXTRA_CONNECTIONS = 3;

async function connections(harness: StoreHarness): Promise<Stores[]> {
  const extra = harness.connect ? await Promise.all(Array.from({ length: EXTRA_CONNECTIONS }, () => harness.connect!())) : [];
  return [harness.stores, ...extra];
}

/** Starts `attempt(i, stores)` on every connection in turn, all at once, and sorts the outcomes. */
async function race<T>(pool: Stores[], count: number, attempt: (i: number, stores: Stores) => Promise<T>) {
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, i) => attempt(i, pool[i % pool.length]!)));
  const won = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const lost = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  return { won, lost };
}

function assertRefused(lost: unknown[], ...reasons: Parameters<typeof isRefusal>[1][]): void {
  for (const error of lost) assert.ok(isRefusal(error, ...reasons), `refused with ${reasons.join(' or ')}, not: ${String(error)}`);
}

export function concurrencySuite(open: OpenStores): void {
  describe('under concurrency', () => {
    test(`${ATTEMPTS} bookings of one slot at once: exactly one is made, the rest are slot_unavailable`, () =>
      withStores(open, async (stores, harness) => {
        const pool = await connections(harness);
        const { won, lost } = await race(pool, ATTEMPTS, (i, peer) =>
          // Half of them overlap the slot without sharing its start.
          peer.bookings.createBooking(newBooking(i % 2 ? { serviceId: 'preparation', slot: at('2026-03-03T14:30:00Z', 60) } : {})),
        );
        assert.equal(won.length, 1, `${won.length} bookings were made`);
        assertRefused(lost, 'slot_unavailable');
        // Only the winner holds the time: once it is cancelled, the slot is free again.
        await assertTaken(stores, newBooking());
        await stores.bookings.cancelBooking({ bookingId: won[0]!.id, now: NOW });
        await stores.bookings.createBooking(newBooking());
      }));

    test('moves of different bookings and new bookings racing for one slot: exactly one gets it', () =>
      withStores(open, async (stores, harness) => {
        const pool = await connections(harness);
        const movers = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            stores.bookings.createBooking(newBooking({ slot: at(`2026-03-${String(4 + (i % 3)).padStart(2, '0')}T${14 + Math.floor(i / 3) * 2}:00:00Z`, 45) })),
          ),
        );
        const { won, lost } = await race(pool, 16, (i, peer) =>
          i % 2
            ? peer.bookings.rescheduleBooking({ bookingId: movers[i >> 1]!.id, slot: SLOT, asRequest: false, now: NOW })
            : peer.bookings.createBooking(newBooking()),
        );
        assert.equal(won.length, 1, `${won.length} got the slot`);
        assertRefused(lost, 'slot_unavailable');
        for (const mover of movers) {
          const now = await stores.bookings.findBooking(mover.id);
          assert.ok(now && (now.start === mover.start || (now.id === won[0]!.id && now.start === SLOT.start)), 'each booking at exactly one time');
        }
      }));

    test('parallel holds of one client stop at its cap', () =>
      withStores(open, async (_stores, harness) => {
        const pool = await connections(harness);
        const days = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'];
        const { won, lost } = await race(pool, 10, (i, peer) => {
          const day = days[i % days.length]!;
          const dayStart = Date.parse(`${day}T05:00:00Z`);
          return peer.bookings.placeHold(
            newHold({
              slot: at(`${day}T${14 + Math.floor(i / days.length)}:00:00Z`, 45),
              client: client('one', { day: { start: dayStart, end: dayStart + DAY } }),
            }),
          );
        });
        assert.equal(won.length, 4);
        assertRefused(lost, 'too_many_holds');
      }));

    test('parallel claims of one Idempotency-Key: exactly one takes it', () =>
      withStores(open, async (_stores, harness) => {
        const pool = await connections(harness);
        const key = {
          keyHash: sha256Hex('one key'),
          scope: 'POST /bookings',
          fingerprint: 'f',
          now: NOW,
          forgetCreatedBy: NOW - DAY,
          retakeLockedBy: NOW - MINUTE,
        };
        const { won, lost } = await race(pool, ATTEMPTS, (_i, peer) => peer.idempotency.claim(key));
        assert.equal(lost.length, 0, String(lost[0]));
        assert.equal(won.filter((result) => result.state === 'claimed').length, 1);
        assert.ok(won.every((result) => result.state === 'claimed' || result.state === 'in_progress'));
      }));
  });
}

async function assertTaken(stores: Stores, booking: ReturnType<typeof newBooking>): Promise<void> {
  await assert.rejects(stores.bookings.createBooking(booking), (error: unknown) => isRefusal(error, 'slot_unavailable'));
}
