/**
 * Development without SMTP: each message is kept in the database (sealed like client data) and
 * shown to the owner at `/console/dev-mail`, so a newcomer sees what a client would receive. Kept
 * under the delivery's id, so a delivery retried after a crash is kept once.
 */
import type { NotificationStore } from '../stores/types.js';
import type { EmailTransport, OutgoingEmail } from './transport.js';

export function devMailbox(store: NotificationStore, now: () => number): EmailTransport {
  return {
    kind: 'dev-mailbox',
    async send({ id, ...message }: OutgoingEmail): Promise<void> {
      await store.keepDevMail({ id, message, now: now() });
    },
  };
}
