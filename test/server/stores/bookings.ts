/**
 * The store suite: creating and cancelling bookings — a free slot only, a hold consumed, the
 * follow-up window, the checklist and the idempotent outcome with the booking or not at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { IdempotencyKeyRef, IdempotentOutcome } from '../../../server/stores/types.js';
import { at, DAY, MINUTE, newBooking, newHold, NOW, refused, reread, SLOT, withStores, type OpenStores } from './fixtures.js';

const opening = { serviceId: 'administration', endsFrom: Date.parse('2026-03-04T17:00:00Z'), endsTo: Date.parse('2026-03-05T17:00:00Z') };

/** An outcome that records what it was asked to keep, under a key claimed first. */
export function keptOutcome<T>(key: IdempotencyKeyRef): IdempotentOutcome<T> & { results: T[] } {
  const results: T[] = [];
  return {
    key,
    results,
    stored(result) {
      results.push(result);
      return { status: 201, sealed: new TextEncoder().encode(JSON.stringify({ kept: results.length })) };
    },
  };
}

export function bookingSuite(open: OpenStores): void {
  describe('bookings', () => {
    test('a booking on a free slot is stored as asked and found by id', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking({ status: 'requested', tokenHash: sha256Hex('t') }));
        assert.deepEqual(await stores.bookings.findBooking(made.id), {
          id: made.id,
          serviceId: 'consultation',
          start: SLOT.start,
          end: SLOT.end,
          status: 'requested',
          tokenHash: sha256Hex('t'),
        });
        assert.equal(await stores.bookings.findBooking('bk_unknown'), undefined);
      }));

    test('an overlapping booking or live hold refuses the slot; a lapsed hold does not', () =>
      withStores(open, async (stores) => {
        await stores.bookings.createBooking(newBooking());
        await refused(stores.bookings.createBooking(newBooking({ serviceId: 'preparation', slot: at('2026-03-03T15:30:00Z', 60) })), 'slot_unavailable');
        const hold = await stores.bookings.placeHold(newHold({ slot: at('2026-03-04T15:00:00Z', 45) }));
        await refused(stores.bookings.createBooking(newBooking({ slot: at('2026-03-04T15:00:00Z', 45) })), 'slot_unavailable');
        await stores.bookings.createBooking(newBooking({ slot: at('2026-03-04T15:00:00Z', 45), now: hold.expiresAt }));
      }));

    test('with its own live hold a client books the held slot and the hold is gone', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        await stores.bookings.createBooking(newBooking({ holdId: hold.id, now: NOW + MINUTE }));
        // The hold no longer takes a cap place nor the slot: the same client can hold twice more that day.
        await stores.bookings.placeHold(newHold({ slot: at('2026-03-03T17:00:00Z', 45), now: NOW + MINUTE }));
        await stores.bookings.placeHold(newHold({ slot: at('2026-03-03T18:00:00Z', 45), now: NOW + MINUTE }));
      }));

    test('a hold for another service or time is refused; a lapsed hold books a free slot, and is hold_expired if the slot was taken', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        await refused(stores.bookings.createBooking(newBooking({ holdId: hold.id, slot: at('2026-03-03T16:00:00Z', 45) })), 'hold_mismatch');
        await refused(
          stores.bookings.createBooking(newBooking({ holdId: hold.id, serviceId: 'preparation', slot: at('2026-03-03T15:00:00Z', 60) })),
          'hold_mismatch',
        );
        const later = hold.expiresAt + MINUTE;
        await stores.bookings.createBooking(newBooking({ slot: SLOT, now: later }));
        await refused(stores.bookings.createBooking(newBooking({ holdId: hold.id, now: later })), 'hold_expired');
        const other = await stores.bookings.placeHold(newHold({ slot: at('2026-03-04T15:00:00Z', 45) }));
        await stores.bookings.createBooking(newBooking({ holdId: other.id, slot: at('2026-03-04T15:00:00Z', 45), now: other.expiresAt + MINUTE }));
      }));

    test('a follow-up is booked only in the window of an active booking of the service it follows', () =>
      withStores(open, async (stores) => {
        const integration = newBooking({ serviceId: 'integration', slot: at('2026-03-05T15:00:00Z', 60), opening });
        await refused(stores.bookings.createBooking(integration), 'outside_follow_up_window');
        const administration = await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: at('2026-03-04T15:00:00Z', 120) }));
        await stores.bookings.cancelBooking({ bookingId: administration.id, now: NOW });
        await refused(stores.bookings.createBooking(integration), 'outside_follow_up_window');
        await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: at('2026-03-04T15:00:00Z', 120) }));
        await stores.bookings.createBooking(integration);
      }));

    test('its checklist is made with it, from the copy given; without a copy it has none yet', () =>
      withStores(open, async (stores) => {
        const copy = { checklistId: 'c1', lang: 'en', items: [{ id: 'a', text: 'A', group: 'G', required: true, dueOffsetMinutes: -60 }] };
        const made = await stores.bookings.createBooking(newBooking({ checklist: copy }));
        assert.deepEqual(await stores.checklists.items(made.id), copy.items);
        const bare = await stores.bookings.createBooking(newBooking({ slot: at('2026-03-04T15:00:00Z', 45) }));
        assert.equal(await stores.checklists.items(bare.id), undefined);
      }));

    test('its idempotent outcome is kept with it; a refused booking keeps none', () =>
      withStores(open, async (stores) => {
        const key = { keyHash: sha256Hex('key'), scope: 'POST /bookings' };
        const claim = { ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW - MINUTE };
        assert.deepEqual(await stores.idempotency.claim(claim), { state: 'claimed' });
        const outcome = keptOutcome(key);
        const made = await stores.bookings.createBooking(newBooking({ idempotency: outcome }));
        assert.deepEqual(outcome.results, [made]);
        const replay = await stores.idempotency.claim({ ...claim, now: NOW + 2 * MINUTE, retakeLockedBy: NOW + MINUTE });
        assert.equal(replay.state, 'replay');
        assert.deepEqual(replay.state === 'replay' && new TextDecoder().decode(replay.outcome.sealed!), '{"kept":1}');

        const other = { keyHash: sha256Hex('other'), scope: 'POST /bookings' };
        await stores.idempotency.claim({ ...claim, ...other });
        await refused(stores.bookings.createBooking(newBooking({ idempotency: keptOutcome(other) })), 'slot_unavailable');
        assert.deepEqual(
          await stores.idempotency.claim({ ...claim, ...other, now: NOW + 2 * MINUTE, retakeLockedBy: NOW + MINUTE }),
          { state: 'claimed' },
          'still pending: retaken once stale',
        );
      }));

    test('a name is kept only by the booking that replaces what it pointed to', () =>
      withStores(open, async (stores) => {
        assert.equal(await stores.bookings.namedBooking('demo'), undefined);
        const first = await stores.bookings.createBooking(newBooking({ name: { name: 'demo', replacing: undefined } }));
        assert.equal(await stores.bookings.namedBooking('demo'), first.id);
        const late = newBooking({ slot: at('2026-03-04T15:00:00Z', 45), name: { name: 'demo', replacing: undefined } });
        await refused(stores.bookings.createBooking(late), 'name_taken');
        assert.equal(await stores.bookings.namedBooking('demo'), first.id);
        // Refused with nothing written: the slot is still free for the booking that may take the name.
        const second = await stores.bookings.createBooking({ ...late, name: { name: 'demo', replacing: first.id } });
        assert.equal(await stores.bookings.namedBooking('demo'), second.id);
      }));

    test('a new access token replaces the old', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        await stores.bookings.replaceAccessToken(made.id, sha256Hex('new'));
        assert.equal((await reread(stores, made)).tokenHash, sha256Hex('new'));
      }));
  });

  describe('cancelling', () => {
    test('frees the time; cancelling again answers the booking as it is', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        const cancelled = await stores.bookings.cancelBooking({ bookingId: made.id, now: NOW });
        assert.deepEqual(cancelled, { ...made, status: 'cancelled' });
        assert.deepEqual(await stores.bookings.cancelBooking({ bookingId: made.id, now: NOW + DAY * 2 }), cancelled);
        await stores.bookings.createBooking(newBooking());
      }));

    test('a session that has begun cannot be cancelled; an unknown booking is refused', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        await refused(stores.bookings.cancelBooking({ bookingId: made.id, now: SLOT.start }), 'booking_started');
        assert.equal((await reread(stores, made)).status, 'confirmed');
        await refused(stores.bookings.cancelBooking({ bookingId: 'bk_unknown', now: NOW }), 'booking_not_found');
      }));

    test('keeps its idempotent outcome with it', () =>
      withStores(open, async (stores) => {
        const made = await stores.bookings.createBooking(newBooking());
        const key = { keyHash: sha256Hex('cancel'), scope: `POST /bookings/${made.id}/cancel` };
        await stores.idempotency.claim({ ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW - MINUTE });
        const outcome = keptOutcome(key);
        const cancelled = await stores.bookings.cancelBooking({ bookingId: made.id, now: NOW, idempotency: outcome });
        assert.deepEqual(outcome.results, [cancelled]);
        assert.equal((await stores.idempotency.claim({ ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW })).state, 'replay');
      }));
  });
}
