/**
 * The outbox as the owner sees it: `GET staff/notifications/failed` lists the deliveries that failed
 * for good (and those still being retried with `?state=pending`), newest first — event type, ids,
 * destination kind, attempts and a short error code; never an address or a message.
 */
import type { Hono } from 'hono';
import type { NotificationDeliveriesResponse } from '../../src/api/staff.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { toInstant } from '../stores/records.js';
import type { DeliveryRecord } from '../stores/types.js';
import type { RouteContext } from './context.js';

const LIMIT = 100;

export function registerNotificationRoutes(app: Hono<AppEnv>, { stores, auth }: RouteContext): void {
  app.get('/staff/notifications/failed', auth.requireStaff('audit:read'), async (c) => {
    const state = c.req.query('state') ?? 'failed';
    if (state !== 'failed' && state !== 'pending') throw validationFailed({ state: 'Expected failed or pending.' });
    const deliveries = await stores.notifications.deliveries({ state, limit: LIMIT });
    const body: NotificationDeliveriesResponse = { deliveries: deliveries.map(toDelivery) };
    return c.json(body);
  });
}

/** A delivery as the owner sees it (also a webhook endpoint's log, webhooks.ts). */
export function toDelivery(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    event: { id: delivery.event.id, type: delivery.event.type, booking: delivery.event.bookingId ?? null, occurredAt: toInstant(delivery.event.occurredAt) },
    // `email:client`, `email:staff:<id>` or `email:staff:<id>:escalation`: names, not addresses.
    destination: delivery.destination,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: toInstant(delivery.nextAttemptAt),
    error: delivery.lastError ?? null,
  };
}
