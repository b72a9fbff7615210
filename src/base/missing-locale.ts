import type { ConfigurationProblem } from './configuration-report.js';

/**
 * The web team's words for a page whose language has no strings loaded: a lazily loaded module
 * (`language-check.ts`), so that no element's file carries them for the pages that never need them.
 */
export function missingLocale(wanted: string): ConfigurationProblem {
  return {
    code: 'missing_locale',
    detail: `lang="${wanted}" has no strings loaded, so all is shown in English: load its locale module (i18n/es.js for Spanish) or registerLocale('${wanted}', …)`,
  };
}
