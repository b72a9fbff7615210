/**
 * "Email me my links", offered by every element where its booking's link is missing or no longer
 * works (src/base/email-links-form.ts). Not part of `KapStrings` (nor of the whole English `en`):
 * these words ship with that lazily loaded form — English in en-email-links.ts, Spanish in
 * es-email-links.ts (registered by the Spanish module) — like a built-in instrument's texts with
 * its chunk. A page overrides them like any other string.
 */
export interface EmailLinksStrings {
  emailLinksHeading: string;
  emailLinksIntro: string;
  emailLinksLabel: string;
  emailLinksSubmit: string;
  emailLinksSending: string;
  emailLinksErrorEmpty: string;
  emailLinksErrorFormat: string;
  emailLinksSentHeading: string;
  /** Never says whether the address is known: the same words for any address. */
  emailLinksSent: string;
  emailLinksAgain: string;
  /** Above the form in `<kap-intake>`, whose answers a link that no longer works (`401`) could not send. */
  emailLinksAnswersKept: string;
}

export type EmailLinksStringKey = keyof EmailLinksStrings;
