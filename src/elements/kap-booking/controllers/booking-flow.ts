/**
 * The behaviour of `<kap-booking>` from choosing a time to a recorded booking, apart from
 * rendering: holds and their expiry, the details, one idempotency key per logical submission,
 * and where each failure leaves the client. The element renders this state and forwards input.
 *
 * Moving an existing booking (manage mode) is the same walk with a different last step: when
 * the context names a booking to move, the details step becomes "check the new time" and
 * submitting asks the backend to reschedule instead of creating a booking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { HeldSlot } from '../../../api/client.js';
import type { ApiConnection } from '../../../api/connection.js';
import { createBooking, createHold, releaseHold, rescheduleBooking } from '../../../api/endpoints.js';
import { newIdempotencyKey } from '../../../api/idempotency-key.js';
import { KapApiError, isKapApiError } from '../../../api/errors.js';
import { IdempotentWrite, type Transmit } from '../../../api/idempotent-write.js';
import type { Booking, BookingRequest, RescheduleRequest, Slot } from '../../../api/schemas.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import { isTimeZone } from '../../../api/time-zone.js';
import type { WriteStatus } from '../../../base/write-status.js';
import type { BookingFlowContext } from './booking-flow-context.js';
import { HoldClock } from './hold-clock.js';
import { applyPrefill, bookingPayload, emptyDetails, fieldsFromServer, invalidFields } from '../booking-details.js';
import type { BookingPrefill, DetailsField, DetailsValues } from '../booking-details.js';

export type BookingStep = 'times' | 'details' | 'done';

/** Why the client was brought back to the times, shown above them. */
export type TimesNotice = 'slot_taken' | 'hold_expired';

/** `held` → `ending` (about a minute left) → `expired` (the server may give the slot away). */
export type HoldState = 'held' | 'ending' | 'expired';

/** Where focus should go once the step the client moved to has rendered. */
export type FocusTarget = 'times' | 'notice' | 'details' | 'error-summary' | 'done';

/** What a booking or a move answers: the booking, and for a new one its access token. */
interface Written {
  booking: Booking;
  accessToken?: string;
}

function clientTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
}

function conflictCode(error: unknown): string | undefined {
  return isKapApiError(error) && error.kind === 'conflict' ? error.code : undefined;
}

export class BookingFlow implements ReactiveController {
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

  #host: ReactiveControllerHost;
  #context: BookingFlowContext;
  #holdKey: { start: string; key: string } | undefined;
  /**
   * The booking or move under way, or sent without a settling answer: its key and exact request,
   * sent again (first, before anything different) until the server's answer is known.
   */
  #write = new IdempotentWrite<BookingRequest | RescheduleRequest, Written>(() => this.#host.requestUpdate());
  /** A recorded booking or move waits for what its confirmation offers (`ready`): still sending meanwhile. */
  #finishing = false;
  /** The hold's timers. */
  readonly #clock = new HoldClock();
  /** Bumped by `reset`, so a hold that arrives after the client walked away is given back. */
  #generation = 0;

