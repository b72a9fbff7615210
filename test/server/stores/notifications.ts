/**
 * The store suite: the outbox (`NotificationStore`). Each change writes its event in its own
 * transaction, and only when it changes something; routing makes one delivery per destination
 * however often it runs; of concurrent claims each delivery goes to one; a claim whose lease ran
 * out is retaken and the old claim can no longer finish it; failures wait for their retry time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { NotificationEventRecord, Stores } from '../../../server/stores/types.js';
import { at, HOUR, MINUTE, newBooking, NOW, refused, withStores, type OpenStores } from './fixtures.js';

const FAR = NOW + 365 * 24 * HOUR;

async function events(stores: Stores): Promise<NotificationEventRecord[]> {
  return stores.notifications.dueEvents(FAR, 1000);
}

const typesOf = async (stores: Stores) => (await events(stores)).map((event) => `${event.type} ${event.bookingId ?? ''}`);

export function notificationSuite(open: OpenStores): void {
  describe('the outbox', () => {
    test('booking changes write their events in the same transaction, ids only, once per change', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking({ lang: 'es', timeZone: 'Europe/Madrid' }));
        const request = await stores.bookings.createBooking(
          newBooking({ slot: at('2026-03-04T17:00:00Z', 120), status: 'requested', tokenHash: sha256Hex('r') }),
        );
        await stores.bookings.rescheduleBooking({ bookingId: booking.id, slot: at('2026-03-05T15:00:00Z', 45), asRequest: false, now: NOW + MINUTE });
        await stores.bookings.cancelBooking({ bookingId: booking.id, now: NOW + 2 * MINUTE });
        await stores.bookings.cancelBooking({ bookingId: booking.id, now: NOW + 3 * MINUTE });
        const staff = await stores.staff.add({
          email: 'c@clinic.example',
          role: 'clinician',
          setup: { tokenHash: sha256Hex('s'), expiresAt: NOW + HOUR },
          now: NOW,
        });
        await stores.console.decideRequest({ bookingId: request.id, decision: 'declined', reason: 'other', staffId: staff.id, now: NOW + MINUTE });
        await stores.console.decideRequest({ bookingId: request.id, decision: 'declined', reason: 'other', staffId: staff.id, now: NOW + 2 * MINUTE });
        assert.deepEqual(await typesOf(stores), [
          `booking.confirmed ${booking.id}`,
          `booking.requested ${request.id}`,
          `booking.rescheduled ${booking.id}`,
          `booking.declined ${request.id}`,
          `booking.cancelled ${booking.id}`,
        ]);
        const detail = await stores.bookings.bookingDetail(booking.id);
        assert.equal(detail?.lang, 'es');
        assert.equal(detail?.timeZone, 'Europe/Madrid');
        for (const event of await events(stores)) assert.deepEqual(Object.keys(event).sort(), ['bookingId', 'dueAt', 'id', 'occurredAt', 'subjectId', 'type']);
      }));

    test('a refused change writes no event', () =>
      withStores(open, async (stores) => {
        await stores.bookings.createBooking(newBooking());
        await refused(stores.bookings.createBooking(newBooking({ tokenHash: sha256Hex('again') })), 'slot_unavailable');
        assert.equal((await events(stores)).length, 1);
      }));

    test('intake, safety and checklist events: a safety answer already signalled alerts once', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const signal = await stores.intake.recordSafetySignal({
          bookingId: booking.id,
          formId: 'kap-demo-intake',
          formVersion: '3',
          items: ['phq-9.q9'],
          now: NOW,
        });
        await stores.intake.recordSafetySignal({ bookingId: booking.id, formId: 'kap-demo-intake', formVersion: '3', items: ['phq-9.q9'], now: NOW + MINUTE });
        const submission = {
          form: 'kap-demo-intake',
          version: '3',
          booking: booking.id,
          answers: { 'phq-9.q9': 'several-days' },
          scores: [],
          flags: [],
          safety: true,
          safetyItems: ['phq-9.q9'],
        };
        const response = await stores.intake.saveResponse({ submission, now: NOW + 2 * MINUTE });
        const unsignalled = await stores.intake.saveResponse({ submission: { ...submission, version: '2' }, now: NOW + 3 * MINUTE });
        await stores.checklists.create(
          booking.id,
          {
            checklistId: 'p',
            lang: 'en',
            items: [
              { id: 'a', text: 'A', group: 'G', required: true },
              { id: 'b', text: 'B', group: 'G', required: false },
            ],
          },
          NOW,
        );
        await stores.checklists.setDone({ bookingId: booking.id, itemId: 'b', done: true, now: NOW + 4 * MINUTE });
        await stores.checklists.setDone({ bookingId: booking.id, itemId: 'a', done: true, now: NOW + 5 * MINUTE });
        await stores.checklists.setDone({ bookingId: booking.id, itemId: 'a', done: true, now: NOW + 6 * MINUTE });
        const written = (await events(stores)).slice(1).map((event) => [event.type, event.subjectId]);
        assert.deepEqual(written, [
          ['safety.flagged', signal.id],
          ['intake.submitted', response.id],
          ['intake.submitted', unsignalled.id],
          ['safety.flagged', unsignalled.id],
          ['checklist.completed', undefined],
        ]);
      }));

    test('routing makes one delivery per destination, once; follow-ups wait until due', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const [event] = await events(stores);
        const routing = {
          eventId: event!.id,
          deliveries: [
            { destination: 'email:client', notBefore: NOW },
            { destination: 'email:staff:x', notBefore: NOW + HOUR },
          ],
          followUps: [{ type: 'reminder.due' as const, bookingId: booking.id, dueAt: NOW + 2 * HOUR }],
          now: NOW,
        };
        await stores.notifications.route(routing);
        await stores.notifications.route(routing);
        assert.deepEqual((await stores.notifications.deliveries({ limit: 10 })).map((d) => d.destination).sort(), ['email:client', 'email:staff:x']);
        assert.deepEqual(await stores.notifications.dueEvents(NOW, 10), [], 'routed, and the reminder is not due yet');
        assert.deepEqual(
          (await stores.notifications.dueEvents(NOW + 2 * HOUR, 10)).map((e) => e.type),
          ['reminder.due'],
        );
        const first = await stores.notifications.claimDeliveries({ now: NOW, leaseMs: MINUTE, limit: 10 });
        assert.deepEqual(
          first.map((d) => d.destination),
          ['email:client'],
          'the staff delivery is not due yet',
        );
      }));

    test("a claim is one worker's until its lease runs out; then another retakes it and the first cannot finish it", () =>
      withStores(open, async (stores) => {
        await stores.bookings.createBooking(newBooking());
        const [event] = await events(stores);
        await stores.notifications.route({ eventId: event!.id, deliveries: [{ destination: 'email:client', notBefore: NOW }], followUps: [], now: NOW });
        const [mine] = await stores.notifications.claimDeliveries({ now: NOW, leaseMs: MINUTE, limit: 10 });
        assert.equal(mine?.attempts, 1);
        assert.deepEqual(await stores.notifications.claimDeliveries({ now: NOW + MINUTE - 1, leaseMs: MINUTE, limit: 10 }), []);
        const [theirs] = await stores.notifications.claimDeliveries({ now: NOW + MINUTE, leaseMs: MINUTE, limit: 10 });
        assert.equal(theirs?.id, mine!.id);
        assert.equal(theirs?.attempts, 2);
        assert.equal(await stores.notifications.finishDelivery({ id: mine!.id, claim: mine!.claim, outcome: 'delivered', now: NOW + MINUTE }), false);
        assert.equal(await stores.notifications.finishDelivery({ id: theirs!.id, claim: theirs!.claim, outcome: 'delivered', now: NOW + MINUTE }), true);
        assert.deepEqual(await stores.notifications.claimDeliveries({ now: FAR, leaseMs: MINUTE, limit: 10 }), [], 'delivered is done');
        assert.equal((await stores.notifications.deliveries({ state: 'delivered', limit: 10 })).length, 1);
      }));

    test('a failure waits for its retry time, or stays failed for the owner to see', () =>
      withStores(open, async (stores) => {
        await stores.bookings.createBooking(newBooking());
        const [event] = await events(stores);
        await stores.notifications.route({
          eventId: event!.id,
          deliveries: [
            { destination: 'email:client', notBefore: NOW },
            { destination: 'email:staff:x', notBefore: NOW },
          ],
          followUps: [],
          now: NOW,
        });
        const [a, b] = await stores.notifications.claimDeliveries({ now: NOW, leaseMs: MINUTE, limit: 10 });
        await stores.notifications.failDelivery({ id: a!.id, claim: a!.claim, error: 'ECONNECTION', retryAt: NOW + 5 * MINUTE, now: NOW });
        await stores.notifications.failDelivery({ id: b!.id, claim: b!.claim, error: 'EENVELOPE 550', retryAt: undefined, now: NOW });
        assert.deepEqual(await stores.notifications.claimDeliveries({ now: NOW + 5 * MINUTE - 1, leaseMs: MINUTE, limit: 10 }), []);
        assert.deepEqual(
          (await stores.notifications.claimDeliveries({ now: NOW + 5 * MINUTE, leaseMs: MINUTE, limit: 10 })).map((d) => d.id),
          [a!.id],
        );
        const failed = await stores.notifications.deliveries({ state: 'failed', limit: 10 });
        assert.deepEqual(
          failed.map((d) => [d.id, d.lastError]),
          [[b!.id, 'EENVELOPE 550']],
        );
      }));

    test('concurrent claims over several connections take each delivery once', async (t) =>
      withStores(open, async (stores, harness) => {
        if (!harness.connect) return t.skip('one connection only');
        for (let i = 0; i < 12; i++)
          await stores.bookings.createBooking(
            newBooking({ slot: at(`2026-03-${String(3 + Math.floor(i / 6)).padStart(2, '0')}T${14 + (i % 6)}:00:00Z`, 45), tokenHash: sha256Hex(`c${i}`) }),
          );
        for (const event of await events(stores)) {
          await stores.notifications.route({ eventId: event.id, deliveries: [{ destination: 'email:client', notBefore: NOW }], followUps: [], now: NOW });
        }
        const peers = [stores, await harness.connect(), await harness.connect(), await harness.connect()];
        const claims = await Promise.all(
          peers.flatMap((peer) => [1, 2, 3].map(() => peer.notifications.claimDeliveries({ now: NOW, leaseMs: MINUTE, limit: 2 }))),
        );
        const ids = claims.flat().map((d) => d.id);
        assert.equal(ids.length, 12);
        assert.equal(new Set(ids).size, 12, 'no delivery claimed twice');
      }));

    test('the dev mailbox keeps a message once per id, sealed, newest first', () =>
      withStores(open, async (stores) => {
        const message = { to: 'rosalind.vance@example.com', subject: 'Your appointment at Harbor', text: 'Hello', html: '<p>Hello</p>', attachments: [] };
        await stores.notifications.keepDevMail({ id: 'dl_1', message, now: NOW });
        await stores.notifications.keepDevMail({ id: 'dl_1', message: { ...message, subject: 'again' }, now: NOW + 1 });
        await stores.notifications.keepDevMail({ id: 'dl_2', message, now: NOW + 2 });
        assert.deepEqual(
          (await stores.notifications.devMail(10)).map((m) => [m.id, m.subject]),
          [
            ['dl_2', message.subject],
            ['dl_1', message.subject],
          ],
        );
      }));

    test('link tokens open a booking besides its own token', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        await stores.bookings.addLinkToken({ bookingId: booking.id, tokenHash: sha256Hex('link'), now: NOW });
        assert.deepEqual(await stores.bookings.linkTokenHashes(booking.id, NOW), [sha256Hex('link')]);
      }));

    test('a link token with an expiry stops counting at it; revoking removes every link token and replaces the own token', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        await stores.bookings.addLinkToken({ bookingId: booking.id, tokenHash: sha256Hex('link'), now: NOW });
        await stores.bookings.addLinkToken({ bookingId: booking.id, tokenHash: sha256Hex('tab'), now: NOW, expiresAt: NOW + 1000 });
        assert.deepEqual((await stores.bookings.linkTokenHashes(booking.id, NOW + 999)).sort(), [sha256Hex('link'), sha256Hex('tab')].sort());
        assert.deepEqual(await stores.bookings.linkTokenHashes(booking.id, NOW + 1000), [sha256Hex('link')]);
        const extend = { bookingId: booking.id, now: NOW + 500, expiresAt: NOW + 5000 };
        assert.equal(await stores.bookings.extendCredential({ ...extend, tokenHash: sha256Hex('tab') }), true);
        assert.equal(await stores.bookings.extendCredential({ ...extend, tokenHash: sha256Hex('link') }), false, 'an email’s link token has no expiry to move');
        assert.deepEqual((await stores.bookings.linkTokenHashes(booking.id, NOW + 4999)).sort(), [sha256Hex('link'), sha256Hex('tab')].sort());
        await stores.bookings.revokeLinks(booking.id, sha256Hex('nobody keeps this'));
        assert.deepEqual(await stores.bookings.linkTokenHashes(booking.id, NOW), []);
        assert.equal((await stores.bookings.findBooking(booking.id))?.tokenHash, sha256Hex('nobody keeps this'));
      }));
  });
}
