/**
 * `<console-closures>`: Settings' hours-and-closures section — opening hours (`<console-opening-hours>`), then the clinic's closures — each day (or
 * part of one) the clinic is closed, soonest first, with its reason and a Remove button; a form adds
 * one, a whole day or a time range. Every change sends the whole list (`PUT staff/clinic/closures`);
 * the server checks it and answers the list it stored, which is what is shown. Below, a preview of
 * the next two weeks' availability per service shows the change as clients see it.
 */
import { LitElement, html, nothing } from 'lit';
import { minuteOfDay, type Closure, type ConfiguredService } from '../../src/api/clinic-config.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';
import './availability-preview.js';
import './opening-hours.js';
import type { ConsoleAvailabilityPreview } from './availability-preview.js';
import { errorMessage } from './console-view.js';

type State =
  { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; closures: Closure[]; timeZone: string; services: ConfiguredService[] };
type Field = 'date' | 'from' | 'to' | 'reason';

/** Soonest first; a whole day before a part of the same day. */
function ordered(closures: Closure[]): Closure[] {
  return [...closures].sort((a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? ''));
}

/** A closure's own words for the form's error, from the server's path (`closures.3.to` → `to`). */
function fieldOf(path: string): Field | undefined {
  const last = path.split('.').pop();
  return last === 'date' || last === 'from' || last === 'to' || last === 'reason' ? last : undefined;
}

