/**
 * The crisis panel shown at once when a safety answer is given (see `safetyTriggered`). A clinic
 * sets its own text and resources in the definition's `crisis`, optionally per country; without
 * one, the US default applies: call or text 988, and 911 in an emergency.
 */
import type { TextLanguages } from './definition-basics.js';
import type { CrisisPanel, CrisisResource, ResolvedForm } from './definition.js';

export const DEFAULT_CRISIS_PANEL: CrisisPanel = {
  heading: 'Support is available now',
  body: 'Some of your answers suggest you may be going through a very hard time. You do not have to wait for your appointment to talk to someone.\n\nYou can carry on with this form whenever you feel ready.',
  resources: [
    {
      name: '988 Suicide & Crisis Lifeline',
      description: 'Call or text 988 to talk to a trained counselor. Free and confidential, 24 hours a day.',
      phone: '988',
      sms: '988',
      url: 'https://988lifeline.org',
    },
    {
      name: 'Emergency services',
      description: 'If you or someone else is in immediate danger, call 911.',
      phone: '911',
    },
  ],
};

export interface ShownCrisisPanel extends Required<Omit<CrisisPanel, 'langs'>> {
  /** The clinic's own number (`crisis.clinicPhone`), offered after the crisis lines. */
  clinicPhone?: string;
  /** The heading's and body's language where it is not the page's (see `TextLanguages`). */
  langs?: TextLanguages;
}

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
