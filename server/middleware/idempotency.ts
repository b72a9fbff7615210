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
import type { Db } from '../stores/sqlite/database.js';
import { sha256Hex } from '../secrets.js';

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A pending claim older than this belongs to a request that died (crash, restart); it may be retaken. */
export const IDEMPOTENCY_LOCK_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Lets a handler store its response inside its own database transaction. */
export interface IdempotencyRecorder {
  record(status: number, body: unknown): void;
}

interface StoredRow {
  fingerprint: string;
  status: number | null;
  response_sealed: Buffer | null;
  locked_at_ms: number | null;
}

export function idempotency(options: { db: Db; now: () => number; required: boolean }): MiddlewareHandler<AppEnv> {
  const { db, now } = options;
  const purge = db.prepare('DELETE FROM idempotency_keys WHERE created_at_ms <= ?');
  const select = db.prepare<[string, string], StoredRow>(
    'SELECT fingerprint, status, response_sealed, locked_at_ms FROM idempotency_keys WHERE key_sha256 = ? AND scope = ?',
  );
  const claim = db.prepare(
    `INSERT INTO idempotency_keys (key_sha256, scope, fingerprint, created_at_ms, locked_at_ms) VALUES (?, ?, ?, ?, ?)`,
  );
  const reclaim = db.prepare('UPDATE idempotency_keys SET locked_at_ms = ? WHERE key_sha256 = ? AND scope = ?');
  const complete = db.prepare(
    'UPDATE idempotency_keys SET status = ?, response_sealed = ?, locked_at_ms = NULL WHERE key_sha256 = ? AND scope = ?',
  );
  const release = db.prepare('DELETE FROM idempotency_keys WHERE key_sha256 = ? AND scope = ? AND status IS NULL');

  return async (c, next) => {
    const key = readIdempotencyKey(c.req.header('Idempotency-Key'), options.required);
    if (key === undefined) return next();

    const keyHash = sha256Hex(key);
    const scope = `${c.req.method} ${c.req.path}`;
    const fingerprint = fingerprintRequest(c.var.body, c.req.header('Authorization'));
    const at = now();

    const stored = db
      .transaction((): StoredRow | undefined => {
        purge.run(at - IDEMPOTENCY_RETENTION_MS);
        const row = select.get(keyHash, scope);
        if (!row) {
          claim.run(keyHash, scope, fingerprint, at, at);
          return undefined;
        }
        if (row.fingerprint !== fingerprint) {
          throw new ApiError(
            422,
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
          );
        }
        if (row.status === null) {
          if (row.locked_at_ms !== null && at - row.locked_at_ms < IDEMPOTENCY_LOCK_MS) {
            throw new ApiError(
              409,
              'request_in_progress',
              'The first request with this Idempotency-Key is still being processed. Try again in a moment.',
              { headers: { 'Retry-After': '1' } },
            );
          }
          reclaim.run(at, keyHash, scope);
          return undefined;
        }
        return row;
      })
      .immediate();

    if (stored) return replay(stored, key, scope);

    let recorded = false;
    c.set('idempotency', {
      record(status, body) {
        const sealed = status === 204 ? null : sealText(JSON.stringify(body), key, scope);
        complete.run(status, sealed, keyHash, scope);
        recorded = true;
      },
    });
    await next();
    if (recorded) return;
    const status = c.res.status;
    const code = status === 409 ? await errorCode(c.res) : undefined;
    const ran = (status >= 200 && status < 300) || (status === 409 && code !== 'request_in_progress');
    if (ran) {
      const text = status === 204 ? '' : await c.res.clone().text();
      complete.run(status, text ? sealText(text, key, scope) : null, keyHash, scope);
    } else {
      release.run(keyHash, scope);
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

export function idempotencyKeyHash(key: string): string {
  return sha256Hex(key);
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

function replay(row: StoredRow, key: string, scope: string): Response {
  const headers = new Headers({ 'Idempotent-Replayed': 'true' });
  if (row.response_sealed === null) return new Response(null, { status: row.status!, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(unseal(row.response_sealed, key, scope), { status: row.status!, headers });
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

function unseal(sealed: Buffer, key: string, scope: string): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key, scope), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}
