/**
 * A clock that moves only when the test moves it (`src/time/clock.ts`), for the node and the
 * browser tests alike: `set()` and `advance()` run every task that falls due on the way, each at
 * its own time and in order, so hours pass at once and nothing waits in real time.
 */
import { useClock, type Clock } from '../../src/time/clock.js';

interface Task {
  at: number;
  order: number;
  run: () => void;
}

export class ManualClock implements Clock {
  #now: number;
  #tasks: Task[] = [];
  #order = 0;

  constructor(at: number) {
    this.#now = at;
  }

  now(): number {
    return this.#now;
  }

  after(ms: number, run: () => void): () => void {
    const task = { at: this.#now + Math.max(0, ms), order: this.#order++, run };
    this.#tasks.push(task);
    return () => {
      this.#tasks = this.#tasks.filter((t) => t !== task);
    };
  }

  /** Tasks waiting on this clock. */
  get pending(): number {
    return this.#tasks.length;
  }

  /** Moves the clock to `at` (forwards or back), running the tasks due by then. */
  set(at: number): void {
    for (let task = this.#next(at); task; task = this.#next(at)) {
      this.#tasks = this.#tasks.filter((t) => t !== task);
      this.#now = Math.max(this.#now, task.at);
      task.run();
    }
    this.#now = at;
  }

  advance(ms: number): void {
    this.set(this.#now + ms);
  }

  #next(until: number): Task | undefined {
    return this.#tasks.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }
}

/** Makes a `ManualClock` at `at` the clock the code reads, until `restoreClock()`. */
export function installClock(at: number): ManualClock {
  const clock = new ManualClock(at);
  useClock(clock);
  return clock;
}

export function restoreClock(): void {
  useClock();
}
