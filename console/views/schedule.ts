/**
 * `<console-schedule>`: today and the week ahead, day by day in the clinic's time zone — time,
 * service, status, the client where the role may see it, checklist progress, and the intake's
 * status with a badge when it needs a clinician (front desk sees no more of an intake than that).
 * Roles that see the client may open a booking (`open-booking`, its id in the event, not the URL).
 */
import { html, nothing } from 'lit';
import type { ScheduleEntry, ScheduleResponse } from '../../src/api/staff.js';
import { clinicClock, clinicDayHeading, clinicTime, dayIn } from '../format.js';
import { openBooking } from './booking-events.js';
import { ConsoleView } from './console-view.js';

export class ConsoleSchedule extends ConsoleView<ScheduleResponse> {
  protected override fetch() {
    return this.api.schedule();
  }

  override render() {
    const loaded = this.loaded;
    return html`<section part="base" class="section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" class="heading--sub" tabindex="-1">${this.t('scheduleHeading')}</h2>
      ${loaded.name === 'ready' ? this.#days(loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #days(schedule: ScheduleResponse) {
    const t = this.t;
    const zone = schedule.timeZone;
    const byDay = new Map<string, ScheduleEntry[]>();
    for (const booking of schedule.bookings) {
      const day = dayIn(booking.start, zone);
      byDay.set(day, [...(byDay.get(day) ?? []), booking]);
    }
    const days = Array.from({ length: schedule.days }, (_, i) => {
      const noon = Date.parse(`${schedule.from}T12:00:00Z`) + i * 86_400_000;
      return new Date(noon).toISOString().slice(0, 10);
    });
    return html`<p class="hint">${t('scheduleRange', { zone })}</p>
      ${days.map((day) => {
        const bookings = byDay.get(day) ?? [];
        const heading = clinicDayHeading(`${day}T12:00:00Z`, 'UTC', this.lang);
        return html`<h3>${heading}</h3>
          ${
            bookings.length === 0
              ? html`<p class="muted">${t('scheduleEmptyDay')}</p>`
              : html`<table class="stack">
                <caption class="visually-hidden">${heading}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('scheduleTime')}</th>
                    <th scope="col">${t('scheduleService')}</th>
                    <th scope="col">${t('scheduleStatus')}</th>
                    ${bookings.some((booking) => booking.client) ? html`<th scope="col">${t('scheduleClient')}</th>` : nothing}
                    <th scope="col">${t('scheduleChecklist')}</th>
                    ${bookings.some((booking) => booking.intake) ? html`<th scope="col">${t('scheduleIntake')}</th>` : nothing}
                    ${bookings.some((booking) => booking.client) ? html`<th scope="col">${t('bookingHeading')}</th>` : nothing}
                  </tr>
                </thead>
                <tbody>
                  ${bookings.map(
                    (booking) => html`<tr>
                      <td data-label=${t('scheduleTime')}>${clinicClock(booking.start, zone, this.lang)}–${clinicClock(booking.end, zone, this.lang)}</td>
                      <td data-label=${t('scheduleService')}>${booking.serviceName}</td>
                      <td data-label=${t('scheduleStatus')}>${t(`status.${booking.status}`)}</td>
                      ${booking.client ? html`<td data-label=${t('scheduleClient')}>${booking.client.name}</td>` : nothing}
                      <td data-label=${t('scheduleChecklist')}>${booking.checklist ? t('checklistProgress', { done: booking.checklist.done, total: booking.checklist.total }) : t('checklistNone')}</td>
                      ${
                        booking.intake
                          ? html`<td data-label=${t('scheduleIntake')}>
                            ${booking.intake.status === 'needs-clinician' ? html`<span class="badge badge--alert">${t('intake.needs-clinician')}</span>` : t(`intake.${booking.intake.status}`)}
                          </td>`
                          : nothing
                      }
                      ${
                        booking.client
                          ? html`<td data-label=${t('bookingHeading')}>
                            <button class="button button--secondary" type="button"
                              aria-label=${t('bookingOpenLabel', { service: booking.serviceName, time: clinicTime(booking.start, zone, this.lang) })}
                              @click=${() => openBooking(this, booking.id)}>${t('bookingOpen')}</button>
                          </td>`
                          : nothing
                      }
                    </tr>`,
                  )}
                </tbody>
              </table>`
          }`;
      })}`;
  }
}
if (!customElements.get('console-schedule')) customElements.define('console-schedule', ConsoleSchedule);
