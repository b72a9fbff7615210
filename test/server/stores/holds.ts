/** The store suite: holds — a free slot only, within the client's caps, released only with its token. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import { isRefusal } from '../../../server/stores/refusal.js';
import { at, client, DAY, MINUTE, newBooking, newHold, NOW, refused, SLOT, withStores, type OpenStores } from './fixtures.js';

const opening = { serviceId: 'administration', endsFrom: Date.parse('2026-03-04T17:00:00Z'), endsTo: Date.parse('2026-03-05T17:00:00Z') };

export function holdSuite(open: OpenStores): void {
  describe('holds', () => {
    test('a hold on a free slot is stored as asked', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        assert.match(hold.id, /\S/);
        assert.deepEqual({ ...hold, id: '' }, { id: '', serviceId: 'consultation', start: SLOT.start, end: SLOT.end, expiresAt: NOW + 5 * MINUTE });
      }));

    test('a slot overlapping an active booking or another live hold is refused', () =>
      withStores(open, async (stores) => {
        await stores.bookings.placeHold(newHold());
        await refused(
          stores.bookings.placeHold(newHold({ slot: at('2026-03-03T15:30:00Z', 60), serviceId: 'preparation', client: client('b') })),
          'slot_unavailable',
        );
        await stores.bookings.createBooking(newBooking({ slot: at('2026-03-03T17:00:00Z', 45) }));
        await refused(stores.bookings.placeHold(newHold({ slot: at('2026-03-03T17:30:00Z', 45), client: client('b') })), 'slot_unavailable');
      }));

    test('a live hold is found with when it was placed; a lapsed, released or unknown one is not', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold({ now: NOW - MINUTE, expiresAt: NOW + 4 * MINUTE }));
        assert.deepEqual(await stores.bookings.findHold(hold.id, NOW), { ...hold, placedAt: NOW - MINUTE });
        assert.equal(await stores.bookings.findHold(hold.id, hold.expiresAt), undefined, 'lapsed');
        assert.equal(await stores.bookings.findHold('hold_unknown', NOW), undefined);
        await stores.bookings.releaseHold(hold.id, newHold().releaseTokenHash);
        assert.equal(await stores.bookings.findHold(hold.id, NOW), undefined, 'released');
      }));

    test('a lapsed hold takes nothing: the slot can be held again the moment it lapses', () =>
      withStores(open, async (stores) => {
        const first = await stores.bookings.placeHold(newHold());
        const again = await stores.bookings.placeHold(newHold({ now: first.expiresAt, expiresAt: first.expiresAt + 5 * MINUTE, client: client('b') }));
        assert.notEqual(again.id, first.id);
      }));

    test('a client keeps at most perClient live holds, and perClientPerDay on one clinic day; retryAt is when its first lapses', () =>
      withStores(open, async (stores) => {
        const days = ['2026-03-03', '2026-03-04', '2026-03-05'];
        const dayOf = (i: number) => ({ start: Date.parse(`${days[i]}T05:00:00Z`), end: Date.parse(`${days[i]}T05:00:00Z`) + DAY });
        const place = (day: number, hour: number, now: number) =>
          stores.bookings.placeHold(
            newHold({ slot: at(`${days[day]}T${hour}:00:00Z`, 45), now, expiresAt: now + 5 * MINUTE, client: client('a', { day: dayOf(day) }) }),
          );
        await place(0, 14, NOW);
        await place(0, 15, NOW + MINUTE);
        await assert.rejects(place(0, 16, NOW + 2 * MINUTE), (error: unknown) => {
          assert.ok(isRefusal(error, 'too_many_holds'));
          assert.equal(error.retryAt, NOW + 5 * MINUTE);
          return true;
        });
        await place(1, 14, NOW + 2 * MINUTE);
        await place(1, 15, NOW + 2 * MINUTE);
        await assert.rejects(place(2, 14, NOW + 3 * MINUTE), (error: unknown) => isRefusal(error, 'too_many_holds') && error.retryAt === NOW + 5 * MINUTE);
        // Another client is not counted with this one; a lapsed hold frees room.
        await stores.bookings.placeHold(newHold({ slot: at('2026-03-05T15:00:00Z', 45), client: client('b') }));
        await place(2, 16, NOW + 5 * MINUTE);
      }));

    test('a follow-up’s hold needs an active booking of the followed service ending in its window', () =>
      withStores(open, async (stores) => {
        const integration = { serviceId: 'integration', slot: at('2026-03-05T15:00:00Z', 60), opening };
        await refused(stores.bookings.placeHold(newHold(integration)), 'outside_follow_up_window');
        await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: at('2026-03-04T15:00:00Z', 120) }));
        await stores.bookings.placeHold(newHold(integration));
      }));

    test('is released only with its release token; a wrong one changes nothing and is no error', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        await stores.bookings.releaseHold(hold.id, sha256Hex('not the token'));
        await stores.bookings.releaseHold('hold_unknown', newHold().releaseTokenHash);
        await refused(stores.bookings.placeHold(newHold({ client: client('b') })), 'slot_unavailable');
        await stores.bookings.releaseHold(hold.id, newHold().releaseTokenHash);
        await stores.bookings.placeHold(newHold({ client: client('b') }));
      }));
  });
}
