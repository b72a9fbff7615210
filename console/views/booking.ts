/**
 * `<console-booking>`: one booking, opened from the schedule or the requests — the client's
 * details, its history as the server keeps it, checklist ticks with their times, and the intake as
 * the role may see it (front desk: "submitted" / "needs a clinician" only; clinicians and owners:
 * each response, to open). Roles that manage bookings may cancel on the client's behalf, after a
 * confirmation step, or move a booking not yet started to another free time (picked from the
 * service's real availability, time-picker.ts; the server moves it with the client's own rule, one
 * Idempotency-Key per move so a retry never moves it twice). The booking's id stays in memory:
 * nothing about the client goes in the URL. "Back" fires `booking-closed`; a response to open
 * fires `open-response` with its id; a move fires `booking-moved`.
 */
import { LitElement, html, nothing } from 'lit';
import { newIdempotencyKey } from '../../src/api/idempotency-key.js';
import type { BookingOverviewResponse } from '../../src/api/staff.js';
import { renderErrorSummary } from '../../src/base/error-summary.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import { errorMessage } from './console-view.js';
import { formStyles } from './form-parts.js';
import type { ConsoleTimePicker } from './time-picker.js';
import './time-picker.js';

/** Moving the booking: the key of this move (kept across its retries), and what went wrong last. */
type Moving = { key: string; error: string; busy: boolean };
/** Revoking the booking's links: asked (`confirming`), on its way (`busy`), and why the last try failed. */
type Revoking = { confirming: boolean; busy: boolean; error: string };
type Ready = {
  name: 'ready';
  overview: BookingOverviewResponse;
  confirming: boolean;
  busy: boolean;
  outcome: string;
  error: string;
  moving?: Moving;
  revoking?: Revoking;
};
type State = { name: 'loading' } | { name: 'failed'; message: string } | Ready;

