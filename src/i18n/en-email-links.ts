import type { EmailLinksStrings } from './strings.js';

/** "Email me my links" in English; the form's module (src/base/email-links-form.ts) registers it when it loads. */
export const enEmailLinks: EmailLinksStrings = {
  emailLinksHeading: 'Email me my links',
  emailLinksIntro: 'We can send fresh links to the email address you booked with.',
  emailLinksLabel: 'Email address',
  emailLinksSubmit: 'Email me my links',
  emailLinksSending: 'Sending…',
  emailLinksErrorEmpty: 'Enter your email address',
  emailLinksErrorFormat: 'Enter an email address in the correct format, like name@example.com',
  emailLinksSentHeading: 'Check your inbox',
  emailLinksSent: 'If this address has a booking with us, we have sent its links to it. The email can take a few minutes to arrive.',
  emailLinksAgain: 'Send them again',
  emailLinksAnswersKept: 'The link to your booking no longer works, so your answers were not sent. They are still here.',
};
