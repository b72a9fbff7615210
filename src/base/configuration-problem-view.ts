/**
 * What an element shows instead of itself when it is set up wrongly: a calm heading and sentence
 * for the client, then the website team's detail (technical English unless it says otherwise,
 * marked so on a page in another language).
 */
import { html, type TemplateResult } from 'lit';
import { sameLanguage } from '../i18n/local-text.js';
import type { ConfigurationProblem } from './configuration-report.js';
import type { ElementUi } from './element-ui.js';
import { interpolateMarked } from './local-template.js';

export function renderConfigurationProblem(ui: Pick<ElementUi, 't' | 'heading' | 'language'>, problem: ConfigurationProblem): TemplateResult {
  const lang = problem.lang ?? 'en';
  const detailLang = sameLanguage(lang, ui.language) ? undefined : lang;
  return html`
    <div part="base problem" class="notice notice--error" role="alert">
      ${ui.heading(ui.t('configurationHeading'), { part: 'heading', focusable: true })}
      <p>${ui.t('configurationBody')}</p>
      <p class="muted">${interpolateMarked(ui.t('configurationDetail'), { detail: { text: problem.detail, lang: detailLang } })}</p>
    </div>
  `;
}
