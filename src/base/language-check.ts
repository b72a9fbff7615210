import { hasLocale } from '../i18n/registry.js';
import { reportConfiguration } from './configuration-report.js';
import { inheritedLanguage } from './language.js';

/**
 * The language an element speaks: the one the page asks for (`inheritedLanguage`) when its strings
 * are loaded — English always is — else English, words and dates alike, so a page never mixes two
 * languages. A missing locale module is reported once the page has loaded: until then it may only
 * be a script that has not run yet.
 */
export class LanguageCheck {
  readonly #element: Element;
  #scheduled: string | undefined;

  constructor(element: Element) {
    this.#element = element;
  }

  /** The language to speak now. */
  resolve(): string {
    const wanted = inheritedLanguage(this.#element);
    if (hasLocale(wanted)) return wanted;
    if (this.#scheduled !== wanted) {
      this.#scheduled = wanted;
      const check = () => {
        const still = inheritedLanguage(this.#element);
        if (still !== wanted || hasLocale(still)) return;
        // Its wording is loaded only then (and said no more if it cannot be: the page is offline).
        void import('./missing-locale.js').then(
          ({ missingLocale }) => reportConfiguration(this.#element, missingLocale(wanted)),
          () => undefined,
        );
      };
      if (document.readyState === 'complete') setTimeout(check);
      else window.addEventListener('load', check, { once: true });
    }
    return 'en';
  }
}
