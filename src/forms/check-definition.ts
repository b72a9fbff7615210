/**
 * `checkFormDefinition()`: the authoring checks of a form definition, given the built-in content
 * it uses — the ready-made pages in `options.includes`, the instruments already provided. It
 * resolves the definition like the render path (`resolveFormDefinition`), but with the full
 * validators (every rule of the schemas; the render path's leave out value checks), then checks its texts and
 * the cross-item rules zod cannot express (`definition-checks.ts`), and words every problem for the
 * website team (`definition-problems.ts`).
 *
 * `<kap-intake>` imports this lazily for a definition a page hands it, once its render path has
 * loaded what that definition uses, so the chunk carries no instrument or ready-made page of its
 * own. Where forms are authored, `parseFormDefinition()` (check-form.ts) hands it all of them.
 */
import type { core } from 'zod/mini';
import { checkResolvedForm } from './definition-checks.js';
import { describeIssues } from './definition-problems.js';
import { languageWarnings } from './language-warnings.js';
import { checkTexts } from './text-checks.js';
import { resolveFormDefinition, type ParseOptions, type ParseResult } from './parse.js';
// The full checks (the render path reads with lenient ones): every rule of the schemas, as zod has them.
import * as fullSchemas from './generated/definition.js';

// How an element words a definition these checks refuse: here, so the element's own file carries none of it.
export { invalidDefinition } from '../text/definition-problems.js';

export function checkFormDefinition(json: unknown, options: ParseOptions): ParseResult {
  const resolved = resolveFormDefinition(json, { ...options, schemas: fullSchemas });
  // The generated validator's issues are zod's, detail for detail (test/api/generated-validators.test.ts).
  if (!resolved.ok) return { ok: false, problems: describeIssues(resolved.issues as unknown as readonly core.$ZodIssue[], json) };
  const { definition, defaultLang } = resolved.written;
  const problems = [...checkTexts(definition, defaultLang), ...checkResolvedForm(resolved.form)];
  if (problems.length) return { ok: false, problems };
  return { ok: true, form: resolved.form, warnings: languageWarnings(resolved.gaps) };
}
