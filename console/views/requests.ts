/**
 * `<console-requests>`: request-mode bookings waiting for the clinic, soonest first, each with
 * Confirm, or Decline with a reason from the list and, optionally, up to three other times of the
 * service to suggest (picked from its real availability, time-picker.ts; the client's manage view
 * lists them). The server decides atomically; a request someone else decided meanwhile says so,
 * and the list is reloaded either way. A decline without a reason is answered by an error summary.
 */
import { LitElement, html, nothing } from 'lit';
import { MAX_SUGGESTED_TIMES } from '../../src/api/schemas.js';
import { DECLINE_REASON_CODES, type DeclineReasonCode, type RequestsResponse } from '../../src/api/staff.js';
import { renderErrorSummary } from '../../src/base/error-summary.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import { errorMessage } from './console-view.js';
import { openBooking } from './booking-events.js';
import { formStyles } from './form-parts.js';
import type { ConsoleTimePicker } from './time-picker.js';
import './time-picker.js';

type Request = RequestsResponse['requests'][number];
type State = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'list'; requests: Request[] };

export class ConsoleRequests extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    timeZone: { attribute: false },
    manage: { type: Boolean },
    state: { state: true },
    outcome: { state: true },
    errors: { state: true },
    busy: { state: true },
    suggesting: { state: true },
  };
  static override styles = [consoleStyles, formStyles];
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare timeZone: string;
  /** The role may confirm and decline (`bookings:manage`). */
  declare manage: boolean;
  declare state: State;
  declare outcome: string;
  declare errors: Record<string, string>;
  declare busy: string;
  /** The requests whose "other times" picker is open. */
  declare suggesting: ReadonlySet<string>;

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
    this.manage = false;
    this.state = { name: 'loading' };
    this.outcome = '';
    this.errors = {};
    this.busy = '';
    this.suggesting = new Set();
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      this.state = { name: 'list', requests: (await this.api.requests()).requests };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  override render() {
    const t = this.t;
    const state = this.state;
    return html`<section part="base" class="section" aria-labelledby="requests-heading">
      <h2 id="requests-heading" class="heading--sub" tabindex="-1">${t('requestsHeading')}</h2>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${
        state.name === 'failed'
          ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
          : nothing
      }
      ${
        state.name === 'list'
          ? state.requests.length === 0
            ? html`<p>${t('requestsEmpty')}</p>`
            : html`<ul class="plain">${state.requests.map((request) => this.#request(request))}</ul>`
          : nothing
      }
    </section>`;
  }

  #request({ booking, serviceName }: Request) {
    const t = this.t;
    const when = clinicTime(booking.start, this.timeZone, this.lang);
    const error = this.errors[booking.id];
    const select = `reason-${booking.id}`;
    const suggesting = this.suggesting.has(booking.id);
    const summary = error
      ? [{ href: `#${select}`, message: error, focus: () => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(select)}`)?.focus() }]
      : [];
    return html`<li class="card">
      ${renderErrorSummary((title) => html`<h3 class="heading">${title}</h3>`, t('errorSummaryTitle'), summary)}
      <h3 id="request-${booking.id}">${t('requestFor', { service: serviceName, time: when })}</h3>
      <p>${t('requestClient', { name: booking.client.name, email: booking.client.email, phone: booking.client.phone })}</p>
      <button class="link-button" type="button" aria-label=${t('bookingOpenLabel', { service: serviceName, time: when })} @click=${() => openBooking(this, booking.id)}>${t('bookingOpen')}</button>
      ${
        this.manage
          ? html`<div class="actions">
              <button class="button" type="button" aria-describedby="request-${booking.id}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#decide(booking.id, 'confirm', serviceName, when)}>${t('confirm')}</button>
            </div>
            <div class="field">
              <label for=${select}>${t('declineReason')}</label>
              ${error ? html`<p class="error-message" id="${select}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing}
              <select id=${select} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${select}-error` : nothing}>
                <option value="">${t('declineReasonChoose')}</option>
                ${DECLINE_REASON_CODES.map((code) => html`<option value=${code}>${t(`reason.${code}`)}</option>`)}
              </select>
            </div>
            <div class="field">
              <button class="link-button" type="button" aria-expanded=${suggesting ? 'true' : 'false'} @click=${() => this.#suggest(booking.id, !suggesting)}>
                ${t('declineSuggest')}
              </button>
            </div>
            ${
              suggesting
                ? html`<console-time-picker
                  id="times-${booking.id}"
                  .api=${this.api}
                  .t=${t}
                  lang=${this.lang}
                  .timeZone=${this.timeZone}
                  service=${booking.service}
                  max=${MAX_SUGGESTED_TIMES}
                  legend=${t('declineSuggestLegend')}
                  .exclude=${[booking.start]}
                ></console-time-picker>`
                : nothing
            }
            <button class="button button--secondary" type="button" aria-describedby="request-${booking.id}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#decide(booking.id, 'decline', serviceName, when)}>${t('decline')}</button>`
          : nothing
      }
    </li>`;
  }

  async #decide(id: string, decision: 'confirm' | 'decline', service: string, time: string) {
    if (this.busy) return;
    let reason: DeclineReasonCode | undefined;
    if (decision === 'decline') {
      const value = this.renderRoot.querySelector<HTMLSelectElement>(`#reason-${CSS.escape(id)}`)?.value ?? '';
      if (!value) {
        this.errors = { ...this.errors, [id]: this.t('declineReasonMissing') };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
        return;
      }
      reason = value as DeclineReasonCode;
    }
    const suggested = decision === 'decline' ? (this.renderRoot.querySelector<ConsoleTimePicker>(`#times-${CSS.escape(id)}`)?.value ?? []) : [];
    this.busy = id;
    this.errors = {};
    try {
      if (decision === 'confirm') await this.api.confirm(id);
      else await this.api.decline(id, reason!, suggested);
      this.outcome = this.t(decision === 'confirm' ? 'requestConfirmed' : suggested.length ? 'requestDeclinedSuggested' : 'requestDeclined', { service, time });
      this.#suggest(id, false);
    } catch (error) {
      this.outcome = error instanceof ConsoleApiError && error.status === 409 ? this.t('requestAlreadyDecided') : '';
      if (!this.outcome) this.errors = { [id]: this.#message(error) };
    } finally {
      this.busy = '';
    }
    await this.load();
    this.dispatchEvent(new CustomEvent('request-decided', { bubbles: true, composed: true }));
    this.renderRoot.querySelector<HTMLElement>('#requests-heading')?.focus();
  }

  #suggest(id: string, open: boolean) {
    const next = new Set(this.suggesting);
    if (open) next.add(id);
    else next.delete(id);
    this.suggesting = next;
  }

  #message(error: unknown): string {
    return errorMessage(this.t, error);
  }
}
if (!customElements.get('console-requests')) customElements.define('console-requests', ConsoleRequests);
