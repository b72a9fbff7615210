/**
 * The store suite: what the console needs of an engine (`ConsoleStore`) — bookings by period and
 * the requests waiting, a decision on a request made once (the same again answers it, the other
 * is refused), each booking's intake status, and the safety queue until acknowledged.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { Stores } from '../../../server/stores/types.js';
import { at, HOUR, MINUTE, newBooking, NOW, refused, withStores, type OpenStores } from './fixtures.js';

async function staffId(stores: Stores): Promise<string> {
  const staff = await stores.staff.add({
    email: `c${Math.random()}@clinic.example`,
    role: 'clinician',
    setup: { tokenHash: sha256Hex(String(Math.random())), expiresAt: NOW + HOUR },
    now: NOW,
  });
  return staff.id;
}

export function consoleSuite(open: OpenStores): void {
  describe('the console', () => {
    test('bookings by period and the requests waiting, by start', () =>
      withStores(open, async (stores) => {
        const later = await stores.bookings.createBooking(
          newBooking({ slot: at('2026-03-03T17:00:00Z', 120), status: 'requested', tokenHash: sha256Hex('a') }),
        );
        const sooner = await stores.bookings.createBooking(newBooking({ slot: at('2026-03-03T14:00:00Z', 45), tokenHash: sha256Hex('b') }));
        assert.deepEqual(await stores.console.bookingsBetween(Date.parse('2026-03-03T00:00:00Z'), Date.parse('2026-03-04T00:00:00Z')), [sooner.id, later.id]);
        assert.deepEqual(await stores.console.bookingsBetween(Date.parse('2026-03-04T00:00:00Z'), Date.parse('2026-03-05T00:00:00Z')), []);
        assert.deepEqual(await stores.console.waitingRequests(NOW), [later.id]);
        assert.deepEqual(await stores.console.waitingRequests(Date.parse('2026-03-03T19:00:00Z')), [], 'a request that has ended waits no more');
      }));

    test('a decision is made once: the same again answers it, the other is refused; an instant booking is no request', () =>
      withStores(open, async (stores) => {
        const by = await staffId(stores);
        const request = await stores.bookings.createBooking(
          newBooking({ slot: at('2026-03-03T17:00:00Z', 120), status: 'requested', tokenHash: sha256Hex('a') }),
        );
        const first = await stores.console.decideRequest({ bookingId: request.id, decision: 'confirmed', staffId: by, now: NOW });
        assert.deepEqual(first, { bookingId: request.id, decision: 'confirmed', staffId: by, at: NOW });
        assert.equal((await stores.bookings.findBooking(request.id))?.status, 'confirmed');
        assert.deepEqual(await stores.console.decideRequest({ bookingId: request.id, decision: 'confirmed', staffId: by, now: NOW + MINUTE }), first);
        await refused(stores.console.decideRequest({ bookingId: request.id, decision: 'declined', reason: 'other', staffId: by, now: NOW }), 'already_decided');
        assert.deepEqual(await stores.console.decisionOf(request.id), first);

        const instant = await stores.bookings.createBooking(newBooking({ tokenHash: sha256Hex('b') }));
        await refused(stores.console.decideRequest({ bookingId: instant.id, decision: 'confirmed', staffId: by, now: NOW }), 'already_decided');
        await refused(stores.console.decideRequest({ bookingId: 'bk_unknown', decision: 'confirmed', staffId: by, now: NOW }), 'booking_not_found');
      }));

    test('declining cancels the request, keeps the reason, and frees its time', () =>
      withStores(open, async (stores) => {
        const by = await staffId(stores);
        const slot = at('2026-03-03T17:00:00Z', 120);
        const request = await stores.bookings.createBooking(newBooking({ slot, status: 'requested', tokenHash: sha256Hex('a') }));
        const declined = await stores.console.decideRequest({ bookingId: request.id, decision: 'declined', reason: 'screening-needed', staffId: by, now: NOW });
        assert.equal(declined.reason, 'screening-needed');
        assert.equal((await stores.bookings.findBooking(request.id))?.status, 'cancelled');
        await stores.bookings.createBooking(newBooking({ slot, tokenHash: sha256Hex('b') }));
      }));

    test('the safety queue: a safety response and a signal of an intake never sent, until acknowledged once', () =>
      withStores(open, async (stores) => {
        const by = await staffId(stores);
        const booking = await stores.bookings.createBooking(newBooking());
        const signal = await stores.intake.recordSafetySignal({
          bookingId: booking.id,
          formId: 'kap-demo-intake',
          formVersion: '3',
          items: ['phq-9.q9'],
          now: NOW,
        });
        const calm = { form: 'kap-demo-intake', answers: {}, scores: [], flags: [], safety: false, safetyItems: [] };
        await stores.intake.saveResponse({ submission: calm, now: NOW });
        assert.deepEqual(
          (await stores.console.safetyQueue()).map((item) => [item.id, item.kind, item.items]),
          [[signal.id, 'signal', ['phq-9.q9']]],
        );
        assert.deepEqual(await stores.console.intakeOf([booking.id]), new Map([[booking.id, { responseIds: [], needsClinician: true }]]));

        // The intake is sent: the signal is linked to the response, which takes its place.
        const response = await stores.intake.saveResponse({ submission: { ...calm, version: '3', booking: booking.id }, now: NOW + MINUTE });
        const queue = await stores.console.safetyQueue();
        assert.deepEqual(
          queue.map((item) => [item.id, item.kind]),
          [[response.id, 'response']],
        );

        const acknowledged = await stores.console.acknowledge({ id: response.id, staffId: by, note: 'Called; safe.', now: NOW + HOUR });
        assert.deepEqual(acknowledged?.acknowledgement, { staffId: by, at: NOW + HOUR, note: 'Called; safe.' });
        assert.deepEqual(
          await stores.console.acknowledge({ id: response.id, staffId: by, note: 'again', now: NOW + 2 * HOUR }),
          acknowledged,
          'the first acknowledgement stands',
        );
        assert.deepEqual(await stores.console.safetyQueue(), []);
        assert.deepEqual(await stores.console.safetyItem(response.id), acknowledged);
        assert.equal(await stores.console.acknowledge({ id: 'ir_unknown', staffId: by, note: 'x', now: NOW }), undefined);
      }));
  });
}
