/**
 * Email over SMTP through nodemailer (`KAP_SMTP_URL`, e.g. `smtps://user:pass@smtp.example:465`,
 * and `KAP_MAIL_FROM`). A 5xx answer from the server is permanent; anything else is tried again.
 * nodemailer is loaded on the first message, so a server without SMTP never loads it.
 */
import type { Transporter } from 'nodemailer';
import { TransportError, failureCode, type EmailTransport, type OutgoingEmail } from './transport.js';

export function smtpTransport(options: { url: string; from: string; messageIdDomain?: string }): EmailTransport {
  let transporter: Promise<Transporter> | undefined;
  const connect = () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options.url)));
  const domain = options.messageIdDomain ?? /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'kap.invalid';
  return {
    kind: 'smtp',
    async send(message: OutgoingEmail): Promise<void> {
      try {
        await (
          await connect()
        ).sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.id}@${domain}>`,
          attachments: message.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
        });
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        throw new TransportError(failureCode(error), typeof responseCode === 'number' && responseCode >= 500);
      }
    },
    async close() {
      (await transporter)?.close();
    },
  };
}
