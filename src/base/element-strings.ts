/**
 * An element's words: the shared English and its own element's (registered by its entry), then
 * the language's registered module, then the page's own — `"strings"` in the child settings
 * script, then the `strings` property — each checked, and what is wrong with them told to the
 * website team.
 */
import { enShared } from '../i18n/en-shared.js';
import { builtInStrings, registeredStrings, stringSources } from '../i18n/registry.js';
import type { KapStrings } from '../i18n/strings.js';
import { reportConfiguration } from './configuration-report.js';
import { SETTINGS_SCRIPT, checkStrings } from './setup-checks.js';

/** `englishStrings()`, and the built-in English it was made from (a registration replaces that object). */
let english: { from: unknown; strings: KapStrings } | undefined;

/**
 * The English an element speaks before its first update, and where a language lacks a word: one
 * object until an element's entry adds its words (every element starts from it, and reads it only).
 */
export function englishStrings(): KapStrings {
  const builtIn = builtInStrings();
  // Typed whole: each element reads only its own section, which its entry registered.
  if (english?.from !== builtIn) english = { from: builtIn, strings: { ...enShared, ...builtIn } as KapStrings };
  return english.strings;
}

export function elementStrings(element: Element, language: string, fromScript: unknown, fromProperty: unknown): KapStrings {
  const script = checkStrings(fromScript, `the strings in ${SETTINGS_SCRIPT}`);
  const property = checkStrings(fromProperty, 'its strings property');
  for (const problem of [...script.problems, ...property.problems]) reportConfiguration(element, problem);
  // Keys of no element loaded here: looked up in the whole English, loaded only then.
  if (script.unsure.entries.length || property.unsure.entries.length) {
    void import('./stranger-strings.js').then(
      ({ strangerStringProblems }) => strangerStringProblems([script.unsure, property.unsure]).forEach((problem) => reportConfiguration(element, problem)),
      () => undefined,
    );
  }
  return {
    ...englishStrings(),
    ...checkStrings(registeredStrings(language), '').strings,
    ...script.strings,
    ...property.strings,
  } as KapStrings;
}

/** An element's words, worked out again only when what they are made of changed, not at every answer typed. */
export class ElementWords {
  /** The same object until a word changes. */
  current: KapStrings = englishStrings();
  /** What `current` was worked out from: the language, the page's two `strings`, the registry's objects. */
  #sources: readonly unknown[] = [];

  refresh(element: Element, language: string, fromScript: unknown, fromProperty: unknown): void {
    const sources = [language, fromScript, fromProperty, ...stringSources(language)];
    if (sources.some((source, index) => source !== this.#sources[index])) {
      this.#sources = sources;
      this.current = elementStrings(element, language, fromScript, fromProperty);
    }
  }
}
