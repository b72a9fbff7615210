/**
 * The mail a real backend sends, caught by a real SMTP server in the test process (smtp-server,
 * each message parsed with mailparser: test/server/notifications-support.ts).
 */
import type { ParsedMail } from 'mailparser';
import { recipient, type MailSink } from '../server/notifications-support.js';

export { mailSink, recipient, wholeMessage, type MailSink } from '../server/notifications-support.js';

/**
 * Waits for the first message since `from` (an index into `sink.messages`) that is to `to` and
 * whose subject matches. The bound is generous and not an assertion of speed: the outbox worker
 * polls each second, on a machine that may be busy.
 */
export async function mailTo(sink: MailSink, to: string, subject: RegExp, from = 0, timeoutMs = 60_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.messages.slice(from).find((mail) => recipient(mail) === to && subject.test(mail.subject ?? ''));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = sink.messages.map((mail) => `${recipient(mail)}: ${mail.subject}`).join('\n');
      throw new Error(`no message to ${to} matching ${subject} within ${timeoutMs} ms; received:\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The http(s) links of a message's plain text, by the page they open (`manage`, `checklist`, `intake`, `console`…). */
export function linksOf(mail: ParsedMail): Map<string, string> {
  const links = new Map<string, string>();
  for (const [href] of (mail.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const page = /([\w-]+)(?:\.html)?\/?$/.exec(new URL(href).pathname)?.[1] ?? '';
    if (!links.has(page)) links.set(page, href);
  }
  return links;
}
