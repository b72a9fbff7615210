/**
 * `<console-time-picker>`: the free start times of one service, as the public `GET availability`
 * offers them to clients (so a time picked here is one a client could book), three clinic days at
 * a time with Earlier / Later days, in the clinic's time zone. With `max` 1 the staff member picks
 * one time (radios), else up to `max` (checkboxes; the others wait until one is unticked). Times
 * picked stay picked across days. `value` is the picked instants, soonest first; `times-change`
 * fires on each change. `exclude` leaves out times (the booking's own). Shared by moving a booking
 * (booking.ts) and declining a request with other times (requests.ts).
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { addDays, dayOf, startOfDay } from '../../src/scheduling/zones.js';
import { consoleStyles } from '../console.styles.js';
import { clinicClock, clinicDayHeading } from '../format.js';
import { ConsoleView } from './console-view.js';

/** Clinic days shown at once. */
export const PICKER_DAYS = 3;
/** How far ahead the picker pages (the public availability's own limit is the booking window). */
const MAX_DAYS_AHEAD = 60;

/** The days shown from `from`, each with its free start times. */
type Days = { from: string; days: { day: string; starts: string[] }[] };

let pickers = 0;

export class ConsoleTimePicker extends ConsoleView<Days> {
  static override get properties(): PropertyDeclarations {
    return {
      service: {},
      max: { type: Number },
      legend: {},
      error: {},
      exclude: { attribute: false },
      from: { state: true },
      picked: { state: true },
    };
  }
  static override styles = [
    ...consoleStyles,
    css`
      fieldset {
        border: 0;
        margin: 0 0 var(--_space);
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
      .day legend {
        font-weight: 400;
        margin-block: 0.5rem 0.25rem;
      }
      ul.times {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      label.time {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        min-height: var(--_target);
        padding: 0 0.75rem;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        font-weight: 400;
        cursor: pointer;
      }
      label.time input {
        width: 1.25rem;
        height: 1.25rem;
        min-height: 0;
        margin: 0;
        padding: 0;
      }
      label.time:has(input:checked) {
        border-width: 2px;
        font-weight: 600;
      }
    `,
  ];
  declare service: string;
  /** How many times may be picked: 1 is a single choice. */
  declare max: number;
  declare legend: string;
  /** A message to show against the picker (from the form it stands in), or ''. */
  declare error: string;
  declare exclude: readonly string[];
  /** The first clinic day shown. */
  declare from: string;
  declare picked: readonly string[];
  readonly #id = `picker-${++pickers}`;

  constructor() {
    super();
    this.service = '';
    this.max = 1;
    this.legend = '';
    this.error = '';
    this.exclude = [];
    this.from = '';
    this.picked = [];
  }

  /** The picked start times, soonest first. */
  get value(): string[] {
    return [...this.picked].sort();
  }

  override connectedCallback() {
    this.from ||= this.#today();
    super.connectedCallback();
  }

  /**
   * The free times of the days shown (`load()` reads them again, after a time was taken, say; a
   * picked time no longer free stays picked until unpicked). Days paged past while this was
   * asked for are asked for again.
   */
  protected override async fetch(): Promise<Days> {
    const from = this.from;
    const start = new Date(Math.max(Date.now(), Date.parse(startOfDay(from, this.timeZone))));
    const end = new Date(startOfDay(addDays(from, PICKER_DAYS), this.timeZone));
    const { slots } = await this.api.availability(this.service, instant(start), instant(end));
    if (from !== this.from) return this.fetch();
    const excluded = new Set(this.exclude);
    const free = slots.map((slot) => slot.start).filter((start) => !excluded.has(start));
    const days = Array.from({ length: PICKER_DAYS }, (_, index) => addDays(from, index));
    return { from, days: days.map((day) => ({ day, starts: free.filter((start) => dayOf(start, this.timeZone) === day) })) };
  }

