/** Managing a booking: the booking and its actions, cancelling after asking, moving to another free time. */
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { Booking, Service } from '../../../api/schemas.js';
import { renderWriteStatus, type WriteStatus } from '../../../base/write-status.js';
import { enBookingManage } from '../../../i18n/en-booking-later.js';
import { registerBuiltInStrings } from '../../../i18n/registry.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { changeTime, status as moveStatus, submit } from '../controllers/booking-actions.js';
import { askToCancel, cancel, cancelStatus, keep, refusal as refusalOf, startMove, stopMove } from '../controllers/manage-actions.js';
import { CHANGE_REFUSAL_NOTE } from '../controllers/booking-state.js';
import type { ManageFlow } from '../controllers/manage-flow.js';
import { renderAppointment, renderCalendarLink, renderOutcome } from './appointment.js';
import { failureText, isLinkRefused, renderFailure, renderLoading, renderProblem, type BookingView } from './booking-view.js';
import { dateAtTime } from './date-at-time.js';
import { renderHold } from './details-form.js';
import { canMove, renderMoveUnavailable, renderWindowNote } from './follow-up.js';
import { renderServiceProblem } from './service-problem.js';
import { renderTimesStep } from './times.js';

export { styles } from './later.styles.js';
export { startManaging } from '../controllers/manage-flow.js';
export { bookingLink } from '../booking-links.js';

// Its words come with it: a page that never shows this view never loads them.
registerBuiltInStrings(enBookingManage);

/** `v.managed` is known: without a link the element asks for one (`manageLinkMissing`) and loads no views. */
export function renderManage(v: BookingView, manage: ManageFlow): unknown {
  const t = v.ui.t;
  const task = v.data.managed;
  if (task.status === TaskStatus.ERROR) {
    if (isAbort(task.error)) return renderLoading(v, 'manageLoading');
    if (isLinkRefused(task.error)) return renderProblem(v, 'manageProblemHeading', t('manageLinkInvalid'), v.ui.renderEmailLinks());
    return renderFailure(v, task.error, () => void task.run(), 'manageLoadError');
  }
  const booking = manage.booking;
  if (!booking) return renderLoading(v, 'manageLoading');
  if (v.data.service.status === TaskStatus.ERROR) return renderServiceProblem(v);
  const service = v.data.service.value;
  if (!service || service.id !== booking.service) return renderLoading(v, 'manageLoading');
  switch (manage.step) {
    case 'confirm-cancel':
      return renderCancelQuestion(v, manage, service, booking);
    case 'cancelled':
      return renderOutcome(
        v,
        { id: 'cancelled-heading', focus: 'cancelled', heading: 'cancelledHeading' },
        renderAppointment(v, service, booking, { reference: booking.id, status: booking.status }),
        html`<p>${t('cancelledBody')}</p>`,
      );
    case 'moving':
      return v.flow.step === 'times'
        ? renderTimesStep(v, service, {
            heading: 'rescheduleHeading',
            intro: html`<p class="current-time">${t('rescheduleCurrent', { when: dateAtTime(v, booking.start) })}</p>
              <button part="button" class="link-button keep-time" type="button" @click=${() => stopMove(manage)}>
                ${t('keepCurrentTime')}
              </button>
              ${renderWindowNote(v, service)}`,
          })
        : renderMoveCheck(v, service, booking);
    case 'moved':
      return renderMoved(v, manage, service, booking);
    default:
      return renderManaged(v, manage, service, booking);
  }
}

function renderManaged(v: BookingView, manage: ManageFlow, service: Service, booking: Booking): TemplateResult {
  const t = v.ui.t;
  const refusal = refusalOf(manage);
  return html`<section class="step" aria-labelledby="manage-heading">
    ${v.ui.heading(t('manageHeading'), { id: 'manage-heading', part: 'heading', focusable: true, focus: 'manage' })}
    ${renderAppointment(v, service, booking, { reference: booking.id, status: booking.status })}
    ${
      refusal
        ? html`<p part="notice" class="notice">${t(CHANGE_REFUSAL_NOTE[refusal])}</p>
          ${renderSuggested(v, manage, booking)}`
        : html`${renderMoveUnavailable(v, service)}
          <div part="actions" class="actions">
            ${
              canMove(v, service)
                ? html`<button
                  part="button"
                  class="button button--secondary"
                  type="button"
                  data-focus="change-action"
                  @click=${() => startMove(manage)}
                >
                  ${t('changeTime')}
                </button>`
                : nothing
            }
            <button part="button" class="button button--secondary" type="button" data-focus="cancel-action" @click=${() => askToCancel(manage)}>
              ${t('cancelAppointment')}
            </button>
          </div>`
    }
  </section>`;
}

