/** The appointment as the client reads it (service, day, time in two zones when they differ), and the pages that end a step. */
import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStatus, Service, Slot } from '../../../api/schemas.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { enBookingDetails } from '../../../i18n/en-booking-details.js';
import { registerBuiltInStrings } from '../../../i18n/registry.js';
import { formatDayLong, formatTime, formatZoneName } from '../../../scheduling/format.js';
import { dayOf } from '../../../scheduling/zones.js';
import type { FocusTarget } from '../controllers/booking-flow.js';
import type { ManageFocus } from '../controllers/manage-flow.js';
import { serviceName } from '../service-language.js';
import { clientTime, type BookingView } from './booking-view.js';

// Its words come with it (the details form's too, which imports it): a page that shows only the times
// never loads them.
registerBuiltInStrings(enBookingDetails);

const STATUS_LABELS: Record<BookingStatus, KapStringKey> = {
  confirmed: 'statusConfirmed',
  requested: 'statusRequested',
  cancelled: 'statusCancelled',
};

export function renderAppointment(
  v: BookingView,
  service: Service,
  slot: Slot,
  { reference, status }: { reference?: string; status?: BookingStatus } = {},
): TemplateResult {
  const t = v.ui.t;
  const locale = v.ui.locale;
  const zone = v.data.displayZone;
  const day = dayOf(slot.start, zone);
  const own = clientTime(v, slot);
  const time = `${formatTime(slot.start, zone, locale)} – ${formatTime(slot.end, zone, locale)} ${formatZoneName(zone, locale, slot.start)}`;
  return html`<dl part="summary" class="summary">
    <div>
      <dt>${t('summaryService')}</dt>
      <dd>${serviceName(service)}</dd>
    </div>
    <div>
      <dt>${t('summaryDate')}</dt>
      <dd>${formatDayLong(day, locale)}</dd>
    </div>
    <div>
      <dt>${t('summaryTime')}</dt>
      <dd>
        ${time}
        ${own ? html`<br /><span class="muted">${t('yourTime', { time: own.time })} (${own.zone})</span>` : nothing}
      </dd>
    </div>
    ${
      status
        ? html`<div>
          <dt>${t('summaryStatus')}</dt>
          <dd class="status-value">${t(STATUS_LABELS[status])}</dd>
        </div>`
        : nothing
    }
    ${
      reference
        ? html`<div>
          <dt>${t('bookingReference')}</dt>
          <dd class="reference">${reference}</dd>
        </div>`
        : nothing
    }
  </dl>`;
}

/** A finished action's page: its heading and the booking as it now stands, then `body`. */
export function renderOutcome(
  v: BookingView,
  step: { id: string; focus: FocusTarget | ManageFocus; heading: KapStringKey },
  summary: TemplateResult,
  body: unknown,
): TemplateResult {
  return html`<section part="confirmation" class="step confirmation" aria-labelledby=${step.id}>
    <div class="notice notice--success">
      ${v.ui.heading(v.ui.t(step.heading), { id: step.id, part: 'heading', focusable: true, focus: step.focus })}
      ${summary}
    </div>
    ${body}
  </section>`;
}

export function renderCalendarLink(v: BookingView): TemplateResult | typeof nothing {
  if (!v.calendarUrl) return nothing;
  return html`<a part="button" class="button button--secondary" href=${v.calendarUrl} download="appointment.ics"
    >${v.ui.t('addToCalendar')}</a
  >`;
}

/** Step 3: the booking is recorded (or requested). */
export function renderConfirmation(v: BookingView, service: Service): TemplateResult {
  const t = v.ui.t;
  const booking = v.flow.booking!;
  const requested = booking.status === 'requested';
  return renderOutcome(
    v,
    { id: 'done-heading', focus: 'done', heading: requested ? 'requestedHeading' : 'confirmedHeading' },
    renderAppointment(v, service, booking, { reference: booking.id }),
    html`${
      v.flow.changesNotSent
        ? html`<p part="notice" class="notice">${t('bookingChangesNotSent')} ${t(v.manageLink ? 'changesNotSentManage' : 'changesNotSentContact')}</p>`
        : nothing
    }
      ${v.ui.heading(t('nextStepsHeading'), {}, true)}
      <p>${t(requested ? 'nextStepsRequested' : 'nextStepsConfirmed')}</p>
      ${
        v.manageLink
          ? html`<p class="manage-link">
              <a part="manage-link" href=${v.manageLink}>${t('manageLink')}</a>
            </p>
            <p class="hint">${t('manageLinkHint')}</p>`
          : nothing
      }
      ${renderCalendarLink(v)}`,
  );
}
