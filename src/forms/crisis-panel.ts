/**
 * Which crisis panel a page shows, and what it says beside a resource: loaded by the intake with
 * the panel's templates, before a form that can show the panel (src/elements/kap-intake/views/crisis-panel.ts).
 */
import { DEFAULT_CRISIS_PANEL, type ShownCrisisPanel } from './crisis.js';
import type { CrisisPanel, CrisisResource, ResolvedForm } from './definition.js';
import { localizePanel } from './localize.js';
import { BUILT_IN_LANG } from './translations.js';

/**
 * The panel for a country (ISO 3166 alpha-2, e.g. `US`, `GB`): the definition's entry for that
 * country, else the definition's own resources, else the default (the US lines: `form.crisisDefault`
 * where a translation is loaded, else in English). Heading and body fall back the
 * same way, each keeping its language; the clinic's own number is the same in every country.
 */
export function crisisPanel(form: ResolvedForm, country?: string): ShownCrisisPanel {
  const config = form.crisis;
  const local = country ? config?.countries?.[country.toUpperCase()] : undefined;
  // The US lines' texts are with the panel, not on every form: in English, marked on another page.
  const fallback = form.crisisDefault ?? localizePanel<CrisisPanel>(DEFAULT_CRISIS_PANEL, form.lang, BUILT_IN_LANG);
  const sources = [local, config, fallback];
  const text = (field: 'heading' | 'body') => {
    const source = sources.find((panel) => panel?.[field] !== undefined)!;
    return { text: source[field]!, lang: source.langs?.[field] };
  };
  const heading = text('heading');
  const body = text('body');
  const langs = { ...(heading.lang ? { heading: heading.lang } : {}), ...(body.lang ? { body: body.lang } : {}) };
  return {
    heading: heading.text,
    body: body.text,
    resources: local?.resources ?? config?.resources ?? fallback.resources,
    ...(config?.clinicPhone ? { clinicPhone: config.clinicPhone } : {}),
    ...(Object.keys(langs).length ? { langs } : {}),
  };
}

/**
 * Whether `resource` is the US 988 Suicide & Crisis Lifeline, which also answers in Spanish
 * (call 988 and press 2, or text AYUDA to 988): Spanish pages say so beside it.
 */
export function isLifeline988(resource: CrisisResource): boolean {
  return resource.phone?.replace(/\D/g, '') === '988';
}
