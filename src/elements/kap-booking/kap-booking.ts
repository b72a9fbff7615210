import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { KapApiError, isKapApiError } from '../../api/errors.js';
import {
  isTimeZone,
  type AvailabilityResponse,
  type Booking,
  type BookingStatus,
  type Hold,
  type Service,
  type Slot,
} from '../../api/schemas.js';
import { clinicTask } from '../../base/clinic-task.js';
import { readBookingFragment, type BookingFragment } from '../../base/fragment-token.js';
import { renderErrorSummary } from '../../base/error-summary.js';
import { reportConfiguration } from '../../base/configuration-report.js';
import type { WriteStatus } from '../../base/write-status.js';
import { KapElement } from '../../base/kap-element.js';
import { formatUnit } from '../../base/language.js';
import { KapBookingCancelEvent } from '../../events/kap-booking-cancel.js';
import { KapBookingConfirmEvent } from '../../events/kap-booking-confirm.js';
import { KapBookingRescheduleEvent } from '../../events/kap-booking-reschedule.js';
import { KapSlotSelectEvent } from '../../events/kap-slot-select.js';
import type { KapStringKey } from '../../i18n/strings.js';
import { calendarFile } from '../../scheduling/ics.js';
import { formatDayLong, formatDayShort, formatTime, formatZoneName, sameOffsetAt } from '../../scheduling/format.js';
import { slotsByDay, weekAvailabilityRange, weekDays, type DaySlots } from '../../scheduling/slots.js';
import { addDays, browserTimeZone, dayOf, parseDay, startOfDay, weekStart } from '../../scheduling/zones.js';
import { phoneExample } from '../../forms/locale-formats.js';
import { formStyles } from '../../styles/form.styles.js';
import { CARE_REASONS, FIELD_ERRORS, PREFER_NOT_TO_SAY, REASON_LABELS, parsePrefill, type BookingPrefill, type DetailsField } from './booking-details.js';
import { BookingFlow, type BookingAccess, type FocusTarget, type HoldState, type TimesNotice } from './booking-flow.js';
import { followUpWindow, type OpenWindow } from './follow-up-window.js';
import { bookingStyles } from './kap-booking.styles.js';
import { CHANGE_REFUSAL_NOTE, ManageFlow, changeRefusalOf, type ManageFocus } from './manage-flow.js';
import { manageLink, resolveManageUrl } from './manage-link.js';
import { privacyNotice, type PrivacyNotice } from './privacy-notice.js';
import { moveRovingFocus } from './roving-focus.js';
import { serviceName, servicesIn } from './service-language.js';

const STATUS_LABELS: Record<BookingStatus, KapStringKey> = {
  confirmed: 'statusConfirmed',
  requested: 'statusRequested',
  cancelled: 'statusCancelled',
};

/** The focus target a flow asks for: the element marked with that `data-focus` value. */
function focusSelector(target: FocusTarget | ManageFocus): string {
  return `[data-focus="${target}"]`;
}

const WEEK_MS = 7 * 86_400_000;

/** A missing, wrong or expired token, or a booking id the backend does not know. */
function isLinkRefused(error: unknown): boolean {
  return isKapApiError(error) && (error.kind === 'unauthorized' || error.kind === 'not_found');
}

/**
 * @summary Books a session at the clinic: a week of free times in the client's time zone, a
 * short hold on the chosen time, contact details and consent, then a confirmation with an
 * "Add to calendar" file. Given a booking and its token it manages that booking instead: shows
 * it, cancels it (after asking) or moves it to another free time. A follow-up service
 * (integration) is offered only in its window after the booking that opens it.
 *
 * **Three modes.** Without `booking` it books `service`. With `booking` it manages a booking:
 * the id is the attribute's value, or, when the attribute is empty (`<kap-booking booking>`, the
 * usual set-up on the page `manage-url` points to), the `booking` in the link's fragment. When
 * `service` is a follow-up service (its `followUp` in `GET services`, e.g. integration 24–48
 * hours after the ketamine session), it needs the booking that opens the window: `after` and
 * `afterToken`, else the link's `#booking=…&token=…`.
 *
 * **Tokens.** A token comes from its property (`token`, `afterToken`), else from the URL
 * fragment `#booking=<id>&token=<token>` — used only when the fragment names the same booking or
 * none. The element takes `booking` and `token` out of the address bar as it reads them
 * (`history.replaceState`, the rest of the address kept); other kap elements on the page still
 * get them. Tokens stay in memory: never in storage, URLs' queries, events or logs.
 *
 * **Manage link.** With `manage-url`, the confirmation links to
 * `<manage-url>#booking=<id>&token=<token>` and its `.ics` file carries the same link in
 * DESCRIPTION and URL. That calendar file then holds a bearer link: anyone who gets the file can
 * open, move or cancel the booking. Without `manage-url` nothing is added.
 *
 * @event kap-slot-select - The client chose a time and the clinic is holding it. `detail`:
 *   `{ service, start, end }` (ids and ISO instants only).
 * @event kap-booking-confirm - The booking is recorded. `detail`:
 *   `{ bookingId, service, start, end, status }` — never the client's name, email, phone or reason.
 * @event kap-booking-cancel - The client cancelled the managed booking. `detail`: `{ bookingId }`.
 * @event kap-booking-reschedule - The managed booking moved to a new time. `detail`:
 *   `{ bookingId, start, end }` (the new ISO instants).
 * @event kap-error - A failure the client is being shown, or a set-up problem. `detail`:
 *   `{ kind, code? }`, e.g. `{ kind: 'conflict', code: 'slot_unavailable' }`,
 *   `{ kind: 'unauthorized', code: 'unauthorized' }` or `{ kind: 'configuration', code: 'invalid_manage_url' }`.
 *
 * @slot privacy - Your own sentence about the privacy notice (with its link), shown above the
 *   consent checkbox instead of the built-in one.
 *
 * @csspart base - The wrapper around everything the element shows.
 * @csspart heading - The main heading of each step.
 * @csspart service - The service's name, length and place.
 * @csspart notice - A message about what just happened (time taken, hold ended, a failure).
 * @csspart calendar - The week: zone note, week buttons, days and times.
 * @csspart zone - The note saying which time zone the times are in.
 * @csspart week-nav - The Previous week / Next week row.
 * @csspart day - A day with free times.
 * @csspart time - A free time.
 * @csspart summary - The chosen appointment (details step, confirmation, managing).
 * @csspart hold - The note saying how long the time is held.
 * @csspart form - The details form.
 * @csspart field - Each question in the form.
 * @csspart error-summary - The "There is a problem" box that lists wrong answers.
 * @csspart button - Every button, and the "Add to calendar" link.
 * @csspart confirmation - The confirmation step (also after cancelling or moving a booking).
 * @csspart manage-link - The "Change or cancel this appointment" link in the confirmation.
 * @csspart actions - The row of buttons under a managed booking or a question.
 * @csspart window - The sentence explaining a follow-up service's window.
 * @csspart problem - The message shown when the element is set up wrongly.
 *
 * @cssproperty --kap-color-primary - Buttons, links, selected day. Default teal `#1b5e63` (light), `#86d3d8` (dark).
 * @cssproperty --kap-color-on-primary - Text on primary buttons. Default `#ffffff` / `#0b2325`.
 * @cssproperty --kap-color-text - Body text. Default `#1c262b` / `#eef3f4`.
 * @cssproperty --kap-color-muted - Hints and secondary text. Default `#4b5a61` / `#b3c1c6`.
 * @cssproperty --kap-color-background - Background. Default `#ffffff` / `#111a1d`.
 * @cssproperty --kap-color-surface - Panels and notices. Default `#f1f6f6` / `#1b282c`.
 * @cssproperty --kap-color-border - Input and button borders (keep 3:1 against the background). Default `#5d6d74` / `#8a9ca3`.
 * @cssproperty --kap-color-error - Error messages and borders, and the "Yes, cancel it" button. Default `#b3261e` / `#ff9b8f`.
 * @cssproperty --kap-color-success - The confirmation's accent. Default `#1c6b3a` / `#86dca0`.
 * @cssproperty --kap-color-focus - The 3px focus ring. Default `#1f4fd1` / `#ffc94a`.
 * @cssproperty --kap-radius - Corner radius. Default `max(0.375rem, 6px)`.
 * @cssproperty --kap-space - The spacing unit. Default `max(1rem, 16px)`.
 * @cssproperty --kap-font-size - Base text size. Default `max(1rem, 16px)`: a root shrunk to 62.5 % does not shrink it.
 * @cssproperty --kap-font-family - Typeface. Default: the host page's (inherited).
 * @cssproperty --kap-max-width - The element's maximum width. Default `max(40rem, 640px)`.
 */
