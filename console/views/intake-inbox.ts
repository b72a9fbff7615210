/**
 * `<console-intake-inbox>`: intake responses for clinicians and owners, newest first — when, which
 * form, which booking, a badge when one needs a clinician. The list holds no answers and no client
 * details; opening one (an audited read) shows it in `<console-intake-response>`, in place.
 */
import { LitElement, html, nothing } from 'lit';
import type { IntakeInboxEntry } from '../../src/api/staff.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import './intake-response.js';

type State = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'list'; responses: IntakeInboxEntry[] } | { name: 'open'; id: string; responses: IntakeInboxEntry[] };

export class ConsoleIntakeInbox extends LitElement {
  static override properties = { api: { attribute: false }, t: { attribute: false }, lang: {}, timeZone: { attribute: false }, state: { state: true } };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare timeZone: string;
  declare state: State;

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
    this.state = { name: 'loading' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      this.state = { name: 'list', responses: (await this.api.intakeInbox()).responses };
    } catch (error) {
      const status = error instanceof ConsoleApiError ? error.status : -1;
      this.state = { name: 'failed', message: this.t(status === 0 ? 'errorNetwork' : status === 403 ? 'errorForbidden' : status >= 500 ? 'errorServer' : 'errorUnexpected') };
    }
  }

  override render() {
    const t = this.t;
    const state = this.state;
    if (state.name === 'open') {
      return html`<console-intake-response .api=${this.api} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .responseId=${state.id} @response-closed=${this.#close}></console-intake-response>`;
    }
    return html`<section part="base" class="section" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" class="heading--sub" tabindex="-1">${t('inboxHeading')}</h2>
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${state.name === 'failed'
        ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
        : nothing}
      ${state.name === 'list'
        ? state.responses.length === 0
          ? html`<p>${t('inboxEmpty')}</p>`
          : html`<ul class="plain">${state.responses.map((response) => this.#entry(response, state.responses))}</ul>`
        : nothing}
    </section>`;
  }

  #entry(response: IntakeInboxEntry, responses: IntakeInboxEntry[]) {
    const t = this.t;
    const received = clinicTime(response.receivedAt, this.timeZone, this.lang);
    const form = response.form.title ?? response.form.id;
    return html`<li class="card">
      <p><strong>${form}</strong>${response.needsClinician ? html` <span class="badge badge--alert">${t('intake.needs-clinician')}</span>` : nothing}</p>
      <p>${t('bookingResponseReceived', { time: received })}</p>
      ${response.booking ? html`<p>${t('requestFor', { service: response.booking.serviceName, time: clinicTime(response.booking.start, this.timeZone, this.lang) })}</p>` : nothing}
      <button class="button" type="button" aria-label=${t('inboxOpenLabel', { form, time: received })} @click=${() => (this.state = { name: 'open', id: response.id, responses })}>${t('safetyOpen')}</button>
    </li>`;
  }

  #close = async () => {
    if (this.state.name === 'open') this.state = { name: 'list', responses: this.state.responses };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#inbox-heading')?.focus();
  };
}
if (!customElements.get('console-intake-inbox')) customElements.define('console-intake-inbox', ConsoleIntakeInbox);
