/**
 * The state of `<kap-booking>` managing an existing booking, apart from rendering: the booking as
 * last read, which step the client is on, and the cancel's write (one idempotency key per logical
 * cancel). What the client does there — cancel after asking, move to another time through
 * `BookingFlow`'s picker — is in `manage-actions.ts`. Both come with the manage views (in the
 * drop-in file, a chunk): the element starts managing (`startManaging`) once they are here, and a
 * page that only books carries none of it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../../api/connection.js';
import type { KapApiError } from '../../../api/errors.js';
import type { IdempotentWrite } from '../../../api/idempotent-write.js';
import type { Booking } from '../../../api/schemas.js';
import { importOnce } from '../../../base/import-once.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import type { KapBookingRescheduleEvent } from '../../../events/kap-booking-reschedule.js';
import { dayOf, parseDay, weekStart } from '../../../scheduling/zones.js';
import { manageLink } from '../manage-link.js';
import type { BookingData } from './booking-data.js';
import type { BookingFlow } from './booking-flow.js';
import { WEEK_MS, type WeekPaging } from './week-paging.js';

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

/**
 * Shows the week of `instant` in `zone` (within the weeks offered), its day chosen: where a time
 * the clinic suggested lies. Here, with the only view that does it.
 */
export function showDayOf(paging: WeekPaging, instant: string, zone: string): void {
  const day = dayOf(instant, zone);
  const weeks = Math.round((parseDay(weekStart(day)) - parseDay(paging.firstWeek)) / WEEK_MS);
  paging.show(Math.min(Math.max(0, weeks), paging.lastOffset));
  paging.selectDay(day);
}

/** What the element hands managing once the manage views have come. */
export interface ManageHandles extends Pick<ManageFlowContext, 'client' | 'signal' | 'access' | 'failed'> {
  flow: BookingFlow;
  data: BookingData;
  paging: WeekPaging;
  /** The page a manage link points to (`manage-url`), when it is usable. */
  managePage(): URL | undefined;
  /** Offers "Add to calendar" for `booking`, with the manage `link` in it. */
  offerCalendarFile(booking: Booking, link: string | undefined): void;
  /** Leaves managing to book `service` afresh; resolves once the element shows its times. */
  book(service: string): Promise<unknown>;
}

/** The element's `ManageFlow`, tied to its picker, its calendar file and its events. */
export function startManaging(host: ReactiveControllerHost & HTMLElement, handles: ManageHandles): ManageFlow {
  const { flow, data, paging } = handles;
  const manage: ManageFlow = new ManageFlow(host, {
    ...handles,
    openPicker: () => {
      paging.show(0);
      flow.reset('times');
    },
    closePicker: () => {
      // A move whose answer was lost may have happened: read the booking again to show where it stands.
      if (flow.pending) void data.managed.run();
      flow.reset();
    },
    moved: (booking, announce) => {
      const page = handles.managePage();
      const token = handles.access()?.token;
      handles.offerCalendarFile(booking, page && token ? manageLink(page, booking.id, token) : undefined);
      host.dispatchEvent(announce);
    },
    /**
     * A time the clinic suggested when it declined the managed request: the element books that
     * service afresh, on that time's week with its day chosen. The time is not held, so the client
     * picks it there if it is still free.
     */
    bookAt: (start) => {
      const service = manage.booking?.service;
      if (!service) return;
      void handles.book(service).then(() => {
        showDayOf(paging, start, data.displayZone);
        flow.focus = 'times';
      });
    },
  });
  return manage;
}