export class KapBooking extends KapElement {
  static override styles = [...KapElement.styles, formStyles, bookingStyles];

  /** The id of the service to book, as listed by the backend's `GET services`. */
  @property() service = 'consultation';

  /**
   * IANA time zone the client's times are shown in, e.g. `America/Chicago`. Defaults to the
   * browser's. In-person services are shown in the clinic's zone, with this one beside it. A name
   * that is not a zone shows the configuration message (`invalid_time_zone`).
   */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** Where the booking came from, e.g. a campaign name; sent with the booking. Never PHI. */
  @property() source: string | null = null;

  /**
   * Link to the clinic's privacy notice, shown beside the consent checkbox (`https:` or a path).
   * Without it (or the `privacy` slot) the consent names no notice, and `kap-error` says
   * `missing_privacy_url` (`invalid_privacy_url` for one that cannot be linked).
   */
  @property({ attribute: 'privacy-url' }) privacyUrl: string | null = null;

  /** How many weeks ahead (counting this one) the client can page through. */
  @property({ attribute: 'weeks-ahead', type: Number }) weeksAhead = 12;

  /**
   * Contact details to start the form with: `{ name?, email?, phone? }`. Never overwrites what
   * the client typed. Can also be given as `"prefill"` in a child `<script type="application/json">`.
   */
  @property({ attribute: false }) prefill: BookingPrefill | undefined;

  /**
   * Manage this booking instead of making a new one: its id, or an empty value to take the id
   * from the link's fragment (`#booking=…&token=…`). The token is `token`, else the fragment's.
   */
  @property() booking: string | null = null;

  /**
   * The managed booking's access token. Without it the element reads `#token=…` from the URL
   * fragment; with neither it explains that the link from the confirmation is needed.
   */
  @property({ attribute: false }) token: string | undefined;

  /**
   * The clinic's page where a managing `<kap-booking booking>` lives (`https:`, or a path on
   * this site). When set, the confirmation and its `.ics` file link to
   * `<manage-url>#booking=<id>&token=<token>`: the token rides in the fragment only. Anything
   * else is ignored and reported as `kap-error` `{ kind: 'configuration', code: 'invalid_manage_url' }`.
   */
  @property({ attribute: 'manage-url' }) manageUrl: string | null = null;

  /**
   * For a follow-up service: the id of the booking that opens its window (the ketamine session
   * for integration); the `after` attribute (`Element.after` is a DOM method, hence the property's
   * name). Without it, the link's `#booking=…&token=…` is used.
   */
  @property({ attribute: 'after' }) afterBooking: string | null = null;

  /** The access token of the booking named by `after`. Without it, the link's `#token=…`. */
  @property({ attribute: false }) afterToken: string | undefined;

  /** Which week is shown: 0 is the first one offered. */
  @state() private weekOffset = 0;
  @state() private selectedDay: string | undefined;
  @state() private dayTabStop: string | undefined;
  @state() private timeTabStop: string | undefined;
  /** The clinic's zone, learned from the first availability answer. */
  @state() private clinicZone: string | undefined;

  #accessToken: string | undefined;
  #calendarUrl: string | undefined;
  #manageLink: string | undefined;
  #privacy: PrivacyNotice = { available: false };
  /** What the link's fragment carried, once read; `undefined` until the element needs it. */
  #link: BookingFragment | undefined;
  /** Every service the backend lists, for the name of the one opening a follow-up window. */
  #services: Service[] = [];

