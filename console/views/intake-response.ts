/**
 * `<console-intake-response>`: one intake response for a clinician or owner — which form and
 * version, when, for which booking; the answers in the order and wording of the version answered,
 * scores and flags (answers.ts); a Print button (the console's print stylesheet leaves only the
 * response). Opening it is a read the server writes to the audit log. "Back" fires `response-closed`.
 */
import { LitElement, html, nothing } from 'lit';
import type { IntakeResponseView } from '../../src/api/staff.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import { answersView } from './answers.js';

type State = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; view: IntakeResponseView };

export class ConsoleIntakeResponse extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    timeZone: { attribute: false },
    responseId: { attribute: false },
    state: { state: true },
  };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare timeZone: string;
  declare responseId: string;
  declare state: State;

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
    this.responseId = '';
    this.state = { name: 'loading' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load().then(async () => {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#response-heading')?.focus();
    });
  }

  async load() {
    try {
      this.state = { name: 'ready', view: await this.api.intakeResponse(this.responseId) };
    } catch (error) {
      const status = error instanceof ConsoleApiError ? error.status : -1;
      this.state = { name: 'failed', message: this.t(status === 0 ? 'errorNetwork' : status === 403 ? 'errorForbidden' : status === 404 ? 'responseNotFound' : status >= 500 ? 'errorServer' : 'errorUnexpected') };
    }
  }

  override render() {
    const t = this.t;
    const state = this.state;
    const response = state.name === 'ready' ? state.view.response : undefined;
    return html`<section part="base" class="section" aria-labelledby="response-heading">
      <div class="actions no-print">
        <button class="link-button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('response-closed', { bubbles: true, composed: true }))}>${t('bookingBack')}</button>
        ${state.name === 'ready' ? html`<button class="button button--secondary" type="button" @click=${() => window.print()}>${t('responsePrint')}</button>` : nothing}
      </div>
      <h2 id="response-heading" class="heading--sub" tabindex="-1">${response?.form.title ?? t('responseHeading')}</h2>
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${state.name === 'failed' ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>` : nothing}
      ${response && state.name === 'ready'
        ? html`<p>${t('responseMeta', { time: clinicTime(response.receivedAt, this.timeZone, this.lang), version: response.form.version ?? '—' })}</p>
            ${response.booking ? html`<p>${t('requestFor', { service: response.booking.serviceName, time: clinicTime(response.booking.start, this.timeZone, this.lang) })}</p>` : nothing}
            ${response.needsClinician ? html`<p><span class="badge badge--alert">${t('intake.needs-clinician')}</span></p>` : nothing}
            ${answersView(t, state.view)}`
        : nothing}
    </section>`;
  }
}
if (!customElements.get('console-intake-response')) customElements.define('console-intake-response', ConsoleIntakeResponse);
