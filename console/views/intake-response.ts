/**
 * `<console-intake-response>`: one intake response for a clinician or owner — which form and
 * version, when, for which booking; the answers in the order and wording of the version answered,
 * scores and flags (answers.ts); a Print button (the console's print stylesheet leaves only the
 * response). Opening it is a read the server writes to the audit log. "Back" fires `response-closed`.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { IntakeResponseView } from '../../src/api/staff.js';
import { clinicTime } from '../format.js';
import { answersView } from './answers.js';
import { ConsoleView } from './console-view.js';

export class ConsoleIntakeResponse extends ConsoleView<IntakeResponseView> {
  static override properties: PropertyDeclarations = { responseId: { attribute: false } };
  declare responseId: string;
  protected override notFound = 'responseNotFound' as const;

  constructor() {
    super();
    this.responseId = '';
  }

  protected override fetch() {
    return this.api.intakeResponse(this.responseId);
  }

  override async load() {
    await super.load();
    await this.focusOn('#response-heading');
  }

  override render() {
    const t = this.t;
    const loaded = this.loaded;
    const response = loaded.name === 'ready' ? loaded.data.response : undefined;
    return html`<section part="base" class="section" aria-labelledby="response-heading">
      <div class="actions no-print">
        <button class="link-button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('response-closed', { bubbles: true, composed: true }))}>${t('bookingBack')}</button>
        ${response ? html`<button class="button button--secondary" type="button" @click=${() => window.print()}>${t('responsePrint')}</button>` : nothing}
      </div>
      <h2 id="response-heading" class="heading--sub" tabindex="-1">${response?.form.title ?? t('responseHeading')}</h2>
      ${loaded.name === 'ready' ? this.#response(loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #response(view: IntakeResponseView) {
    const t = this.t;
    const response = view.response;
    return html`<p>${t('responseMeta', { time: clinicTime(response.receivedAt, this.timeZone, this.lang), version: response.form.version ?? '—' })}</p>
      ${response.booking ? html`<p>${t('requestFor', { service: response.booking.serviceName, time: clinicTime(response.booking.start, this.timeZone, this.lang) })}</p>` : nothing}
      ${response.needsClinician ? html`<p><span class="badge badge--alert">${t('intake.needs-clinician')}</span></p>` : nothing}
      ${answersView(t, view)}`;
  }
}
if (!customElements.get('console-intake-response')) customElements.define('console-intake-response', ConsoleIntakeResponse);
