import { TaskStatus } from '@lit/task';
import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Booking, Hold } from '../../api/schemas.js';
import type { BookingLink } from '../../base/booking-link.js';
import { readBookingFragment } from '../../base/fragment-token.js';
import { CalendarFileUrl } from '../../base/calendar-file-url.js';
import { clinicTask } from '../../base/clinic-task.js';
import { reportConfiguration } from '../../base/configuration-report.js';
import { KapElement } from '../../base/kap-element.js';
import { timeZoneProblem } from '../../base/time-zone-problem.js';
import type { KapBookingConfirmEvent } from '../../events/kap-booking-confirm.js';
import { KapSlotSelectEvent } from '../../events/kap-slot-select.js';
import { parsePrefill, type BookingPrefill } from './booking-details.js';
import { BookingData } from './controllers/booking-data.js';
import { BookingFlow } from './controllers/booking-flow.js';
import type { ManageFlow } from './controllers/manage-flow.js';
import { WeekPaging } from './controllers/week-paging.js';
import { focusTarget } from './focus-target.js';
import { bookingViews } from './lazy-views.js';
import { bookingStyles } from './kap-booking.styles.js';
import { manageLink, manageUrlProblem, resolveManageUrl } from './manage-link.js';
import { privacyNotice, type PrivacyNotice } from './privacy-notice.js';
import { renderBooking } from './views/booking.js';
import { renderFailure, renderLoading, renderProblem, type BookingView } from './views/booking-view.js';

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
 * @csspart email-links - "Email me my links", where the booking's link is missing or no longer works: the form, then its confirmation.
 */
export class KapBooking extends KapElement {
  static override styles = [...KapElement.styles, bookingStyles];
  static override get properties(): PropertyDeclarations {
    return {
      service: {},
      timeZone: { attribute: 'time-zone' },
      source: {},
      privacyUrl: { attribute: 'privacy-url' },
      weeksAhead: { attribute: 'weeks-ahead', type: Number },
      prefill: { attribute: false },
      booking: {},
      token: { attribute: false },
      manageUrl: { attribute: 'manage-url' },
      afterBooking: { attribute: 'after' },
      afterToken: { attribute: false },
    };
  }

  /** The id of the service to book, as listed by the backend's `GET services`. */
  service = 'consultation';

  /**
   * IANA time zone the client's times are shown in, e.g. `America/Chicago`. Defaults to the
   * browser's. In-person services are shown in the clinic's zone, with this one beside it. A name
   * that is not a zone shows the configuration message (`invalid_time_zone`).
   */
  timeZone: string | null = null;

  /** Where the booking came from, e.g. a campaign name; sent with the booking. Never PHI. */
  source: string | null = null;

  /**
   * Link to the clinic's privacy notice, shown beside the consent checkbox (`https:` or a path).
   * Without it (or the `privacy` slot) the consent names no notice, and `kap-error` says
   * `missing_privacy_url` (`invalid_privacy_url` for one that cannot be linked).
   */
  privacyUrl: string | null = null;

  /** How many weeks ahead (counting this one) the client can page through. */
  weeksAhead = 12;

  /**
   * Contact details to start the form with: `{ name?, email?, phone? }`. Never overwrites what
   * the client typed. Can also be given as `"prefill"` in a child `<script type="application/json">`.
   */
  prefill: BookingPrefill | undefined;

  /**
   * Manage this booking instead of making a new one: its id, or an empty value to take the id
   * from the link's fragment (`#booking=…&token=…`). The token is `token`, else the fragment's.
   */
  booking: string | null = null;

  /**
   * The managed booking's access token. Without it the element reads `#token=…` from the URL
   * fragment; with neither it explains that the link from the confirmation is needed.
   */
  token: string | undefined;

  /**
   * The clinic's page where a managing `<kap-booking booking>` lives (`https:`, or a path on
   * this site). When set, the confirmation and its `.ics` file link to
   * `<manage-url>#booking=<id>&token=<token>`: the token rides in the fragment only. Anything
   * else is ignored and reported as `kap-error` `{ kind: 'configuration', code: 'invalid_manage_url' }`.
   */
  manageUrl: string | null = null;

  /**
   * For a follow-up service: the id of the booking that opens its window (the ketamine session
   * for integration); the `after` attribute (`Element.after` is a DOM method, hence the property's
   * name). Without it, the link's `#booking=…&token=…` is used.
   */
  afterBooking: string | null = null;

  /** The access token of the booking named by `after`. Without it, the link's `#token=…`. */
  afterToken: string | undefined;

  #accessToken: string | undefined;
  #manageLink: string | undefined;
  #privacy: PrivacyNotice = { available: false };
  readonly #calendar = new CalendarFileUrl(this, () => import('./booking-calendar.js'));

