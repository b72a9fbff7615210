/** Step 1, choosing a time: the service, the zone note, the week's paging, its days and their free times. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isAbort } from '../../../api/abort.js';
import { isKapApiError } from '../../../api/errors.js';
import type { AvailabilityResponse, Service } from '../../../api/schemas.js';
import { formatUnit } from '../../../base/language.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { formatDayLong, formatDayShort, formatTime, formatZoneName } from '../../../scheduling/format.js';
import { slotsByDay, weekDays, type DaySlots } from '../../../scheduling/slots.js';
import { startOfDay } from '../../../scheduling/zones.js';
import type { TimesNotice } from '../controllers/booking-flow.js';
import { moveRovingFocus } from '../roving-focus.js';
import { serviceName } from '../service-language.js';
import { clientTime, renderFailure, renderLoading, type BookingView } from './booking-view.js';

export function renderTimesStep(v: BookingView, service: Service, options: { heading: KapStringKey; intro: unknown }): TemplateResult {
  const notice = v.flow.notice;
  const holdFailure = v.flow.holdFailure;
  return html`<section class="step" aria-labelledby="times-heading">
    ${v.ui.heading(v.ui.t(options.heading), { id: 'times-heading', part: 'heading', focusable: true, focus: 'times' })}
    ${notice ? html`<p part="notice" class="notice" tabindex="-1" data-focus="notice">${v.ui.t(noticeKey(v, notice))}</p>` : nothing}
    ${options.intro} ${renderService(v, service)}
    <div part="calendar" class="calendar">
      <p part="zone" class="zone">${zoneNote(v, service)}</p>
      ${renderWeekNav(v)}
      ${holdFailure ? renderFailure(v, holdFailure.error, () => v.flow.retryHold(), 'holdError', `[data-roving="${holdFailure.slot.start}"]`) : nothing}
      <p class="status" role="status">${v.flow.holding ? v.ui.t('placingHold') : ''}</p>
      ${renderAvailability(v)}
    </div>
  </section>`;
}

/** Back at the times: what happened, in words for booking or for moving a booking. */
function noticeKey(v: BookingView, notice: TimesNotice): KapStringKey {
  if (v.managing) return notice === 'slot_taken' ? 'slotTakenMove' : 'holdExpiredChooseAgainMove';
  return notice === 'slot_taken' ? 'slotTaken' : 'holdExpiredChooseAgain';
}

function renderService(v: BookingView, service: Service): TemplateResult {
  const duration = formatUnit(service.durationMinutes, 'minute', v.ui.locale);
  return html`<div part="service" class="service">
    <p class="service-name">${serviceName(service)}</p>
    <p class="service-meta muted">
      ${v.ui.t('serviceDuration', { duration })} · ${v.ui.t(service.location === 'in_person' ? 'locationInPerson' : 'locationVirtual')}
    </p>
    ${service.mode === 'request' ? html`<p class="muted">${v.ui.t('requestModeNote')}</p>` : nothing}
  </div>`;
}

function zoneNote(v: BookingView, service: Service): string {
  const displayZone = v.data.displayZone;
  const zone = formatZoneName(displayZone, v.ui.locale, startOfDay(v.paging.week, displayZone));
  return v.ui.t(service.location === 'in_person' && v.data.clinicZone ? 'zoneNoteInPerson' : 'zoneNote', { zone });
}

function renderWeekNav(v: BookingView): TemplateResult {
  const { atStart, atEnd } = v.paging;
  const days = weekDays(v.paging.week);
  const range = v.ui.t('weekRange', { from: formatDayShort(days[0]!, v.ui.locale), to: formatDayShort(days[6]!, v.ui.locale) });
  return html`<div part="week-nav" class="week-nav">
      ${renderWeekButton(v, 'previous', atStart, html`<span aria-hidden="true">‹</span> ${v.ui.t('previousWeek')}`)}
      <p class="week-range" aria-live="polite">${range}</p>
      ${renderWeekButton(v, 'next', atEnd, html`${v.ui.t('nextWeek')} <span aria-hidden="true">›</span>`)}
    </div>
    ${atStart || atEnd ? html`<p id="week-limit" class="muted week-limit">${weekLimitNote(v, atStart)}</p>` : nothing}`;
}

/** "Previous week" or "Next week": still focusable at the limit, where it points to the note saying why. */
function renderWeekButton(v: BookingView, which: 'previous' | 'next', atLimit: boolean, label: TemplateResult): TemplateResult {
  return html`<button
    part="button"
    class="button button--secondary"
    type="button"
    data-week=${which}
    aria-disabled=${atLimit ? 'true' : 'false'}
    aria-describedby=${ifDefined(atLimit ? 'week-limit' : undefined)}
    @click=${() => v.paging.move(which === 'previous' ? -1 : 1)}
  >
    ${label}
  </button>`;
}

function weekLimitNote(v: BookingView, atStart: boolean): string {
  const service = v.data.service.value;
  if (service?.followUp && v.data.window) return v.ui.t('followUpWeekNote', { after: v.data.openerName(service) });
  return atStart ? v.ui.t('firstWeekNote') : v.ui.t('lastWeekNote', { weeks: v.paging.lastOffset + 1 });
}

