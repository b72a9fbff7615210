/**
 * The behaviour of `<kap-booking>` from choosing a time to a recorded booking, apart from
 * rendering: holds and their expiry, the details, one idempotency key per logical submission,
 * and where each failure leaves the client. The element renders this state and forwards input.
 * Confirm and "Change time" are in booking-actions.ts: only the views after a time is held call
 * them, so they come with those views.
 *
 * Moving an existing booking (manage mode) is the same walk with a different last step: when
 * the context names a booking to move, the details step becomes "check the new time" and
 * submitting asks the backend to reschedule instead of creating a booking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { HeldSlot } from '../../../api/client.js';
import { createHold, releaseHold } from '../../../api/endpoints.js';
import { newIdempotencyKey } from '../../../api/idempotency-key.js';
import { KapApiError } from '../../../api/errors.js';
import type { Booking, Slot } from '../../../api/schemas.js';
import { importOnce } from '../../../base/import-once.js';
import type { ActingFlow } from './booking-actions.js';
import type { BookingFlowContext } from './booking-flow-context.js';
import type { BookingSubmission } from './booking-submission.js';
import { HoldClock } from './hold-clock.js';
import { applyPrefill, emptyDetails } from '../booking-details.js';
import type { BookingPrefill, DetailsField, DetailsValues } from '../booking-details.js';
import { conflictCode, type BookingStep, type FocusTarget, type HoldState, type TimesNotice } from './booking-state.js';

export type { BookingStep, FocusTarget, HoldState, TimesNotice } from './booking-state.js';

export class BookingFlow implements ReactiveController, ActingFlow {
  step: BookingStep = 'times';
  notice: TimesNotice | undefined;
  /** The slot a hold is being placed on. */
  holding: Slot | undefined;
  /** A failed attempt to hold `slot`, offered again with the same key. */
  holdFailure: { slot: Slot; error: KapApiError | Error } | undefined;
  hold: HeldSlot | undefined;
  /** The slot the details belong to; stays after the hold has expired. */
  slot: Slot | undefined;
  holdState: HoldState = 'held';
  values: DetailsValues = emptyDetails();
  /** Shown only after the client tried to submit (GOV.UK: validate on Continue). */
  errors: DetailsField[] = [];
  submitFailure: KapApiError | Error | undefined;
  /** The client pressed Stop: whether the booking (or move) was recorded is not known yet. */
  stopped = false;
  /**
   * The booking (or move) shown as done is an earlier submission whose answer was lost; what the
   * client changed afterwards was not sent.
   */
  changesNotSent = false;
  booking: Booking | undefined;
  focus: FocusTarget | undefined;
  /** The times shown are stale (a conflict, a released hold) and fresh ones are on their way. */
  refreshing = false;

  readonly host: ReactiveControllerHost & HTMLElement;
  readonly context: BookingFlowContext;
  #holdKey: { start: string; key: string } | undefined;
  /**
   * What Confirm does (booking-submission.ts, in the drop-in file a chunk): loading starts as the
   * client chooses a time, beside the hold. It keeps the booking or move sent without a settling
   * answer, so it lives as long as the flow.
   */
  #submission: BookingSubmission | undefined;
  readonly #loadSubmission = importOnce(() =>
    import('./booking-submission.js').then(
      ({ BookingSubmission }) =>
        (this.#submission = new BookingSubmission(this, {
          context: this.context,
          requestUpdate: () => this.changed(),
          stopHoldClock: () => this.#clock.stop(),
          releaseHold: (hold) => this.#releaseHold(hold),
          backToTimes: (notice) => this.backToTimes(notice),
        })),
    ),
  );
  /** Confirm was pressed and the submission is still being imported. */
  loadingSubmission = false;
  /** The hold's timers. */
  readonly #clock = new HoldClock();
  /** Bumped by `reset`, so a hold that arrives after the client walked away is given back. */
  #generation = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, context: BookingFlowContext) {
    this.host = host;
    this.context = context;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#clock.stop();
    if (this.hold && this.step !== 'done') {
      void this.#releaseHold(this.hold);
      this.hold = undefined;
      this.holdState = 'expired';
    }
    this.holding = undefined;
  }

  /** Whether a booking or move was sent without a settling answer (it goes first next time). */
  get pending(): boolean {
    return Boolean(this.#submission?.pending);
  }

  /**
   * Back to an untouched times step, giving back any hold: a reschedule begins or is abandoned.
   * The next availability load shows the released time as free again. A move sent without a
   * settling answer stays pending (sending a different one asks about it first); `forget` drops
   * it, for another booking.
   */
  reset(focus?: FocusTarget, forget = false): void {
    this.#clock.stop();
    if (this.hold && this.step !== 'done') void this.#releaseHold(this.hold);
    this.hold = undefined;
    this.slot = undefined;
    this.holdFailure = undefined;
    this.submitFailure = undefined;
    this.errors = [];
    this.notice = undefined;
    this.booking = undefined;
    this.refreshing = false;
    this.step = 'times';
    this.focus = focus;
    this.#holdKey = undefined;
    if (forget) this.#submission?.forget();
    this.stopped = false;
    this.changesNotSent = false;
    this.holding = undefined;
    this.#generation += 1;
    this.changed();
  }

  /** Whether the Previous/Next week buttons and times should accept input. */
  get busy(): boolean {
    return this.holding !== undefined;
  }

  prefill(prefill: BookingPrefill): void {
    this.values = applyPrefill(this.values, prefill);
    this.changed();
  }

  update(field: DetailsField, value: string | boolean): void {
    this.values = { ...this.values, [field]: value };
    this.changed();
  }

  /** The client chose `slot`: hold it, then ask for their details. */
  async chooseSlot(slot: Slot): Promise<void> {
    const client = this.context.client();
    if (!client || this.holding || this.step !== 'times') return;
    // A retry of the same slot reuses its key, so a hold whose answer was lost is not doubled.
    if (this.#holdKey?.start !== slot.start) this.#holdKey = { start: slot.start, key: newIdempotencyKey() };
    this.holding = slot;
    this.holdFailure = undefined;
    this.changed();
    // Confirm's code comes beside the hold; a failure to load it is told only if Confirm needs it.
    this.#loadSubmission().catch(() => undefined);
    const generation = this.#generation;
    try {
      const hold = await createHold(
        client,
        { service: this.context.serviceId(), start: slot.start },
        { idempotencyKey: this.#holdKey.key, signal: this.context.signal() },
      );
      if (generation !== this.#generation) {
        void this.#releaseHold(hold);
        return;
      }
      this.#holdKey = undefined;
      this.hold = hold;
      this.slot = { start: hold.start, end: hold.end };
      this.holdState = 'held';
      this.notice = undefined;
      this.submitFailure = undefined;
      this.step = 'details';
      this.focus = 'details';
      this.#watchHold(hold);
      this.context.slotHeld(hold);
    } catch (error) {
      if (isAbort(error) || generation !== this.#generation) return;
      this.context.failed(error);
      if (conflictCode(error) === 'slot_unavailable') {
        this.#holdKey = undefined;
        this.backToTimes('slot_taken');
      } else {
        this.holdFailure = { slot, error: error as Error };
      }
    } finally {
      if (generation === this.#generation) this.holding = undefined;
      this.changed();
    }
  }

  retryHold(): void {
    if (this.holdFailure) void this.chooseSlot(this.holdFailure.slot);
  }

  /** The submission, once imported (booking-submission.ts). */
  get submission(): BookingSubmission | undefined {
    return this.#submission;
  }

  /** Imports the submission if it is not yet (again after a failure). */
  loadSubmission(): Promise<BookingSubmission> {
    return this.#loadSubmission();
  }

  /** Something shown changed: render again. */
  changed(): void {
    this.host.requestUpdate();
  }

  /** Back to the times, the hold given back and fresh times asked for; `notice` says why. */
  backToTimes(notice: TimesNotice | undefined): void {
    this.#clock.stop();
    const hold = this.hold;
    this.hold = undefined;
    this.slot = undefined;
    this.holdFailure = undefined;
    this.submitFailure = undefined;
    this.errors = [];
    this.step = 'times';
    this.notice = notice;
    this.focus = notice ? 'notice' : 'times';
    this.refreshing = true;
    const refresh = () => {
      this.refreshing = false;
      this.context.refreshAvailability();
      this.changed();
    };
    // The client's own slot should reappear among the free times: release, then refresh.
    if (hold) void this.#releaseHold(hold).finally(refresh);
    else refresh();
  }

  #releaseHold(hold: HeldSlot): Promise<void> {
    const client = this.context.client();
    // Best effort and deliberately not tied to the element's signal: it must outlive removal.
    return client ? releaseHold(client, hold.id, { token: hold.releaseToken }).catch(() => undefined) : Promise.resolve();
  }

  /** The hold's "ending" and "expired" moments. */
  #watchHold(hold: HeldSlot): void {
    this.#clock.watch(hold.expiresAt, {
      ending: () => {
        if (this.hold !== hold || this.holdState !== 'held') return;
        this.holdState = 'ending';
        this.changed();
      },
      expired: () => {
        if (this.hold !== hold) return;
        this.holdState = 'expired';
        this.context.failed(new KapApiError('The hold on the chosen time expired.', { kind: 'conflict', code: 'hold_expired' }));
        this.changed();
      },
    });
  }
}
