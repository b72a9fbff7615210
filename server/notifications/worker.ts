/**
 * The outbox worker: runs in the server process (started by `npm start`, stopped when the server
 * closes), never in a request's path. Each round it routes the events that are due (routing.ts) and
 * claims the deliveries that are due — pending ones whose time has come, and claimed ones whose
 * lease has run out because the process holding them died — then sends each (compose.ts) through
 * the transport of its channel. A delivery that fails is tried again with exponential backoff and
 * jitter (backoff.ts) for up to three days, then stays `failed` for the owner to see.
 *
 * Exactly once per (event, destination): the unique delivery row makes one per destination, the
 * claim is atomic across processes, and finishing needs the claim, so a worker whose lease ran out
 * cannot mark another's delivery. A process killed after sending but before finishing sends again
 * after the lease (the message keeps its Message-ID, and the dev mailbox keeps it once). Webhook
 * deliveries (`webhook:<id>`, webhooks.ts) go the same way: a receiver told twice after such a
 * crash sees the same `webhook-id`.
 */
import type { Stores } from '../stores/types.js';
import { retryAt } from './backoff.js';
import { composeDelivery, type ComposeContext } from './compose.js';
import { DEFAULT_ESCALATION_MS, routeEvent } from './routing.js';
import { TransportError, failureCode, type EmailTransport } from './transport.js';
import type { WebhookAddressPolicy } from './webhook-address.js';
import { parseWebhookDestination, sendWebhook } from './webhooks.js';

export interface NotificationWorkerOptions {
  stores: Stores;
  /** Where email goes; without one, email deliveries fail (`no_email_transport`) for the owner to see. */
  email: EmailTransport | undefined;
  now: () => number;
  siteUrl: string;
  consoleUrl: string;
  escalationMs?: number;
  /** How long a claimed delivery is this worker's before another may retake it. Default 2 minutes. */
  leaseMs?: number;
  /** Pause between rounds. Default 1 second. */
  pollMs?: number;
  /** In [0, 1): the jitter of retries. */
  random?: () => number;
  /** Where webhooks may go (`KAP_WEBHOOK_ALLOW_PRIVATE`). Default: public https addresses only. */
  webhooks?: WebhookAddressPolicy;
  /** How long a webhook receiver has to answer. Default 10 seconds. */
  webhookTimeoutMs?: number;
  /** One line per failed delivery or round: ids and codes only. */
  logger?: (line: string) => void;
}

export interface RoundResult {
  routed: number;
  delivered: number;
  skipped: number;
  failed: number;
}

const BATCH = 20;

export class NotificationWorker {
  readonly #options: NotificationWorkerOptions;
  readonly #context: ComposeContext;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #round: Promise<unknown> | undefined;
  #running = false;

  constructor(options: NotificationWorkerOptions) {
    this.#options = options;
    this.#context = {
      stores: options.stores,
      now: options.now,
      siteUrl: options.siteUrl,
      consoleUrl: options.consoleUrl,
      escalationMs: options.escalationMs ?? DEFAULT_ESCALATION_MS,
    };
  }

  /** Starts the rounds (one at once, then one each `pollMs`). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** Stops the rounds and waits for the one under way. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#round;
  }

  /** Stops, then closes the transport (an SMTP connection pool). */
  async close(): Promise<void> {
    await this.stop();
    await this.#options.email?.close?.();
  }

  /** One round: route what is due, then send what is due. */
  async runOnce(): Promise<RoundResult> {
    const { stores, now } = this.#options;
    const result: RoundResult = { routed: 0, delivered: 0, skipped: 0, failed: 0 };
    for (const event of await stores.notifications.dueEvents(now(), BATCH)) {
      try {
        // One time for both: the follow-ups' schedule is made at it and written as their occurredAt.
        const at = now();
        const routing = await routeEvent(stores, event, this.#context, at);
        await stores.notifications.route({ eventId: event.id, ...routing, now: at });
        result.routed++;
      } catch (error) {
        // Left unrouted, tried again next round; the other events go on.
        this.#options.logger?.(`notification_routing_failed ${event.id} ${event.type} ${failureCode(error)}`);
      }
    }
    const claimed = await stores.notifications.claimDeliveries({ now: now(), leaseMs: this.#options.leaseMs ?? 120_000, limit: BATCH });
    for (const delivery of claimed) {
      try {
        const endpointId = parseWebhookDestination(delivery.destination);
        if (endpointId !== undefined) {
          const sent = await sendWebhook(delivery, endpointId, {
            stores,
            now,
            policy: this.#options.webhooks ?? { allowPrivate: false },
            ...(this.#options.webhookTimeoutMs !== undefined ? { timeoutMs: this.#options.webhookTimeoutMs } : {}),
          });
          const outcome = sent === 'sent' ? 'delivered' : 'skipped';
          await stores.notifications.finishDelivery({ id: delivery.id, claim: delivery.claim, outcome, now: now() });
          result[outcome]++;
          continue;
        }
        const composed = await composeDelivery(delivery, this.#context);
        if (composed === 'skip') {
          await stores.notifications.finishDelivery({ id: delivery.id, claim: delivery.claim, outcome: 'skipped', now: now() });
          result.skipped++;
          continue;
        }
        if (!this.#options.email) throw new TransportError('no_email_transport', true);
        await this.#options.email.send({ id: delivery.id, to: composed.to, ...composed.email });
        await stores.notifications.finishDelivery({ id: delivery.id, claim: delivery.claim, outcome: 'delivered', now: now() });
        result.delivered++;
      } catch (error) {
        const code = failureCode(error);
        const permanent = error instanceof TransportError && error.permanent;
        const at = permanent ? undefined : retryAt(delivery.attempts, delivery.createdAt, now(), this.#options.random);
        await stores.notifications.failDelivery({ id: delivery.id, claim: delivery.claim, error: code, retryAt: at, now: now() });
        this.#options.logger?.(`notification_failed ${delivery.id} ${delivery.event.type} ${code}${at === undefined ? ' final' : ''}`);
        result.failed++;
      }
    }
    return result;
  }

  #schedule(delay: number): void {
    this.#timer = setTimeout(() => {
      this.#round = this.runOnce()
        .catch((error: unknown) => this.#options.logger?.(`notification_round_failed ${error instanceof Error ? error.name : 'error'}`))
        .finally(() => {
          if (this.#running) this.#schedule(this.#options.pollMs ?? 1000);
        });
    }, delay);
    this.#timer.unref?.();
  }
}
