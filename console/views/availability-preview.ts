/**
 * `<console-availability-preview>`: what clients are offered in the next two weeks, per service —
 * the number of free start times each day in the clinic's zone, read from the same public
 * `GET availability` as `<kap-booking>`, so the owner sees a closure take effect. Follow-up services
 * (offered only after an opening booking) are left out. `refresh()` asks again.
 */
import { LitElement, html } from 'lit';
import type { ConfiguredService } from '../../src/api/clinic-config.js';
import type { ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';

const DAYS = 14;
type Counts = { service: ConfiguredService; perDay: Map<string, number> | undefined }[];
type State = { name: 'loading' } | { name: 'ready'; days: string[]; counts: Counts };

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
function dayIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export class ConsoleAvailabilityPreview extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    services: { attribute: false },
    timeZone: { attribute: false },
    state: { state: true },
  };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare services: ConfiguredService[];
  declare timeZone: string;
  declare state: State;

  constructor() {
    super();
    this.lang = 'en';
    this.services = [];
    this.timeZone = 'UTC';
    this.state = { name: 'loading' };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.refresh();
  }

  async refresh() {
    const now = new Date();
    const to = new Date(now.getTime() + DAYS * 86_400_000);
    const days = [...new Set(Array.from({ length: DAYS }, (_, index) => dayIn(this.timeZone, new Date(now.getTime() + index * 86_400_000))))];
    const instant = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');
    const counts = await Promise.all(
      this.services
        .filter((service) => !service.followUp)
        .map(async (service) => {
          try {
            const { slots } = await this.api.availability(service.id, instant(now), instant(to));
            const perDay = new Map<string, number>();
            for (const slot of slots) {
              const day = dayIn(this.timeZone, new Date(slot.start));
              perDay.set(day, (perDay.get(day) ?? 0) + 1);
            }
            return { service, perDay };
          } catch {
            return { service, perDay: undefined };
          }
        }),
    );
    this.state = { name: 'ready', days, counts };
  }

  override render() {
    const t = this.t;
    const state = this.state;
    const day = new Intl.DateTimeFormat(this.lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    return html`<section part="base" class="section" aria-labelledby="preview-heading">
      <h3 id="preview-heading">${t('previewHeading')}</h3>
      <p class="hint">${t('previewHint')}</p>
      ${
        state.name === 'loading'
          ? html`<p role="status">${t('loading')}</p>`
          : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${t('previewDay')}</th>
                ${state.counts.map(({ service }) => html`<th scope="col">${service.name}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${state.days.map(
                (date) => html`<tr data-day=${date}>
                  <th scope="row">${day.format(new Date(`${date}T12:00:00Z`))}</th>
                  ${state.counts.map(({ service, perDay }) => {
                    const count = perDay?.get(date) ?? 0;
                    return html`<td data-label=${service.name}>
                      ${perDay === undefined ? t('previewFailed') : count === 0 ? html`<strong>${t('previewNone')}</strong>` : t(count === 1 ? 'previewCountOne' : 'previewCountOther', { count })}
                    </td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </section>`;
  }
}
if (!customElements.get('console-availability-preview')) customElements.define('console-availability-preview', ConsoleAvailabilityPreview);
