/**
 * What `trusted-types-watch.ts` does once the page's Content-Security-Policy has refused Lit's
 * Trusted Types policy: every kap element in the page, now and added later, fires `kap-error`
 * `{ kind: 'configuration', code: 'trusted_types_blocked' }` and shows the client the calm "not
 * available online right now" (in the page's language when its locale module is loaded).
 *
 * Imported only then. By that time the file that imported the watch has failed, so in the drop-in
 * build this module is built on its own, self-contained (`dist/cdn/chunks/trusted-types-explain.js`,
 * vite.config.ts), and shares nothing with the file that failed; one copy serves all four files.
 */
import { KapErrorEvent } from '../events/kap-error.js';
import { CONFIGURATION_WORDS } from '../i18n/configuration-words.js';
import { registeredStrings } from '../i18n/registry.js';
import { inheritedLanguage } from './language.js';

const TAGS = 'kap-booking, kap-intake, kap-prep-checklist';

const explained = new WeakSet<Element>();

/** Reports on `element` and shows the client the message, unless it started after all (another bundle). */
function explain(element: Element): void {
  if (explained.has(element) || customElements.get(element.localName)) return;
  explained.add(element);
  if (!element.shadowRoot) {
    const words = { ...CONFIGURATION_WORDS, ...registeredStrings(inheritedLanguage(element)) };
    const message = document.createElement('p');
    message.textContent = `${words.configurationHeading}. ${words.configurationBody}`;
    element.attachShadow({ mode: 'open' }).append(message);
  }
  element.dispatchEvent(new KapErrorEvent({ kind: 'configuration', code: 'trusted_types_blocked' }));
}

function explainAll(): void {
  for (const element of document.querySelectorAll(TAGS)) explain(element);
}

/** Explains every kap element in the page, and each one added from now on. */
export function explainPage(): void {
  explainAll();
  new MutationObserver(explainAll).observe(document.documentElement, { childList: true, subtree: true });
}