  private readonly flow = new BookingFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    serviceId: () => this.serviceId ?? this.service,
    source: () => this.source?.slice(0, 100) || undefined,
    refreshAvailability: () => void this.availabilityTask.run(),
    slotHeld: (hold) => this.#slotHeld(hold),
    booked: (booking, token) => this.#booked(booking, token),
    failed: (error, code) => this.reportFailure(error, code),
    moving: () => (this.manage.step === 'moving' ? this.manageAccess : undefined),
    moved: (booking) => this.manage.moved(booking),
  });

  private readonly manage = new ManageFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    access: () => this.manageAccess,
    openPicker: () => {
      this.#showWeek(0);
      this.flow.reset('times');
    },
    closePicker: () => {
      // A move whose answer was lost may have happened: read the booking again to show where it stands.
      if (this.flow.pending) void this.managedTask.run();
      this.flow.reset();
    },
    cancelled: (booking) => this.emit(new KapBookingCancelEvent({ bookingId: booking.id })),
    moved: (booking) => this.#moved(booking),
    failed: (error) => this.reportFailure(error),
  });

  /** Manage mode: the booking being managed, read with its token. */
  private readonly managedTask = new Task(this, {
    task: async ([client, bookingId, token], { signal }) => {
      if (!client || !bookingId || !token) return initialState;
      try {
        const booking = await client.getBooking(bookingId, token, this.loadOptions(signal));
        this.manage.show(booking);
        return booking;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => {
      const access = this.manageAccess;
      return [this.client, access?.bookingId, access?.token, this.connectionSignal] as const;
    },
  });

  private readonly serviceTask = new Task(this, {
    task: async ([client, serviceId, , language], { signal }) => {
      if (!client || !serviceId) return initialState;
      try {
        const services = servicesIn(await client.getServices(this.loadOptions(signal)), language);
        this.#services = services;
        const service = services.find((candidate) => candidate.id === serviceId);
        if (!service) {
          const detail = `the backend has no service "${serviceId}"; it offers ${services.map((known) => known.id).join(', ')}`;
          throw new KapApiError(detail, { kind: 'configuration', code: 'unknown_service' });
        }
        return service;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => [this.client, this.serviceId, this.connectionSignal, this.language] as const,
  });

  /**
   * The clinic (`GET clinic`), read only when the page names no privacy notice: its notice is then
   * linked. A clinic that cannot be read leaves the consent as it would be without one.
   */
  private readonly clinicTask = clinicTask(
    this,
    () => [this.client, this.privacyUrl === null && !this.managing && !this.#hasPrivacySlot(), this.connectionSignal],
    (signal) => this.signalFor(signal),
  );

  #hasPrivacySlot(): boolean {
    return Boolean(this.querySelector(':scope > [slot="privacy"]'));
  }

  /** A follow-up service: the booking that opens its window, read with its token. */
  private readonly openerTask = new Task(this, {
    task: async ([client, followUp, bookingId, token], { signal }) => {
      if (!client || !followUp || !bookingId || !token) return initialState;
      try {
        return await client.getBooking(bookingId, token, this.loadOptions(signal));
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => {
      const followUp = this.serviceTask.value?.followUp;
      const opener = followUp ? this.openerAccess : undefined;
      return [this.client, followUp, opener?.bookingId, opener?.token, this.connectionSignal] as const;
    },
  });

  private readonly availabilityTask = new Task(this, {
    task: async ([client, service, week, open, window, after, afterToken], { signal }) => {
      if (!client || !service || !open) return initialState;
      // A follow-up service has no times of its own, only those in its window.
      if (service.followUp && !(window && after && afterToken)) return initialState;
      const query = {
        service: service.id,
        ...weekAvailabilityRange(week, this.displayZone, Date.now()),
        ...(service.followUp ? { after } : {}),
      };
      try {
        const availability = await client.getAvailability(query, {
          ...this.loadOptions(signal),
          ...(service.followUp ? { token: afterToken } : {}),
        });
        this.clinicZone = availability.timeZone;
        return availability;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => {
      const opener = this.openerAccess;
      return [
        this.client,
        this.serviceTask.value,
        this.week,
        this.pickerOpen,
        this.window?.start,
        opener?.bookingId,
        opener?.token,
        this.connectionSignal,
      ] as const;
    },
  });

  /** The booking's access token, kept in memory only; `undefined` until a booking is made. */
  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  /** Manage mode: the page named a booking to manage (an empty value: the one in the link). */
  private get managing(): boolean {
    return this.booking !== null;
  }

  /** The managed booking and its token: the page's own first, else the link's. */
  private get manageAccess(): BookingAccess | undefined {
    if (!this.managing) return undefined;
    return this.#access(this.booking || undefined, this.token, this.#link);
  }

  /**
   * The booking that opens a follow-up service's window: `after` and `afterToken`, else the
   * link's. In manage mode the link belongs to the managed booking, so only the properties count.
   */
  private get openerAccess(): BookingAccess | undefined {
    return this.#access(this.afterBooking || undefined, this.afterToken, this.managing ? undefined : this.#link);
  }

  /** An id and token from the page, each completed from the link when it names the same booking (or none). */
  #access(id: string | undefined, token: string | undefined, link: BookingFragment | undefined): BookingAccess | undefined {
    const bookingId = id ?? link?.booking;
    if (!bookingId) return undefined;
    const linkToken = link && (!link.booking || link.booking === bookingId) ? link.token : undefined;
    const resolved = token || linkToken;
    return resolved ? { bookingId, token: resolved } : undefined;
  }

  /** The service shown: the managed booking's, or `service`. */
  private get serviceId(): string | undefined {
    return this.managing ? this.manage.booking?.service : this.service;
  }

  /** Whether the time picker is on screen: availability is asked only then. */
  private get pickerOpen(): boolean {
    return !this.managing || this.manage.step === 'moving';
  }

  /** A follow-up service's window, once a booking that can open it is known. */
  private get window(): OpenWindow | undefined {
    const followUp = this.serviceTask.value?.followUp;
    const opener = this.openerTask.status === TaskStatus.COMPLETE ? this.openerTask.value : undefined;
    if (!followUp || !opener || opener.service !== followUp.after || opener.status === 'cancelled') return undefined;
    return followUpWindow(opener, followUp);
  }

  /** The zone of the client's own clock. */
  private get clientZone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  /** The zone times are shown in: the clinic's for in-person services, else the client's. */
  private get displayZone(): string {
    const inPerson = this.serviceTask.value?.location === 'in_person';
    return inPerson && this.clinicZone ? this.clinicZone : this.clientZone;
  }

  /** The first week offered: this one, or a follow-up window's first (still to come) week. */
  private get firstWeek(): string {
    const window = this.window;
    const from = window ? Math.max(Date.parse(window.start), Date.now()) : Date.now();
    return weekStart(dayOf(new Date(from), this.displayZone));
  }

  private get week(): string {
    return addDays(this.firstWeek, 7 * this.weekOffset);
  }

  private get lastWeekOffset(): number {
    const window = this.window;
    if (window) {
      const last = weekStart(dayOf(window.end, this.displayZone));
      return Math.max(0, Math.round((parseDay(last) - parseDay(this.firstWeek)) / WEEK_MS));
    }
    return Math.max(0, Math.floor(this.weeksAhead) - 1);
  }

  protected override settingsRead(settings: Record<string, unknown>): void {
    this.flow.prefill(parsePrefill(settings['prefill'] ?? settings));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('prefill') && this.prefill) this.flow.prefill(parsePrefill(this.prefill));
    if (changed.has('service')) {
      this.weekOffset = 0;
      this.clinicZone = undefined;
    }
    if (this.hasUpdated && (changed.has('booking') || changed.has('token'))) {
      this.manage.clear();
      this.flow.reset(undefined, true);
    }
    this.checkTimeZone(this.timeZone);
    this.#privacy = privacyNotice(this.privacyUrl, this.baseURI, this.#hasPrivacySlot(), this.clinicTask.value?.privacyNoticeUrl);
    // Without privacy-url, the clinic's own notice may still come: report only once it has not.
    const clinicPending = this.clinicTask.status === TaskStatus.PENDING || this.clinicTask.status === TaskStatus.INITIAL;
    const waitingForClinic = this.#privacy.problem?.code === 'missing_privacy_url' && this.privacyUrl === null && clinicPending;
    if (this.#privacy.problem && !this.managing && !waitingForClinic) reportConfiguration(this, this.#privacy.problem);
    if (this.manageUrl && !resolveManageUrl(this.manageUrl, this.baseURI)) {
      const detail = `manage-url="${this.manageUrl}" is not an https: link or a path on this site, so the confirmation offers no manage link`;
      reportConfiguration(this, { code: 'invalid_manage_url', detail });
    }
    this.#readLinkWhenNeeded();
  }

  /**
   * Reads the link's fragment the first time a token is needed and not given as a property:
   * at once when managing, once the service turns out to be a follow-up one when booking.
   */
  #readLinkWhenNeeded(): void {
    if (this.#link) return;
    const needed = this.managing
      ? !(this.booking && this.token)
      : Boolean(this.serviceTask.value?.followUp) && !(this.afterBooking && this.afterToken);
    if (needed) this.#link = readBookingFragment();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.flow.focus;
    if (target && this.#focus(focusSelector(target))) this.flow.focus = undefined;
    const manageTarget = this.manage.focus;
    if (manageTarget) {
      // The action may not be on screen (a follow-up booking cannot be moved here): the heading then.
      const focused = this.#focus(focusSelector(manageTarget)) || this.#focus(focusSelector('manage'));
      if (focused) this.manage.focus = undefined;
    }
  }

  #focus(selector: string): boolean {
    const element = this.renderRoot.querySelector<HTMLElement>(selector);
    element?.focus();
    return Boolean(element);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#calendarUrl) URL.revokeObjectURL(this.#calendarUrl);
    this.#calendarUrl = undefined;
    // Read again on return: the page may have been given another link meanwhile.
    this.#link = undefined;
  }

  #showWeek(offset: number): void {
    this.weekOffset = offset;
    this.selectedDay = undefined;
    this.dayTabStop = undefined;
    this.timeTabStop = undefined;
  }

  #slotHeld(hold: Hold): void {
    this.emit(new KapSlotSelectEvent({ service: hold.service, start: hold.start, end: hold.end }));
  }

  #booked(booking: Booking, accessToken: string): void {
    this.#accessToken = accessToken;
    const page = resolveManageUrl(this.manageUrl, this.baseURI);
    this.#manageLink = page ? manageLink(page, booking.id, accessToken) : undefined;
    this.#offerCalendarFile(booking, this.#manageLink);
    this.emit(
      new KapBookingConfirmEvent({
        bookingId: booking.id,
        service: booking.service,
        start: booking.start,
        end: booking.end,
        status: booking.status,
      }),
    );
  }

  #moved(booking: Booking): void {
    const page = resolveManageUrl(this.manageUrl, this.baseURI);
    const token = this.manageAccess?.token;
    this.#offerCalendarFile(booking, page && token ? manageLink(page, booking.id, token) : undefined);
    this.emit(new KapBookingRescheduleEvent({ bookingId: booking.id, start: booking.start, end: booking.end }));
  }

  /**
   * The "Add to calendar" file, its UID the booking's (a moved booking keeps it). With a manage
   * link, DESCRIPTION and URL carry that link: a bearer link, as `manage-url` documents.
   */
  #offerCalendarFile(booking: Booking, link: string | undefined): void {
    const service = this.serviceTask.value;
    const ics = calendarFile(
      [
        {
          uid: `${booking.id}@${this.client?.base.hostname || 'kap-elements'}`,
          start: booking.start,
          end: booking.end,
          summary: this.t('calendarSummary', { service: service?.name ?? booking.service }),
          description: link ? this.t('calendarDescriptionWithLink', { url: link }) : this.t('calendarDescription'),
          ...(link ? { url: link } : {}),
        },
      ],
      { now: new Date() },
    );
    if (this.#calendarUrl) URL.revokeObjectURL(this.#calendarUrl);
    this.#calendarUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  }

  // ---- rendering ------------------------------------------------------------------------

  protected renderContent(): unknown {
    return html`<div part="base" class="booking">${this.managing ? this.#renderManage() : this.#renderBooking()}</div>`;
  }

  #renderBooking(): unknown {
    const service = this.serviceTask.value;
    if (this.serviceTask.status === TaskStatus.ERROR) return this.#renderServiceProblem();
    if (!service) return this.#renderLoading('loadingTimes');
    const step = this.flow.step;
    if (step === 'times') {
      if (service.followUp) {
        const problem = this.#followUpProblem(service);
        if (problem) return problem;
      }
      return this.#renderTimesStep(service, { heading: 'chooseTimeHeading', intro: this.#renderWindowNote(service) });
    }
    return step === 'details' ? this.#renderDetailsStep(service) : this.#renderConfirmation(service);
  }

  #renderServiceProblem(): unknown {
    const error = this.serviceTask.error;
    if (isKapApiError(error) && error.kind === 'configuration') {
      return this.renderConfigurationProblem({
        code: error.code ?? 'configuration',
        detail: this.t('unknownServiceDetail', { service: this.serviceId ?? this.service }),
        lang: this.language,
      });
    }
    if (this.isAbort(error)) return this.#renderLoading('loadingTimes');
    return this.#renderFailure(error, () => void this.serviceTask.run(), 'loadTimesError');
  }

  #renderLoading(key: KapStringKey): TemplateResult {
    return html`<p class="loading" role="status" tabindex="-1"><span class="spinner" aria-hidden="true"></span>${this.t(key)}${this.renderStillLoading()}</p>`;
  }

  /** `fallback`: where focus goes once "Try again" is gone (see FocusRescue); without it, the loading message that replaces it. */
  #renderFailure(error: unknown, retry: () => void, lead?: KapStringKey, fallback?: string): TemplateResult {
    return html`<div part="notice" class="notice notice--error" role="alert">
      ${lead ? html`<p><strong>${this.t(lead)}</strong></p>` : nothing}
      <p>${this.#failureText(error)}</p>
      <button part="button" class="button button--secondary" type="button" data-focus-fallback=${ifDefined(fallback)} @click=${retry}>
        ${this.t('tryAgain')}
      </button>
    </div>`;
  }

  /** Like `failureMessage`, and a refused token or a booking cancelled (or started) meanwhile say so. */
  #failureText(error: unknown): string {
    if (isLinkRefused(error)) return this.t('manageLinkInvalid');
    const refusal = changeRefusalOf(error);
    return refusal ? this.t(CHANGE_REFUSAL_NOTE[refusal]) : this.failureMessage(error);
  }

  /** A message in place of the element's content, with a heading (missing or refused link). */
  #renderProblem(heading: KapStringKey, body: string): TemplateResult {
    return html`<section class="step" aria-labelledby="problem-heading">
      ${this.heading(this.t(heading), { id: 'problem-heading', part: 'heading', focusable: true })}
      <div part="notice" class="notice" role="status"><p>${body}</p></div>
    </section>`;
  }

  /** "Wednesday, March 4, 2026 at 2:00 PM Eastern Time", in the zone times are shown in. */
  #dateAtTime(instant: string): string {
    const zone = this.displayZone;
    return this.t('dateAtTime', {
      day: formatDayLong(dayOf(instant, zone), this.locale),
      time: `${formatTime(instant, zone, this.locale)} ${formatZoneName(zone, this.locale, instant)}`,
    });
  }

  #hours(value: number): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 }).format(value);
  }

  /** The name of the service whose booking opens `service`'s window. */
  #openerName(service: Service): string {
    const id = service.followUp?.after ?? '';
    return this.#services.find((candidate) => candidate.id === id)?.name ?? id;
  }

  // ---- a follow-up service's window ----

  /** Why a follow-up service cannot offer times yet, or `undefined` when it can. */
  #followUpProblem(service: Service): TemplateResult | undefined {
    const after = this.#openerName(service);
    const heading: KapStringKey = 'chooseTimeHeading';
    if (!this.openerAccess) return this.#renderProblem(heading, this.t('followUpMissing', { after }));
    const task = this.openerTask;
    if (task.status === TaskStatus.ERROR) {
      if (this.isAbort(task.error)) return this.#renderLoading('loadingTimes');
      if (isLinkRefused(task.error)) return this.#renderProblem(heading, this.t('manageLinkInvalid'));
      return this.#renderFailure(task.error, () => void task.run(), 'loadTimesError');
    }
    const opener = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    if (!opener) return this.#renderLoading('loadingTimes');
    if (opener.service !== service.followUp!.after) return this.#renderProblem(heading, this.t('followUpNotOpener', { after }));
    if (opener.status === 'cancelled') return this.#renderProblem(heading, this.t('followUpOpenerCancelled', { after }));
    if (Date.parse(this.window!.end) <= Date.now()) return this.#renderProblem(heading, this.t('followUpPassed', { after }));
    return undefined;
  }

  #renderWindowNote(service: Service): TemplateResult | typeof nothing {
    const followUp = service.followUp;
    const window = this.window;
    if (!followUp || !window) return nothing;
    return html`<p part="window" class="window-note">
      ${this.t('followUpWindow', {
        min: this.#hours(followUp.minHoursAfterEnd),
        max: this.#hours(followUp.maxHoursAfterEnd),
        after: this.#openerName(service),
        from: this.#dateAtTime(window.start),
        to: this.#dateAtTime(window.end),
      })}
    </p>`;
  }

  // ---- managing a booking ----

  #renderManage(): unknown {
    if (!this.manageAccess) return this.#renderProblem('manageProblemHeading', this.t('manageLinkMissing'));
    const task = this.managedTask;
    if (task.status === TaskStatus.ERROR) {
      if (this.isAbort(task.error)) return this.#renderLoading('manageLoading');
      if (isLinkRefused(task.error)) return this.#renderProblem('manageProblemHeading', this.t('manageLinkInvalid'));
      return this.#renderFailure(task.error, () => void task.run(), 'manageLoadError');
    }
    const booking = this.manage.booking;
    if (!booking) return this.#renderLoading('manageLoading');
    if (this.serviceTask.status === TaskStatus.ERROR) return this.#renderServiceProblem();
    const service = this.serviceTask.value;
    if (!service || service.id !== booking.service) return this.#renderLoading('manageLoading');
    switch (this.manage.step) {
      case 'confirm-cancel':
        return this.#renderCancelQuestion(service, booking);
      case 'cancelled':
        return this.#renderCancelled(service, booking);
      case 'moving':
        return this.flow.step === 'times'
          ? this.#renderTimesStep(service, {
              heading: 'rescheduleHeading',
              intro: html`<p class="current-time">${this.t('rescheduleCurrent', { when: this.#dateAtTime(booking.start) })}</p>
                <button part="button" class="link-button keep-time" type="button" @click=${() => this.manage.stopMove()}>
                  ${this.t('keepCurrentTime')}
                </button>
                ${this.#renderWindowNote(service)}`,
            })
          : this.#renderMoveCheck(service, booking);
      case 'moved':
        return this.#renderMoved(service, booking);
      default:
        return this.#renderManaged(service, booking);
    }
  }

  #renderManaged(service: Service, booking: Booking): TemplateResult {
    const refusal = this.manage.refusal;
    return html`<section class="step" aria-labelledby="manage-heading">
      ${this.heading(this.t('manageHeading'), { id: 'manage-heading', part: 'heading', focusable: true, focus: 'manage' })}
      ${this.#renderAppointment(service, booking, { reference: booking.id, status: booking.status })}
      ${refusal
        ? html`<p part="notice" class="notice">${this.t(CHANGE_REFUSAL_NOTE[refusal])}</p>`
        : html`${this.#renderMoveUnavailable(service)}
              <div part="actions" class="actions">
                ${this.#canMove(service)
                  ? html`<button
                      part="button"
                      class="button button--secondary"
                      type="button"
                      data-focus="change-action"
                      @click=${() => this.manage.startMove()}
                    >
                      ${this.t('changeTime')}
                    </button>`
                  : nothing}
                <button
                  part="button"
                  class="button button--secondary"
                  type="button"
                  data-focus="cancel-action"
                  @click=${() => this.manage.askToCancel()}
                >
                  ${this.t('cancelAppointment')}
                </button>
              </div>`}
    </section>`;
  }

  /**
   * A follow-up booking can move only within its window, which needs the booking that opens
   * it (`after` and `afterToken`): without them, the clinic moves it.
   */
  #canMove(service: Service): boolean {
    return !service.followUp || Boolean(this.openerAccess && this.window);
  }

  #renderMoveUnavailable(service: Service): TemplateResult | typeof nothing {
    const followUp = service.followUp;
    if (!followUp || this.#canMove(service)) return nothing;
    // Still finding out whether the opening booking can be read.
    if (this.openerAccess && this.openerTask.status === TaskStatus.PENDING) return nothing;
    return html`<p class="muted">
      ${this.t('moveNotOffered', {
        min: this.#hours(followUp.minHoursAfterEnd),
        max: this.#hours(followUp.maxHoursAfterEnd),
        after: this.#openerName(service),
      })}
    </p>`;
  }

  #renderCancelQuestion(service: Service, booking: Booking): TemplateResult {
    return html`<section class="step" aria-labelledby="cancel-heading">
      ${this.heading(this.t('cancelConfirmHeading'), { id: 'cancel-heading', part: 'heading', focusable: true, focus: 'confirm-cancel' })}
      ${this.#renderAppointment(service, booking)}
      <p>${this.t('cancelConfirmBody')}</p>
      ${this.#renderDecision({
        failure: this.manage.cancelFailure,
        failureLead: 'cancelError',
        status: this.manage.cancelStatus,
        busyText: 'cancelling',
        confirm: { label: 'cancelConfirmYes', className: 'button--warning', run: () => void this.manage.cancel() },
        back: { label: 'cancelConfirmNo', run: () => this.manage.keep() },
      })}
    </section>`;
  }

  /**
   * The end of a question (cancel? move?): why the last try failed, the button that acts and
   * the one that goes back, and the live status while the action runs.
   */
  #renderDecision(options: {
    failure: unknown;
    failureLead: KapStringKey;
    status: WriteStatus;
    busyText: KapStringKey;
    confirm: { label: KapStringKey; className: string; run: () => void };
    back: { label: KapStringKey; run: () => void };
  }): TemplateResult {
    const { failure, status, confirm, back } = options;
    return html`${failure
        ? html`<div part="notice" class="notice notice--error" role="alert">
            <p><strong>${this.t(options.failureLead)}</strong></p>
            <p>${this.#failureText(failure)}</p>
          </div>`
        : nothing}
      <div part="actions" class="actions">
        <button
          part="button"
          class="button ${confirm.className}"
          type="button"
          aria-disabled=${status.sending ? 'true' : 'false'}
          @click=${confirm.run}
        >
          ${this.t(confirm.label)}
        </button>
        <button part="button" class="button button--secondary" type="button" @click=${back.run}>${this.t(back.label)}</button>
      </div>
      ${this.renderWriteStatus(status, options.busyText)}`;
  }

  /** A finished action's page: its heading and the booking as it now stands, then `body`. */
  #renderOutcome(
    step: { id: string; focus: FocusTarget | ManageFocus; heading: KapStringKey },
    summary: TemplateResult,
    body: unknown,
  ): TemplateResult {
    return html`<section part="confirmation" class="step confirmation" aria-labelledby=${step.id}>
      <div class="notice notice--success">
        ${this.heading(this.t(step.heading), { id: step.id, part: 'heading', focusable: true, focus: step.focus })}
        ${summary}
      </div>
      ${body}
    </section>`;
  }

  #renderCalendarLink(): TemplateResult | typeof nothing {
    if (!this.#calendarUrl) return nothing;
    return html`<a part="button" class="button button--secondary" href=${this.#calendarUrl} download="appointment.ics"
      >${this.t('addToCalendar')}</a
    >`;
  }

  #renderCancelled(service: Service, booking: Booking): TemplateResult {
    return this.#renderOutcome(
      { id: 'cancelled-heading', focus: 'cancelled', heading: 'cancelledHeading' },
      this.#renderAppointment(service, booking, { reference: booking.id, status: booking.status }),
      html`<p>${this.t('cancelledBody')}</p>`,
    );
  }

  /** The new time is held: check it, then move. */
  #renderMoveCheck(service: Service, booking: Booking): TemplateResult {
    const slot = this.flow.slot!;
    return html`<section class="step" aria-labelledby="move-heading">
      ${this.heading(this.t('rescheduleConfirmHeading'), { id: 'move-heading', part: 'heading', focusable: true, focus: 'details' })}
      <p class="move-from-to">
        ${this.t('rescheduleFromTo', { from: this.#dateAtTime(booking.start), to: this.#dateAtTime(slot.start) })}
      </p>
      ${this.#renderAppointment(service, slot)} ${this.#renderHold(this.flow.holdState, 'holdExpiredMove')}
      ${this.#renderDecision({
        failure: this.flow.submitFailure,
        failureLead: 'moveError',
        status: this.flow.status,
        busyText: 'moving',
        confirm: { label: 'confirmMove', className: 'confirm', run: () => void this.flow.submit() },
        back: { label: 'chooseAnotherTime', run: () => this.flow.changeTime() },
      })}
    </section>`;
  }

  #renderMoved(service: Service, booking: Booking): TemplateResult {
    const from = this.manage.movedFrom;
    return this.#renderOutcome(
      { id: 'moved-heading', focus: 'done', heading: 'rescheduledHeading' },
      this.#renderAppointment(service, booking, { reference: booking.id, status: booking.status }),
      html`${this.flow.changesNotSent ? html`<p part="notice" class="notice">${this.t('moveChangesNotSent')}</p>` : nothing}
      ${from ? html`<p>${this.t('rescheduledBody', { from: this.#dateAtTime(from.start) })}</p>` : nothing}
      ${this.#renderCalendarLink()}`,
    );
  }

  // ---- step 1: times ----

  #renderTimesStep(service: Service, options: { heading: KapStringKey; intro: unknown }): TemplateResult {
    const notice = this.flow.notice;
    return html`<section class="step" aria-labelledby="times-heading">
      ${this.heading(this.t(options.heading), { id: 'times-heading', part: 'heading', focusable: true, focus: 'times' })}
      ${notice
        ? html`<p part="notice" class="notice" tabindex="-1" data-focus="notice">${this.t(this.#noticeKey(notice))}</p>`
        : nothing}
      ${options.intro} ${this.#renderService(service)}
      <div part="calendar" class="calendar">
        <p part="zone" class="zone">${this.#zoneNote(service)}</p>
        ${this.#renderWeekNav()}
        ${this.flow.holdFailure
          ? this.#renderFailure(this.flow.holdFailure.error, () => this.flow.retryHold(), 'holdError', `[data-roving="${this.flow.holdFailure.slot.start}"]`)
          : nothing}
        <p class="status" role="status">${this.flow.holding ? this.t('placingHold') : ''}</p>
        ${this.#renderAvailability()}
      </div>
    </section>`;
  }

  /** Back at the times: what happened, in words for booking or for moving a booking. */
  #noticeKey(notice: TimesNotice): KapStringKey {
    if (this.managing) return notice === 'slot_taken' ? 'slotTakenMove' : 'holdExpiredChooseAgainMove';
    return notice === 'slot_taken' ? 'slotTaken' : 'holdExpiredChooseAgain';
  }

  #renderService(service: Service): TemplateResult {
    const duration = formatUnit(service.durationMinutes, 'minute', this.locale);
    return html`<div part="service" class="service">
      <p class="service-name">${serviceName(service)}</p>
      <p class="service-meta muted">
        ${this.t('serviceDuration', { duration })} ·
        ${this.t(service.location === 'in_person' ? 'locationInPerson' : 'locationVirtual')}
      </p>
      ${service.mode === 'request' ? html`<p class="muted">${this.t('requestModeNote')}</p>` : nothing}
    </div>`;
  }

  #zoneNote(service: Service): string {
    const at = startOfDay(this.week, this.displayZone);
    const zone = formatZoneName(this.displayZone, this.locale, at);
    return this.t(service.location === 'in_person' && this.clinicZone ? 'zoneNoteInPerson' : 'zoneNote', { zone });
  }

  #renderWeekNav(): TemplateResult {
    const atStart = this.weekOffset <= 0;
    const atEnd = this.weekOffset >= this.lastWeekOffset;
    const days = weekDays(this.week);
    const range = this.t('weekRange', {
      from: formatDayShort(days[0]!, this.locale),
      to: formatDayShort(days[6]!, this.locale),
    });
    return html`<div part="week-nav" class="week-nav">
        ${this.#renderWeekButton('previous', atStart, html`<span aria-hidden="true">‹</span> ${this.t('previousWeek')}`)}
        <p class="week-range" aria-live="polite">${range}</p>
        ${this.#renderWeekButton('next', atEnd, html`${this.t('nextWeek')} <span aria-hidden="true">›</span>`)}
      </div>
      ${atStart || atEnd ? html`<p id="week-limit" class="muted week-limit">${this.#weekLimitNote(atStart)}</p>` : nothing}`;
  }

  /** "Previous week" or "Next week": still focusable at the limit, where it points to the note saying why. */
  #renderWeekButton(which: 'previous' | 'next', atLimit: boolean, label: TemplateResult): TemplateResult {
    return html`<button
      part="button"
      class="button button--secondary"
      type="button"
      data-week=${which}
      aria-disabled=${atLimit ? 'true' : 'false'}
      aria-describedby=${ifDefined(atLimit ? 'week-limit' : undefined)}
      @click=${() => this.#moveWeek(which === 'previous' ? -1 : 1)}
    >
      ${label}
    </button>`;
  }

  #weekLimitNote(atStart: boolean): string {
    const service = this.serviceTask.value;
    if (service?.followUp && this.window) return this.t('followUpWeekNote', { after: this.#openerName(service) });
    return atStart ? this.t('firstWeekNote') : this.t('lastWeekNote', { weeks: this.lastWeekOffset + 1 });
  }

  #moveWeek(by: number): void {
    const next = this.weekOffset + by;
    if (next < 0 || next > this.lastWeekOffset || this.flow.busy) return;
    this.#showWeek(next);
  }

  #renderAvailability(): unknown {
    if (this.flow.refreshing) return this.#renderLoading('loadingTimes');
    return this.availabilityTask.render({
      initial: () => this.#renderLoading('loadingTimes'),
      pending: () => this.#renderLoading('loadingTimes'),
      error: (error) => {
        if (this.isAbort(error)) return this.#renderLoading('loadingTimes');
        const service = this.serviceTask.value;
        // The backend judged the opening booking unusable for this window (wrong service, cancelled…).
        if (service?.followUp && isKapApiError(error) && error.kind === 'validation' && 'after' in error.fields) {
          return html`<p part="notice" class="notice">${this.t('followUpNotOpener', { after: this.#openerName(service) })}</p>`;
        }
        return this.#renderFailure(error, () => void this.availabilityTask.run(), 'loadTimesError');
      },
      complete: (availability) => this.#renderWeek(availability),
    });
  }

  #daysOfWeek(availability: AvailabilityResponse): DaySlots[] {
    const days = new Set(weekDays(this.week));
    const now = Date.now();
    const future = availability.slots.filter((slot) => Date.parse(slot.start) > now);
    return slotsByDay(future, this.displayZone).filter((day) => days.has(day.day));
  }

  #renderWeek(availability: AvailabilityResponse): TemplateResult {
    const days = this.#daysOfWeek(availability);
    if (!days.length) {
      const atEnd = this.weekOffset >= this.lastWeekOffset;
      return html`<div part="notice" class="notice empty">
        <p><strong>${this.t('noTimesThisWeek')}</strong></p>
        ${atEnd
          ? nothing
          : html`<p>${this.t('noTimesHint')}</p>
              <button part="button" class="button" type="button" @click=${() => this.#moveWeek(1)}>
                ${this.t('showNextWeek')}
              </button>`}
      </div>`;
    }
    const selected = days.find((day) => day.day === this.selectedDay) ?? days[0]!;
    const dayStop = days.some((day) => day.day === this.dayTabStop) ? this.dayTabStop : selected.day;
    const selectedName = formatDayLong(selected.day, this.locale);
    return html`<div class="days-and-times">
      <div
        class="days"
        role="group"
        aria-label=${this.t('daysLabel')}
        @keydown=${(event: KeyboardEvent) => {
          const moved = moveRovingFocus(event, event.currentTarget as HTMLElement);
          if (moved) this.dayTabStop = moved;
        }}
      >
        ${days.map((day) => {
          const name = formatDayLong(day.day, this.locale);
          const count = this.plural(day.slots.length, 'timesAvailableOne', 'timesAvailableOther');
          return html`<button
            part="day"
            class="day"
            type="button"
            data-roving=${day.day}
            tabindex=${day.day === dayStop ? 0 : -1}
            aria-pressed=${day.day === selected.day ? 'true' : 'false'}
            aria-label=${this.t('dayName', { day: name, count })}
            @click=${() => this.#selectDay(day.day)}
          >
            <span class="day-name">${name}</span>
            <span class="day-count">${count}</span>
          </button>`;
        })}
      </div>
      <div class="times" role="group" aria-labelledby="times-for">
        ${this.heading(this.t('timesForDay', { day: selectedName }), { id: 'times-for', class: 'times-heading' }, true)}
        <div
          class="time-list"
          @keydown=${(event: KeyboardEvent) => {
            const moved = moveRovingFocus(event, event.currentTarget as HTMLElement);
            if (moved) this.timeTabStop = moved;
          }}
        >
          ${this.#renderTimes(selected, selectedName)}
        </div>
      </div>
    </div>`;
  }

  #selectDay(day: string): void {
    this.selectedDay = day;
    this.dayTabStop = day;
    this.timeTabStop = undefined;
  }

  #renderTimes(day: DaySlots, dayName: string): TemplateResult[] {
    const zone = this.displayZone;
    const zoneName = formatZoneName(zone, this.locale, day.slots[0]?.start);
    const stop = day.slots.some((slot) => slot.start === this.timeTabStop) ? this.timeTabStop : day.slots[0]?.start;
    const holding = this.flow.holding?.start;
    return day.slots.map((slot) => {
      const time = formatTime(slot.start, zone, this.locale);
      const own = this.#clientTime(slot);
      const label = own
        ? this.t('timeNameTwoZones', { time, own: this.t('yourTime', { time: own.time }), day: dayName, zone: zoneName })
        : this.t('timeName', { time, day: dayName, zone: zoneName });
      return html`<button
        part="time"
        class="time"
        type="button"
        data-roving=${slot.start}
        tabindex=${slot.start === stop ? 0 : -1}
        aria-label=${label}
        aria-busy=${holding === slot.start ? 'true' : 'false'}
        aria-disabled=${holding ? 'true' : 'false'}
        @click=${() => void this.flow.chooseSlot(slot)}
      >
        <span class="time-main">${time}</span>
        ${own ? html`<span class="time-own">${this.t('yourTime', { time: own.time })}</span>` : nothing}
      </button>`;
    });
  }

  /** The client's own clock time for `slot`, when it is shown in another zone that differs. */
  #clientTime(slot: Slot): { time: string; zone: string } | undefined {
    const zone = this.displayZone;
    const own = this.clientZone;
    if (zone === own || sameOffsetAt(slot.start, zone, own)) return undefined;
    return { time: formatTime(slot.start, own, this.locale), zone: formatZoneName(own, this.locale, slot.start) };
  }

  // ---- step 2: details ----

  #renderDetailsStep(service: Service): TemplateResult {
    const slot = this.flow.slot!;
    return html`<section class="step" aria-labelledby="details-heading">
      ${this.#renderErrorSummary()}
      ${this.heading(this.t('detailsHeading'), { id: 'details-heading', part: 'heading', focusable: true, focus: 'details' })}
      ${this.#renderAppointment(service, slot)}
      <button part="button" class="link-button change-time" type="button" @click=${() => this.flow.changeTime()}>
        ${this.t('changeTime')}
      </button>
      ${this.#renderHold(this.flow.holdState)} ${this.#renderForm(service)}
    </section>`;
  }

  #renderAppointment(
    service: Service,
    slot: Slot,
    { reference, status }: { reference?: string; status?: BookingStatus } = {},
  ): TemplateResult {
    const zone = this.displayZone;
    const day = dayOf(slot.start, zone);
    const own = this.#clientTime(slot);
    const time = `${formatTime(slot.start, zone, this.locale)} – ${formatTime(slot.end, zone, this.locale)} ${formatZoneName(zone, this.locale, slot.start)}`;
    return html`<dl part="summary" class="summary">
      <div>
        <dt>${this.t('summaryService')}</dt>
        <dd>${serviceName(service)}</dd>
      </div>
      <div>
        <dt>${this.t('summaryDate')}</dt>
        <dd>${formatDayLong(day, this.locale)}</dd>
      </div>
      <div>
        <dt>${this.t('summaryTime')}</dt>
        <dd>
          ${time}
          ${own ? html`<br /><span class="muted">${this.t('yourTime', { time: own.time })} (${own.zone})</span>` : nothing}
        </dd>
      </div>
      ${status
        ? html`<div>
            <dt>${this.t('summaryStatus')}</dt>
            <dd class="status-value">${this.t(STATUS_LABELS[status])}</dd>
          </div>`
        : nothing}
      ${reference
        ? html`<div>
            <dt>${this.t('bookingReference')}</dt>
            <dd class="reference">${reference}</dd>
          </div>`
        : nothing}
    </dl>`;
  }

  #renderHold(holdState: HoldState, expiredKey: KapStringKey = 'holdExpired'): TemplateResult {
    const hold = this.flow.hold;
    const until = hold && holdState !== 'expired' ? formatTime(hold.expiresAt, this.clientZone, this.locale) : undefined;
    return html`${until ? html`<p part="hold" class="hold">${this.t('holdUntil', { time: until })}</p>` : nothing}
      <div class="hold-live" aria-live="polite">
        ${holdState === 'ending' ? html`<p part="notice" class="notice">${this.t('holdEndingSoon')}</p>` : nothing}
        ${holdState === 'expired'
          ? html`<div part="notice" class="notice">
              <p>${this.t(expiredKey)}</p>
              <button part="button" class="button button--secondary" type="button" @click=${() => this.flow.changeTime()}>
                ${this.t('chooseTimeHeading')}
              </button>
            </div>`
          : nothing}
      </div>`;
  }

  #renderErrorSummary(): unknown {
    return renderErrorSummary(
      (title) => this.heading(title),
      this.t('errorSummaryTitle'),
      this.flow.errors.map((field) => ({
        href: `#${this.#fieldId(field)}`,
        message: this.#fieldError(field),
        focus: () => this.#focusField(field),
      })),
    );
  }

  #fieldId(field: DetailsField): string {
    if (field === 'reason') return `kap-reason-${CARE_REASONS[0]}`;
    return `kap-${field}`;
  }

  #focusField(field: DetailsField): void {
    const input =
      field === 'reason'
        ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]:checked') ??
          this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]'))
        : this.renderRoot.querySelector<HTMLInputElement>(`#${this.#fieldId(field)}`);
    input?.focus();
    input?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
  }

  /**
   * Consent to a privacy notice the client cannot open would mean nothing: it is worded without one.
   * The phone's example is the reader's locale's.
   */
  #fieldError(field: DetailsField): string {
    const key = field === 'privacy' && !this.#privacy.available ? 'errorPrivacyNoNotice' : FIELD_ERRORS[field];
    return this.t(key, { example: phoneExample(this.locale) });
  }

  #errorFor(field: DetailsField): TemplateResult | typeof nothing {
    if (!this.flow.errors.includes(field)) return nothing;
    return html`<p class="error-message" id="kap-${field}-error">
      <span class="visually-hidden">${this.t('errorPrefix')}</span> ${this.#fieldError(field)}
    </p>`;
  }

  #textField(
    field: 'name' | 'email' | 'phone',
    options: { label: KapStringKey; hint?: KapStringKey; type: string; autocomplete: string; inputmode?: string },
  ): TemplateResult {
    const invalid = this.flow.errors.includes(field);
    const describedBy = [options.hint ? `kap-${field}-hint` : '', invalid ? `kap-${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
      <label class="label" for="kap-${field}">${this.t(options.label)}</label>
      ${options.hint ? html`<p class="hint" id="kap-${field}-hint">${this.t(options.hint)}</p>` : nothing}
      ${this.#errorFor(field)}
      <input
        class="input input--${field}"
        id="kap-${field}"
        name=${field}
        type=${options.type}
        autocomplete=${options.autocomplete}
        inputmode=${ifDefined(options.inputmode)}
        spellcheck="false"
        .value=${live(this.flow.values[field])}
        aria-describedby=${describedBy || nothing}
        aria-required="true"
        aria-invalid=${invalid ? 'true' : nothing}
        @input=${(event: Event) => this.flow.update(field, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  #renderForm(service: Service): TemplateResult {
    const values = this.flow.values;
    const submitting = this.flow.submitting;
    const reasonInvalid = this.flow.errors.includes('reason');
    const privacyInvalid = this.flow.errors.includes('privacy');
    const privacy = this.#privacy;
    return html`<form
      part="form"
      class="form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.flow.submit();
      }}
    >
      ${this.#textField('name', { label: 'nameLabel', type: 'text', autocomplete: 'name' })}
      ${this.#textField('email', { label: 'emailLabel', hint: 'emailHint', type: 'email', autocomplete: 'email' })}
      ${this.#textField('phone', { label: 'phoneLabel', hint: 'phoneHint', type: 'tel', autocomplete: 'tel' })}

      <div part="field" class="field ${reasonInvalid ? 'field--error' : ''}">
        <fieldset role="radiogroup" aria-invalid=${reasonInvalid ? 'true' : nothing} aria-describedby="kap-reason-hint${reasonInvalid ? ' kap-reason-error' : ''}">
          <legend>${`${this.t('reasonLegend')} ${this.t('optional')}`}</legend>
          <p class="hint" id="kap-reason-hint">${this.t('reasonHint')}</p>
          ${this.#errorFor('reason')}
          <div class="choices">
            ${[...CARE_REASONS, PREFER_NOT_TO_SAY].map(
              (reason) =>
                html`<div class="choice">
                  <input
                    type="radio"
                    id="kap-reason-${reason}"
                    name="reason"
                    value=${reason}
                    .checked=${live(values.reason === reason)}
                    aria-invalid=${reasonInvalid ? 'true' : nothing}
                    @change=${() => this.flow.update('reason', reason)}
                  />
                  <label for="kap-reason-${reason}">${this.t(REASON_LABELS[reason]!)}</label>
                </div>`,
            )}
          </div>
        </fieldset>
      </div>

      <div part="field" class="field ${privacyInvalid ? 'field--error' : ''}">
        <fieldset>
          <legend>${this.t('consentLegend')}</legend>
          <div class="hint" id="kap-privacy-hint">
            <slot name="privacy"
              >${privacy.url
                ? html`${this.t('privacyHint')}
                    <a href=${privacy.url} target="_blank" rel="noopener noreferrer">${this.t('privacyLink')}</a>.`
                : this.t('privacyHintNoNotice')}</slot
            >
          </div>
          ${this.#errorFor('privacy')}
          <div class="choices">
            <div class="choice">
              <input
                type="checkbox"
                id="kap-privacy"
                name="privacy"
                .checked=${live(values.privacy)}
                aria-describedby="kap-privacy-hint${privacyInvalid ? ' kap-privacy-error' : ''}"
                aria-required="true"
                aria-invalid=${privacyInvalid ? 'true' : nothing}
                @change=${(event: Event) => this.flow.update('privacy', (event.target as HTMLInputElement).checked)}
              />
              <label for="kap-privacy">${this.t(privacy.available ? 'privacyLabel' : 'privacyLabelNoNotice')}</label>
            </div>
            <div class="choice">
              <input
                type="checkbox"
                id="kap-contact"
                name="contact"
                .checked=${live(values.contact)}
                @change=${(event: Event) => this.flow.update('contact', (event.target as HTMLInputElement).checked)}
              />
              <label for="kap-contact">${`${this.t('contactLabel')} ${this.t('optional')}`}</label>
            </div>
          </div>
        </fieldset>
      </div>

      ${this.flow.submitFailure
        ? html`<div part="notice" class="notice notice--error" role="alert">
            <p>${this.failureMessage(this.flow.submitFailure)}</p>
            <p>${this.t('detailsKept')}</p>
            <button part="button" class="button button--secondary" type="button" data-focus-fallback="button.confirm" @click=${() => void this.flow.submit()}>
              ${this.t('tryAgain')}
            </button>
          </div>`
        : nothing}

      <button
        part="button"
        class="button confirm"
        type="submit"
        aria-disabled=${submitting ? 'true' : 'false'}
      >
        ${this.t(service.mode === 'request' ? 'sendRequest' : 'confirmBooking')}
      </button>
      ${this.renderWriteStatus(this.flow.status, 'submitting')}
    </form>`;
  }

  // ---- step 3: confirmation ----

  #renderConfirmation(service: Service): TemplateResult {
    const booking = this.flow.booking!;
    const requested = booking.status === 'requested';
    return this.#renderOutcome(
      { id: 'done-heading', focus: 'done', heading: requested ? 'requestedHeading' : 'confirmedHeading' },
      this.#renderAppointment(service, booking, { reference: booking.id }),
      html`${this.flow.changesNotSent
          ? html`<p part="notice" class="notice">${this.t('bookingChangesNotSent')} ${this.t(this.#manageLink ? 'changesNotSentManage' : 'changesNotSentContact')}</p>`
          : nothing}
        ${this.heading(this.t('nextStepsHeading'), {}, true)}
        <p>${this.t(requested ? 'nextStepsRequested' : 'nextStepsConfirmed')}</p>
        ${this.#manageLink
          ? html`<p class="manage-link">
                <a part="manage-link" href=${this.#manageLink}>${this.t('manageLink')}</a>
              </p>
              <p class="hint">${this.t('manageLinkHint')}</p>`
          : nothing}
        ${this.#renderCalendarLink()}`,
    );
  }
}
