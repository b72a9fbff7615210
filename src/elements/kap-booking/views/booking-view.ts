/**
 * What `<kap-booking>`'s views read: its words (`ui`), its flows and data, and the few facts the
 * element works out from its attributes. Views are template functions of this; they change state
 * only from event handlers, through the flows and the week's paging.
 */
import type { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isKapApiError } from '../../../api/errors.js';
import type { Service, Slot } from '../../../api/schemas.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import type { ElementUi } from '../../../base/element-ui.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { formatTime, formatZoneName, sameOffsetAt } from '../../../scheduling/format.js';
import type { BookingData } from '../controllers/booking-data.js';
import type { BookingFlow } from '../controllers/booking-flow.js';
import { CHANGE_REFUSAL_NOTE, changeRefusalOf } from '../controllers/booking-state.js';
import type { WeekPaging } from '../controllers/week-paging.js';
import type { PrivacyNotice } from '../privacy-notice.js';

export interface BookingView {
  ui: ElementUi;
  /** The element's shadow root, where fields are found to take focus. */
  root: ParentNode;
  flow: BookingFlow;
  data: BookingData;
  paging: WeekPaging;
  /** Manage mode: the page named a booking to manage. */
  managing: boolean;
  /** The managed booking and its token, when both are known. */
  managed: BookingAccess | undefined;
  /** The booking opening a follow-up window and its token, when both are known. */
  opener: BookingAccess | undefined;
  /** The service asked for (for the message when the backend has none by that id). */
  serviceId: string;
  privacy: PrivacyNotice;
  /** The confirmation's link to the manage page, with the token in its fragment. */
  manageLink: string | undefined;
  /** The "Add to calendar" file's Blob URL. */
  calendarUrl: string | undefined;
  /** A follow-up service's views (`views/follow-up.ts`), imported only for one (in the drop-in file, a chunk). */
  followUpViews: Task<readonly [boolean], FollowUpViews>;
  /** The steps after a time is chosen (`views/after-pick.ts`), imported as the client picks one (in the drop-in file, a chunk). */
  afterPickViews: Task<readonly [boolean], AfterPickViews>;
}

/** What booking mode takes from `views/after-pick.ts`, named here for the reason `FollowUpViews` is. */
export interface AfterPickViews {
  renderDetailsStep(v: BookingView, service: Service): TemplateResult;
  renderConfirmation(v: BookingView, service: Service): TemplateResult;
}

/**
 * What booking mode takes from `views/follow-up.ts` (which implements it): named here, so that
 * module, which reads `BookingView`, and this one do not import each other.
 */
export interface FollowUpViews {
  /** The reader of a booking link (booking-links.ts), which comes with these views. */
  bookingLink: typeof import('../booking-links.js').bookingLink;
  /** Why the service cannot offer times yet, or `undefined` when it can. */
  followUpProblem(v: BookingView, service: Service): TemplateResult | undefined;
  /** The sentence explaining the service's window. */
  renderWindowNote(v: BookingView, service: Service): TemplateResult | typeof nothing;
}

/** A missing, wrong or expired token, or a booking id the backend does not know. */
export function isLinkRefused(error: unknown): boolean {
  return isKapApiError(error) && (error.kind === 'unauthorized' || error.kind === 'not_found');
}

export function renderLoading(v: BookingView, key: KapStringKey): TemplateResult {
  return html`<p class="loading" role="status" tabindex="-1"><span class="spinner" aria-hidden="true"></span>${v.ui.t(key)}${v.ui.renderStillLoading()}</p>`;
}

/** Like `failureMessage`, and a refused token or a booking cancelled (or started) meanwhile say so. */
export function failureText(v: BookingView, error: unknown): string {
  if (isLinkRefused(error)) return v.ui.t('manageLinkInvalid');
  const refusal = changeRefusalOf(error);
  return refusal ? v.ui.t(CHANGE_REFUSAL_NOTE[refusal]) : v.ui.failureMessage(error);
}

/** `fallback`: where focus goes once "Try again" is gone (see FocusRescue); without it, the loading message that replaces it. */
export function renderFailure(v: BookingView, error: unknown, retry: () => void, lead?: KapStringKey, fallback?: string): TemplateResult {
  return html`<div part="notice" class="notice notice--error" role="alert">
    ${lead ? html`<p><strong>${v.ui.t(lead)}</strong></p>` : nothing}
    <p>${failureText(v, error)}</p>
    <button part="button" class="button button--secondary" type="button" data-focus-fallback=${ifDefined(fallback)} @click=${retry}>
      ${v.ui.t('tryAgain')}
    </button>
  </div>`;
}

/** A message in place of the element's content, with a heading (missing or refused link), and what the client can do (`offer`). */
export function renderProblem(v: BookingView, heading: KapStringKey, body: string, offer: unknown = nothing): TemplateResult {
  return html`<section class="step" aria-labelledby="problem-heading">
    ${v.ui.heading(v.ui.t(heading), { id: 'problem-heading', part: 'heading', focusable: true })}
    <div part="notice" class="notice" role="status"><p>${body}</p></div>
    ${offer}
  </section>`;
}

/** The client's own clock time for `slot`, when it is shown in another zone that differs. */
export function clientTime(v: BookingView, slot: Slot): { time: string; zone: string } | undefined {
  const zone = v.data.displayZone;
  const own = v.data.clientZone;
  if (zone === own || sameOffsetAt(slot.start, zone, own)) return undefined;
  return { time: formatTime(slot.start, own, v.ui.locale), zone: formatZoneName(own, v.ui.locale, slot.start) };
}