function renderAvailability(v: BookingView): unknown {
  if (v.flow.refreshing) return renderLoading(v, 'loadingTimes');
  const task = v.data.availability;
  return task.render({
    initial: () => renderLoading(v, 'loadingTimes'),
    pending: () => renderLoading(v, 'loadingTimes'),
    error: (error) => {
      if (isAbort(error)) return renderLoading(v, 'loadingTimes');
      const service = v.data.service.value;
      // The backend judged the opening booking unusable for this window (wrong service, cancelled…).
      if (service?.followUp && isKapApiError(error) && error.kind === 'validation' && 'after' in error.fields) {
        return html`<p part="notice" class="notice">${v.ui.t('followUpNotOpener', { after: v.data.openerName(service) })}</p>`;
      }
      return renderFailure(v, error, () => void task.run(), 'loadTimesError');
    },
    complete: (availability) => renderWeek(v, availability),
  });
}

function daysOfWeek(v: BookingView, availability: AvailabilityResponse): DaySlots[] {
  const days = new Set(weekDays(v.paging.week));
  const now = Date.now();
  const future = availability.slots.filter((slot) => Date.parse(slot.start) > now);
  return slotsByDay(future, v.data.displayZone).filter((day) => days.has(day.day));
}

function renderWeek(v: BookingView, availability: AvailabilityResponse): TemplateResult {
  const { t, locale } = v.ui;
  const paging = v.paging;
  const days = daysOfWeek(v, availability);
  if (!days.length) {
    return html`<div part="notice" class="notice empty">
      <p><strong>${t('noTimesThisWeek')}</strong></p>
      ${
        paging.atEnd
          ? nothing
          : html`<p>${t('noTimesHint')}</p>
            <button part="button" class="button" type="button" @click=${() => paging.move(1)}>${t('showNextWeek')}</button>`
      }
    </div>`;
  }
  const selected = days.find((day) => day.day === paging.selectedDay) ?? days[0]!;
  const dayStop = days.some((day) => day.day === paging.dayTabStop) ? paging.dayTabStop : selected.day;
  const selectedName = formatDayLong(selected.day, locale);
  return html`<div class="days-and-times">
    <div
      class="days"
      role="group"
      aria-label=${t('daysLabel')}
      @keydown=${(event: KeyboardEvent) => {
        const moved = moveRovingFocus(event, event.currentTarget as HTMLElement);
        if (moved) paging.rest('day', moved);
      }}
    >
      ${days.map((day) => {
        const name = formatDayLong(day.day, locale);
        const count = v.ui.plural(day.slots.length, 'timesAvailableOne', 'timesAvailableOther');
        return html`<button
          part="day"
          class="day"
          type="button"
          data-roving=${day.day}
          tabindex=${day.day === dayStop ? 0 : -1}
          aria-pressed=${day.day === selected.day ? 'true' : 'false'}
          @click=${() => paging.selectDay(day.day)}
        >
          <span class="day-name" .textContent=${name}></span>
          <span class="day-count" .textContent=${count}></span>
        </button>`;
      })}
    </div>
    <div class="times" role="group" aria-labelledby="times-for">
      ${v.ui.heading(t('timesForDay', { day: selectedName }), { id: 'times-for', class: 'times-heading' }, true)}
      <div
        class="time-list"
        @keydown=${(event: KeyboardEvent) => {
          const moved = moveRovingFocus(event, event.currentTarget as HTMLElement);
          if (moved) paging.rest('time', moved);
        }}
      >
        ${renderTimes(v, selected, selectedName)}
      </div>
    </div>
  </div>`;
}

/**
 * Each time is a button named by its visible words (WCAG 2.5.3, label in name): the time, the client's
 * own time beside it when there is one, then — for screen readers only — the day and the zone.
 * Words are bound as text content (`.textContent`), here and in the days: a child part would leave a
 * comment node beside each, some 150 more nodes for a week of times (`npm run bench` counts them).
 */
function renderTimes(v: BookingView, day: DaySlots, dayName: string): TemplateResult[] {
  const { t, locale } = v.ui;
  const zone = v.data.displayZone;
  const zoneName = formatZoneName(zone, locale, day.slots[0]?.start);
  const stop = day.slots.some((slot) => slot.start === v.paging.timeTabStop) ? v.paging.timeTabStop : day.slots[0]?.start;
  const holding = v.flow.holding?.start;
  const context = t('timeDayZone', { day: dayName, zone: zoneName });
  return day.slots.map((slot) => {
    const own = clientTime(v, slot);
    return html`<button
      part="time"
      class="time"
      type="button"
      data-roving=${slot.start}
      tabindex=${slot.start === stop ? 0 : -1}
      aria-busy=${holding === slot.start ? 'true' : 'false'}
      aria-disabled=${holding ? 'true' : 'false'}
      @click=${() => void v.flow.chooseSlot(slot)}
    >
      <span class="time-main" .textContent=${formatTime(slot.start, zone, locale)}></span>${
        own ? html` <span class="time-own">${t('yourTime', { time: own.time })}</span>` : nothing
      }<span class="visually-hidden" .textContent=${context}></span>
    </button>`;
  });
}