  /**
   * Manage mode: the managed booking and its token, the page's own first, else the link's. Read
   * once managing's views have come (`#readLinks`): a page that books a plain service reads no link.
   */
  private managedLink: BookingLink | undefined;

  /**
   * The booking that opens a follow-up service's window: `after` and `afterToken`, else the
   * link's. In manage mode the link belongs to the managed booking, so only the properties count.
   * Read once a follow-up's (or managing's) views have come.
   */
  private openerLink: BookingLink | undefined;

  private readonly flow = new BookingFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    serviceId: () => this.serviceId ?? this.service,
    source: () => this.source?.slice(0, 100) || undefined,
    language: () => this.language,
    refreshAvailability: () => void this.data.availability.run(),
    slotHeld: (hold) => this.#slotHeld(hold),
    booked: (booking, token, announce) => this.#booked(booking, token, announce),
    ready: () => this.#calendar.load(),
    failed: (error, code) => this.reportFailure(error, code),
    moving: () => (this.manage?.step === 'moving' ? this.managedLink?.access : undefined),
    moved: (booking, announce) => this.manage?.moved(booking, announce),
  });

  /** Manage mode's state, once the manage views have come with it (`#startManaging`). */
  private manage: ManageFlow | undefined;

  private readonly data: BookingData = new BookingData(this, {
    client: () => this.client,
    connection: () => this.connectionSignal,
    loadOptions: (signal) => this.loadOptions(signal),
    language: () => this.language,
    serviceId: () => this.serviceId,
    managed: () => this.managedLink?.access,
    opener: () => this.openerLink?.access,
    week: () => this.paging.week,
    pickerOpen: () => !this.managing || this.manage?.step === 'moving',
    timeZone: () => this.timeZone,
    managedRead: (booking) => this.manage?.show(booking),
    failed: (error) => this.reportFailure(error),
  });

  /**
   * The clinic (`GET clinic`), read only when the page names no privacy notice: its notice is then
   * linked. A clinic that cannot be read leaves the consent as it would be without one.
   */
  private readonly clinicTask = clinicTask(this, () => [
    this.client,
    this.privacyUrl === null && !this.managing && !this.#hasPrivacySlot(),
    this.connectionSignal,
  ]);

  /** Views imported only when needed (see lazy-views.ts); manage mode reads the booking meanwhile, behind "Loading your appointment". */
  private readonly views = bookingViews(this, {
    manage: () => this.managing,
    followUp: () => !this.managing && Boolean(this.data.service.value?.followUp),
    afterPick: () => !this.managing && (this.flow.busy || this.flow.step !== 'times'),
  });

  #hasPrivacySlot(): boolean {
    return Boolean(this.querySelector(':scope > [slot="privacy"]'));
  }

  private readonly paging = new WeekPaging(this, {
    window: () => this.data.window,
    zone: () => this.data.displayZone,
    weeksAhead: () => this.weeksAhead,
    busy: () => this.flow.busy,
  });

  /** The booking's access token, kept in memory only; `undefined` until a booking is made. */
  get accessToken(): string | undefined {
    return this.#accessToken;
  }

  /** Manage mode: the page named a booking to manage (an empty value: the one in the link). */
  private get managing(): boolean {
    return this.booking !== null;
  }

  /** The service shown: the managed booking's, or `service`. */
  private get serviceId(): string | undefined {
    return this.managing ? this.manage?.booking?.service : this.service;
  }

  protected override settingsRead(settings: Record<string, unknown>): void {
    this.flow.prefill(parsePrefill(settings['prefill'] ?? settings));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('prefill') && this.prefill) this.flow.prefill(parsePrefill(this.prefill));
    if (changed.has('service')) {
      this.paging.offset = 0;
      this.data.serviceChanged();
    }
    if (this.hasUpdated && (changed.has('booking') || changed.has('token'))) {
      this.manage?.clear();
      this.flow.reset(undefined, true);
    }
    this.#readLinks();
    this.#startManaging();
    this.showProblem('invalid_time_zone', timeZoneProblem(this.timeZone));
    this.#privacy = privacyNotice(this.privacyUrl, this.baseURI, this.#hasPrivacySlot(), this.clinicTask.value?.privacyNoticeUrl);
    // Without privacy-url, the clinic's own notice may still come: report only once it has not.
    const clinicPending = this.clinicTask.status === TaskStatus.PENDING || this.clinicTask.status === TaskStatus.INITIAL;
    const waitingForClinic = this.#privacy.problem?.code === 'missing_privacy_url' && this.privacyUrl === null && clinicPending;
    if (this.#privacy.problem && !this.managing && !waitingForClinic) reportConfiguration(this, this.#privacy.problem);
    const manageProblem = manageUrlProblem(this.manageUrl, this.baseURI);
    if (manageProblem) reportConfiguration(this, manageProblem);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.flow.focus;
    if (target && focusTarget(this.renderRoot, target)) this.flow.focus = undefined;
    const manage = this.manage;
    // The action may not be on screen (a follow-up booking cannot be moved here): the heading then.
    if (manage?.focus && (focusTarget(this.renderRoot, manage.focus) || focusTarget(this.renderRoot, 'manage'))) manage.focus = undefined;
  }

  /** The readers of a booking link, once the views that need one have come with them (booking-links.ts). */
  #readLinks(): void {
    const views = this.views.manage.value ?? this.views.followUp.value;
    // A manage link's token leaves the address bar at once, not once the views that read it have come.
    if (!views && this.managing && !(this.booking?.trim() && this.token)) readBookingFragment();
    if (!views || this.managedLink) return;
    const client = () => this.client;
    this.managedLink = views.bookingLink(this, client, { id: () => this.booking, token: () => this.token, enabled: () => this.managing });
    this.openerLink = views.bookingLink(this, client, {
      id: () => this.afterBooking,
      token: () => this.afterToken,
      enabled: () => !this.managing && Boolean(this.data.service.value?.followUp),
    });
  }

  /** Manage mode, once its views and state have come (in the drop-in file, a chunk): the booking read meanwhile is shown. */
  #startManaging(): void {
    const views = this.views.manage.value;
    if (!this.managing || this.manage || !views) return;
    this.manage = views.startManaging(this, {
      client: () => this.client,
      signal: () => this.connectionSignal,
      access: () => this.managedLink?.access,
      failed: (error) => this.reportFailure(error),
      flow: this.flow,
      data: this.data,
      paging: this.paging,
      managePage: () => resolveManageUrl(this.manageUrl, this.baseURI),
      offerCalendarFile: (booking, link) => this.#offerCalendarFile(booking, link),
      book: (service) => {
        this.booking = null;
        this.service = service;
        return this.updateComplete;
      },
    });
    // The booking as read for the present link only: a read still under way shows itself when it ends.
    const read = this.data.managed;
    if (read.status === TaskStatus.COMPLETE && read.value) this.manage.show(read.value);
  }

  #slotHeld(hold: Hold): void {
    void this.#calendar.load();
    this.emit(new KapSlotSelectEvent({ service: hold.service, start: hold.start, end: hold.end }));
  }

  #booked(booking: Booking, accessToken: string, announce: KapBookingConfirmEvent): void {
    this.#accessToken = accessToken;
    const page = resolveManageUrl(this.manageUrl, this.baseURI);
    this.#manageLink = page ? manageLink(page, booking.id, accessToken) : undefined;
    this.#offerCalendarFile(booking, this.#manageLink);
    this.emit(announce);
  }

  /** "Add to calendar" for `booking`, with the manage `link` in it when there is one (booking-calendar.ts). */
  #offerCalendarFile(booking: Booking, link: string | undefined): void {
    const facts = { uidDomain: this.client?.base.hostname || 'kap-elements', serviceName: this.data.service.value?.name, t: this.ui.t };
    this.#calendar.offer((writer) => writer.bookingCalendarFile(booking, link, facts));
  }

  /** What the views read, as this render sees it. */
  #view(): BookingView {
    return {
      ui: this.ui,
      root: this.renderRoot,
      flow: this.flow,
      data: this.data,
      paging: this.paging,
      managing: this.managing,
      managed: this.managedLink?.access,
      opener: this.openerLink?.access,
      serviceId: this.serviceId ?? this.service,
      privacy: this.#privacy,
      manageLink: this.#manageLink,
      calendarUrl: this.#calendar.url,
      followUpViews: this.views.followUp,
      afterPickViews: this.views.afterPick,
    };
  }

  protected renderContent(): unknown {
    return html`<div part="base" class="booking">${this.managing ? this.#renderManage(this.#view()) : renderBooking(this.#view())}</div>`;
  }

  #renderManage(view: BookingView): unknown {
    const views = this.views.manage;
    if (views.status === TaskStatus.ERROR) return renderFailure(view, views.error, () => void views.run(), 'manageLoadError');
    if (views.status !== TaskStatus.COMPLETE || !views.value || !this.manage) return renderLoading(view, 'manageLoading');
    if (!view.managed) return renderProblem(view, 'manageProblemHeading', this.t('manageLinkMissing'), this.ui.renderEmailLinks());
    return views.value.renderManage(view, this.manage);
  }
}