export class ConsoleBooking extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    timeZone: { attribute: false },
    bookingId: { attribute: false },
    manage: { type: Boolean },
    revoke: { type: Boolean },
    state: { state: true },
  };
  static override styles = [consoleStyles, formStyles];
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare timeZone: string;
  declare bookingId: string;
  /** The role may cancel on the client's behalf (`bookings:manage`). */
  declare manage: boolean;
  /** The role may revoke the booking's links (`links:revoke`, the owner); the server checks it again. */
  declare revoke: boolean;
  declare state: State;

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
    this.bookingId = '';
    this.manage = false;
    this.revoke = false;
    this.state = { name: 'loading' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load().then(() => this.#focus('#booking-heading'));
  }

  async load(outcome = '') {
    try {
      this.state = { name: 'ready', overview: await this.api.bookingOverview(this.bookingId), confirming: false, busy: false, outcome, error: '' };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  override render() {
    const t = this.t;
    const state = this.state;
    return html`<section part="base" class="section" aria-labelledby="booking-heading">
      <button class="link-button" type="button" @click=${this.#back}>${t('bookingBack')}</button>
      ${
        state.name === 'ready'
          ? this.#overview(state)
          : html`<h2 id="booking-heading" class="heading--sub" tabindex="-1">${t('bookingHeading')}</h2>
            ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
            ${
              state.name === 'failed'
                ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
                  <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
                : nothing
            }`
      }
    </section>`;
  }

  #overview(state: Extract<State, { name: 'ready' }>) {
    const t = this.t;
    const { booking, serviceName, history, checklist, intake } = state.overview;
    const when = (instant: string) => clinicTime(instant, this.timeZone, this.lang);
    return html`<h2 id="booking-heading" class="heading--sub" tabindex="-1">${t('requestFor', { service: serviceName, time: when(booking.start) })}</h2>
      ${state.outcome ? html`<p class="notice notice--success" role="status">${state.outcome}</p>` : nothing}
      <p>${t('bookingStatus', { status: t(`status.${booking.status}`) })}</p>
      <h3>${t('bookingClient')}</h3>
      <dl>
        <div><dt class="label">${t('bookingName')}</dt><dd>${booking.client.name}</dd></div>
        <div><dt class="label">${t('email')}</dt><dd>${booking.client.email}</dd></div>
        <div><dt class="label">${t('bookingPhone')}</dt><dd>${booking.client.phone}</dd></div>
        <div><dt class="label">${t('bookingContactConsent')}</dt><dd>${booking.consent.contact ? t('yes') : t('no')}</dd></div>
      </dl>
      <h3>${t('bookingHistory')}</h3>
      <ol>
        ${history.map(
          (entry) =>
            html`<li>
              ${t(`history.${entry.event}`, { time: when(entry.at), who: entry.by?.email ?? entry.by?.id ?? '' })}
              ${entry.suggestedTimes?.length ? t('historySuggested', { times: entry.suggestedTimes.map(when).join('; ') }) : nothing}
            </li>`,
        )}
      </ol>
      <h3>${t('scheduleChecklist')}</h3>
      ${
        checklist?.length
          ? html`<ul>
            ${checklist.map((item) => html`<li>${item.text}: ${item.doneAt ? t('checklistDoneAt', { time: when(item.doneAt) }) : t('checklistNotDone')}</li>`)}
          </ul>`
          : html`<p>${t('checklistNone')}</p>`
      }
      ${intake ? this.#intake(intake) : nothing}
      ${this.manage && booking.status !== 'cancelled' && Date.parse(booking.start) > Date.now() && !state.confirming ? this.#move(state) : nothing}
      ${this.manage && booking.status !== 'cancelled' && !state.moving && !state.revoking?.confirming ? this.#cancel(state) : nothing}
      ${this.revoke && !state.moving && !state.confirming ? this.#revoke(state) : nothing}`;
  }

  /** The owner's "Revoke this booking's links": a step that says what it does, then `POST staff/bookings/{id}/revoke-links`. */
  #revoke(state: Ready) {
    const t = this.t;
    const revoking = state.revoking;
    if (!revoking?.confirming) {
      return html`<div class="section">
        ${revoking?.error ? html`<div class="notice notice--error" role="alert"><p>${revoking.error}</p></div>` : nothing}
        <button class="button button--secondary" type="button" @click=${() => this.#revoking(true)}>${t('bookingRevokeLinks')}</button>
      </div>`;
    }
    return html`<div class="card" role="group" aria-labelledby="revoke-heading">
      <h3 id="revoke-heading" tabindex="-1">${t('bookingRevokeConfirm')}</h3>
      <p>${t('bookingRevokeWarning')}</p>
      <div class="actions">
        <button class="button" type="button" aria-disabled=${revoking.busy ? 'true' : 'false'} @click=${this.#revokeNow}>${t('bookingRevokeYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#revoking(false)}>${t('bookingRevokeNo')}</button>
      </div>
    </div>`;
  }

  async #revoking(confirming: boolean) {
    if (this.state.name !== 'ready') return;
    this.state = { ...this.state, outcome: '', revoking: { confirming, busy: false, error: '' } };
    await this.#focus(confirming ? '#revoke-heading' : '#booking-heading');
  }

  #revokeNow = async () => {
    const state = this.state;
    if (state.name !== 'ready' || !state.revoking || state.revoking.busy) return;
    this.state = { ...state, revoking: { ...state.revoking, busy: true } };
    try {
      await this.api.revokeLinks(this.bookingId);
      await this.load(this.t('bookingLinksRevoked'));
    } catch (error) {
      this.state = { ...state, revoking: { confirming: false, busy: false, error: this.#message(error) } };
    }
    await this.#focus('#booking-heading');
  };

  #intake(intake: NonNullable<BookingOverviewResponse['intake']>) {
    const t = this.t;
    return html`<h3>${t('scheduleIntake')}</h3>
      <p>${intake.status === 'needs-clinician' ? html`<span class="badge badge--alert">${t('intake.needs-clinician')}</span>` : t(`intake.${intake.status}`)}</p>
      ${
        intake.responses?.length
          ? html`<ul class="plain">
            ${intake.responses.map((response) => {
              const received = clinicTime(response.receivedAt, this.timeZone, this.lang);
              return html`<li>
                ${t('bookingResponseReceived', { time: received })}
                <button class="button button--secondary" type="button" aria-label=${t('bookingOpenResponse', { time: received })}
                  @click=${() => this.dispatchEvent(new CustomEvent('open-response', { detail: response.id, bubbles: true, composed: true }))}>${t('safetyOpen')}</button>
              </li>`;
            })}
          </ul>`
          : nothing
      }`;
  }

  #move(state: Ready) {
    const t = this.t;
    const moving = state.moving;
    if (!moving) {
      return html`<div class="section">
        <button class="button button--secondary" type="button" @click=${() => this.#moving(true)}>${t('bookingMove')}</button>
      </div>`;
    }
    const { booking } = state.overview;
    const picker = () => this.renderRoot.querySelector<ConsoleTimePicker>('console-time-picker');
    return html`<div class="card" role="group" aria-labelledby="move-heading">
      ${renderErrorSummary((title) => html`<h3 class="heading">${title}</h3>`, t('errorSummaryTitle'), moving.error ? [{ href: '#move-times', message: moving.error, focus: () => picker()?.focusFirst() }] : [])}
      <h3 id="move-heading" tabindex="-1">${t('bookingMoveHeading')}</h3>
      <p>${t('bookingMoveCurrent', { time: clinicTime(booking.start, this.timeZone, this.lang) })}</p>
      <console-time-picker
        id="move-times"
        .api=${this.api}
        .t=${t}
        lang=${this.lang}
        .timeZone=${this.timeZone}
        service=${booking.service}
        max="1"
        legend=${t('bookingMoveLegend')}
        .error=${moving.error}
        .exclude=${[booking.start]}
      ></console-time-picker>
      <div class="actions">
        <button class="button" type="button" aria-disabled=${moving.busy ? 'true' : 'false'} @click=${this.#moveNow}>${t('bookingMoveYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#moving(false)}>${t('bookingMoveNo')}</button>
      </div>
    </div>`;
  }

  async #moving(on: boolean) {
    if (this.state.name !== 'ready') return;
    const { moving: _, ...rest } = this.state;
    this.state = on ? { ...rest, error: '', outcome: '', moving: { key: newIdempotencyKey(), error: '', busy: false } } : rest;
    await this.#focus(on ? '#move-heading' : '#booking-heading');
  }

  #moveNow = async () => {
    const state = this.state;
    if (state.name !== 'ready' || !state.moving || state.moving.busy) return;
    const picker = this.renderRoot.querySelector<ConsoleTimePicker>('console-time-picker');
    const start = picker?.value[0];
    if (!start) return this.#moveFailed(state, state.moving.key, this.t('bookingMoveChoose'));
    this.state = { ...state, moving: { ...state.moving, busy: true } };
    try {
      await this.api.rescheduleBooking(this.bookingId, start, state.moving.key);
      await this.load(this.t('bookingMoved', { time: clinicTime(start, this.timeZone, this.lang) }));
      this.dispatchEvent(new CustomEvent('booking-moved', { bubbles: true, composed: true }));
      await this.#focus('#booking-heading');
    } catch (error) {
      // A server's answer is that key's outcome for good: the next try is a new move, with a new key.
      const key = error instanceof ConsoleApiError && error.status === 0 ? state.moving.key : newIdempotencyKey();
      const code = error instanceof ConsoleApiError ? error.code : '';
      const message =
        code === 'slot_unavailable'
          ? this.t('bookingMoveTaken')
          : code === 'booking_started'
            ? this.t('bookingMoveStarted')
            : code === 'booking_cancelled'
              ? this.t('bookingMoveCancelled')
              : this.#message(error);
      if (code === 'slot_unavailable') void picker?.load();
      await this.#moveFailed(state, key, message);
    }
  };

  async #moveFailed(state: Ready, key: string, error: string) {
    this.state = { ...state, moving: { key, error, busy: false } };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #cancel(state: Extract<State, { name: 'ready' }>) {
    const t = this.t;
    if (!state.confirming) {
      return html`<div class="section">
        ${state.error ? html`<div class="notice notice--error" role="alert"><p>${state.error}</p></div>` : nothing}
        <button class="button button--secondary" type="button" @click=${() => this.#confirming(true)}>${t('bookingCancel')}</button>
      </div>`;
    }
    return html`<div class="card" role="group" aria-labelledby="cancel-heading">
      <h3 id="cancel-heading" tabindex="-1">${t('bookingCancelConfirm')}</h3>
      <p>${t('bookingCancelWarning')}</p>
      <div class="actions">
        <button class="button" type="button" aria-disabled=${state.busy ? 'true' : 'false'} @click=${this.#cancelNow}>${t('bookingCancelYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#confirming(false)}>${t('bookingCancelNo')}</button>
      </div>
    </div>`;
  }

  async #confirming(confirming: boolean) {
    if (this.state.name !== 'ready') return;
    this.state = { ...this.state, confirming, error: '' };
    await this.#focus(confirming ? '#cancel-heading' : '#booking-heading');
  }

  #cancelNow = async () => {
    const state = this.state;
    if (state.name !== 'ready' || state.busy) return;
    this.state = { ...state, busy: true };
    try {
      await this.api.cancelBooking(this.bookingId);
      await this.load(this.t('bookingCancelled'));
      this.dispatchEvent(new CustomEvent('booking-cancelled', { bubbles: true, composed: true }));
    } catch (error) {
      const message = error instanceof ConsoleApiError && error.code === 'booking_started' ? this.t('bookingCancelStarted') : this.#message(error);
      this.state = { ...state, busy: false, confirming: false, error: message };
    }
    await this.#focus('#booking-heading');
  };

  #back = () => {
    this.dispatchEvent(new CustomEvent('booking-closed', { bubbles: true, composed: true }));
  };

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #message(error: unknown): string {
    return errorMessage(this.t, error, 'bookingNotFound');
  }
}
if (!customElements.get('console-booking')) customElements.define('console-booking', ConsoleBooking);
