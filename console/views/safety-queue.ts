/**
 * `<console-safety-queue>`: every intake safety answer nobody has acknowledged, oldest first, with
 * its age — at the top of every clinician's console. "Open" shows the answers in the form's order
 * and wording (the server records the read first), the scores (incomplete shown as incomplete,
 * never as 0) and a note to acknowledge it with; acknowledged, it leaves the queue.
 */
import { LitElement, html, nothing } from 'lit';
import type { SafetyEntryResponse, SafetyQueueEntry } from '../../src/api/staff.js';
import type { ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { age, clinicTime } from '../format.js';
import type { Translate } from '../i18n/index.js';
import { answersView } from './answers.js';
import { errorMessage } from './console-view.js';

type State =
  | { name: 'loading' }
  | { name: 'failed'; message: string }
  | { name: 'list'; items: SafetyQueueEntry[]; done?: string }
  | { name: 'entry'; entry: SafetyEntryResponse; error?: string; busy?: boolean };

export class ConsoleSafetyQueue extends LitElement {
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

  async load(done?: string) {
    try {
      this.state = { name: 'list', items: (await this.api.safetyQueue()).items, ...(done ? { done } : {}) };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  /** Asks the server again, unless an entry is open (the reader keeps their place). */
  async refresh() {
    if (this.state.name !== 'entry') await this.load();
  }

  override render() {
    return html`<section part="base" class="section" aria-labelledby="safety-heading">${this.state.name === 'entry' ? this.#entry(this.state) : this.#list()}</section>`;
  }

  #list() {
    const t = this.t;
    const state = this.state;
    const heading = html`<h2 id="safety-heading" class="heading--sub" tabindex="-1">${t('safetyHeading')}</h2>`;
    if (state.name === 'loading') return html`${heading}<p role="status">${t('loading')}</p>`;
    if (state.name === 'failed') {
      return html`${heading}<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`;
    }
    if (state.name !== 'list') return nothing;
    const now = Date.now();
    return html`${heading}
      ${state.done ? html`<p class="notice notice--success" role="status">${state.done}</p>` : nothing}
      ${
        state.items.length === 0
          ? html`<p>${t('safetyEmpty')}</p>`
          : html`<p class="badge badge--alert">${t('safetyCount', { count: state.items.length })}</p>
            <ul class="plain">
              ${state.items.map((item) => {
                const what = item.kind === 'response' ? t('safetyKindResponse') : t('safetyKindSignal');
                const received = age(item.receivedAt, now, this.lang);
                return html`<li class="card">
                  <p><strong>${what}</strong></p>
                  <p>${t('safetyReceived', { age: received })}</p>
                  ${
                    item.booking
                      ? html`<p>${t('safetyFor', { client: item.booking.clientName, service: item.booking.serviceName, time: clinicTime(item.booking.start, this.timeZone, this.lang) })}</p>`
                      : nothing
                  }
                  <button class="button" type="button" aria-label=${t('safetyOpenLabel', { what, age: received })} @click=${() => this.#open(item.id)}>${t('safetyOpen')}</button>
                </li>`;
              })}
            </ul>`
      }`;
  }

  #entry(state: Extract<State, { name: 'entry' }>) {
    const t = this.t;
    const { item, questions, scores, flags } = state.entry;
    return html`<button class="link-button" type="button" @click=${() => this.#back()}>${t('safetyBack')}</button>
      <h2 id="safety-heading" class="heading--sub" tabindex="-1">${t('safetyEntryHeading')}: ${item.kind === 'response' ? t('safetyKindResponse') : t('safetyKindSignal')}</h2>
      <p>${t('safetyReceived', { age: age(item.receivedAt, Date.now(), this.lang) })}</p>
      ${item.booking ? html`<p>${t('safetyFor', { client: item.booking.clientName, service: item.booking.serviceName, time: clinicTime(item.booking.start, this.timeZone, this.lang) })}</p>` : nothing}
      ${item.kind === 'signal' ? html`<p class="notice">${t('safetySignalNote')}</p>` : nothing}
      ${answersView(t, { questions, scores, flags })}
      ${
        item.acknowledgement
          ? html`<p class="notice notice--success">${t('acknowledged', { who: item.acknowledgement.by.email ?? item.acknowledgement.by.id, age: age(item.acknowledgement.at, Date.now(), this.lang), note: item.acknowledgement.note })}</p>`
          : this.#acknowledgeForm(state)
      }`;
  }

  #acknowledgeForm(state: Extract<State, { name: 'entry' }>) {
    const t = this.t;
    return html`<form @submit=${this.#acknowledge} novalidate class="card">
      <h3>${t('acknowledgeHeading')}</h3>
      <div class="field">
        <label for="note">${t('acknowledgeNote')}</label>
        <p class="hint" id="note-hint">${t('acknowledgeNoteHint')}</p>
        ${state.error ? html`<p class="error-message" id="note-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${state.error}</p>` : nothing}
        <textarea id="note" name="note" required aria-describedby=${state.error ? 'note-hint note-error' : 'note-hint'} aria-invalid=${state.error ? 'true' : 'false'}></textarea>
      </div>
      <button class="button" type="submit" aria-disabled=${state.busy ? 'true' : 'false'}>${t('acknowledge')}</button>
    </form>`;
  }

  async #open(id: string) {
    try {
      this.state = { name: 'entry', entry: await this.api.safetyEntry(id) };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
    await this.#focusHeading();
  }

  async #back() {
    await this.load();
    await this.#focusHeading();
  }

  async #acknowledge(event: SubmitEvent) {
    event.preventDefault();
    const state = this.state;
    if (state.name !== 'entry' || state.busy) return;
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    if (!note) {
      this.state = { ...state, error: this.t('acknowledgeNoteMissing') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#note')?.focus();
      return;
    }
    this.state = { ...state, busy: true };
    try {
      const { item } = await this.api.acknowledge(state.entry.item.id, note);
      await this.load(
        this.t('acknowledged', {
          who: item.acknowledgement?.by.email ?? '',
          age: age(item.acknowledgement?.at ?? new Date().toISOString(), Date.now(), this.lang),
          note,
        }),
      );
      this.dispatchEvent(new CustomEvent('safety-acknowledged', { bubbles: true, composed: true }));
      await this.#focusHeading();
    } catch (error) {
      this.state = { ...state, busy: false, error: this.#message(error) };
    }
  }

  async #focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#safety-heading')?.focus();
  }

  #message(error: unknown): string {
    return errorMessage(this.t, error);
  }
}
if (!customElements.get('console-safety-queue')) customElements.define('console-safety-queue', ConsoleSafetyQueue);
