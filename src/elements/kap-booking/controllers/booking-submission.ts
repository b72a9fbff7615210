/**
 * The booking's writes. What the details step's Confirm does for `BookingFlow`: check the answers
 * against the contract, then send the booking (or, when rescheduling, the move) through one
 * `IdempotentWrite`, and leave the client where the answer puts them. And the write of a managed
 * booking's cancel (`cancelWrite`, for `ManageFlow`). Imported as the client chooses a time or a
 * managed booking is shown (in the drop-in file, a chunk): the first screen carries neither the
 * writes nor the contact details' checks.
 */
import { isAbort } from '../../../api/abort.js';
import type { HeldSlot } from '../../../api/client.js';
import type { ApiConnection } from '../../../api/connection.js';
import { createBooking, rescheduleBooking } from '../../../api/submissions.js';
import { isKapApiError } from '../../../api/errors.js';
import { IdempotentWrite, type Transmit } from '../../../api/idempotent-write.js';
import type { Booking, BookingRequest, RescheduleRequest, Slot } from '../../../api/schemas.js';
import type { RequestProgress } from '../../../api/transport.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import { isTimeZone } from '../../../api/time-zone.js';
import { KapBookingConfirmEvent } from '../../../events/kap-booking-confirm.js';
import { KapBookingRescheduleEvent } from '../../../events/kap-booking-reschedule.js';
import { bookingPayload, fieldsFromServer, invalidFields } from '../details-contract.js';
import type { BookingFlowContext } from './booking-flow-context.js';
import { conflictCode, type BookingFlowState, type TimesNotice } from './booking-state.js';

/** What a booking or a move answers: the booking, and for a new one its access token. */
interface Written {
  booking: Booking;
  accessToken?: string;
}

/** What the flow lends its submission besides its public state. */
export interface SubmissionHooks {
  context: BookingFlowContext;
  requestUpdate(): void;
  /** The hold is no longer watched: the booking is recorded. */
  stopHoldClock(): void;
  releaseHold(hold: HeldSlot): Promise<void>;
  backToTimes(notice: TimesNotice): void;
}

/** One key per logical cancel of a managed booking (see `ManageFlow`). */
export function cancelWrite(changed: () => void): IdempotentWrite<Record<string, never>, Booking> {
  return new IdempotentWrite(changed);
}

function clientTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
}

export class BookingSubmission {
  readonly #flow: BookingFlowState;
  readonly #hooks: SubmissionHooks;
  /**
   * The booking or move under way, or sent without a settling answer: its key and exact request,
   * sent again (first, before anything different) until the server's answer is known.
   */
  readonly #write: IdempotentWrite<BookingRequest | RescheduleRequest, Written>;
  /** A recorded booking or move waits for what its confirmation offers (`ready`): still sending meanwhile. */
  #finishing = false;

  constructor(flow: BookingFlowState, hooks: SubmissionHooks) {
    this.#flow = flow;
    this.#hooks = hooks;
    this.#write = new IdempotentWrite(() => hooks.requestUpdate());
  }

  get submitting(): boolean {
    return this.#write.sending || this.#finishing;
  }

  get progress(): RequestProgress | undefined {
    return this.#write.progress;
  }

  /** Whether a booking or move was sent without a settling answer (it goes first next time). */
  get pending(): boolean {
    return this.#write.pending !== undefined;
  }

  stop(): void {
    this.#write.stop();
  }

  forget(): void {
    this.#write.forget();
  }

