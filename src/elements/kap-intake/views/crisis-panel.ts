/**
 * The crisis panel of `<kap-intake>`, as a template: the clinic's heading and text, what happens
 * to the answers (when the intake is not linked to a booking, nothing reaches the clinic before
 * the form is sent), each crisis line with its call, text and web links as targets of at least
 * 44 px, the Spanish option of the 988 Lifeline on Spanish pages, and the clinic's own number.
 * The element places it next to the answer that raised it; it is not a live region (the element
 * announces it once, elsewhere), so moving it between pages never reads it out again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HeadingOptions } from '../../../base/heading.js';
import { inLanguage, interpolateMarked } from '../../../base/local-template.js';
import type { ShownCrisisPanel } from '../../../forms/crisis.js';
import { crisisPanel, isLifeline988 } from '../../../forms/crisis-panel.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { enIntakeCrisis } from '../../../i18n/en-intake-parts.js';
import { registerBuiltInStrings } from '../../../i18n/registry.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { markdownText, type IntakeView } from './intake-view.js';

/** The safety signals' sender comes with the panel: a form that can take a safety answer waits for both. */
export { SafetySignals } from '../controllers/safety-signals.js';

registerBuiltInStrings(enIntakeCrisis);

export interface CrisisPanelView {
  panel: ShownCrisisPanel;
  /** The intake is linked to a booking: a safety answer reached the clinic at once. */
  followedUp: boolean;
  /** The page is in Spanish. */
  spanish: boolean;
  /** A heading at the level under the page's heading. */
  heading: (content: string, options: HeadingOptions) => TemplateResult;
  t: (key: KapStringKey, params?: Record<string, string | number>) => string;
  /** Renders the markdown subset (the panel's body), marked with `lang` when it is given. */
  md: (source: string, lang?: string) => TemplateResult[];
}

const dialable = (number: string) => number.replace(/[^\d+]/g, '');
/** Each way to reach someone is a button-sized target (at least 44 × 44 px), not a line of text. */
const LINK = 'button button--secondary';

export function renderCrisisPanel({ panel, followedUp, spanish, heading, t, md }: CrisisPanelView): TemplateResult {
  const call = (number: string) => html`<a class=${LINK} href="tel:${dialable(number)}">${t('intakeCall', { number })}</a>`;
  return html`<section part="crisis" class="notice crisis" role="region" aria-labelledby="crisis-heading">
    ${heading(panel.heading, { id: 'crisis-heading', lang: panel.langs?.['heading'] })}
    ${md(panel.body, panel.langs?.['body'])} ${followedUp ? nothing : html`<p>${t('intakeCrisisUnsent')}</p>`}
    <ul>
      ${panel.resources.map(
        (resource) =>
          html`<li>
            <strong>${inLanguage(resource.name, resource.langs?.['name'])}</strong>
            ${resource.description ? html`<p lang=${resource.langs?.['description'] ?? nothing}>${resource.description}</p>` : nothing}
            ${spanish && isLifeline988(resource) ? html`<p>${t('intakeCrisis988Spanish')}</p>` : nothing}
            <p class="crisis-actions">
              ${resource.phone ? call(resource.phone) : nothing}
              ${resource.sms ? html`<a class=${LINK} href="sms:${dialable(resource.sms)}">${t('intakeText', { number: resource.sms })}</a>` : nothing}
              ${
                resource.url
                  ? html`<a class=${LINK} href=${resource.url} target="_blank" rel="noopener noreferrer"
                    >${new URL(resource.url).host}<span class="visually-hidden"> ${t('intakeNewTab')}</span></a
                  >`
                  : nothing
              }
            </p>
          </li>`,
      )}
      ${
        panel.clinicPhone
          ? html`<li>
            <strong>${t('intakeCrisisClinic')}</strong>
            <p>${t('intakeCrisisClinicHelp')}</p>
            <p class="crisis-actions">${call(panel.clinicPhone)}</p>
          </li>`
          : nothing
      }
    </ul>
  </section>`;
}

/** The panel for `form` on this page: its country's resources, and the clinic's phone when the form names none. */
export function crisisPanelView(v: IntakeView, form: ResolvedForm): CrisisPanelView {
  const locale = new Intl.Locale(v.ui.locale);
  const panel = crisisPanel(form, locale.region);
  return {
    panel: panel.clinicPhone || !v.clinicPhone ? panel : { ...panel, clinicPhone: v.clinicPhone },
    followedUp: v.flow.followedUp,
    spanish: locale.language === 'es',
    heading: (content, options) => v.ui.heading(content, options, true),
    t: (key, params) => v.ui.t(key, params),
    md: (source, lang) => markdownText(v, source, lang),
  };
}

/**
 * What the live region says: set once, when the first safety answer brings the crisis panel, and
 * never changed after, so it is announced once. (The panel itself is not a live region: it moves
 * from page to page and would be read out again each time.)
 */
export function crisisAnnouncement(v: IntakeView): unknown {
  const form = v.flow.form;
  if (!form || !v.flow.safety) return '';
  const { panel } = crisisPanelView(v, form);
  return interpolateMarked(v.ui.t('intakeCrisisAnnouncement'), { heading: { text: panel.heading, lang: panel.langs?.['heading'] } });
}
