/**
 * Evaluated before Lit: every entry imports it first, and it imports nothing that imports Lit.
 *
 * Lit creates its Trusted Types policy, named `lit-html`, while its module is evaluated. A page
 * whose Content-Security-Policy refuses that name (`trusted-types 'none'`, or a list without
 * `lit-html`) makes that evaluation throw, and the elements never start: silently blank. The
 * browser reports the refusal as a `securitypolicyviolation` event, which this module listens
 * for. It then tells the website team on the console and with `kap-error` `{ kind:
 * 'configuration', code: 'trusted_types_blocked' }` on every kap element in the page, now and
 * added later, and shows the client the calm "not available online right now" in their place.
 * Nothing global is replaced; the page's own policies are untouched.
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

function onViolation(event: SecurityPolicyViolationEvent): void {
  if (event.effectiveDirective !== 'trusted-types' || event.sample !== 'lit-html' || event.disposition !== 'enforce') return;
  document.removeEventListener('securitypolicyviolation', onViolation);
  console.error(
    `kap-elements: this page's Content-Security-Policy refuses the Trusted Types policy "lit-html", so the elements cannot start; allow it: trusted-types lit-html (beside your other policy names) (kap-error code "trusted_types_blocked")`,
  );
  explainAll();
  new MutationObserver(explainAll).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', onViolation);
