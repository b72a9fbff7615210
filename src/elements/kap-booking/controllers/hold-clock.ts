/**
 * When a held time is about to run out and when it has, on the clock the elements read
 * (`src/time/clock.ts`, which tests set): "ending" about a minute before (at most half the time
 * left), then "expired" at the hold's `expiresAt`.
 */
import { after, now } from '../../../time/clock.js';

export class HoldClock {
  #timers: (() => void)[] = [];

  /** Calls `ending`, then `expired`, for a hold that ends at `expiresAt`; stops any earlier watch. */
  watch(expiresAt: string, on: { ending: () => void; expired: () => void }): void {
    this.stop();
    const remaining = Math.max(0, Date.parse(expiresAt) - now());
    const warnBefore = Math.min(60_000, remaining / 2);
    this.#timers = [after(remaining - warnBefore, on.ending), after(remaining, on.expired)];
  }

  stop(): void {
    for (const cancel of this.#timers) cancel();
    this.#timers = [];
  }
}
