/**
 * What a view module (a template function in an element's `views/`) needs of its element: its
 * words, headings, failure messages and statuses, in the element's language. The element's own
 * methods stay protected; `KapElement.ui` hands these to its views.
 */
import type { TemplateResult } from 'lit';
import type { EmailLinksStringKey, KapStringKey } from '../i18n/strings.js';
import type { ConfigurationProblem } from './configuration-report.js';
import type { HeadingOptions } from './heading.js';

export interface ElementUi {
  readonly locale: string;
  readonly language: string;
  /**
   * The element's words as a whole: the same object until a word changes (the language, the page's
   * `strings`, a registered locale), so a view can tell whether what it rendered with them still holds.
   */
  readonly words: object;
  /** A word in the element's language; the "Email me my links" words once that form's module has loaded. */
  t(key: KapStringKey | EmailLinksStringKey, params?: Record<string, string | number>): string;
  plural(count: number, oneKey: KapStringKey, otherKey: KapStringKey): string;
  heading(content: unknown, options?: HeadingOptions, sub?: boolean): TemplateResult;
  failureMessage(error: unknown): string;
  renderStillLoading(): unknown;
  renderConfigurationProblem(problem: ConfigurationProblem): TemplateResult;
  /**
   * "Email me my links", for a state where the booking's link is missing or no longer works
   * (nothing until its module has loaded), after `lead`, a word of its own, when given.
   */
  renderEmailLinks(lead?: EmailLinksStringKey): unknown;
}

/** An `ElementUi` whose `locale`, `language` and `words` are read afresh each time (they follow `lang`). */
export function elementUi(
  read: { locale: () => string; language: () => string; words: () => object },
  methods: Omit<ElementUi, 'locale' | 'language' | 'words'>,
): ElementUi {
  return {
    get locale() {
      return read.locale();
    },
    get language() {
      return read.language();
    },
    get words() {
      return read.words();
    },
    ...methods,
  };
}
