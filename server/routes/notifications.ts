/**
 * The outbox as the owner sees it: `GET staff/notifications/failed` lists the deliveries that failed
 * for good (and those still being retried with `?state=pending`), newest first — event type, ids,
 * destination kind, attempts and a short error code; never an address or a message.
 * `POST staff/notifications/{id}/retry` sends a failed delivery again (pending from now, its
 * attempts counted on, the same event: an email is written afresh, a webhook keeps its
 * `webhook-id`); audited (`notification.retry`).
 */
import type { Hono } from 'hono';
import type { NotificationDeliveriesResponse, NotificationRetryResponse } from '../../src/api/staff.js';
import { ApiError, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { toInstant } from '../stores/records.js';
import type { DeliveryRecord } from '../stores/types.js';
import type { RouteContext } from './context.js';

const LIMIT = 100;

export function registerNotificationRoutes(app: Hono<AppEnv>, { stores, auth, now }: RouteContext): void {
  app.get('/staff/notifications/failed', auth.requireStaff('notifications:manage'), async (c) => {
    const state = c.req.query('state') ?? 'failed';
    if (state !== 'failed' && state !== 'pending') throw validationFailed({ state: 'Expected failed or pending.' });
    const deliveries = await stores.notifications.deliveries({ state, limit: LIMIT });
    const body: NotificationDeliveriesResponse = { deliveries: deliveries.map(toDelivery) };
    return c.json(body);
  });

  app.post('/staff/notifications/:id/retry', auth.requireStaff('notifications:manage'), async (c) => {
    const delivery = await stores.notifications.findDelivery(c.req.param('id'));
    const retried =
      delivery?.state === 'failed' && (await stores.notifications.replayDelivery({ id: delivery.id, destination: delivery.destination, now: now() }));
    if (!retried) throw new ApiError(409, 'delivery_not_failed', 'There is no failed delivery with this id: it may have been tried again already.');
    await auth.audit(c, 'notification.retry', { type: 'delivery', id: delivery.id });
    return c.json({ retried: true } satisfies NotificationRetryResponse, 202);
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
