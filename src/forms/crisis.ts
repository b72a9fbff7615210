/**
 * The crisis panel shown at once when a safety answer is given (see `safetyTriggered`). A clinic
 * sets its own text and resources in the definition's `crisis`, optionally per country; without
 * one, the US default applies: call or text 988, and 911 in an emergency.
 */
import type { CrisisPanel, CrisisResource, ResolvedForm } from './definition.js';

export const DEFAULT_CRISIS_PANEL: CrisisPanel = {
  heading: 'Support is available now',
  body:
    'Some of your answers suggest you may be going through a very hard time. You do not have to wait for your appointment to talk to someone.\n\nYou can carry on with this form whenever you feel ready.',
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

export interface ShownCrisisPanel extends Required<CrisisPanel> {
  /** The clinic's own number (`crisis.clinicPhone`), offered after the crisis lines. */
  clinicPhone?: string;
}

/**
 * The panel for a country (ISO 3166 alpha-2, e.g. `US`, `GB`): the definition's entry for that
 * country, else the definition's own resources, else the US default. Heading and body fall back
 * the same way; the clinic's own number is the same in every country.
 */
export function crisisPanel(form: ResolvedForm, country?: string): ShownCrisisPanel {
  const config = form.crisis;
  const local = country ? config?.countries?.[country.toUpperCase()] : undefined;
  return {
    heading: local?.heading ?? config?.heading ?? DEFAULT_CRISIS_PANEL.heading!,
    body: local?.body ?? config?.body ?? DEFAULT_CRISIS_PANEL.body!,
    resources: local?.resources ?? config?.resources ?? DEFAULT_CRISIS_PANEL.resources,
    ...(config?.clinicPhone ? { clinicPhone: config.clinicPhone } : {}),
  };
}

/**
 * Whether `resource` is the US 988 Suicide & Crisis Lifeline, which also answers in Spanish
 * (call 988 and press 2, or text AYUDA to 988): Spanish pages say so beside it.
 */
export function isLifeline988(resource: CrisisResource): boolean {
  return resource.phone?.replace(/\D/g, '') === '988';
}
