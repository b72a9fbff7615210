/**
 * The language side of `<kap-intake>`'s form: the built-in content registered for the page's
 * language (the Spanish module's screening page, crisis panel and official PHQ-9), a new render
 * when such content is registered after the element, and the warnings for the website team about
 * what the form lacks in that language, each given once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResolvedForm } from '../../../forms/definition.js';
import type { LanguageGaps } from '../../../forms/parse.js';
import type { FormsTranslation } from '../../../forms/translations.js';
import { onContentRegistered, registeredContent } from '../../../i18n/content.js';
import { firstTime } from '../../../base/report-once.js';

export class FormLanguage implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = onContentRegistered(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  /** The built-in content in `lang`, when its locale module is loaded. */
  translations(lang: string): FormsTranslation | undefined {
    return registeredContent(lang).forms;
  }

  /**
   * Tells the website team, once each, what the form lacks in its language (an instrument with no
   * official translation, texts with no version in it). The form still works; these lines name
   * the form and its definition only, never anything the client typed.
   */
  warn(form: ResolvedForm, gaps: LanguageGaps): void {
    if (!gaps.instruments.length && !gaps.fallbacks) return;
    // Worded in a module of its own (in the drop-in files, a chunk): a form with nothing to say never
    // loads it. Without it nothing is said; the form works all the same.
    import('../../../forms/language-warnings.js').then(
      ({ languageWarnings }) => {
        for (const warning of languageWarnings(gaps)) {
          const line = `<kap-intake> form "${form.id}", lang="${form.lang}": ${warning}`;
          if (firstTime(this, line)) console.warn(line);
        }
      },
      () => undefined,
    );
  }
}
