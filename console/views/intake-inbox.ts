/**
 * `<console-intake-inbox>`: intake responses for clinicians and owners, newest first — when, which
 * form and the version answered, which booking, a badge when one needs a clinician. The list holds no answers and no client
 * details; opening one (an audited read) shows it in `<console-intake-response>`, in place.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { IntakeInboxEntry } from '../../src/api/staff.js';
import { clinicTime } from '../format.js';
import { ConsoleView } from './console-view.js';
import './intake-response.js';

export class ConsoleIntakeInbox extends ConsoleView<IntakeInboxEntry[]> {
  static override properties: PropertyDeclarations = { opened: { state: true } };
  /** The response shown in place of the list (its id in memory only). */
  declare opened: string | undefined;

  protected override async fetch() {
    return (await this.api.intakeInbox()).responses;
  }

  override render() {
    const t = this.t;
    const loaded = this.loaded;
    if (this.opened) {
      return html`<console-intake-response .api=${this.api} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .responseId=${this.opened} @response-closed=${this.#close}></console-intake-response>`;
    }
    return html`<section part="base" class="section" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" class="heading--sub" tabindex="-1">${t('inboxHeading')}</h2>
      ${
        loaded.name !== 'ready'
          ? this.loadingOrFailed()
          : loaded.data.length === 0
            ? html`<p>${t('inboxEmpty')}</p>`
            : html`<ul class="plain">${loaded.data.map((response) => this.#entry(response))}</ul>`
      }
    </section>`;
  }

  #entry(response: IntakeInboxEntry) {
    const t = this.t;
    const received = clinicTime(response.receivedAt, this.timeZone, this.lang);
    const form = response.form.title ?? response.form.id;
    return html`<li class="card">
      <p><strong>${form}</strong>${response.needsClinician ? html` <span class="badge badge--alert">${t('intake.needs-clinician')}</span>` : nothing}</p>
      <p>${t('bookingResponseReceived', { time: received })}</p>
      <p>${t('inboxFormVersion', { id: response.form.id, version: response.form.version ?? '—' })}</p>
      ${response.booking ? html`<p>${t('requestFor', { service: response.booking.serviceName, time: clinicTime(response.booking.start, this.timeZone, this.lang) })}</p>` : nothing}
      <button class="button" type="button" aria-label=${t('inboxOpenLabel', { form, time: received })} @click=${() => (this.opened = response.id)}>${t('safetyOpen')}</button>
    </li>`;
  }

  #close = async () => {
    this.opened = undefined;
    await this.focusOn('#inbox-heading');
  };
}
if (!customElements.get('console-intake-inbox')) customElements.define('console-intake-inbox', ConsoleIntakeInbox);
