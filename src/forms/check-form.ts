/**
 * `parseFormDefinition()`: the authoring checks of a form definition, run where forms are authored
 * — the server when it serves or stores a form, `npx kap-elements check-form FILE`, and
 * `<kap-intake>` only when a page hands it an inline definition (it imports this module lazily, so
 * a page showing a backend's form never loads it). It resolves the definition like the render path
 * (`resolveFormDefinition`), then checks its texts and the cross-item rules zod cannot express
 * (`definition-checks.ts`), and words every problem for the website team (`definition-problems.ts`).
 */
import { provideInstruments } from './built-in-instruments.js';
import { checkResolvedForm } from './definition-checks.js';
import type { core } from 'zod/mini';
import { describeIssues } from './definition-problems.js';
import { MEDICAL_SCREENING_PAGE } from './medical-screening.js';
import { BUILT_IN_INSTRUMENTS } from './instruments/built-in.js';
import { resolveFormDefinition, type ParseOptions, type ParseResult } from './parse.js';

/**
 * Checks a form definition (parsed JSON) and resolves it in `options.lang`. Problems name the
 * place and the problem, e.g. `pages[2].items[4] ("pregnant"): condition refers to "sex" which is
 * not an earlier item`; they are meant for the site's developer (console), never for the client.
 */
// How an element words a definition these checks refuse: here, so the element's own file carries none of it.
export { invalidDefinition } from '../text/definition-problems.js';

export function parseFormDefinition(json: unknown, options: ParseOptions = {}): ParseResult {
  provideInstruments(BUILT_IN_INSTRUMENTS);
  const resolved = resolveFormDefinition(json, { ...options, includes: { 'kap-medical-screening': MEDICAL_SCREENING_PAGE, ...options.includes } });
  // The generated validator's issues are zod's, detail for detail (test/api/generated-validators.test.ts).
  if (!resolved.ok) return { ok: false, problems: describeIssues(resolved.issues as unknown as readonly core.$ZodIssue[], json) };
  const problems = [...resolved.textProblems, ...checkResolvedForm(resolved.form)];
  if (problems.length) return { ok: false, problems };
  return { ok: true, form: resolved.form, warnings: resolved.warnings };
}
