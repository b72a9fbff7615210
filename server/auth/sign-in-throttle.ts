/**
 * How failed sign-ins slow further ones, per account and per address. Failures are counted under
 * the hash of the email typed (whether or not such an account exists, so the answer never tells)
 * and under the hash of the client's address; a count is forgotten a day after its last failure
 * and an account's is cleared by a successful sign-in. Past a few free tries each failure doubles
 * the wait before the next try, up to a temporary lockout; a try during the wait is refused without
 * looking at the password (`429 too_many_attempts` with `Retry-After`).
 */
import { sha256Hex } from '../secrets.js';
import type { ThrottleRecord } from '../stores/types.js';

export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** From this many failures on, every try waits `lockMs`. */
  lockAt: number;
  lockMs: number;
}

/** An account: 5 tries, then 2, 4, 8, 16, 32 seconds; from 10 failures, 15 minutes each. */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 4, lockAt: 10, lockMs: 15 * 60_000 };
/** An address (password spraying across accounts): 20 tries, then doubling waits up to an hour. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, lockAt: 40, lockMs: 60 * 60_000 };
/** A count is forgotten this long after its last failure. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long after its last failure a key with `failures` failures must wait. */
export function waitAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.free) return 0;
  if (failures >= policy.lockAt) return policy.lockMs;
  return Math.min(policy.lockMs, 1000 * 2 ** (failures - policy.free));
}

export function accountKey(email: string): string {
  return `account:${sha256Hex(email)}`;
}

export function addressKey(client: string): string {
  return `address:${sha256Hex(client)}`;
}

/** When the next try is allowed, given each key's record and policy; `undefined`: now. */
export function retryAt(records: Map<string, ThrottleRecord>, policies: Map<string, ThrottlePolicy>, now: number): number | undefined {
  let latest: number | undefined;
  for (const [key, record] of records) {
    if (now - record.lastFailureAt >= FORGET_AFTER_MS) continue;
    const until = record.lastFailureAt + waitAfter(record.failures, policies.get(key)!);
    if (until > now && (latest === undefined || until > latest)) latest = until;
  }
  return latest;
}
