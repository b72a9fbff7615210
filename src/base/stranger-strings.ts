/**
 * The page's `strings` keys that no element loaded on the page knows (setup-checks.ts
 * `checkStrings`), looked up in the whole English: a lazily loaded module, fetched only when a page
 * hands such a key, so the words of every element stay out of each one's file.
 */
import { en } from '../i18n/en.js';
import { enEmailLinks } from '../i18n/en-email-links.js';
import type { ConfigurationProblem } from './configuration-report.js';
import { closestName, didYouMean } from './closest-name.js';
import type { UnsureStrings } from './setup-checks.js';

/** A problem for each key no element knows (with the closest known key) or value that is not text. */
export function strangerStringProblems(unsure: readonly UnsureStrings[]): ConfigurationProblem[] {
  // The whole English, and the words that ship with a lazily loaded part (src/i18n/strings.ts).
  const known = { ...en, ...enEmailLinks };
  return unsure.flatMap(({ from, entries }) =>
    entries.flatMap(([key, text]): ConfigurationProblem[] => {
      if (!Object.hasOwn(known, key)) {
        return [{ code: 'unknown_string', detail: `${from}: "${key}" is not a string key${didYouMean(closestName(key, Object.keys(known)))}` }];
      }
      return typeof text === 'string' ? [] : [{ code: 'invalid_strings', detail: `${from}: "${key}" is not a text` }];
    }),
  );
}
