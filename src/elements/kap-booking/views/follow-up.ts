/**
 * A follow-up service (integration after the ketamine session): why it cannot offer times yet,
 * the sentence explaining its window, and whether a booking of it can be moved here.
 */
import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { Service } from '../../../api/schemas.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { enBookingFollowUp } from '../../../i18n/en-booking-later.js';
import { registerBuiltInStrings } from '../../../i18n/registry.js';
import { isLinkRefused, renderFailure, renderLoading, renderProblem, type BookingView } from './booking-view.js';
import { dateAtTime } from './date-at-time.js';

export { styles } from './later.styles.js';
export { bookingLink } from '../booking-links.js';

// Its words come with it: a page that never shows this view never loads them.
registerBuiltInStrings(enBookingFollowUp);

function hours(v: BookingView, value: number): string {
  return new Intl.NumberFormat(v.ui.locale, { maximumFractionDigits: 1 }).format(value);
}

/** Why a follow-up service cannot offer times yet, or `undefined` when it can. */
export function followUpProblem(v: BookingView, service: Service): TemplateResult | undefined {
  const t = v.ui.t;
  const after = v.data.openerName(service);
  const heading: KapStringKey = 'chooseTimeHeading';
  if (!v.opener) return renderProblem(v, heading, t('followUpMissing', { after }));
  const task = v.data.opener;
  if (task.status === TaskStatus.ERROR) {
    if (isAbort(task.error)) return renderLoading(v, 'loadingTimes');
    if (isLinkRefused(task.error)) return renderProblem(v, heading, t('manageLinkInvalid'));
    return renderFailure(v, task.error, () => void task.run(), 'loadTimesError');
  }
  const opener = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  if (!opener) return renderLoading(v, 'loadingTimes');
  if (opener.service !== service.followUp!.after) return renderProblem(v, heading, t('followUpNotOpener', { after }));
  if (opener.status === 'cancelled') return renderProblem(v, heading, t('followUpOpenerCancelled', { after }));
  if (Date.parse(v.data.window!.end) <= Date.now()) return renderProblem(v, heading, t('followUpPassed', { after }));
  return undefined;
}

export function renderWindowNote(v: BookingView, service: Service): TemplateResult | typeof nothing {
  const followUp = service.followUp;
  const window = v.data.window;
  if (!followUp || !window) return nothing;
  return html`<p part="window" class="window-note">
    ${v.ui.t('followUpWindow', {
      min: hours(v, followUp.minHoursAfterEnd),
      max: hours(v, followUp.maxHoursAfterEnd),
      after: v.data.openerName(service),
      from: dateAtTime(v, window.start),
      to: dateAtTime(v, window.end),
    })}
  </p>`;
}

/**
 * A follow-up booking can move only within its window, which needs the booking that opens
 * it (`after` and `afterToken`): without them, the clinic moves it.
 */
export function canMove(v: BookingView, service: Service): boolean {
  return !service.followUp || Boolean(v.opener && v.data.window);
}

export function renderMoveUnavailable(v: BookingView, service: Service): TemplateResult | typeof nothing {
  const followUp = service.followUp;
  if (!followUp || canMove(v, service)) return nothing;
  // Still finding out whether the opening booking can be read.
  if (v.opener && v.data.opener.status === TaskStatus.PENDING) return nothing;
  return html`<p class="muted">
    ${v.ui.t('moveNotOffered', {
      min: hours(v, followUp.minHoursAfterEnd),
      max: hours(v, followUp.maxHoursAfterEnd),
      after: v.data.openerName(service),
    })}
  </p>`;
}
