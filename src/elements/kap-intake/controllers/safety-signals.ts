/**
 * The safety signal of `<kap-intake>`: in an intake linked to a booking, the moment the set of
 * safety items answered above zero grows, `POST safety-signals` tells the clinic — the booking,
 * the form, its version and those items, nothing else — so a disclosure of thoughts of self-harm
 * reaches a person even if the client never sends the form.
 *
 * One idempotency key per booking + form + version + item set, kept for every retry of it. The
 * request is never aborted when the element leaves (the disclosure must still arrive) and goes
 * out with `keepalive`, so it survives the page closing as far as browsers allow. One that did
 * not get through (offline, every retry failed) is sent again at the next safety answer or page,
 * when the page is hidden or left, and when the element leaves. Nothing here is shown to the client or
 * fires an event: the crisis panel is what the client sees.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../../api/connection.js';
import { sendSafetySignal } from '../../../api/endpoints.js';
import { newIdempotencyKey } from '../../../api/idempotency-key.js';
import type { SafetySignalRequest } from '../../../api/schemas.js';

interface Pending {
  /** The booking + form + version + item set, as one string. */
  id: string;
  request: SafetySignalRequest;
  token: string;
}

export class SafetySignals implements ReactiveController {
  readonly #client: () => ApiConnection | undefined;
  readonly #keys = new Map<string, string>();
  readonly #delivered = new Set<string>();
  readonly #sending = new Set<string>();
  #latest: Pending | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, client: () => ApiConnection | undefined) {
    this.#client = client;
    host.addController(this);
  }

  /** Only an intake on the page with a signal to look after listens to it. */
  hostConnected(): void {
    this.#connected = true;
    if (this.#latest) this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    removeEventListener('pagehide', this.retry);
    document.removeEventListener('visibilitychange', this.retry);
    this.retry();
  }

  /** Tells the clinic that `request.items` (every safety item answered so far) were answered above zero. */
  send(request: SafetySignalRequest, token: string): void {
    this.#latest = { id: JSON.stringify([request.booking, request.form, request.version ?? '', request.items]), request, token };
    if (this.#connected) this.#listen();
    this.retry();
  }

  /** Sends again when the page is hidden or left (adding the same listener twice adds it once). */
  #listen(): void {
    addEventListener('pagehide', this.retry);
    document.addEventListener('visibilitychange', this.retry);
  }

  /** Sends the latest signal again if it has not reached the backend and is not on its way. */
  readonly retry = (): void => {
    const latest = this.#latest;
    const client = this.#client();
    if (!latest || !client || this.#delivered.has(latest.id) || this.#sending.has(latest.id)) return;
    let key = this.#keys.get(latest.id);
    if (!key) this.#keys.set(latest.id, (key = newIdempotencyKey()));
    this.#sending.add(latest.id);
    sendSafetySignal(client, latest.request, { idempotencyKey: key, token: latest.token })
      .then(
        () => this.#delivered.add(latest.id),
        () => undefined,
      )
      .finally(() => this.#sending.delete(latest.id));
  };
}
