/**
 * Webhook deliveries: the outbox's destination `webhook:<endpoint id>`, one per (event, endpoint)
 * under the outbox's unique key. Each is a POST of `{ type, timestamp, data }` — the event's type,
 * when it happened, and ids only (never a name, an address, an answer or a score) — signed the
 * Standard Webhooks way (the `standardwebhooks` package): `webhook-id` is the event's id (the same
 * on every retry and replay, so a receiver drops copies), `webhook-timestamp` the second of
 * sending, `webhook-signature` one `v1,<base64>` per live secret, space-separated (the current
 * secret, and for 24 h after a rotation the previous one too). A 2xx answer within 10 s is
 * success; anything else is retried with the outbox's backoff.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { ClaimedDelivery, NotificationEventRecord, Stores, WebhookSigningRecord } from '../stores/types.js';
import { TransportError } from './transport.js';
import { guardedLookup, isPrivateAddress, PrivateAddressError, type WebhookAddressPolicy } from './webhook-address.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How long the secret before a rotation keeps signing. */
export const PREVIOUS_SECRET_MS = 24 * 60 * 60_000;

const PREFIX = 'webhook:';

export function webhookDestination(endpointId: string): string {
  return `${PREFIX}${endpointId}`;
}

/** The endpoint id of a webhook destination, `undefined` for any other. */
export function parseWebhookDestination(destination: string): string | undefined {
  return destination.startsWith(PREFIX) ? destination.slice(PREFIX.length) : undefined;
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What a receiver gets: the event's type and ids, nothing else. */
export function webhookPayload(event: NotificationEventRecord): string {
  const data: Record<string, string> = {};
  if (event.bookingId !== undefined) data.booking = event.bookingId;
  if (event.subjectId !== undefined) data.subject = event.subjectId;
  return JSON.stringify({ type: event.type, timestamp: new Date(event.occurredAt).toISOString(), data });
}

/** The Standard Webhooks headers of one sending, signed with every live secret of the endpoint. */
export function webhookHeaders(endpoint: WebhookSigningRecord, eventId: string, body: string, now: number): Record<string, string> {
  const sentAt = new Date(Math.floor(now / 1000) * 1000);
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret !== undefined && endpoint.previousUntil !== undefined && now < endpoint.previousUntil) secrets.push(endpoint.previousSecret);
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(sentAt.getTime() / 1000),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(eventId, sentAt, body)).join(' '),
  };
}

export interface WebhookContext {
  stores: Stores;
  now: () => number;
  policy: WebhookAddressPolicy;
  timeoutMs?: number;
}

/**
 * Sends one webhook delivery: `skip` when the endpoint is gone, disabled or no longer wants the
 * event; throws `TransportError` (`http_<status>`, `timeout`, `webhook_address_private`, …) when it
 * did not go through.
 */
export async function sendWebhook(delivery: ClaimedDelivery, endpointId: string, context: WebhookContext): Promise<'sent' | 'skip'> {
  const endpoint = await context.stores.webhooks.signing(endpointId);
  if (!endpoint || endpoint.state !== 'active' || !endpoint.events.includes(delivery.event.type)) return 'skip';
  const url = new URL(endpoint.url);
  if (url.protocol !== 'https:' && !(context.policy.allowPrivate && url.protocol === 'http:')) throw new TransportError('webhook_url_not_https', true);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!context.policy.allowPrivate && isIP(host) && isPrivateAddress(host)) throw new TransportError('webhook_address_private');
  const body = webhookPayload(delivery.event);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'kap-elements-webhooks',
    ...webhookHeaders(endpoint, delivery.event.id, body, context.now()),
  };
  const status = await post(url, headers, body, context.policy, context.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  if (status < 200 || status > 299) throw new TransportError(`http_${status}`);
  return 'sent';
}

function post(url: URL, headers: Record<string, string>, body: string, policy: WebhookAddressPolicy, timeoutMs: number): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // The address connected to is the one checked (no DNS rebinding between check and use).
        ...(policy.allowPrivate ? {} : { lookup: guardedLookup }),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        // Only the status matters; the body is read and dropped. Redirects are not followed.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => reject(new TransportError('webhook_response_broken')));
      },
    );
    outgoing.on('error', (error: Error & { code?: string }) => {
      if (error instanceof PrivateAddressError) reject(new TransportError('webhook_address_private'));
      else if (error.name === 'AbortError' || error.name === 'TimeoutError') reject(new TransportError('timeout'));
      else reject(new TransportError(typeof error.code === 'string' ? error.code.slice(0, 40) : 'webhook_request_failed'));
    });
    outgoing.end(body);
  });
}
