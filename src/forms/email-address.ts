/** The longest email address accepted. */
export const EMAIL_MAX = 254;

/**
 * Whether `text` (already trimmed) reads as an email address: something@domain.tld, no spaces, at
 * most `EMAIL_MAX` characters. One rule for the intake's email questions and the elements' "Email
 * me my links" (src/base/email-links-form.ts); the backend's own check has the last word.
 */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(text) && text.length <= EMAIL_MAX;
}
