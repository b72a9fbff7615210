/**
 * The notifications' settings from the environment (`npm start`):
 *   KAP_SMTP_URL           SMTP server, e.g. smtps://user:pass@smtp.example:465 (nodemailer's URL form)
 *   KAP_MAIL_FROM          the From of every email, e.g. "Harbor Clinic <appointments@harbor.example>"
 *   KAP_SAFETY_ESCALATION  how long a safety flag may wait unacknowledged before the owner is
 *                          emailed: 2h (default), 90m, 45s
 *   KAP_SITE_URL           the clinic's site whose manage.html, checklist.html and intake.html the
 *                          emails link to (default: the demo page)
 *   KAP_WEBHOOK_ALLOW_PRIVATE  1: webhook endpoints may be plain http and on loopback, private or
 *                          link-local addresses (otherwise refused when added and when delivered)
 * Without KAP_SMTP_URL, development keeps messages in the dev mailbox; in production
 * (`NODE_ENV=production`) email deliveries fail for the owner to see, and start-up says so.
 */
import type { NotificationStore } from '../stores/types.js';
import { devMailbox } from './dev-mailbox.js';
import { DEFAULT_ESCALATION_MS } from './routing.js';
import { smtpTransport } from './smtp.js';
import type { EmailTransport } from './transport.js';
import type { WebhookAddressPolicy } from './webhook-address.js';

export function parseDuration(name: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!match) throw new Error(`${name} must be a duration such as 2h, 90m or 45s, not "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'm') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(match[1]) * unit);
}

export function emailTransportFromEnv(
  env: NodeJS.ProcessEnv,
  context: { store: NotificationStore; now: () => number; development: boolean },
): EmailTransport | undefined {
  const url = env.KAP_SMTP_URL?.trim();
  if (url) return smtpTransport({ url, from: env.KAP_MAIL_FROM?.trim() || 'Clinic <no-reply@localhost>' });
  return context.development ? devMailbox(context.store, context.now) : undefined;
}

export function escalationFromEnv(env: NodeJS.ProcessEnv): number {
  const value = env.KAP_SAFETY_ESCALATION?.trim();
  return value ? parseDuration('KAP_SAFETY_ESCALATION', value) : DEFAULT_ESCALATION_MS;
}

export function webhookPolicyFromEnv(env: NodeJS.ProcessEnv): WebhookAddressPolicy {
  return { allowPrivate: env.KAP_WEBHOOK_ALLOW_PRIVATE?.trim() === '1' };
}
