/**
 * The state of `<kap-booking>` managing an existing booking, apart from rendering: the booking as
 * last read, which step the client is on, and the cancel's write (one idempotency key per logical
 * cancel). What the client does there — cancel after asking, move to another time through
 * `BookingFlow`'s picker — is in `manage-actions.ts`, which only the manage views (a chunk) call.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../../api/connection.js';
import { isKapApiError, type KapApiError } from '../../../api/errors.js';
import type { IdempotentWrite } from '../../../api/idempotent-write.js';
import type { Booking } from '../../../api/schemas.js';
import { importOnce } from '../../../base/import-once.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import type { BookingChangeRefusal } from '../../../scheduling/booking-changes.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import type { KapBookingRescheduleEvent } from '../../../events/kap-booking-reschedule.js';

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
  moved(booking: Booking, announce: KapBookingRescheduleEvent): void;
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
  /** "Yes, cancel it" was pressed and the write is still being imported. */
  loadingCancel = false;
  focus: ManageFocus | undefined;

  readonly host: ReactiveControllerHost & HTMLElement;
  readonly context: ManageFlowContext;
  /**
   * One key per logical cancel, for the booking it was made for. It outlives failures and
   * "No, keep it": an earlier attempt whose answer was lost may have cancelled already, and
   * asking again with the same key replays that answer instead of acting twice. Imported as the
   * booking is shown, with the writes of a move (booking-submission.ts; in the drop-in file, a
   * chunk): a page that only books never loads it.
   */
  #cancel: IdempotentWrite<Record<string, never>, Booking> | undefined;
  readonly #loadCancel = importOnce(() => import('./booking-submission.js').then(({ cancelWrite }) => (this.#cancel ??= cancelWrite(() => this.changed()))));

  constructor(host: ReactiveControllerHost & HTMLElement, context: ManageFlowContext) {
    this.host = host;
    this.context = context;
  }

  /** The cancel's write, once imported. */
  get cancelWrite(): IdempotentWrite<Record<string, never>, Booking> | undefined {
    return this.#cancel;
  }

  /** The cancel's write, imported now if it is not yet (again after a failure). */
  loadCancel(): Promise<IdempotentWrite<Record<string, never>, Booking>> {
    return this.#loadCancel();
  }

  /** Something shown changed: render again. */
  changed(): void {
    this.host.requestUpdate();
  }

  /** The booking was (re)loaded: show it, from the start. */
  show(booking: Booking): void {
    if (this.booking?.id !== booking.id) this.#cancel?.forget();
    this.booking = booking;
    this.movedFrom = undefined;
    this.cancelFailure = undefined;
    this.step = 'view';
    this.changed();
    // A failure to import it is told only if the client cancels.
    this.#loadCancel().catch(() => undefined);
  }

  /** Forget the booking (the page named another one, or took the token away). */
  clear(): void {
    this.booking = undefined;
    this.movedFrom = undefined;
    this.cancelFailure = undefined;
    this.step = 'view';
    this.changed();
  }

  /** BookingFlow moved the booking; `announce` is the event to fire. */
  moved(booking: Booking, announce: KapBookingRescheduleEvent): void {
    this.movedFrom = this.booking;
    this.booking = booking;
    this.step = 'moved';
    this.context.moved(booking, announce);
    this.changed();
  }
}
