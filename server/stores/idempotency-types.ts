/**
 * The idempotency store's records: one Idempotency-Key per (key, scope), a response sealed for replay,
 * and the claim a request makes before it runs (see middleware/idempotency.ts).
 */

/** One Idempotency-Key as stored: its SHA-256 hex and its scope (method and path). */
export interface IdempotencyKeyRef {
  keyHash: string;
  scope: string;
}

/** A response kept for replay, sealed by the caller (middleware/idempotency.ts). */
export interface StoredOutcome {
  status: number;
  /** `null` for a response without a body. */
  sealed: Uint8Array | null;
}

/**
 * The outcome an idempotent write stores with itself, in its own transaction, so that a key's
 * record and the write it describes are committed together or not at all.
 */
export interface IdempotentOutcome<T> {
  key: IdempotencyKeyRef;
  /** Pure: what to keep for the write's result. Called inside the write's transaction. */
  stored(result: T): StoredOutcome;
}

export interface IdempotencyClaim extends IdempotencyKeyRef {
  /** What makes two requests the same (`fingerprintRequest`). */
  fingerprint: string;
  now: number;
  /** Records created at or before this are forgotten first (they are kept 24 hours). */
  forgetCreatedBy: number;
  /** A pending claim locked at or before this belongs to a request that died: it is retaken. */
  retakeLockedBy: number;
}

export type ClaimResult =
  /** The key is this request's: pending until completed, released, or retaken. */
  | { state: 'claimed' }
  | { state: 'replay'; outcome: StoredOutcome }
  /** The key was used with a different request. */
  | { state: 'reused' }
  /** The first request with the key is still running. */
  | { state: 'in_progress' };

export interface IdempotencyStore {
  /** Claims a key, atomically: of concurrent claims of one free key, exactly one is `claimed`. */
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  /** Keeps the outcome of a claimed key. */
  complete(key: IdempotencyKeyRef, outcome: StoredOutcome): Promise<void>;
  /** Forgets a claim that has no outcome (the request changed nothing), so the key can be used again. */
  release(key: IdempotencyKeyRef): Promise<void>;
}