/** A declined request's other times the clinic suggested: each starts a new booking on its day. */
function renderSuggested(v: BookingView, manage: ManageFlow, booking: Booking): unknown {
  const times = booking.status === 'cancelled' ? booking.suggestedTimes : undefined;
  if (!times?.length) return nothing;
  return html`<p>${v.ui.t('suggestedTimesIntro')}</p>
    <ul part="actions" class="actions suggested-times">
      ${times.map(
        (start) =>
          html`<li>
            <button part="button" class="button button--secondary" type="button" @click=${() => manage.context.bookAt(start)}>${dateAtTime(v, start)}</button>
          </li>`,
      )}
    </ul>`;
}

function renderCancelQuestion(v: BookingView, manage: ManageFlow, service: Service, booking: Booking): TemplateResult {
  return html`<section class="step" aria-labelledby="cancel-heading">
    ${v.ui.heading(v.ui.t('cancelConfirmHeading'), { id: 'cancel-heading', part: 'heading', focusable: true, focus: 'confirm-cancel' })}
    ${renderAppointment(v, service, booking)}
    <p>${v.ui.t('cancelConfirmBody')}</p>
    ${renderDecision(v, {
      failure: manage.cancelFailure,
      failureLead: 'cancelError',
      status: cancelStatus(manage),
      busyText: 'cancelling',
      confirm: { label: 'cancelConfirmYes', className: 'button--warning', run: () => void cancel(manage) },
      back: { label: 'cancelConfirmNo', run: () => keep(manage) },
    })}
  </section>`;
}

/**
 * The end of a question (cancel? move?): why the last try failed, the button that acts and
 * the one that goes back, and the live status while the action runs.
 */
function renderDecision(
  v: BookingView,
  options: {
    failure: unknown;
    failureLead: KapStringKey;
    status: WriteStatus;
    busyText: KapStringKey;
    confirm: { label: KapStringKey; className: string; run: () => void };
    back: { label: KapStringKey; run: () => void };
  },
): TemplateResult {
  const t = v.ui.t;
  const { failure, status, confirm, back } = options;
  return html`${
    failure
      ? html`<div part="notice" class="notice notice--error" role="alert">
          <p><strong>${t(options.failureLead)}</strong></p>
          <p>${failureText(v, failure)}</p>
        </div>`
      : nothing
  }
    <div part="actions" class="actions">
      <button part="button" class="button ${confirm.className}" type="button" aria-disabled=${status.sending ? 'true' : 'false'} @click=${confirm.run}>
        ${t(confirm.label)}
      </button>
      <button part="button" class="button button--secondary" type="button" @click=${back.run}>${t(back.label)}</button>
    </div>
    ${renderWriteStatus(v.ui, status, options.busyText)}`;
}

/** The new time is held: check it, then move. */
function renderMoveCheck(v: BookingView, service: Service, booking: Booking): TemplateResult {
  const slot = v.flow.slot!;
  return html`<section class="step" aria-labelledby="move-heading">
    ${v.ui.heading(v.ui.t('rescheduleConfirmHeading'), { id: 'move-heading', part: 'heading', focusable: true, focus: 'details' })}
    <p class="move-from-to">${v.ui.t('rescheduleFromTo', { from: dateAtTime(v, booking.start), to: dateAtTime(v, slot.start) })}</p>
    ${renderAppointment(v, service, slot)} ${renderHold(v, v.flow.holdState, 'holdExpiredMove')}
    ${renderDecision(v, {
      failure: v.flow.submitFailure,
      failureLead: 'moveError',
      status: moveStatus(v.flow),
      busyText: 'moving',
      confirm: { label: 'confirmMove', className: 'confirm', run: () => void submit(v.flow) },
      back: { label: 'chooseAnotherTime', run: () => changeTime(v.flow) },
    })}
  </section>`;
}

function renderMoved(v: BookingView, manage: ManageFlow, service: Service, booking: Booking): TemplateResult {
  const t = v.ui.t;
  const from = manage.movedFrom;
  return renderOutcome(
    v,
    { id: 'moved-heading', focus: 'done', heading: 'rescheduledHeading' },
    renderAppointment(v, service, booking, { reference: booking.id, status: booking.status }),
    html`${v.flow.changesNotSent ? html`<p part="notice" class="notice">${t('moveChangesNotSent')}</p>` : nothing}
    ${from ? html`<p>${t('rescheduledBody', { from: dateAtTime(v, from.start) })}</p>` : nothing} ${renderCalendarLink(v)}`,
  );
}
