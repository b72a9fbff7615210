/**
 * One logical write — a booking, a move, a cancel, an intake — kept at most once on the server
 * whatever happens to its answers and whatever the client does next. Every flow that submits
 * uses this one class (a hold and a checklist tick have their own, simpler rules: a hold is
 * retried for the same time only, a tick is a PUT, idempotent by nature).
 *
 * A write is sent with a new `Idempotency-Key`; the key and the exact body stay *pending* until
 * an answer settles them. Success settles it (`recorded`), and so does a refusal that proves
 * nothing was recorded (`refused`: a 4xx such as `422`, `409 slot_unavailable`, `413`). Anything
 * else — no answer, a timeout, a 5xx, a 429, the client pressing Stop — leaves the outcome
 * unknown, and the pending write goes first next time:
 *
 * - the same body again (a retry) resends the pending body, byte for byte, under its key;
 * - a *different* body (the client changed something) first resends the pending one: if that
 *   succeeds, the earlier write is what the server holds (`recorded-earlier`: the new body was
 *   not sent, and the client must be told); if it is refused, the earlier write never took
 *   effect and the new body goes with a new key.
 *
 * The server replays a key's stored answer, so resending can never record twice; and nothing is
 * sent that could be recorded beside an earlier write whose fate is unknown.
 */
import { isAbort } from './abort.js';
import type { RequestProgress } from './client.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { isKapApiError } from './errors.js';

/** What a flow hands over to send `body`: the request itself, under the given key. */
export type Transmit<B, T> = (body: B, options: { idempotencyKey: string; signal: AbortSignal; onProgress: (progress: RequestProgress) => void }) => Promise<T>;

/** A write sent without a settling answer. */
export interface PendingWrite<B, T> {
  key: string;
  /** Exactly what was sent (and is sent again). */
  body: B;
  /** Identifies the logical write: two bodies with the same print are the same write. */
  print: string;
  transmit: Transmit<B, T>;
}

export type WriteResult<B, T> =
  /** The server recorded `body` (now, or earlier and replayed it). */
  | { outcome: 'recorded'; value: T; body: B }
  /** An earlier write whose answer was lost is what the server recorded; the body asked for now was not sent. */
  | { outcome: 'recorded-earlier'; value: T; body: B }
  /** The server refused, and nothing was recorded: the client may change things and send again. */
  | { outcome: 'refused'; error: unknown }
  /** Perhaps recorded, perhaps not: the write stays pending and goes first next time. */
  | { outcome: 'unknown'; error: unknown }
  /** The client stopped waiting: as `unknown`, with nothing to report as a failure. */
  | { outcome: 'stopped' };

/**
 * Whether a failed request proves that nothing was recorded: a 4xx answer from the server (a
 * stored 409 conflict included), or a request that never left. Not: 408, 429, `request_in_progress`
 * (the first is still running), `idempotency_key_reused` (something else is stored under the key),
 * network failures, timeouts, 5xx or an unreadable 2xx.
 */
export function provesNothingRecorded(error: unknown): boolean {
  if (!isKapApiError(error)) return false;
  if (error.kind === 'configuration') return true;
  const status = error.status;
  if (status === undefined || status < 400 || status >= 500 || status === 408 || status === 429) return false;
  return error.code !== 'request_in_progress' && error.code !== 'idempotency_key_reused';
}

export class IdempotentWrite<B, T> {
  #pending: PendingWrite<B, T> | undefined;
  #controller: AbortController | undefined;
  #stopping = false;
  #progress: RequestProgress | undefined;
  readonly #changed: () => void;

  /**
   * `changed` runs, synchronously, whenever sending changes `pending`, `sending` or `progress`
   * (not on `restore` and `forget`: their caller knows).
   */
  constructor(changed: () => void = () => {}) {
    this.#changed = changed;
  }

  /** The write whose outcome is unknown, if any. */
  get pending(): PendingWrite<B, T> | undefined {
    return this.#pending;
  }

  get sending(): boolean {
    return this.#controller !== undefined;
  }

  /**
   * What the request under way is doing: `slow` (no answer yet) or `retry` (with the delay). A
   * new attempt keeps the last `slow`/`retry`, so the client is not told "sending" again.
   */
  get progress(): RequestProgress | undefined {
    return this.#progress;
  }

  /** Takes back a pending write kept elsewhere (a draft, after a reload). */
  restore(pending: PendingWrite<B, T>): void {
    this.#pending = pending;
  }

  /** Drops the pending write: the flow moved on to something unrelated (another booking). */
  forget(): void {
    this.#pending = undefined;
  }

  /** Stops waiting for the request under way; its outcome becomes unknown (`stopped`). */
  stop(): void {
    if (!this.#controller) return;
    this.#stopping = true;
    this.#controller.abort(new DOMException('The client stopped waiting.', 'AbortError'));
  }

  /**
   * Sends the write `print` identifies (see the module comment for what goes first). `signal`
   * is the caller's (the element leaving the page): its abort rejects with the `AbortError`.
   */
  async send(body: B, print: string, transmit: Transmit<B, T>, signal: AbortSignal): Promise<WriteResult<B, T>> {
    if (this.#controller) throw new Error('A write is already being sent.');
    const earlier = this.#pending;
    if (earlier && earlier.print !== print) {
      const result = await this.#transmit(earlier, signal);
      if (result.outcome === 'recorded') return { ...result, outcome: 'recorded-earlier' };
      if (result.outcome !== 'refused') return result;
    }
    if (this.#pending?.print !== print) {
      this.#pending = { key: newIdempotencyKey(), body, print, transmit };
      // Told before the request leaves, so a draft can keep the key through a reload mid-flight.
      this.#changed();
    }
    return this.#transmit(this.#pending!, signal);
  }

  async #transmit(pending: PendingWrite<B, T>, signal: AbortSignal): Promise<WriteResult<B, T>> {
    if (signal.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    this.#controller = controller;
    this.#stopping = false;
    this.#progress = undefined;
    this.#changed();
    const settle = () => {
      if (this.#pending === pending) this.#pending = undefined;
    };
    try {
      const value = await pending.transmit(pending.body, {
        idempotencyKey: pending.key,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.kind !== 'slow' && progress.kind !== 'retry') return;
          this.#progress = progress;
          this.#changed();
        },
      });
      settle();
      return { outcome: 'recorded', value, body: pending.body };
    } catch (error) {
      if (isAbort(error)) {
        if (this.#stopping && !signal.aborted) return { outcome: 'stopped' };
        throw error;
      }
      if (!provesNothingRecorded(error)) return { outcome: 'unknown', error };
      settle();
      return { outcome: 'refused', error };
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.#controller = undefined;
      this.#stopping = false;
      this.#progress = undefined;
      this.#changed();
    }
  }
}
