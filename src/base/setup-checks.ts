/**
 * Checks of what a page hands an element — its child JSON settings, its `strings` (its `time-zone`
 * has time-zone-problem.ts) — that turn a silent mistake into a precise line for the website team.
 * Plain functions: the element decides whether a problem blocks it (`reportConfigurationProblem`)
 * or only warns.
 */
import { enShared } from '../i18n/en-shared.js';
import { builtInStrings } from '../i18n/registry.js';
import type { KapStrings } from '../i18n/strings.js';
import type { ConfigurationProblem } from './configuration-report.js';

/** Where the settings a marketer can paste live. */
export const SETTINGS_SCRIPT = 'its <script type="application/json">';

/**
 * A child `<script type="application/json">`'s text as settings: a JSON object, or why it is not
 * one — in the parser's own words, which give the position, line and column (Chromium, Firefox).
 */
export function readSettingsJson(text: string): { value: Record<string, unknown> } | { problem: ConfigurationProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: { code: 'invalid_settings', detail: `${SETTINGS_SCRIPT} is not valid JSON: ${(error as Error).message}` } };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown> };
  return { problem: { code: 'invalid_settings', detail: `${SETTINGS_SCRIPT} is not a JSON object` } };
}

/**
 * The known texts of a page's `strings` (the property, or `"strings"` in the child JSON: `from`
 * says which), and a problem for each value of a known key that is not text. "Known" is the English
 * loaded on the page (`enShared` and each loaded element's part); any other key is `unsure`, for
 * `strangerStringProblems` (stranger-strings.ts, loaded only then) to look up in the whole English (loaded lazily): it may belong to an
 * element this page does not load (one settings file shared by a site), or be a typo.
 */
export function checkStrings(value: unknown, from: string): { strings: Partial<KapStrings>; problems: ConfigurationProblem[]; unsure: UnsureStrings } {
  const strings: Record<string, string> = {};
  const problems: ConfigurationProblem[] = [];
  const unsure: UnsureStrings = { from, entries: [] };
  const builtIn = builtInStrings();
  for (const [key, text] of Object.entries(value ?? {})) {
    const known = Object.hasOwn(enShared, key) || Object.hasOwn(builtIn, key);
    if (known && typeof text === 'string') strings[key] = text;
    else if (known) problems.push({ code: 'invalid_strings', detail: `${from}: "${key}" is not a text` });
    else unsure.entries.push([key, text]);
  }
  return { strings, problems, unsure };
}

/** Strings keys that no element loaded on the page knows, with where they came from. */
export interface UnsureStrings {
  from: string;
  entries: [key: string, text: unknown][];
}
