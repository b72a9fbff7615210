/**
 * Webhook endpoints in the store interface (types.ts): where the outbox also sends its events
 * (server/notifications/webhooks.ts), managed by the owner (server/routes/webhooks.ts). An
 * endpoint's signing secret is sealed at rest like client data; after a rotation the previous
 * secret keeps signing beside the new one until `previousUntil` (24 h), so a receiver can switch
 * without losing a delivery. The endpoint's deliveries are the outbox's, to the destination
 * `webhook:<id>` (notification-types.ts).
 */
import type { NotificationEventType } from './notification-types.js';

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  events: NotificationEventType[];
  state: 'active' | 'disabled';
  createdAt: number;
  createdBy: string;
  /** When the secret was last made (creation or rotation). */
  secretCreatedAt: number;
}

/** An endpoint with its secrets, for signing only. */
export interface WebhookSigningRecord extends WebhookEndpointRecord {
  secret: string;
  /** The secret before the last rotation, still signing until `previousUntil`. */
  previousSecret: string | undefined;
  previousUntil: number | undefined;
}

export interface WebhookStore {
  /** Every endpoint (disabled ones too), oldest first. */
  list(): Promise<WebhookEndpointRecord[]>;
  /** The active endpoints that want `type`. */
  subscribed(type: NotificationEventType): Promise<WebhookEndpointRecord[]>;
  create(endpoint: { url: string; events: NotificationEventType[]; secret: string; createdBy: string; now: number }): Promise<WebhookEndpointRecord>;
  /** The endpoint with its secrets (`undefined`: none with this id). */
  signing(id: string): Promise<WebhookSigningRecord | undefined>;
  /** A new secret; the current one keeps signing until `previousUntil`. `undefined`: no such endpoint. */
  rotate(rotation: { id: string; secret: string; previousUntil: number; now: number }): Promise<WebhookEndpointRecord | undefined>;
  /** Stops deliveries to the endpoint (kept, with its log). `undefined`: no such endpoint. */
  disable(id: string): Promise<WebhookEndpointRecord | undefined>;
  /** Removes the endpoint and its secrets; its deliveries are skipped from then on. */
  remove(id: string): Promise<WebhookEndpointRecord | undefined>;
}
