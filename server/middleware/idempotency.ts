/**
 * `Idempotency-Key` as in the IETF draft and Stripe. The first request with a key claims it
 * (a pending row); its outcome is stored for 24 hours and replayed, byte for byte with
 * `Idempotent-Replayed: true`, to any retry with the same key and the same request. The same key
 * with a different request is `422 idempotency_key_reused`; a retry while the first is still
 * running is `409 request_in_progress`.
 *
 * What is stored: outcomes of requests that ran, i.e. 2xx and the 409 conflicts
 * (`slot_unavailable`, `hold_expired`). Rejections that changed nothing (400/401/404/413/415/422,
 * 429) and server errors release the key, so a corrected or later retry with it can succeed.
 *
 * Keys are scoped by method and path (a key used on one booking's cancel is unrelated to the same
 * key on another), stored as SHA-256 hashes, and each stored response is sealed with AES-256-GCM
 * under a key derived from the Idempotency-Key itself: the database alone never yields a replayable
 * response or the access token inside it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { sha256Hex } from '../secrets.js';
import type { IdempotencyKeyRef, IdempotencyStore, IdempotentOutcome, StoredOutcome } from '../stores/types.js';

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A pending claim older than this belongs to a request that died (crash, restart); it may be retaken. */
export const IDEMPOTENCY_LOCK_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function idempotency(options: { store: IdempotencyStore; now: () => number; required: boolean }): MiddlewareHandler<AppEnv> {
  const { store, now } = options;
  return async (c, next) => {
    const key = readIdempotencyKey(c.req.header('Idempotency-Key'), options.required);
    if (key === undefined) return next();

    const ref: IdempotencyKeyRef = { keyHash: sha256Hex(key), scope: `${c.req.method} ${c.req.path}` };
    const at = now();
    const claimed = await store.claim({
      ...ref,
      fingerprint: fingerprintRequest(c.var.body, c.req.header('Authorization')),
      now: at,
      forgetCreatedBy: at - IDEMPOTENCY_RETENTION_MS,
      retakeLockedBy: at - IDEMPOTENCY_LOCK_MS,
    });
    if (claimed.state === 'replay') return replay(claimed.outcome, key, ref.scope);
    if (claimed.state === 'reused') {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (claimed.state === 'in_progress') {
      throw new ApiError(409, 'request_in_progress', 'The first request with this Idempotency-Key is still being processed. Try again in a moment.', {
        headers: { 'Retry-After': '1' },
      });
    }

    // A write that takes the outcome keeps it in its own transaction; its success proves it did.
    let handedToWrite = false;
    c.set('idempotency', {
      outcome<T>(status: number, body: (result: T) => unknown): IdempotentOutcome<T> {
        return {
          key: ref,
          stored(result) {
            handedToWrite = true;
            return { status, sealed: sealText(JSON.stringify(body(result)), key, ref.scope) };
          },
        };
      },
    });
    await next();
    const status = c.res.status;
    if (handedToWrite && status >= 200 && status < 300) return;
    const code = status === 409 ? await errorCode(c.res) : undefined;
    const ran = (status >= 200 && status < 300) || (status === 409 && code !== 'request_in_progress');
    if (ran) {
      const text = status === 204 ? '' : await c.res.clone().text();
      await store.complete(ref, { status, sealed: text ? sealText(text, key, ref.scope) : null });
    } else {
      await store.release(ref);
    }
  };
}

/**
 * The key from the header; the draft's structured-field form (`"abc"`) and the bare form are
 * both accepted. Missing is `undefined` unless required.
 */
function readIdempotencyKey(header: string | undefined, required: boolean): string | undefined {
  if (header === undefined || header.trim() === '') {
    if (!required) return undefined;
    throw new ApiError(
      400,
      'idempotency_key_missing',
      'This request needs an Idempotency-Key header (a new random value, such as a UUID, for each new submission).',
    );
  }
  const trimmed = header.trim();
  const key = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(400, 'validation_failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return key;
}

/**
 * What makes two requests "the same": the JSON body (key order ignored) and the credentials.
 * Exported so tests can plant a pending claim exactly as a running request would.
 */
export function fingerprintRequest(body: unknown, authorization: string | undefined): string {
  return sha256Hex(`${canonicalJson(body ?? null)}\n${authorization ? sha256Hex(authorization) : ''}`);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function replay(outcome: StoredOutcome, key: string, scope: string): Response {
  const headers = new Headers({ 'Idempotent-Replayed': 'true' });
  if (outcome.sealed === null) return new Response(null, { status: outcome.status, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(unseal(outcome.sealed, key, scope), { status: outcome.status, headers });
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

function sealingKey(key: string, scope: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'kap-elements idempotency v1', scope, 32));
}

function sealText(text: string, key: string, scope: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key, scope), iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function unseal(sealed: Uint8Array, key: string, scope: string): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key, scope), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}
