/**
 * The intake's built-in content in Spanish, as the Spanish module (`i18n/es.js`) registers it:
 * the medical screening page and the crisis panel, translated with care, and the one validated
 * instrument with an official, verified Spanish form, the PHQ-9 ("Spanish for the USA").
 * The GAD-7 (its Spanish record is not verified) and the PCL-5 (no official Spanish form) are left
 * out on purpose: Spanish pages show them in English, marked `lang="en"`.
 */
import { PHQ9_ES } from '../instruments/phq-9.es.js';
import type { FormsTranslation } from '../translations.js';
import { CRISIS_PANEL_ES } from './crisis.js';
import { MEDICAL_SCREENING_ES } from './medical-screening.js';

export const FORMS_ES: FormsTranslation = {
  lang: 'es',
  includes: { 'kap-medical-screening': MEDICAL_SCREENING_ES },
  crisis: CRISIS_PANEL_ES,
  instruments: { 'phq-9': PHQ9_ES },
};
