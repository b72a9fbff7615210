/**
 * `<console-opening-hours>`: the clinic's opening hours, weekday by weekday, each day with as many
 * ranges as it needs (or none: closed). Ranges are edited here and saved together
 * (`PUT staff/clinic/hours`); the server refuses overlapping ranges by path, said at the range.
 * Tells `hours-saved` so the availability preview is asked again.
 */
import { LitElement, html, nothing } from 'lit';
import { minuteOfDay, type OpeningRange } from '../../src/api/clinic-config.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';
import { errorMessage } from './console-view.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type State = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready' };

function ordered(ranges: OpeningRange[]): OpeningRange[] {
  return [...ranges].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

export class ConsoleOpeningHours extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    state: { state: true },
    ranges: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare state: State;
  /** The ranges as edited, not yet saved. */
  declare ranges: OpeningRange[];
  /** A problem by the range's index in `ranges`; `form` for the whole. */
  declare errors: Record<string, string>;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.state = { name: 'loading' };
    this.ranges = [];
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
      this.ranges = ordered((await this.api.clinic()).configuration.openingHours);
      this.state = { name: 'ready' };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  #weekday(weekday: number): string {
    // 2024-01-01 was a Monday, ISO weekday 1.
    return new Intl.DateTimeFormat(this.lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
  }

  override render() {
    const t = this.t;
    const state = this.state;
    return html`<section part="base" class="section" aria-labelledby="hours-heading">
      <h3 id="hours-heading" tabindex="-1">${t('hoursHeading')}</h3>
      <p class="hint">${t('hoursHint')}</p>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${
        state.name === 'failed'
          ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
          : nothing
      }
      ${state.name === 'ready' ? this.#form() : nothing}
    </section>`;
  }

  #form() {
    const t = this.t;
    return html`<form novalidate @submit=${this.#save}>
      ${this.errors['form'] ? html`<div class="notice notice--error" role="alert" id="hours-form-error" tabindex="-1"><p>${this.errors['form']}</p></div>` : nothing}
      ${WEEKDAYS.map((weekday) => {
        const day = this.#weekday(weekday);
        const ranges = this.ranges.map((range, index) => ({ range, index })).filter(({ range }) => range.weekday === weekday);
        return html`<fieldset class="card">
          <legend class="label">${day}</legend>
          ${ranges.length === 0 ? html`<p>${t('hoursClosed')}</p>` : nothing}
          ${ranges.map(({ range, index }) => this.#range(range, index, day))}
          <button class="button button--secondary" type="button" @click=${() => this.#addRange(weekday)}>${t('hoursAddRange', { day })}</button>
        </fieldset>`;
      })}
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('hoursSave')}</button>
    </form>`;
  }

  #range(range: OpeningRange, index: number, day: string) {
    const t = this.t;
    const error = this.errors[String(index)];
    const id = `range-${index}`;
    const time = (key: 'opens' | 'closes', label: string) => html`<div class="field">
      <label for="${id}-${key}">${label}</label>
      <input
        id="${id}-${key}"
        type="time"
        .value=${range[key] === '24:00' ? '23:59' : range[key]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(event: Event) => this.#edit(index, key, (event.target as HTMLInputElement).value)}
      />
    </div>`;
    return html`<div class="actions" role="group" aria-label=${t('hoursRange', { day, opens: range.opens, closes: range.closes })}>
      ${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing}
      ${time('opens', t('hoursOpens'))} ${time('closes', t('hoursCloses'))}
      <button class="button button--secondary" type="button" aria-label=${t('hoursRemoveRange', { day, opens: range.opens, closes: range.closes })} @click=${() => this.#removeRange(index)}>
        ${t('closureRemove')}
      </button>
    </div>`;
  }

  #edit(index: number, key: 'opens' | 'closes', value: string) {
    this.ranges = this.ranges.map((range, at) => (at === index ? { ...range, [key]: value } : range));
  }

  async #addRange(weekday: number) {
    const last = this.ranges.filter((range) => range.weekday === weekday).at(-1);
    const opens = last && minuteOfDay(last.closes) < 23 * 60 ? last.closes : '09:00';
    const closes = last && minuteOfDay(last.closes) < 23 * 60 ? `${String(Number(opens.slice(0, 2)) + 1).padStart(2, '0')}${opens.slice(2)}` : '17:00';
    this.ranges = [...this.ranges, { weekday, opens, closes }];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#range-${this.ranges.length - 1}-opens`)?.focus();
  }

  async #removeRange(index: number) {
    this.ranges = this.ranges.filter((_, at) => at !== index);
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#hours-heading')?.focus();
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const errors: Record<string, string> = {};
    this.ranges.forEach((range, index) => {
      if (!range.opens || !range.closes) errors[String(index)] = this.t('closureTimeMissing');
      else if (minuteOfDay(range.closes) <= minuteOfDay(range.opens)) errors[String(index)] = this.t('closureToBeforeFrom');
    });
    this.outcome = '';
    if (Object.keys(errors).length === 0) {
      this.busy = true;
      try {
        const { configuration } = await this.api.saveOpeningHours(this.ranges);
        this.ranges = ordered(configuration.openingHours);
        this.errors = {};
        this.outcome = this.t('hoursSaved');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#hours-heading')?.focus();
        this.dispatchEvent(new CustomEvent('hours-saved', { bubbles: true, composed: true }));
        return;
      } catch (error) {
        if (error instanceof ConsoleApiError && error.status === 422) {
          for (const path of Object.keys(error.fields)) {
            const index = /^openingHours\.(\d+)/.exec(path)?.[1];
            if (index !== undefined) errors[index] = this.t('hoursOverlap');
          }
        }
        if (Object.keys(errors).length === 0) errors['form'] = this.#message(error);
      } finally {
        this.busy = false;
      }
    }
    this.errors = errors;
    await this.updateComplete;
    const first = Object.keys(errors).find((key) => key !== 'form');
    this.renderRoot.querySelector<HTMLElement>(first === undefined ? '#hours-form-error' : `#range-${first}-opens`)?.focus();
  };

  #message(error: unknown): string {
    return errorMessage(this.t, error);
  }
}
if (!customElements.get('console-opening-hours')) customElements.define('console-opening-hours', ConsoleOpeningHours);
