/**
 * Webhook endpoints (owner): `GET staff/webhooks` lists them; `POST staff/webhooks` adds one
 * (`{ url, events }`) and answers its signing secret once; `POST staff/webhooks/{id}/rotate` makes a
 * new secret, answered once, while the old one keeps signing for 24 h; `POST …/{id}/disable` stops
 * its deliveries; `DELETE …/{id}` removes it. `GET …/{id}/deliveries` is its delivery log (state,
 * attempts, last error, next try) and `POST …/{id}/deliveries/{deliveryId}/replay` sends a finished
 * delivery again, with the same `webhook-id`. A URL that is not https, or whose host resolves to a
 * loopback, private or link-local address, is refused (notifications/webhook-address.ts) unless
 * `KAP_WEBHOOK_ALLOW_PRIVATE=1`. Every change is audited; secrets never are.
 */
import type { Hono } from 'hono';
import { WebhookCreateRequest, type WebhookEndpoint } from '../../src/api/staff.js';
import { ApiError, notFound, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { refuseWebhookUrl, type WebhookAddressPolicy } from '../notifications/webhook-address.js';
import { newWebhookSecret, PREVIOUS_SECRET_MS, webhookDestination } from '../notifications/webhooks.js';
import { toInstant } from '../stores/records.js';
import type { NotificationEventType, WebhookEndpointRecord } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { toDelivery } from './notifications.js';
import { parseRequest } from './validation.js';

const LOG_LIMIT = 100;

const REFUSALS: Record<string, string> = {
  webhook_url_invalid: 'Enter a full address, such as https://example.com/webhooks.',
  webhook_url_credentials: 'Leave the user name and password out of the address.',
  webhook_url_not_https: 'The address must start with https://.',
  webhook_host_unresolved: 'This address’s host cannot be found.',
  webhook_address_private: 'This address is on a private, loopback or link-local network.',
};

export function registerWebhookRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext, policy: WebhookAddressPolicy): void {
  const manage = auth.requireStaff('webhooks:manage');
  const found = async (id: string) => {
    const endpoint = (await stores.webhooks.list()).find((one) => one.id === id);
    if (!endpoint) throw notFound('There is no webhook endpoint with this id.');
    return endpoint;
  };

  app.get('/staff/webhooks', manage, async (c) => c.json({ webhooks: (await stores.webhooks.list()).map(toEndpoint) }));

  app.post('/staff/webhooks', manage, async (c) => {
    const request = parseRequest(WebhookCreateRequest, c.var.body);
    const refusal = await refuseWebhookUrl(request.url, policy);
    if (refusal) throw validationFailed({ url: REFUSALS[refusal] ?? refusal });
    const secret = newWebhookSecret();
    const events = [...new Set(request.events)] as NotificationEventType[];
    const endpoint = await stores.webhooks.create({ url: new URL(request.url).href, events, secret, createdBy: c.var.staff.id, now: now() });
    await auth.audit(c, 'webhook.create', { type: 'webhook', id: endpoint.id });
    return c.json({ webhook: toEndpoint(endpoint), secret }, 201);
  });

  app.post('/staff/webhooks/:id/rotate', manage, async (c) => {
    const secret = newWebhookSecret();
    const endpoint = await stores.webhooks.rotate({ id: c.req.param('id'), secret, previousUntil: now() + PREVIOUS_SECRET_MS, now: now() });
    if (!endpoint) throw notFound('There is no webhook endpoint with this id.');
    await auth.audit(c, 'webhook.rotate_secret', { type: 'webhook', id: endpoint.id });
    return c.json({ webhook: toEndpoint(endpoint), secret });
  });

  app.post('/staff/webhooks/:id/disable', manage, async (c) => {
    const endpoint = await stores.webhooks.disable(c.req.param('id'));
    if (!endpoint) throw notFound('There is no webhook endpoint with this id.');
    await auth.audit(c, 'webhook.disable', { type: 'webhook', id: endpoint.id });
    return c.json({ webhook: toEndpoint(endpoint) });
  });

  app.delete('/staff/webhooks/:id', manage, async (c) => {
    const endpoint = await stores.webhooks.remove(c.req.param('id'));
    if (!endpoint) throw notFound('There is no webhook endpoint with this id.');
    await auth.audit(c, 'webhook.delete', { type: 'webhook', id: endpoint.id });
    return c.json({ webhook: toEndpoint(endpoint) });
  });

  app.get('/staff/webhooks/:id/deliveries', manage, async (c) => {
    const endpoint = await found(c.req.param('id'));
    const deliveries = await stores.notifications.deliveriesTo({ destination: webhookDestination(endpoint.id), limit: LOG_LIMIT });
    return c.json({ deliveries: deliveries.map(toDelivery) });
  });

  app.post('/staff/webhooks/:id/deliveries/:deliveryId/replay', manage, async (c) => {
    const endpoint = await found(c.req.param('id'));
    const replayed = await stores.notifications.replayDelivery({ id: c.req.param('deliveryId'), destination: webhookDestination(endpoint.id), now: now() });
    if (!replayed) throw new ApiError(409, 'delivery_not_finished', 'There is no finished delivery with this id to this endpoint.');
    await auth.audit(c, 'webhook.replay', { type: 'webhook', id: endpoint.id });
    return c.json({ replayed: true }, 202);
  });
}

function toEndpoint(record: WebhookEndpointRecord): WebhookEndpoint {
  return {
    id: record.id,
    url: record.url,
    events: record.events,
    state: record.state,
    createdAt: toInstant(record.createdAt),
    secretCreatedAt: toInstant(record.secretCreatedAt),
  };
}