  constructor(host: ReactiveControllerHost, context: BookingFlowContext) {
    this.#host = host;
    this.#context = context;
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

  get submitting(): boolean {
    return this.#write.sending || this.#finishing;
  }

  /** What the client hears about the booking or move under way; its Stop makes the outcome unknown. */
  get status(): WriteStatus {
    const write = this.#write;
    return { sending: this.submitting, progress: write.progress, stopped: this.stopped, stop: () => write.stop() };
  }

  /** Whether a booking or move was sent without a settling answer (it goes first next time). */
  get pending(): boolean {
    return this.#write.pending !== undefined;
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
    if (forget) this.#write.forget();
    this.stopped = false;
    this.changesNotSent = false;
    this.holding = undefined;
    this.#generation += 1;
    this.#host.requestUpdate();
  }

  /** Whether the Previous/Next week buttons and times should accept input. */
  get busy(): boolean {
    return this.holding !== undefined;
  }

  prefill(prefill: BookingPrefill): void {
    this.values = applyPrefill(this.values, prefill);
    this.#host.requestUpdate();
  }

  update(field: DetailsField, value: string | boolean): void {
    this.values = { ...this.values, [field]: value };
    this.#host.requestUpdate();
  }

  /** The client chose `slot`: hold it, then ask for their details. */
  async chooseSlot(slot: Slot): Promise<void> {
    const client = this.#context.client();
    if (!client || this.holding || this.step !== 'times') return;
    // A retry of the same slot reuses its key, so a hold whose answer was lost is not doubled.
    if (this.#holdKey?.start !== slot.start) this.#holdKey = { start: slot.start, key: newIdempotencyKey() };
    this.holding = slot;
    this.holdFailure = undefined;
    this.#host.requestUpdate();
    const generation = this.#generation;
    try {
      const hold = await createHold(
        client,
        { service: this.#context.serviceId(), start: slot.start },
        { idempotencyKey: this.#holdKey.key, signal: this.#context.signal() },
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
      this.#context.slotHeld(hold);
    } catch (error) {
      if (isAbort(error) || generation !== this.#generation) return;
      this.#context.failed(error);
      if (conflictCode(error) === 'slot_unavailable') {
        this.#holdKey = undefined;
        this.#backToTimes('slot_taken');
      } else {
        this.holdFailure = { slot, error: error as Error };
      }
    } finally {
      if (generation === this.#generation) this.holding = undefined;
      this.#host.requestUpdate();
    }
  }

  retryHold(): void {
    if (this.holdFailure) void this.chooseSlot(this.holdFailure.slot);
  }

  /** "Change time": back to the times with everything typed kept; the hold is given back. */
  changeTime(): void {
    if (this.submitting) return;
    this.#backToTimes(undefined);
    this.focus = 'times';
  }

  /** Confirm: validate, then book with the key of this logical submission. */
  async submit(): Promise<void> {
    if (this.submitting || this.step !== 'details' || !this.slot) return;
    const client = this.#context.client();
    if (!client) return;
    const moving = this.#context.moving?.();
    if (moving) return this.#move(client, moving, this.slot);
    this.errors = invalidFields(this.values);
    if (this.errors.length) {
      this.submitFailure = undefined;
      this.focus = 'error-summary';
      this.#host.requestUpdate();
      return;
    }
    const holdId = this.hold && this.holdState !== 'expired' ? this.hold.id : undefined;
    const source = this.#context.source();
    const details: BookingRequest = {
      service: this.#context.serviceId(),
      start: this.slot.start,
      ...bookingPayload(this.values),
      ...(source ? { source } : {}),
      lang: this.#context.language(),
      // The client's own zone (not the one times are shown in): emails show the time in both.
      ...(clientTimeZone() ? { timeZone: clientTimeZone() } : {}),
    };
    await this.#send(
      JSON.stringify(details),
      holdId ? { ...details, holdId } : details,
      (request, options) => createBooking(client, request as BookingRequest, options),
      (created) => this.#context.booked(created.booking, created.accessToken!),
    );
  }

  /** Reschedule to `slot`, under one key for this logical move (kept across retries). */
  async #move(client: ApiConnection, moving: BookingAccess, slot: Slot): Promise<void> {
    const holdId = this.hold && this.holdState !== 'expired' ? this.hold.id : undefined;
    const request: RescheduleRequest = { start: slot.start, ...(holdId ? { holdId } : {}) };
    await this.#send(
      JSON.stringify([moving.bookingId, slot.start]),
      request,
      async (sent, options) => ({ booking: await rescheduleBooking(client, moving.bookingId, moving.token, sent as RescheduleRequest, options) }),
      (moved) => this.#context.moved?.(moved.booking),
    );
  }

  /**
   * Sends a booking or a move through the one `IdempotentWrite`: a retry of the same logical
   * submission (same `print`) sends the first request again, byte for byte, under its key — even
   * if the hold has expired since, because the server may already have recorded it and replays
   * only an identical body. Changed details or another time, after an answer was lost, first ask
   * about the earlier request the same way: if the server had recorded it, that is the booking the
   * client is shown (`changesNotSent`), and nothing else is sent.
   */
  async #send(
    print: string,
    request: BookingRequest | RescheduleRequest,
    transmit: Transmit<BookingRequest | RescheduleRequest, Written>,
    done: (result: Written) => void,
  ): Promise<void> {
    this.submitFailure = undefined;
    this.stopped = false;
    this.changesNotSent = false;
    let result;
    try {
      result = await this.#write.send(request, print, transmit, this.#context.signal());
      if (result.outcome === 'recorded' || result.outcome === 'recorded-earlier') {
        this.#finishing = true;
        await this.#context.ready();
      }
    } catch (error) {
      if (isAbort(error)) return;
      throw error;
    } finally {
      this.#finishing = false;
      this.#host.requestUpdate();
    }
    switch (result.outcome) {
      case 'recorded':
      case 'recorded-earlier': {
        this.#clock.stop();
        const hold = this.hold;
        this.hold = undefined;
        if (result.outcome === 'recorded-earlier') {
          this.changesNotSent = true;
          // The hold on the time chosen since is not needed: the earlier request used its own.
          if (hold && hold.id !== result.body.holdId) void this.#releaseHold(hold);
        }
        this.booking = result.value.booking;
        this.step = 'done';
        this.focus = 'done';
        done(result.value);
        return;
      }
      case 'refused':
        this.#context.failed(result.error);
        return this.#bookingFailed(result.error);
      case 'unknown':
        this.#context.failed(result.error);
        this.submitFailure = result.error as Error;
        return;
      case 'stopped':
        this.stopped = true;
    }
  }

  /** A refusal that proves nothing was recorded: where it leaves the client. */
  #bookingFailed(error: unknown): void {
    const code = conflictCode(error);
    if (code === 'slot_unavailable' || code === 'hold_expired') {
      this.#backToTimes(code === 'slot_unavailable' ? 'slot_taken' : 'hold_expired');
      return;
    }
    if (isKapApiError(error) && error.kind === 'validation' && Object.keys(error.fields).length) {
      const { placed, unplaced } = fieldsFromServer(error.fields);
      if (placed.length && !unplaced.length) {
        this.errors = placed;
        this.focus = 'error-summary';
        return;
      }
    }
    this.submitFailure = error as Error;
  }

  #backToTimes(notice: TimesNotice | undefined): void {
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
      this.#context.refreshAvailability();
      this.#host.requestUpdate();
    };
    // The client's own slot should reappear among the free times: release, then refresh.
    if (hold) void this.#releaseHold(hold).finally(refresh);
    else refresh();
  }

  #releaseHold(hold: HeldSlot): Promise<void> {
    const client = this.#context.client();
    // Best effort and deliberately not tied to the element's signal: it must outlive removal.
    return client ? releaseHold(client, hold.id, { token: hold.releaseToken }).catch(() => undefined) : Promise.resolve();
  }

  /** The hold's "ending" and "expired" moments. */
  #watchHold(hold: HeldSlot): void {
    this.#clock.watch(hold.expiresAt, {
      ending: () => {
        if (this.hold !== hold || this.holdState !== 'held') return;
        this.holdState = 'ending';
        this.#host.requestUpdate();
      },
      expired: () => {
        if (this.hold !== hold) return;
        this.holdState = 'expired';
        this.#context.failed(new KapApiError('The hold on the chosen time expired.', { kind: 'conflict', code: 'hold_expired' }));
        this.#host.requestUpdate();
      },
    });
  }
}
