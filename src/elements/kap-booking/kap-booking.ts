import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { KapApiError, isKapApiError } from '../../api/errors.js';
import { isTimeZone, type AvailabilityResponse, type Booking, type Hold, type Service, type Slot } from '../../api/schemas.js';
import { KapElement } from '../../base/kap-element.js';
import { KapBookingConfirmEvent } from '../../events/kap-booking-confirm.js';
import { KapErrorEvent } from '../../events/kap-error.js';
import { KapSlotSelectEvent } from '../../events/kap-slot-select.js';
import type { KapStringKey } from '../../i18n/strings.js';
import { calendarFile } from '../../scheduling/ics.js';
import { formatDayLong, formatDayShort, formatTime, formatZoneName, sameOffsetAt } from '../../scheduling/format.js';
import { slotsByDay, weekDays, type DaySlots } from '../../scheduling/slots.js';
import { addDays, browserTimeZone, dayOf, startOfDay, weekStart } from '../../scheduling/zones.js';
import { formStyles } from '../../styles/form.styles.js';
import { CARE_REASONS, PREFER_NOT_TO_SAY, parsePrefill, type BookingPrefill, type DetailsField } from './booking-details.js';
import { BookingFlow, type HoldState } from './booking-flow.js';
import { bookingStyles } from './kap-booking.styles.js';
import { moveRovingFocus } from './roving-focus.js';

const FIELD_ERRORS: Record<DetailsField, KapStringKey> = {
  name: 'errorName',
  email: 'errorEmail',
  phone: 'errorPhone',
  reason: 'errorReason',
  privacy: 'errorPrivacy',
  contact: 'errorField',
};

const REASON_LABELS: Record<string, KapStringKey> = {
  treatment_resistant_depression: 'reasonTreatmentResistantDepression',
  ptsd: 'reasonPtsd',
  anxiety: 'reasonAnxiety',
  grief_and_loss: 'reasonGriefAndLoss',
  addiction_recovery: 'reasonAddictionRecovery',
  other: 'reasonOther',
  [PREFER_NOT_TO_SAY]: 'reasonNone',
};

/** Focus targets the flow asks for, by the `data-focus` attribute that marks them. */
const FOCUS_SELECTORS = {
  times: '[data-focus="times"]',
  notice: '[data-focus="notice"]',
  details: '[data-focus="details"]',
  'error-summary': '[data-focus="error-summary"]',
  done: '[data-focus="done"]',
} as const;

