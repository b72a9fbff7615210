/**
 * `parseFormDefinition()`: the authoring checks of a form definition (`check-definition.ts`) with
 * every built-in instrument and ready-made page at hand, run where forms are authored — the server
 * when it serves or stores a form, `npx kap-elements check-form FILE`, an app that bundles the npm
 * modules. `<kap-intake>` runs the same checks in a chunk of their own, with only what the form uses.
 */
import { provideInstruments } from './built-in-instruments.js';
import { checkFormDefinition } from './check-definition.js';
import { resolveIncludedPage } from './included-page.js';
import { MEDICAL_SCREENING_PAGE } from './medical-screening.js';
import { BUILT_IN_INSTRUMENTS } from './instruments/built-in.js';
import { provideIncludedPages, type ParseOptions, type ParseResult } from './parse.js';

export { invalidDefinition } from './check-definition.js';

/**
 * Checks a form definition (parsed JSON) and resolves it in `options.lang`. Problems name the
 * place and the problem, e.g. `pages[2].items[4] ("pregnant"): condition refers to "sex" which is
 * not an earlier item`; they are meant for the site's developer (console), never for the client.
 */
export function parseFormDefinition(json: unknown, options: ParseOptions = {}): ParseResult {
  provideInstruments(BUILT_IN_INSTRUMENTS);
  provideIncludedPages(resolveIncludedPage);
  return checkFormDefinition(json, { ...options, includes: { 'kap-medical-screening': MEDICAL_SCREENING_PAGE, ...options.includes } });
}
