/**
 * Evaluated before Lit: every entry imports it first, and it imports nothing that imports Lit.
 *
 * Lit creates its Trusted Types policy, named `lit-html`, while its module is evaluated. A page
 * whose Content-Security-Policy refuses that name (`trusted-types 'none'`, or a list without
 * `lit-html`) makes that evaluation throw, and the elements never start: silently blank. The
 * browser reports the refusal as a `securitypolicyviolation` event, which this module listens
 * for. It then tells the website team on the console and with `kap-error` `{ kind:
 * 'configuration', code: 'trusted_types_blocked' }` on every kap element in the page, now and
 * added later, and shows the client the calm "not available online right now" in their place
 * (`trusted-types-explain.ts`, imported only then: in the drop-in files a self-contained chunk, so
 * without `chunks/` beside the file the console's words are all there is). Nothing global is
 * replaced; the page's own policies are untouched.
 */
function onViolation(event: SecurityPolicyViolationEvent): void {
  if (event.effectiveDirective !== 'trusted-types' || event.sample !== 'lit-html' || event.disposition !== 'enforce') return;
  document.removeEventListener('securitypolicyviolation', onViolation);
  console.error(
    `kap-elements: this page's Content-Security-Policy refuses the Trusted Types policy "lit-html", so the elements cannot start; allow it: trusted-types lit-html (beside your other policy names) (kap-error code "trusted_types_blocked")`,
  );
  import('./trusted-types-explain.js').then(
    ({ explainPage }) => explainPage(),
    () => undefined, // its chunk could not be fetched: the console has said what to change
  );
}

if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', onViolation);
