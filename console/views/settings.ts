/**
 * `<console-settings>`: the owner's Settings — a heading, a navigation between its sections and the
 * section chosen. Each section is one entry of `SECTIONS`: its words and the view it shows, handed
 * the console's client, words, language and time zone.
 */
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleElement } from './console-view.js';
import './api-keys.js';
import './checklists.js';
import './closures.js';
import './failed-deliveries.js';
import './profile.js';
import './services.js';
import './staff.js';
import './webhooks.js';

type Section = { id: string; label: ConsoleKey; view: (settings: ConsoleSettings) => TemplateResult };

/** Settings' sections, in the order the navigation offers them. */
export const SECTIONS: Section[] = [
  { id: 'hours', label: 'settingsHours', view: (s) => html`<console-closures .api=${s.api} .t=${s.t} .lang=${s.lang}></console-closures>` },
  {
    id: 'profile',
    label: 'settingsProfile',
    view: (s) => html`<console-profile .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-profile>`,
  },
  {
    id: 'services',
    label: 'settingsServices',
    view: (s) => html`<console-services .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-services>`,
  },
  {
    id: 'checklists',
    label: 'settingsChecklists',
    view: (s) => html`<console-checklists .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-checklists>`,
  },
  { id: 'staff', label: 'settingsStaff', view: (s) => html`<console-staff .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-staff>` },
  {
    id: 'api-keys',
    label: 'settingsApiKeys',
    view: (s) => html`<console-api-keys .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-api-keys>`,
  },
  {
    id: 'webhooks',
    label: 'settingsWebhooks',
    view: (s) => html`<console-webhooks .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-webhooks>`,
  },
  {
    id: 'failed',
    label: 'settingsFailed',
    view: (s) => html`<console-failed-deliveries .api=${s.api} .t=${s.t} .lang=${s.lang} .timeZone=${s.timeZone}></console-failed-deliveries>`,
  },
];

export class ConsoleSettings extends ConsoleElement {
  static override properties: PropertyDeclarations = { section: { state: true } };
  declare section: string;

  constructor() {
    super();
    this.section = SECTIONS[0]!.id;
  }

  override render() {
    const t = this.t;
    const shown = SECTIONS.find((section) => section.id === this.section) ?? SECTIONS[0]!;
    return html`<section part="base" class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading" class="heading--sub" tabindex="-1">${t('settingsHeading')}</h2>
      <nav class="no-print" aria-label=${t('settingsNavLabel')}>
        <ul class="plain actions">
          ${SECTIONS.map(
            (section) => html`<li>
              <button class="button ${section === shown ? '' : 'button--secondary'}" type="button" aria-current=${section === shown ? 'page' : 'false'}
                @click=${() => (this.section = section.id)}>${t(section.label)}</button>
            </li>`,
          )}
        </ul>
      </nav>
      ${shown.view(this)}
    </section>`;
  }
}
if (!customElements.get('console-settings')) customElements.define('console-settings', ConsoleSettings);