  /** Confirm on `slot`: validate, then book with the key of this logical submission (or move, when `moving`). */
  async submit(client: ApiConnection, slot: Slot, moving: BookingAccess | undefined): Promise<void> {
    const flow = this.#flow;
    const context = this.#hooks.context;
    if (moving) return this.#move(client, moving, slot);
    flow.errors = invalidFields(flow.values);
    if (flow.errors.length) {
      flow.submitFailure = undefined;
      flow.focus = 'error-summary';
      this.#hooks.requestUpdate();
      return;
    }
    const holdId = flow.hold && flow.holdState !== 'expired' ? flow.hold.id : undefined;
    const source = context.source();
    const details: BookingRequest = {
      service: context.serviceId(),
      start: slot.start,
      ...bookingPayload(flow.values),
      ...(source ? { source } : {}),
      lang: context.language(),
      // The client's own zone (not the one times are shown in): emails show the time in both.
      ...(clientTimeZone() ? { timeZone: clientTimeZone() } : {}),
    };
    await this.#send(
      JSON.stringify(details),
      holdId ? { ...details, holdId } : details,
      (request, options) => createBooking(client, request as BookingRequest, options),
      ({ booking, accessToken }) => {
        const { id: bookingId, service, start, end, status } = booking;
        context.booked(booking, accessToken!, new KapBookingConfirmEvent({ bookingId, service, start, end, status }));
      },
    );
  }

  /** Reschedule to `slot`, under one key for this logical move (kept across retries). */
  async #move(client: ApiConnection, moving: BookingAccess, slot: Slot): Promise<void> {
    const flow = this.#flow;
    const holdId = flow.hold && flow.holdState !== 'expired' ? flow.hold.id : undefined;
    const request: RescheduleRequest = { start: slot.start, ...(holdId ? { holdId } : {}) };
    await this.#send(
      JSON.stringify([moving.bookingId, slot.start]),
      request,
      async (sent, options) => ({ booking: await rescheduleBooking(client, moving.bookingId, moving.token, sent as RescheduleRequest, options) }),
      ({ booking }) => this.#hooks.context.moved?.(booking, new KapBookingRescheduleEvent({ bookingId: booking.id, start: booking.start, end: booking.end })),
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
    const flow = this.#flow;
    const hooks = this.#hooks;
    flow.submitFailure = undefined;
    flow.stopped = false;
    flow.changesNotSent = false;
    let result;
    try {
      result = await this.#write.send(request, print, transmit, hooks.context.signal());
      if (result.outcome === 'recorded' || result.outcome === 'recorded-earlier') {
        this.#finishing = true;
        await hooks.context.ready();
      }
    } catch (error) {
      if (isAbort(error)) return;
      throw error;
    } finally {
      this.#finishing = false;
      hooks.requestUpdate();
    }
    switch (result.outcome) {
      case 'recorded':
      case 'recorded-earlier': {
        hooks.stopHoldClock();
        const hold = flow.hold;
        flow.hold = undefined;
        if (result.outcome === 'recorded-earlier') {
          flow.changesNotSent = true;
          // The hold on the time chosen since is not needed: the earlier request used its own.
          if (hold && hold.id !== result.body.holdId) void hooks.releaseHold(hold);
        }
        flow.booking = result.value.booking;
        flow.step = 'done';
        flow.focus = 'done';
        done(result.value);
        return;
      }
      case 'refused':
        hooks.context.failed(result.error);
        return this.#bookingFailed(result.error);
      case 'unknown':
        hooks.context.failed(result.error);
        flow.submitFailure = result.error as Error;
        return;
      case 'stopped':
        flow.stopped = true;
    }
  }

  /** A refusal that proves nothing was recorded: where it leaves the client. */
  #bookingFailed(error: unknown): void {
    const flow = this.#flow;
    const code = conflictCode(error);
    if (code === 'slot_unavailable' || code === 'hold_expired') {
      this.#hooks.backToTimes(code === 'slot_unavailable' ? 'slot_taken' : 'hold_expired');
      return;
    }
    if (isKapApiError(error) && error.kind === 'validation' && Object.keys(error.fields).length) {
      const { placed, unplaced } = fieldsFromServer(error.fields);
      if (placed.length && !unplaced.length) {
        flow.errors = placed;
        flow.focus = 'error-summary';
        return;
      }
    }
    flow.submitFailure = error as Error;
  }
}
