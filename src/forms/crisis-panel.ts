/**
 * Which crisis panel a page shows, and what it says beside a resource: loaded by the intake with
 * the panel's templates, before a form that can show the panel (src/elements/kap-intake/views/crisis-panel.ts).
 */
import { DEFAULT_CRISIS_PANEL, type ShownCrisisPanel } from './crisis.js';
import type { CrisisResource, ResolvedForm } from './definition.js';

/**
 * The panel for a country (ISO 3166 alpha-2, e.g. `US`, `GB`): the definition's entry for that
 * country, else the definition's own resources, else the default (`form.crisisDefault`: the US
 * lines in the form's language where a translation is loaded). Heading and body fall back the
 * same way, each keeping its language; the clinic's own number is the same in every country.
 */
export function crisisPanel(form: ResolvedForm, country?: string): ShownCrisisPanel {
  const config = form.crisis;
  const local = country ? config?.countries?.[country.toUpperCase()] : undefined;
  const fallback = form.crisisDefault ?? DEFAULT_CRISIS_PANEL;
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
