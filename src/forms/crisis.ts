/**
 * The crisis panel shown at once when a safety answer is given (see `safetyTriggered`). A clinic
 * sets its own text and resources in the definition's `crisis`, optionally per country; without
 * one, the US default applies: call or text 988, and 911 in an emergency. Which panel a page shows
 * is chosen by `crisisPanel` (crisis-panel.ts), which the element loads with the panel's templates.
 */
import type { TextLanguages } from './definition-basics.js';
import type { CrisisPanel } from './definition.js';

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
