/**
 * A webhook receiver in the test process: a plain HTTP server on loopback that records each request
 * and checks its `webhook-signature` with the standardwebhooks package against the secrets it is
 * given, answering the statuses it is told to (then 204).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { TestApp } from './support.js';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status answered. */
  status: number;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** The statuses of the next requests, in order; 204 after them. */
  answers: number[];
  close(): Promise<void>;
}

export async function webhookReceiver(answers: number[] = []): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = { answers: [...answers] };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const status = receiver.answers.shift() ?? 204;
      received.push({ headers: request.headers, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * Whether the request is signed with `secret`: the package's own verification when the request's
 * timestamp is near the real clock (`verify` also checks freshness), and otherwise — tests on an
 * injected clock — the package's signature for the same id, timestamp and body among the
 * space-separated signatures.
 */
export function signedWith(secret: string, { headers, body }: ReceivedWebhook, realClock: boolean): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  const signatures = String(headers['webhook-signature']);
  const webhook = new Webhook(secret);
  if (realClock) {
    try {
      webhook.verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures });
      return true;
    } catch {
      return false;
    }
  }
  return signatures.split(' ').includes(webhook.sign(id, new Date(Number(timestamp) * 1000), body));
}

/** A delivery to the endpoint that failed for good, for routes that need a finished one. */
export async function failedDelivery(app: TestApp, endpointId: string): Promise<string> {
  const eventId = `ev_${randomUUID()}`;
  const deliveryId = `dl_${randomUUID()}`;
  app.db
    .prepare('INSERT INTO notification_events (id, type, occurred_at_ms, due_at_ms, routed_at_ms) VALUES (?, ?, ?, ?, ?)')
    .run(eventId, 'booking.confirmed', app.clock.ms, app.clock.ms, app.clock.ms);
  app.db
    .prepare(
      `INSERT INTO notification_deliveries (id, event_id, destination, state, attempts, next_attempt_at_ms, last_error, created_at_ms, finished_at_ms)
       VALUES (?, ?, ?, 'failed', 1, ?, 'http_500', ?, ?)`,
    )
    .run(deliveryId, eventId, `webhook:${endpointId}`, app.clock.ms, app.clock.ms, app.clock.ms);
  return deliveryId;
}
