/**
 * The time as the elements and the domain code read it, in one place: a test sets the clock (and
 * runs the timers that wait on it) instead of replacing `Date` or waiting in real time. Code that
 * reads the time or waits on it through here: the intake's draft expiry, today's date
 * (`todayIso`, the consent signature's date) and the booking's hold timer ("ending", "expired").
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `task` once `ms` have passed on this clock; the function returned cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};

let current: Clock = systemClock;

export function now(): number {
  return current.now();
}

export function after(ms: number, task: () => void): () => void {
  return current.after(ms, task);
}

/** For tests: the clock read from now on; without an argument, the system's again. */
export function useClock(clock: Clock = systemClock): void {
  current = clock;
}
