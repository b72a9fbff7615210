/**
 * The behaviour of `<kap-booking>` managing an existing booking, apart from rendering: which
 * step the client is on, cancelling with one idempotency key per logical cancel, and handing the
 * reschedule to `BookingFlow`, whose time picker and holds it reuses.
 */
import type { ReactiveControllerHost } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { WriteOptions } from '../../../api/client.js';
import type { ApiConnection } from '../../../api/connection.js';
import { cancelBooking } from '../../../api/endpoints.js';
import { isKapApiError, type KapApiError } from '../../../api/errors.js';
import type { IdempotentWrite } from '../../../api/idempotent-write.js';
import type { Booking } from '../../../api/schemas.js';
import { chunkUnavailable } from '../../../base/chunk-failure.js';
import { importOnce } from '../../../base/import-once.js';
import type { WriteStatus } from '../../../base/write-status.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { bookingChangeRefusal, type BookingChangeRefusal } from '../../../scheduling/booking-changes.js';
import type { BookingAccess } from '../../../base/booking-link.js';

/** What the client reads where Cancel and Change time would be, and when the backend refuses one. */
export const CHANGE_REFUSAL_NOTE: Record<BookingChangeRefusal, KapStringKey> = {
  booking_cancelled: 'manageCancelledNote',
  booking_started: 'managePastNote',
};

/** The backend's refusal to change a booking (cancelled meanwhile, or started), if `error` is one. */
export function changeRefusalOf(error: unknown): BookingChangeRefusal | undefined {
  const code = isKapApiError(error) ? error.code : undefined;
  return code === 'booking_cancelled' || code === 'booking_started' ? code : undefined;
}

/**
 * `view` → `confirm-cancel` → `cancelled`; or `view` → `moving` (BookingFlow's picker and its
 * "check the new time" step) → `moved`.
 */
export type ManageStep = 'view' | 'confirm-cancel' | 'cancelled' | 'moving' | 'moved';

/** Where focus should go once the step the client moved to has rendered. */
export type ManageFocus = 'manage' | 'confirm-cancel' | 'cancelled' | 'cancel-action' | 'change-action';

export interface ManageFlowContext {
  client(): ApiConnection | undefined;
  /** Aborts when the element leaves the page. */
  signal(): AbortSignal;
  /** The booking being managed and its token. */
  access(): BookingAccess | undefined;
  /** Open the time picker for a new time (BookingFlow, from a fresh start). */
  openPicker(): void;
  /** Close the picker, giving back any hold. */
  closePicker(): void;
  cancelled(booking: Booking): void;
  moved(booking: Booking): void;
  /** Book the managed booking's service afresh, at `start`'s day (a time the clinic suggested). */
  bookAt(start: string): void;
  /** Report a failure the client is shown (`kap-error`). */
  failed(error: unknown): void;
}

export class ManageFlow {
  step: ManageStep = 'view';
  /** The booking as the backend last described it. */
  booking: Booking | undefined;
  /** The booking before it moved, for "moved from … to …". */
  movedFrom: Booking | undefined;
  cancelFailure: KapApiError | Error | undefined;
  /** The client pressed Stop while cancelling: whether it was cancelled is not known yet. */
  cancelStopped = false;
  focus: ManageFocus | undefined;

