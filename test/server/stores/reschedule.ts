/**
 * The store suite: moving a booking — to a free slot only (its own time aside), keeping its id,
 * token and checklist, never at two times nor at none.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import { keptOutcome } from './bookings.js';
import { at, DAY, MINUTE, newBooking, newHold, NOW, refused, reread, SLOT, withStores, type OpenStores } from './fixtures.js';

const LATER = at('2026-03-04T15:00:00Z', 45);

export function rescheduleSuite(open: OpenStores): void {
  describe('moving a booking', () => {
    test('keeps its id, token and checklist; frees the old time and takes the new', () =>
      withStores(open, async (stores) => {
        const copy = { checklistId: undefined, lang: 'en', items: [{ id: 'a', text: 'A', group: 'G', required: true }] };
        const made = await stores.bookings.createBooking(newBooking({ checklist: copy }));
        await stores.checklists.setDone({ bookingId: made.id, itemId: 'a', done: true, now: NOW });
        const moved = await stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, now: NOW });
        assert.deepEqual(moved, { ...made, start: LATER.start, end: LATER.end });
        assert.deepEqual(await reread(stores, made), moved);
        assert.deepEqual(await stores.checklists.items(made.id), [{ ...copy.items[0], doneAt: NOW }]);
        await stores.bookings.createBooking(newBooking());
        await refused(stores.bookings.createBooking(newBooking({ slot: LATER })), 'slot_unavailable');
      }));

    test('its own time does not count as taken: it can move by half an hour onto itself', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        const slot = at('2026-03-03T15:30:00Z', 45);
        assert.equal((await stores.bookings.rescheduleBooking({ bookingId: made.id, slot, asRequest: false, now: NOW })).start, slot.start);
      }));

    test('asRequest makes it a request again; otherwise its status stays', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: at('2026-03-03T15:00:00Z', 120) }));
        const moved = await stores.bookings.rescheduleBooking({ bookingId: made.id, slot: at('2026-03-04T15:00:00Z', 120), asRequest: true, now: NOW });
        assert.equal(moved.status, 'requested');
        const again = await stores.bookings.rescheduleBooking({ bookingId: made.id, slot: at('2026-03-05T15:00:00Z', 120), asRequest: false, now: NOW });
        assert.equal(again.status, 'requested');
      }));

    test('refuses a taken time, leaving the booking where it was', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        await stores.bookings.createBooking(newBooking({ slot: LATER }));
        await refused(stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, now: NOW }), 'slot_unavailable');
        await stores.bookings.placeHold(newHold({ slot: at('2026-03-05T15:00:00Z', 45) }));
        await refused(
          stores.bookings.rescheduleBooking({ bookingId: made.id, slot: at('2026-03-05T15:00:00Z', 45), asRequest: false, now: NOW }),
          'slot_unavailable',
        );
        assert.deepEqual(await reread(stores, made), made);
      }));

    test('consumes its own hold on the new time, and refuses hold_expired when the lapsed hold’s time was taken', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        const hold = await stores.bookings.placeHold(newHold({ slot: LATER }));
        await stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, holdId: hold.id, now: NOW + MINUTE });
        const second = await stores.bookings.createBooking(newBooking());
        const lapsed = await stores.bookings.placeHold(newHold({ slot: at('2026-03-05T15:00:00Z', 45) }));
        await stores.bookings.createBooking(newBooking({ slot: at('2026-03-05T15:00:00Z', 45), now: lapsed.expiresAt }));
        await refused(
          stores.bookings.rescheduleBooking({
            bookingId: second.id,
            slot: at('2026-03-05T15:00:00Z', 45),
            asRequest: false,
            holdId: lapsed.id,
            now: lapsed.expiresAt,
          }),
          'hold_expired',
        );
      }));

    test('a cancelled booking, a session that has begun and an unknown booking are refused', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        await refused(stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, now: SLOT.start }), 'booking_started');
        await stores.bookings.cancelBooking({ bookingId: made.id, now: NOW });
        await refused(stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, now: NOW }), 'booking_cancelled');
        await refused(stores.bookings.rescheduleBooking({ bookingId: 'bk_unknown', slot: LATER, asRequest: false, now: NOW }), 'booking_not_found');
      }));

    test('a follow-up moves only within the window of an active booking of the service it follows', () =>
      withStores(open, async (stores) => {
        const administration = await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: at('2026-03-04T15:00:00Z', 120) }));
        const opening = { serviceId: 'administration', endsFrom: administration.end, endsTo: administration.end + DAY };
        const integration = await stores.bookings.createBooking(newBooking({ serviceId: 'integration', slot: at('2026-03-05T17:00:00Z', 60), opening }));
        const elsewhere = { serviceId: 'administration', endsFrom: administration.end + DAY, endsTo: administration.end + 2 * DAY };
        await refused(
          stores.bookings.rescheduleBooking({
            bookingId: integration.id,
            slot: at('2026-03-06T18:00:00Z', 60),
            asRequest: false,
            opening: elsewhere,
            now: NOW,
          }),
          'outside_follow_up_window',
        );
      }));

    test('keeps its idempotent outcome with it', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        const key = { keyHash: sha256Hex('move'), scope: `POST /bookings/${made.id}/reschedule` };
        await stores.idempotency.claim({ ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW - MINUTE });
        const outcome = keptOutcome(key);
        const moved = await stores.bookings.rescheduleBooking({ bookingId: made.id, slot: LATER, asRequest: false, now: NOW, idempotency: outcome });
        assert.deepEqual(outcome.results, [moved]);
      }));
  });
}
