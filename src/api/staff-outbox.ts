/**
 * The outbox as the clinic's staff see it (owner): webhook endpoints, their deliveries and replays,
 * and the deliveries that failed for good with their retry. Part of the staff contract, re-exported
 * by staff.ts.
 */
import * as z from 'zod/mini';
import { Instant, RecordId as Id } from './schemas.js';

// ---- webhook endpoints (owner) -------------------------------------------------------------------

/** The events an endpoint may want: every event type the outbox writes (server/stores/notification-types.ts takes this list). */
export const WEBHOOK_EVENT_TYPES = [
  'booking.requested',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  'intake.submitted',
  'safety.flagged',
  'checklist.completed',
  'reminder.due',
  'links.requested',
  'checklist.due',
  'follow_up.invited',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string(),
  events: z.array(WebhookEventType),
  state: z.enum(['active', 'disabled']),
  createdAt: Instant,
  /** When the current secret was made (creation or the last rotation). */
  secretCreatedAt: Instant,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookCreateRequest = z.object({
  /** `https:` and a public address (plain http and private addresses only with KAP_WEBHOOK_ALLOW_PRIVATE=1). */
  url: z.string().check(z.trim(), z.minLength(1, 'Enter the address'), z.maxLength(2000)),
  events: z.array(WebhookEventType).check(z.minLength(1, 'Choose at least one event'), z.maxLength(WEBHOOK_EVENT_TYPES.length)),
});

/** The signing secret (`whsec_…`) is shown this once. */
export const WebhookSecretResponse = z.object({ webhook: WebhookEndpoint, secret: z.string() });
export const WebhookListResponse = z.object({ webhooks: z.array(WebhookEndpoint) });
export const WebhookResponse = z.object({ webhook: WebhookEndpoint });
/** 202: the delivery is pending again and goes out on the worker's next round. */
export const WebhookReplayResponse = z.object({ replayed: z.literal(true) });
/** `POST staff/notifications/{id}/retry`: the failed delivery waits to be sent again. */
export const NotificationRetryResponse = z.object({ retried: z.literal(true) });
export type NotificationRetryResponse = z.infer<typeof NotificationRetryResponse>;

/**
 * An outbox delivery as the owner sees it (`GET staff/notifications/failed`): the event's type and
 * ids, the destination's name (`email:client`, `email:staff:<id>`, `…:escalation`) — never an
 * address — attempts, and a short error code.
 */
export const NotificationDelivery = z.object({
  id: z.string(),
  event: z.object({ id: z.string(), type: z.string(), booking: z.nullable(z.string()), occurredAt: Instant }),
  destination: z.string(),
  state: z.enum(['pending', 'claimed', 'delivered', 'skipped', 'failed']),
  attempts: z.int(),
  nextAttemptAt: Instant,
  error: z.nullable(z.string()),
});

/** Newest first (also a webhook endpoint's delivery log, `GET staff/webhooks/{id}/deliveries`). */
export const NotificationDeliveriesResponse = z.object({ deliveries: z.array(NotificationDelivery) });
export type NotificationDeliveriesResponse = z.infer<typeof NotificationDeliveriesResponse>;
