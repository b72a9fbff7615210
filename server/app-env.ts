/** The Hono environment shared by the API's middleware and routes. */
import type { HttpBindings } from '@hono/node-server';
import type { IdempotentOutcome } from './stores/types.js';

export interface AppEnv {
  /** Present when served by @hono/node-server; absent when the app is called through `app.fetch`. */
  Bindings: Partial<HttpBindings> | undefined;
  Variables: {
    /**
     * The client every per-client limit counts against: its address as `clientIdentity` resolved
     * it (through trusted proxies only), an IPv6 address as its /64.
     */
    client: string;
    /** The client's full address as `clientIdentity` resolved it: what the audit log records. */
    address: string;
    /**
     * Whether the request reached the clinic over https: its own URL, or `X-Forwarded-Proto` as
     * set by a trusted proxy (never believed from anyone else). Decides the staff cookie's flags.
     */
    secure: boolean;
    /** The parsed JSON body of a POST/PUT, or `undefined` when it was empty. */
    body: unknown;
    /** Set on idempotent routes when the request carries an `Idempotency-Key`. */
    idempotency: IdempotentWrites | undefined;
  };
}

/** What an idempotent route hands its write, so that the write keeps its outcome with itself. */
export interface IdempotentWrites {
  /** The outcome to keep for the key: `status` and the JSON body made from the write's result. */
  outcome<T>(status: number, body: (result: T) => unknown): IdempotentOutcome<T>;
}
