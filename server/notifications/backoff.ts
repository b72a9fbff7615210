/**
 * When a delivery that did not go through is tried again: exponential backoff with full jitter
 * (30 s, 1 min, 2 min, … capped at 6 h, each drawn between half and all of it), until three days
 * after the delivery was made; after that it has failed for good.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 60 * 60_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000;

/** `undefined`: give up. `attempts` counts the attempt that just failed; `random` is in [0, 1). */
export function retryAt(attempts: number, createdAt: number, now: number, random: () => number = Math.random): number | undefined {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  const at = now + Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return at - createdAt > GIVE_UP_AFTER_MS ? undefined : at;
}