function safeLinkUrl(value: string | null, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @summary Books a session at the clinic: a week of free times in the client's time zone, a
 * short hold on the chosen time, contact details and consent, then a confirmation with an
 * "Add to calendar" file.
 *
 * @event kap-slot-select - The client chose a time and the clinic is holding it. `detail`:
 *   `{ service, start, end }` (ids and ISO instants only).
 * @event kap-booking-confirm - The booking is recorded. `detail`:
 *   `{ bookingId, service, start, end, status }` — never the client's name, email, phone or reason.
 * @event kap-error - A failure the client is being shown, or a set-up problem. `detail`:
 *   `{ kind, code? }`, e.g. `{ kind: 'conflict', code: 'slot_unavailable' }` or
 *   `{ kind: 'configuration', code: 'invalid_api' }`.
 *
 * @slot privacy - Your own sentence about the privacy notice (with its link), shown above the
 *   consent checkbox instead of the built-in one.
 *
 * @csspart base - The wrapper around everything the element shows.
 * @csspart heading - The main heading of each step.
 * @csspart service - The service's name, length and place.
 * @csspart notice - A message about what just happened (time taken, hold ended, a failure).
 * @csspart calendar - The week: zone note, week buttons, days and times.
 * @csspart week-nav - The Previous week / Next week row.
 * @csspart day - A day with free times.
 * @csspart time - A free time.
 * @csspart summary - The chosen appointment (details step and confirmation).
 * @csspart hold - The note saying how long the time is held.
 * @csspart form - The details form.
 * @csspart field - Each question in the form.
 * @csspart error-summary - The "There is a problem" box that lists wrong answers.
 * @csspart button - Every button, and the "Add to calendar" link.
 * @csspart confirmation - The confirmation step.
 * @csspart problem - The message shown when the element is set up wrongly.
 *
 * @cssproperty --kap-color-primary - Buttons, links, selected day. Default teal `#1b5e63` (light), `#86d3d8` (dark).
 * @cssproperty --kap-color-on-primary - Text on primary buttons. Default `#ffffff` / `#0b2325`.
 * @cssproperty --kap-color-text - Body text. Default `#1c262b` / `#eef3f4`.
 * @cssproperty --kap-color-muted - Hints and secondary text. Default `#4b5a61` / `#b3c1c6`.
 * @cssproperty --kap-color-background - Background. Default `#ffffff` / `#111a1d`.
 * @cssproperty --kap-color-surface - Panels and notices. Default `#f1f6f6` / `#1b282c`.
 * @cssproperty --kap-color-border - Input and button borders (keep 3:1 against the background). Default `#5d6d74` / `#8a9ca3`.
 * @cssproperty --kap-color-error - Error messages and borders. Default `#b3261e` / `#ff9b8f`.
 * @cssproperty --kap-color-success - The confirmation's accent. Default `#1c6b3a` / `#86dca0`.
 * @cssproperty --kap-color-focus - The 3px focus ring. Default `#1f4fd1` / `#ffc94a`.
 * @cssproperty --kap-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --kap-space - The spacing unit. Default `1rem`.
 * @cssproperty --kap-font-size - Base text size. Default `1rem`.
 * @cssproperty --kap-font-family - Typeface. Default: the host page's (inherited).
 * @cssproperty --kap-max-width - The element's maximum width. Default `40rem`.
 */
export class KapBooking extends KapElement {
  static override styles = [...KapElement.styles, formStyles, bookingStyles];

  /** The id of the service to book, as listed by the backend's `GET services`. */
  @property() service = 'consultation';

  /**
   * IANA time zone the client's times are shown in, e.g. `America/Chicago`. Defaults to the
   * browser's. In-person services are shown in the clinic's zone, with this one beside it.
   */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** Where the booking came from, e.g. a campaign name; sent with the booking. Never PHI. */
  @property() source: string | null = null;

  /** Link to the clinic's privacy notice, shown beside the consent checkbox (`https:` or a path). */
  @property({ attribute: 'privacy-url' }) privacyUrl: string | null = null;

  /** How many weeks ahead (counting this one) the client can page through. */
  @property({ attribute: 'weeks-ahead', type: Number }) weeksAhead = 12;

  /**
   * Contact details to start the form with: `{ name?, email?, phone? }`. Never overwrites what
   * the client typed. Can also be given as `"prefill"` in a child `<script type="application/json">`.
   */
  @property({ attribute: false }) prefill: BookingPrefill | undefined;

  /** Which week is shown: 0 is the current one. */
  @state() private weekOffset = 0;
  @state() private selectedDay: string | undefined;
  @state() private dayTabStop: string | undefined;
  @state() private timeTabStop: string | undefined;
  /** The clinic's zone, learned from the first availability answer. */
  @state() private clinicZone: string | undefined;

  #accessToken: string | undefined;
  #calendarUrl: string | undefined;
  #invalidZoneReported: string | undefined;

  private readonly flow = new BookingFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    serviceId: () => this.service,
    source: () => this.source?.slice(0, 100) || undefined,
    refreshAvailability: () => void this.availabilityTask.run(),
    slotHeld: (hold) => this.#slotHeld(hold),
    booked: (booking, token) => this.#booked(booking, token),
    failed: (error, code) => this.reportFailure(error, code),
  });

  private readonly serviceTask = new Task(this, {
    task: async ([client, serviceId], { signal }) => {
      if (!client) return initialState;
      try {
        const services = await client.listServices({ signal: this.signalFor(signal) });
        const service = services.find((candidate) => candidate.id === serviceId);
        if (!service) {
          throw new KapApiError(`Unknown service ${serviceId}`, { kind: 'configuration', code: 'unknown_service' });
        }
        return service;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => [this.client, this.service, this.connectionSignal] as const,
  });

  private readonly availabilityTask = new Task(this, {
    task: async ([client, service, week], { signal }) => {
      if (!client || !service) return initialState;
      const zone = this.displayZone;
      // A day either side, so the week is complete in whichever zone it is finally shown in.
      const from = new Date(Math.max(Date.parse(startOfDay(addDays(week, -1), zone)), Date.now() - 60_000));
      const query = {
        service: service.id,
        from: from.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        to: startOfDay(addDays(week, 8), zone),
      };
      try {
        const availability = await client.getAvailability(query, { signal: this.signalFor(signal) });
        this.clinicZone = availability.timeZone;
        return availability;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => [this.client, this.serviceTask.value, this.week, this.connectionSignal] as const,
  });

  /** The booking's access token, kept in memory only; `undefined` until a booking is made. */
  get accessToken(): string | undefined {
    return this.#accessToken;
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

  private get firstWeek(): string {
    return weekStart(dayOf(new Date(), this.displayZone));
  }

  private get week(): string {
    return addDays(this.firstWeek, 7 * this.weekOffset);
  }

  private get lastWeekOffset(): number {
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
    if (this.timeZone && !isTimeZone(this.timeZone) && this.#invalidZoneReported !== this.timeZone) {
      this.#invalidZoneReported = this.timeZone;
      this.emit(new KapErrorEvent({ kind: 'configuration', code: 'invalid_time_zone' }));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.flow.focus;
    if (!target) return;
    const element = this.renderRoot.querySelector<HTMLElement>(FOCUS_SELECTORS[target]);
    if (element) {
      this.flow.focus = undefined;
      element.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#calendarUrl) URL.revokeObjectURL(this.#calendarUrl);
    this.#calendarUrl = undefined;
  }

  #slotHeld(hold: Hold): void {
    this.emit(new KapSlotSelectEvent({ service: hold.service, start: hold.start, end: hold.end }));
  }

  #booked(booking: Booking, accessToken: string): void {
    this.#accessToken = accessToken;
    const service = this.serviceTask.value;
    const ics = calendarFile(
      [
        {
          uid: `${booking.id}@${this.client?.base.hostname || 'kap-elements'}`,
          start: booking.start,
          end: booking.end,
          summary: this.t('calendarSummary', { service: service?.name ?? booking.service }),
          description: this.t('calendarDescription'),
        },
      ],
      { now: new Date() },
    );
    if (this.#calendarUrl) URL.revokeObjectURL(this.#calendarUrl);
    this.#calendarUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
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

  // ---- rendering ------------------------------------------------------------------------

  protected renderContent(): unknown {
    const service = this.serviceTask.value;
    if (this.serviceTask.status === TaskStatus.ERROR) {
      const error = this.serviceTask.error;
      if (isKapApiError(error) && error.kind === 'configuration') {
        return this.renderConfigurationProblem({
          code: error.code ?? 'configuration',
          detail: this.t('unknownServiceDetail', { service: this.service }),
        });
      }
      if (!this.isAbort(error)) {
        return html`<div part="base" class="booking">
          ${this.#renderFailure(error, () => void this.serviceTask.run(), 'loadTimesError')}
        </div>`;
      }
    }
    if (!service) return html`<div part="base" class="booking">${this.#renderLoading('loadingTimes')}</div>`;
    const step = this.flow.step;
    return html`<div part="base" class="booking">
      ${step === 'times'
        ? this.#renderTimesStep(service)
        : step === 'details'
          ? this.#renderDetailsStep(service)
          : this.#renderConfirmation(service)}
    </div>`;
  }

  #renderLoading(key: KapStringKey): TemplateResult {
    return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.t(key)}</p>`;
  }

  #renderFailure(error: unknown, retry: () => void, lead?: KapStringKey): TemplateResult {
    return html`<div part="notice" class="notice notice--error" role="alert">
      ${lead ? html`<p><strong>${this.t(lead)}</strong></p>` : nothing}
      <p>${this.failureMessage(error)}</p>
      <button part="button" class="button button--secondary" type="button" @click=${retry}>${this.t('tryAgain')}</button>
    </div>`;
  }

  #renderService(service: Service): TemplateResult {
    const duration = new Intl.NumberFormat(this.locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(
      service.durationMinutes,
    );
    return html`<div part="service" class="service">
      <p class="service-name">${service.name}</p>
      <p class="service-meta muted">
        ${this.t('serviceDuration', { duration })} ·
        ${this.t(service.location === 'in_person' ? 'locationInPerson' : 'locationVirtual')}
      </p>
      ${service.mode === 'request' ? html`<p class="muted">${this.t('requestModeNote')}</p>` : nothing}
    </div>`;
  }

  // ---- step 1: times ----

  #renderTimesStep(service: Service): TemplateResult {
    const notice = this.flow.notice;
    return html`<section class="step" aria-labelledby="times-heading">
      <h2 id="times-heading" part="heading" tabindex="-1" data-focus="times">${this.t('chooseTimeHeading')}</h2>
      ${notice
        ? html`<p part="notice" class="notice" tabindex="-1" data-focus="notice">
            ${this.t(notice === 'slot_taken' ? 'slotTaken' : 'holdExpiredChooseAgain')}
          </p>`
        : nothing}
      ${this.#renderService(service)}
      <div part="calendar" class="calendar">
        <p part="zone" class="zone">${this.#zoneNote(service)}</p>
        ${this.#renderWeekNav()}
        ${this.flow.holdFailure
          ? this.#renderFailure(this.flow.holdFailure.error, () => this.flow.retryHold(), 'holdError')
          : nothing}
        <p class="status" role="status">${this.flow.holding ? this.t('placingHold') : ''}</p>
        ${this.#renderAvailability()}
      </div>
    </section>`;
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
        <button
          part="button"
          class="button button--secondary"
          type="button"
          data-week="previous"
          aria-disabled=${atStart ? 'true' : 'false'}
          aria-describedby=${ifDefined(atStart ? 'week-limit' : undefined)}
          @click=${() => this.#moveWeek(-1)}
        >
          <span aria-hidden="true">‹</span> ${this.t('previousWeek')}
        </button>
        <p class="week-range" aria-live="polite">${range}</p>
        <button
          part="button"
          class="button button--secondary"
          type="button"
          data-week="next"
          aria-disabled=${atEnd ? 'true' : 'false'}
          aria-describedby=${ifDefined(atEnd ? 'week-limit' : undefined)}
          @click=${() => this.#moveWeek(1)}
        >
          ${this.t('nextWeek')} <span aria-hidden="true">›</span>
        </button>
      </div>
      ${atStart || atEnd
        ? html`<p id="week-limit" class="muted week-limit">
            ${atStart ? this.t('firstWeekNote') : this.t('lastWeekNote', { weeks: this.lastWeekOffset + 1 })}
          </p>`
        : nothing}`;
  }

  #moveWeek(by: number): void {
    const next = this.weekOffset + by;
    if (next < 0 || next > this.lastWeekOffset || this.flow.busy) return;
    this.weekOffset = next;
    this.selectedDay = undefined;
    this.dayTabStop = undefined;
    this.timeTabStop = undefined;
  }

  #renderAvailability(): unknown {
    if (this.flow.refreshing) return this.#renderLoading('loadingTimes');
    return this.availabilityTask.render({
      initial: () => this.#renderLoading('loadingTimes'),
      pending: () => this.#renderLoading('loadingTimes'),
      error: (error) =>
        this.isAbort(error)
          ? this.#renderLoading('loadingTimes')
          : this.#renderFailure(error, () => void this.availabilityTask.run(), 'loadTimesError'),
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
        <h3 id="times-for" class="times-heading">${this.t('timesForDay', { day: selectedName })}</h3>
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
      <h2 id="details-heading" part="heading" tabindex="-1" data-focus="details">${this.t('detailsHeading')}</h2>
      ${this.#renderAppointment(service, slot)}
      <button part="button" class="link-button change-time" type="button" @click=${() => this.flow.changeTime()}>
        ${this.t('changeTime')}
      </button>
      ${this.#renderHold(this.flow.holdState)} ${this.#renderForm(service)}
    </section>`;
  }

  #renderAppointment(service: Service, slot: Slot, reference?: string): TemplateResult {
    const zone = this.displayZone;
    const day = dayOf(slot.start, zone);
    const own = this.#clientTime(slot);
    const time = `${formatTime(slot.start, zone, this.locale)} – ${formatTime(slot.end, zone, this.locale)} ${formatZoneName(zone, this.locale, slot.start)}`;
    return html`<dl part="summary" class="summary">
      <div>
        <dt>${this.t('summaryService')}</dt>
        <dd>${service.name}</dd>
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
      ${reference
        ? html`<div>
            <dt>${this.t('bookingReference')}</dt>
            <dd class="reference">${reference}</dd>
          </div>`
        : nothing}
    </dl>`;
  }

  #renderHold(holdState: HoldState): TemplateResult {
    const hold = this.flow.hold;
    const until = hold && holdState !== 'expired' ? formatTime(hold.expiresAt, this.clientZone, this.locale) : undefined;
    return html`${until ? html`<p part="hold" class="hold">${this.t('holdUntil', { time: until })}</p>` : nothing}
      <div class="hold-live" aria-live="polite">
        ${holdState === 'ending' ? html`<p part="notice" class="notice">${this.t('holdEndingSoon')}</p>` : nothing}
        ${holdState === 'expired'
          ? html`<div part="notice" class="notice">
              <p>${this.t('holdExpired')}</p>
              <button part="button" class="button button--secondary" type="button" @click=${() => this.flow.changeTime()}>
                ${this.t('chooseTimeHeading')}
              </button>
            </div>`
          : nothing}
      </div>`;
  }

  #renderErrorSummary(): unknown {
    const errors = this.flow.errors;
    if (!errors.length) return nothing;
    return html`<div part="error-summary" class="error-summary" tabindex="-1" data-focus="error-summary">
      <div role="alert">
        <h3>${this.t('errorSummaryTitle')}</h3>
        <ul>
          ${errors.map(
            (field) =>
              html`<li>
                <a href="#${this.#fieldId(field)}" @click=${(event: Event) => this.#focusField(event, field)}
                  >${this.t(FIELD_ERRORS[field])}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  #fieldId(field: DetailsField): string {
    if (field === 'reason') return `kap-reason-${CARE_REASONS[0]}`;
    return `kap-${field}`;
  }

  #focusField(event: Event, field: DetailsField): void {
    event.preventDefault();
    const input =
      field === 'reason'
        ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]:checked') ??
          this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]'))
        : this.renderRoot.querySelector<HTMLInputElement>(`#${this.#fieldId(field)}`);
    input?.focus();
    input?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
  }

  #errorFor(field: DetailsField): TemplateResult | typeof nothing {
    if (!this.flow.errors.includes(field)) return nothing;
    return html`<p class="error-message" id="kap-${field}-error">
      <span class="visually-hidden">${this.t('errorPrefix')}</span> ${this.t(FIELD_ERRORS[field])}
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
    const privacyUrl = safeLinkUrl(this.privacyUrl, this.baseURI);
    return html`<form
      part="form"
      class="form"
      novalidate
      aria-busy=${submitting ? 'true' : 'false'}
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.flow.submit();
      }}
    >
      ${this.#textField('name', { label: 'nameLabel', type: 'text', autocomplete: 'name' })}
      ${this.#textField('email', { label: 'emailLabel', hint: 'emailHint', type: 'email', autocomplete: 'email' })}
      ${this.#textField('phone', { label: 'phoneLabel', hint: 'phoneHint', type: 'tel', autocomplete: 'tel' })}

      <div part="field" class="field ${reasonInvalid ? 'field--error' : ''}">
        <fieldset aria-describedby="kap-reason-hint${reasonInvalid ? ' kap-reason-error' : ''}">
          <legend>${this.t('reasonLegend')} ${this.t('optional')}</legend>
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
              >${privacyUrl
                ? html`${this.t('privacyHint')}
                    <a href=${privacyUrl} target="_blank" rel="noopener noreferrer">${this.t('privacyLink')}</a>.`
                : nothing}</slot
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
                aria-invalid=${privacyInvalid ? 'true' : nothing}
                @change=${(event: Event) => this.flow.update('privacy', (event.target as HTMLInputElement).checked)}
              />
              <label for="kap-privacy">${this.t('privacyLabel')}</label>
            </div>
            <div class="choice">
              <input
                type="checkbox"
                id="kap-contact"
                name="contact"
                .checked=${live(values.contact)}
                @change=${(event: Event) => this.flow.update('contact', (event.target as HTMLInputElement).checked)}
              />
              <label for="kap-contact">${this.t('contactLabel')} ${this.t('optional')}</label>
            </div>
          </div>
        </fieldset>
      </div>

      ${this.flow.submitFailure
        ? html`<div part="notice" class="notice notice--error" role="alert">
            <p>${this.failureMessage(this.flow.submitFailure)}</p>
            <p>${this.t('detailsKept')}</p>
            <button part="button" class="button button--secondary" type="button" @click=${() => void this.flow.submit()}>
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
      <p class="status" role="status">${submitting ? this.t('submitting') : ''}</p>
    </form>`;
  }

  // ---- step 3: confirmation ----

  #renderConfirmation(service: Service): TemplateResult {
    const booking = this.flow.booking!;
    const requested = booking.status === 'requested';
    return html`<section part="confirmation" class="step confirmation" aria-labelledby="done-heading">
      <div class="notice notice--success">
        <h2 id="done-heading" part="heading" tabindex="-1" data-focus="done">
          ${this.t(requested ? 'requestedHeading' : 'confirmedHeading')}
        </h2>
        ${this.#renderAppointment(service, booking, booking.id)}
      </div>
      <h3>${this.t('nextStepsHeading')}</h3>
      <p>${this.t(requested ? 'nextStepsRequested' : 'nextStepsConfirmed')}</p>
      ${this.#calendarUrl
        ? html`<a part="button" class="button button--secondary" href=${this.#calendarUrl} download="appointment.ics"
            >${this.t('addToCalendar')}</a
          >`
        : nothing}
    </section>`;
  }
}
