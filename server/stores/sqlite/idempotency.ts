/**
 * Idempotency-Keys in `idempotency_keys`: keys as SHA-256 hashes, outcomes sealed by the caller
 * (the table never holds a usable access token). A claim is one IMMEDIATE transaction, so of
 * concurrent claims of one key exactly one takes it, across processes too.
 */
import type { ClaimResult, IdempotencyClaim, IdempotencyKeyRef, IdempotencyStore, IdempotentOutcome, StoredOutcome } from '../types.js';
import type { Db } from './database.js';

interface KeyRow {
  fingerprint: string;
  status: number | null;
  response_sealed: Buffer | null;
  locked_at_ms: number | null;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      purge: db.prepare('DELETE FROM idempotency_keys WHERE created_at_ms <= ?'),
      select: db.prepare<[string, string], KeyRow>(
        'SELECT fingerprint, status, response_sealed, locked_at_ms FROM idempotency_keys WHERE key_sha256 = ? AND scope = ?',
      ),
      claim: db.prepare('INSERT INTO idempotency_keys (key_sha256, scope, fingerprint, created_at_ms, locked_at_ms) VALUES (?, ?, ?, ?, ?)'),
      retake: db.prepare('UPDATE idempotency_keys SET locked_at_ms = ? WHERE key_sha256 = ? AND scope = ?'),
      release: db.prepare('DELETE FROM idempotency_keys WHERE key_sha256 = ? AND scope = ? AND status IS NULL'),
    };
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    const { keyHash, scope } = claim;
    return this.#db
      .transaction((): ClaimResult => {
        this.#statements.purge.run(claim.forgetCreatedBy);
        const row = this.#statements.select.get(keyHash, scope);
        if (!row) {
          this.#statements.claim.run(keyHash, scope, claim.fingerprint, claim.now, claim.now);
          return { state: 'claimed' };
        }
        if (row.fingerprint !== claim.fingerprint) return { state: 'reused' };
        if (row.status !== null) return { state: 'replay', outcome: { status: row.status, sealed: row.response_sealed } };
        if (row.locked_at_ms !== null && row.locked_at_ms > claim.retakeLockedBy) return { state: 'in_progress' };
        this.#statements.retake.run(claim.now, keyHash, scope);
        return { state: 'claimed' };
      })
      .immediate();
  }

  async complete(key: IdempotencyKeyRef, outcome: StoredOutcome): Promise<void> {
    completeKey(this.#db, key, outcome);
  }

  async release(key: IdempotencyKeyRef): Promise<void> {
    this.#statements.release.run(key.keyHash, key.scope);
  }
}

/** Keeps a write's outcome for its key; call inside the write's transaction. */
export function keepOutcome<T>(db: Db, idempotency: IdempotentOutcome<T> | undefined, result: T): void {
  if (idempotency) completeKey(db, idempotency.key, idempotency.stored(result));
}

function completeKey(db: Db, key: IdempotencyKeyRef, outcome: StoredOutcome): void {
  db.prepare('UPDATE idempotency_keys SET status = ?, response_sealed = ?, locked_at_ms = NULL WHERE key_sha256 = ? AND scope = ?').run(
    outcome.status,
    outcome.sealed,
    key.keyHash,
    key.scope,
  );
}
