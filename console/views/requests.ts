/**
 * `<console-requests>`: request-mode bookings waiting for the clinic, soonest first, each with
 * Confirm, or Decline with a reason from the list. The server decides atomically; a request someone
 * else decided meanwhile says so, and the list is reloaded either way.
 */
import { LitElement, html, nothing } from 'lit';
import { DECLINE_REASON_CODES, type DeclineReasonCode, type RequestsResponse } from '../../src/api/staff.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import { openBooking } from './booking-events.js';
import { errorMessage } from './console-view.js';

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
  };
  static override styles = consoleStyles;
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

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
    this.manage = false;
    this.state = { name: 'loading' };
    this.outcome = '';
    this.errors = {};
    this.busy = '';
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
      ${state.name === 'failed'
        ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
        : nothing}
      ${state.name === 'list'
        ? state.requests.length === 0
          ? html`<p>${t('requestsEmpty')}</p>`
          : html`<ul class="plain">${state.requests.map((request) => this.#request(request))}</ul>`
        : nothing}
    </section>`;
  }

  #request({ booking, serviceName }: Request) {
    const t = this.t;
    const when = clinicTime(booking.start, this.timeZone, this.lang);
    const error = this.errors[booking.id];
    const select = `reason-${booking.id}`;
    return html`<li class="card">
      <h3 id="request-${booking.id}">${t('requestFor', { service: serviceName, time: when })}</h3>
      <p>${t('requestClient', { name: booking.client.name, email: booking.client.email, phone: booking.client.phone })}</p>
      <button class="link-button" type="button" aria-label=${t('bookingOpenLabel', { service: serviceName, time: when })} @click=${() => openBooking(this, booking.id)}>${t('bookingOpen')}</button>
      ${this.manage
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
            <button class="button button--secondary" type="button" aria-describedby="request-${booking.id}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#decide(booking.id, 'decline', serviceName, when)}>${t('decline')}</button>`
        : nothing}
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
        this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(id)}`)?.focus();
        return;
      }
      reason = value as DeclineReasonCode;
    }
    this.busy = id;
    this.errors = {};
    try {
      if (decision === 'confirm') await this.api.confirm(id);
      else await this.api.decline(id, reason!);
      this.outcome = this.t(decision === 'confirm' ? 'requestConfirmed' : 'requestDeclined', { service, time });
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

  #message(error: unknown): string {
    return errorMessage(this.t, error);
  }
}
if (!customElements.get('console-requests')) customElements.define('console-requests', ConsoleRequests);