  #host: ReactiveControllerHost & HTMLElement;
  #context: ManageFlowContext;
  /**
   * One key per logical cancel, for the booking it was made for. It outlives failures and
   * "No, keep it": an earlier attempt whose answer was lost may have cancelled already, and
   * asking again with the same key replays that answer instead of acting twice. Imported as the
   * booking is shown, with the writes of a move (booking-submission.ts; in the drop-in file, a
   * chunk): a page that only books never loads it.
   */
  #cancel: IdempotentWrite<Record<string, never>, Booking> | undefined;
  readonly #loadCancel = importOnce(() =>
    import('./booking-submission.js').then(({ cancelWrite }) => (this.#cancel ??= cancelWrite(() => this.#host.requestUpdate()))),
  );
  /** "Yes, cancel it" was pressed and the write is still being imported. */
  #loadingCancel = false;

  constructor(host: ReactiveControllerHost & HTMLElement, context: ManageFlowContext) {
    this.#host = host;
    this.#context = context;
  }

  get cancelling(): boolean {
    return this.#loadingCancel || Boolean(this.#cancel?.sending);
  }

  /** What the client hears about the cancel under way; after Stop, asking again sends the same request with its key. */
  get cancelStatus(): WriteStatus {
    const cancel = this.#cancel;
    return { sending: this.cancelling, progress: cancel?.progress, stopped: this.cancelStopped, stop: () => cancel?.stop() };
  }

  /** Why the booking can no longer be cancelled or moved here (the shared rule), if it cannot. */
  get refusal(): BookingChangeRefusal | undefined {
    return this.booking && bookingChangeRefusal(this.booking, Date.now());
  }

  /** The booking was (re)loaded: show it, from the start. */
  /** A time the clinic suggested when it declined this request: a new booking, on that day. */
  bookAt(start: string): void {
    this.#context.bookAt(start);
  }

  show(booking: Booking): void {
    if (this.booking?.id !== booking.id) this.#cancel?.forget();
    this.booking = booking;
    this.movedFrom = undefined;
    this.cancelFailure = undefined;
    this.step = 'view';
    this.#host.requestUpdate();
    // A failure to import it is told only if the client cancels.
    this.#loadCancel().catch(() => undefined);
  }

  /** Forget the booking (the page named another one, or took the token away). */
  clear(): void {
    this.booking = undefined;
    this.movedFrom = undefined;
    this.cancelFailure = undefined;
    this.step = 'view';
    this.#host.requestUpdate();
  }

  /** "Cancel appointment": ask first. */
  askToCancel(): void {
    if (this.step !== 'view' || !this.booking || this.refusal) return;
    this.step = 'confirm-cancel';
    this.cancelFailure = undefined;
    this.cancelStopped = false;
    this.focus = 'confirm-cancel';
    this.#host.requestUpdate();
  }

  /** "No, keep it": back to the booking, focus where the client left it. */
  keep(): void {
    if (this.step !== 'confirm-cancel' || this.cancelling) return;
    this.step = 'view';
    this.cancelFailure = undefined;
    this.focus = 'cancel-action';
    this.#host.requestUpdate();
  }

  /** "Yes, cancel it". */
  async cancel(): Promise<void> {
    if (this.step !== 'confirm-cancel' || this.cancelling) return;
    const client = this.#context.client();
    const access = this.#context.access();
    if (!client || !access) return;
    this.cancelFailure = undefined;
    this.cancelStopped = false;
    let cancel = this.#cancel;
    if (!cancel) {
      this.#loadingCancel = true;
      this.#host.requestUpdate();
      try {
        cancel = await this.#loadCancel();
      } catch (cause) {
        // Told once, as a set-up problem (chunkUnavailable), not again as a failure.
        const error = chunkUnavailable(this.#host, cause);
        this.cancelFailure = error;
        return;
      } finally {
        this.#loadingCancel = false;
        this.#host.requestUpdate();
      }
    }
    let result;
    try {
      const transmit = (_body: unknown, options: WriteOptions) => cancelBooking(client, access.bookingId, access.token, options);
      result = await cancel.send({}, `cancel ${access.bookingId}`, transmit, this.#context.signal());
    } catch (error) {
      if (isAbort(error)) return;
      throw error;
    } finally {
      this.#host.requestUpdate();
    }
    if (result.outcome === 'stopped') {
      this.cancelStopped = true;
    } else if (result.outcome === 'refused' || result.outcome === 'unknown') {
      this.#context.failed(result.error);
      this.cancelFailure = result.error as Error;
    } else {
      this.booking = result.value;
      this.step = 'cancelled';
      this.focus = 'cancelled';
      this.#context.cancelled(result.value);
    }
  }

  /** "Change time": the picker, fresh. */
  startMove(): void {
    if (this.step !== 'view' || !this.booking || this.refusal) return;
    this.step = 'moving';
    this.#context.openPicker();
    this.#host.requestUpdate();
  }

  /** "Keep my current time": back to the booking, any hold on a new time given back. */
  stopMove(): void {
    if (this.step !== 'moving') return;
    this.step = 'view';
    this.focus = 'change-action';
    this.#context.closePicker();
    this.#host.requestUpdate();
  }

  /** BookingFlow moved the booking. */
  moved(booking: Booking): void {
    this.movedFrom = this.booking;
    this.booking = booking;
    this.step = 'moved';
    this.#context.moved(booking);
    this.#host.requestUpdate();
  }
}