  /** Moves focus into the picker: its first time, else its first button (an error summary's link leads here). */
  focusFirst() {
    (this.renderRoot.querySelector<HTMLElement>('input:not([disabled])') ?? this.renderRoot.querySelector<HTMLElement>('button'))?.focus();
  }

  override render() {
    const t = this.t;
    const loaded = this.loaded;
    const errorId = `${this.#id}-error`;
    const today = this.#today();
    const last = addDays(today, MAX_DAYS_AHEAD - PICKER_DAYS);
    return html`<fieldset aria-describedby="${this.#id}-hint${this.error ? ` ${errorId}` : ''}">
      <legend>${this.legend}</legend>
      <p class="hint" id="${this.#id}-hint">
        ${t(this.max > 1 ? 'timesHintSeveral' : 'timesHintOne', { max: this.max, zone: this.timeZone })}
      </p>
      ${this.error ? html`<p class="error-message" id=${errorId}><span class="visually-hidden">${t('errorPrefix')}</span> ${this.error}</p>` : nothing}
      ${this.max > 1 && this.picked.length ? html`<p>${t('timesPicked', { times: this.value.map((start) => this.#label(start)).join('; ') })}</p>` : nothing}
      <div class="actions">
        <button class="button button--secondary" type="button" aria-disabled=${this.from <= today ? 'true' : 'false'} @click=${() => this.#page(-PICKER_DAYS, today, last)}>
          ${t('timesEarlier')}
        </button>
        <button class="button button--secondary" type="button" aria-disabled=${this.from >= last ? 'true' : 'false'} @click=${() => this.#page(PICKER_DAYS, today, last)}>
          ${t('timesLater')}
        </button>
      </div>
      ${this.loadingOrFailed()} ${loaded.name === 'ready' ? loaded.data.days.map(({ day, starts }) => this.#day(day, starts)) : nothing}
    </fieldset>`;
  }

  #day(day: string, starts: string[]) {
    const heading = clinicDayHeading(startOfDay(day, this.timeZone), this.timeZone, this.lang);
    if (!starts.length) return html`<p><span class="label">${heading}</span>: ${this.t('timesNone')}</p>`;
    const single = this.max <= 1;
    const full = !single && this.picked.length >= this.max;
    return html`<fieldset class="day">
      <legend>${heading}</legend>
      <ul class="times">
        ${starts.map((start) => {
          const checked = this.picked.includes(start);
          return html`<li>
            <label class="time">
              <input
                type=${single ? 'radio' : 'checkbox'}
                name=${this.#id}
                .value=${start}
                .checked=${checked}
                ?disabled=${full && !checked}
                aria-invalid=${this.error ? 'true' : 'false'}
                @change=${(event: Event) => this.#toggle(start, (event.target as HTMLInputElement).checked)}
              />
              ${clinicClock(start, this.timeZone, this.lang)}
            </label>
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }

  #toggle(start: string, checked: boolean) {
    if (this.max <= 1) this.picked = checked ? [start] : [];
    else this.picked = checked ? [...new Set([...this.picked, start])].slice(0, this.max) : this.picked.filter((picked) => picked !== start);
    this.dispatchEvent(new CustomEvent('times-change', { detail: this.value, bubbles: true, composed: true }));
  }

  #page(by: number, today: string, last: string) {
    const wanted = addDays(this.from, by);
    const next = wanted < today ? today : wanted > last ? last : wanted;
    if (next === this.from) return;
    this.from = next;
    // Not the days paged from, under the new range's buttons: "Loading" until the new days come.
    this.loaded = { name: 'loading' };
    void this.load();
  }

  #label(start: string): string {
    return `${clinicDayHeading(start, this.timeZone, this.lang)} ${clinicClock(start, this.timeZone, this.lang)}`;
  }

  #today(): string {
    return dayOf(new Date(), this.timeZone);
  }
}

function instant(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

if (!customElements.get('console-time-picker')) customElements.define('console-time-picker', ConsoleTimePicker);
