/**
 * Another connection to a SQLite file, in a worker thread of its own: the store suite's
 * concurrency tests then run transactions truly in parallel (better-sqlite3 is synchronous, so
 * connections in one thread would only take turns). Every `stores.<store>.<method>(...args)` is
 * posted to the worker, which calls it on its own `SqliteStores`; a refusal comes back as one.
 * Arguments must be structured-cloneable (no idempotent outcomes).
 */
import { Worker } from 'node:worker_threads';
import { StoreRefusal, type RefusalReason } from '../../../server/stores/refusal.js';
import type { Stores } from '../../../server/stores/types.js';

export interface PeerRequest {
  id: number;
  store: string;
  method: string;
  args: unknown[];
}

export type PeerReply = { id: number; value: unknown } | { id: number; refusal: { reason: RefusalReason; retryAt?: number } } | { id: number; error: string };

export interface SqlitePeer extends Stores {
  /** Ends the worker (after closing its connection). */
  terminate(): Promise<void>;
}

export async function sqlitePeer(path: string, timeZone: string): Promise<SqlitePeer> {
  const worker = new Worker(new URL('./sqlite-peer-worker.mjs', import.meta.url), { workerData: { path, timeZone } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  worker.on('message', (reply: PeerReply) => {
    const waiting = pending.get(reply.id)!;
    pending.delete(reply.id);
    if ('value' in reply) waiting.resolve(reply.value);
    else if ('refusal' in reply) waiting.reject(new StoreRefusal(reply.refusal.reason, reply.refusal.retryAt));
    else waiting.reject(new Error(reply.error));
  });
  const call = (store: string, method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, store, method, args } satisfies PeerRequest);
    });
  const store = (name: string) =>
    new Proxy(
      {},
      {
        get:
          (_, method: string) =>
          (...args: unknown[]) =>
            call(name, method, args),
      },
    );
  return {
    clinic: store('clinic'),
    forms: store('forms'),
    bookings: store('bookings'),
    checklists: store('checklists'),
    intake: store('intake'),
    notifications: store('notifications'),
    idempotency: store('idempotency'),
    staff: store('staff'),
    signInThrottle: store('signInThrottle'),
    sessions: store('sessions'),
    apiKeys: store('apiKeys'),
    audit: store('audit'),
    ping: () => call('', 'ping', []),
    close: () => call('', 'close', []),
    async terminate() {
      await call('', 'close', []);
      await worker.terminate();
    },
  } as SqlitePeer;
}