export class ConsoleClosures extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    state: { state: true },
    partOfDay: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare state: State;
  /** The form adds a time range rather than a whole day. */
  declare partOfDay: boolean;
  declare errors: Partial<Record<Field | 'form', string>>;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.state = { name: 'loading' };
    this.partOfDay = false;
    this.errors = {};
    this.outcome = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      const { configuration } = await this.api.clinic();
      this.state = { name: 'ready', closures: ordered(configuration.closures), timeZone: configuration.profile.timeZone, services: configuration.services };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  #day(date: string): string {
    return new Intl.DateTimeFormat(this.lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  }

  #describe(closure: Closure): string {
    const day = this.#day(closure.date);
    return closure.from && closure.to ? this.t('closurePart', { day, from: closure.from, to: closure.to }) : this.t('closureWholeDay', { day });
  }

  override render() {
    const t = this.t;
    const state = this.state;
    return html`<div part="base">
      <console-opening-hours .api=${this.api} .t=${t} .lang=${this.lang} @hours-saved=${this.#refreshPreview}></console-opening-hours>
      <h3 id="closures-heading" tabindex="-1">${t('closuresHeading')}</h3>
      ${state.name === 'ready' ? html`<p class="hint">${t('closuresHint', { zone: state.timeZone })}</p>` : nothing}
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${
        state.name === 'failed'
          ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
          : nothing
      }
      ${
        state.name === 'ready'
          ? html`${this.#list(state.closures)} ${this.#form()}
            <console-availability-preview .api=${this.api} .t=${this.t} .lang=${this.lang} .services=${state.services} .timeZone=${state.timeZone}></console-availability-preview>`
          : nothing
      }
    </div>`;
  }

  #list(closures: Closure[]) {
    const t = this.t;
    if (closures.length === 0) return html`<p>${t('closuresEmpty')}</p>`;
    return html`<ul class="plain">
      ${closures.map((closure, index) => {
        const id = `closure-${index}`;
        return html`<li class="card actions">
          <p id=${id}><strong>${this.#describe(closure)}</strong>${closure.reason ? html`<br />${closure.reason}` : nothing}</p>
          <button class="button button--secondary" type="button" aria-describedby=${id} aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#remove(closure)}>
            ${t('closureRemove')}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #form() {
    const t = this.t;
    const errors = this.errors;
    const field = (name: Field, label: string, type: string, extra: { required?: boolean } = {}) => {
      const error = errors[name];
      return html`<div class="field">
        <label for="closure-${name}">${label}</label>
        ${error ? html`<p class="error-message" id="closure-${name}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing}
        <input
          id="closure-${name}"
          name=${name}
          type=${type}
          ?required=${extra.required ?? false}
          maxlength=${type === 'text' ? 200 : nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `closure-${name}-error` : nothing}
        />
      </div>`;
    };
    return html`<form class="card" aria-labelledby="closure-add-heading" novalidate @submit=${this.#add}>
      <h4 id="closure-add-heading">${t('closureAddHeading')}</h4>
      ${errors.form ? html`<div class="notice notice--error" role="alert" id="closure-form-error" tabindex="-1"><p>${errors.form}</p></div>` : nothing}
      ${field('date', t('closureDate'), 'date', { required: true })}
      <fieldset class="field">
        <legend class="label">${t('closureExtent')}</legend>
        <label class="actions"><input type="radio" name="extent" value="day" .checked=${!this.partOfDay} @change=${() => (this.partOfDay = false)} /> ${t('closureExtentDay')}</label>
        <label class="actions"><input type="radio" name="extent" value="part" .checked=${this.partOfDay} @change=${() => (this.partOfDay = true)} /> ${t('closureExtentPart')}</label>
      </fieldset>
      ${this.partOfDay ? html`${field('from', t('closureFrom'), 'time', { required: true })} ${field('to', t('closureTo'), 'time', { required: true })}` : nothing}
      ${field('reason', t('closureReason'), 'text')}
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('closureAdd')}</button>
    </form>`;
  }

  #add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.state.name !== 'ready') return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: Field) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const closure: Closure = { date: value('date') };
    if (this.partOfDay) Object.assign(closure, { from: value('from'), to: value('to') });
    if (value('reason')) closure.reason = value('reason');

    const errors: ConsoleClosures['errors'] = {};
    if (!closure.date) errors.date = this.t('closureDateMissing');
    if (this.partOfDay) {
      if (!closure.from) errors.from = this.t('closureTimeMissing');
      if (!closure.to) errors.to = this.t('closureTimeMissing');
      else if (closure.from && minuteOfDay(closure.to) <= minuteOfDay(closure.from)) errors.to = this.t('closureToBeforeFrom');
    }
    if (Object.keys(errors).length > 0) return this.#showErrors(errors);

    const saved = await this.#save([...this.state.closures, closure], this.t('closureAdded', { closure: this.#describe(closure) }));
    if (saved) {
      form.reset();
      this.partOfDay = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#closures-heading')?.focus();
    }
  };

  #refreshPreview = () => {
    void this.renderRoot.querySelector<ConsoleAvailabilityPreview>('console-availability-preview')?.refresh();
  };

  async #remove(closure: Closure) {
    if (this.busy || this.state.name !== 'ready') return;
    const saved = await this.#save(
      this.state.closures.filter((other) => other !== closure),
      this.t('closureRemoved', { closure: this.#describe(closure) }),
    );
    if (saved) this.renderRoot.querySelector<HTMLElement>('#closures-heading')?.focus();
  }

  /** Sends the whole list; answers whether the server stored it. */
  async #save(closures: Closure[], outcome: string): Promise<boolean> {
    this.busy = true;
    this.errors = {};
    this.outcome = '';
    try {
      const { configuration } = await this.api.saveClosures(closures);
      this.state = { name: 'ready', closures: ordered(configuration.closures), timeZone: configuration.profile.timeZone, services: configuration.services };
      this.outcome = outcome;
      await this.updateComplete;
      // What clients are offered now, with this change.
      this.#refreshPreview();
      return true;
    } catch (error) {
      const errors: ConsoleClosures['errors'] = {};
      if (error instanceof ConsoleApiError && error.status === 422) {
        for (const path of Object.keys(error.fields)) {
          const name = fieldOf(path);
          if (name) errors[name] = this.t(name === 'date' ? 'closureDateInvalid' : name === 'reason' ? 'closureReasonInvalid' : 'closureTimeInvalid');
        }
      }
      if (Object.keys(errors).length === 0) errors.form = this.#message(error);
      await this.#showErrors(errors);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #showErrors(errors: ConsoleClosures['errors']) {
    this.errors = errors;
    await this.updateComplete;
    const first = (['date', 'from', 'to', 'reason'] as const).find((name) => errors[name]);
    this.renderRoot.querySelector<HTMLElement>(first ? `#closure-${first}` : '#closure-form-error')?.focus();
  }

  #message(error: unknown): string {
    return errorMessage(this.t, error);
  }
}
if (!customElements.get('console-closures')) customElements.define('console-closures', ConsoleClosures);
