/**
 * The store suite: intake responses stored as the server scored them, safety signals once per
 * booking, form, version and item set, and a response linking the signals sent for it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { IntakeSubmission } from '../../../src/forms/submission.js';
import { keptOutcome } from './bookings.js';
import { at, DAY, MINUTE, newBooking, NOW, refused, withStores, type OpenStores } from './fixtures.js';

function submission(overrides: Partial<IntakeSubmission> = {}): IntakeSubmission {
  return {
    form: 'kap-demo-intake',
    version: '3',
    answers: { 'full-name': 'Ann Lee', 'phq-9.q9': 'several-days', consent: { agreed: true, signature: 'Ann Lee' } },
    scores: [{ instrument: 'phq-9', complete: false, total: null, answered: 1, missing: ['phq-9.q1'], band: null, safety: true }],
    flags: [{ itemId: 'phq-9.q9', flag: 'safety' }],
    safety: true,
    safetyItems: ['phq-9.q9'],
    ...overrides,
  };
}

const signal = (bookingId: string, overrides: Partial<{ formVersion: string | undefined; items: string[]; now: number }> = {}) => ({
  bookingId,
  formId: 'kap-demo-intake',
  formVersion: '3',
  items: ['phq-9.q9'],
  now: NOW,
  ...overrides,
});

export function intakeSuite(open: OpenStores): void {
  describe('intake responses and safety signals', () => {
    test('a response is stored as given and found by id', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const stored = await stores.intake.saveResponse({ submission: submission({ booking: booking.id }), now: NOW });
        assert.deepEqual(await stores.intake.findResponse(stored.id), { id: stored.id, receivedAt: NOW, submission: submission({ booking: booking.id }) });
        const { version: _version, ...unversioned } = submission();
        const anonymous = await stores.intake.saveResponse({ submission: unversioned, now: NOW });
        assert.deepEqual((await stores.intake.findResponse(anonymous.id))?.submission, unversioned);
        assert.equal(await stores.intake.findResponse('ir_unknown'), undefined);
      }));

    test('a response for an unknown booking is refused, and nothing is stored', () =>
      withStores(open, async (stores) => {
        const key = { keyHash: sha256Hex('intake'), scope: 'POST /intake-responses' };
        const claim = { ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW - MINUTE };
        await stores.idempotency.claim(claim);
        await refused(
          stores.intake.saveResponse({ submission: submission({ booking: 'bk_unknown' }), now: NOW, idempotency: keptOutcome(key) }),
          'booking_not_found',
        );
        assert.deepEqual(await stores.idempotency.claim({ ...claim, retakeLockedBy: NOW }), { state: 'claimed' }, 'no outcome kept');
      }));

    test('a signal is recorded once per booking, form, version and item set', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const first = await stores.intake.recordSafetySignal(signal(booking.id));
        assert.deepEqual(await stores.intake.recordSafetySignal(signal(booking.id, { now: NOW + MINUTE })), first, 'the same: its first time');
        const wider = await stores.intake.recordSafetySignal(signal(booking.id, { items: ['harm', 'phq-9.q9'], now: NOW + MINUTE }));
        const unversioned = await stores.intake.recordSafetySignal(signal(booking.id, { formVersion: undefined, now: NOW + 2 * MINUTE }));
        assert.equal(new Set([first.id, wider.id, unversioned.id]).size, 3);
        assert.deepEqual(await stores.intake.safetySignals(booking.id), [
          { id: first.id, bookingId: booking.id, formId: 'kap-demo-intake', formVersion: '3', items: ['phq-9.q9'], receivedAt: NOW, responseId: undefined },
          { ...wider, items: ['harm', 'phq-9.q9'] },
          { ...unversioned, formVersion: undefined },
        ]);
        await refused(stores.intake.recordSafetySignal(signal('bk_unknown')), 'booking_not_found');
      }));

    test('a response links the signals of its booking, form and version that no response claimed yet', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const other = await stores.bookings.createBooking(newBooking({ slot: at('2026-03-04T15:00:00Z', 45) }));
        const sent = await stores.intake.recordSafetySignal(signal(booking.id));
        const otherVersion = await stores.intake.recordSafetySignal(signal(booking.id, { formVersion: '2' }));
        const otherBooking = await stores.intake.recordSafetySignal(signal(other.id));
        const response = await stores.intake.saveResponse({ submission: submission({ booking: booking.id }), now: NOW + MINUTE });
        const linked = new Map((await stores.intake.safetySignals(booking.id)).map((s) => [s.id, s.responseId]));
        assert.equal(linked.get(sent.id), response.id);
        assert.equal(linked.get(otherVersion.id), undefined);
        assert.equal((await stores.intake.safetySignals(other.id)).find((s) => s.id === otherBooking.id)?.responseId, undefined);
        const second = await stores.intake.saveResponse({ submission: submission({ booking: booking.id }), now: NOW + 2 * MINUTE });
        assert.notEqual(second.id, response.id);
        assert.equal((await stores.intake.safetySignals(booking.id)).find((s) => s.id === sent.id)?.responseId, response.id, 'claimed by the first');
      }));

    test('responses and signals keep their idempotent outcomes with them', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const claim = (name: string) => {
          const key = { keyHash: sha256Hex(name), scope: `POST /${name}` };
          return stores.idempotency.claim({ ...key, fingerprint: 'f', now: NOW, forgetCreatedBy: NOW - DAY, retakeLockedBy: NOW - MINUTE }).then(() => key);
        };
        const responseOutcome = keptOutcome(await claim('intake-responses'));
        const response = await stores.intake.saveResponse({ submission: submission(), now: NOW, idempotency: responseOutcome });
        assert.deepEqual(responseOutcome.results, [response]);
        const signalOutcome = keptOutcome(await claim('safety-signals'));
        const recorded = await stores.intake.recordSafetySignal({ ...signal(booking.id), idempotency: signalOutcome });
        assert.deepEqual(signalOutcome.results, [recorded]);
      }));
  });
}
