/**
 * Whether any of an element's loads (services, times, a booking, a form, a checklist) is slow —
 * no answer after a few seconds, or being retried — so its "Loading…" can say it is still trying
 * instead of sitting silent. Fed by the api client's `onProgress`.
 */
import type { ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../api/client.js';

export class LoadProgress {
  readonly #host: ReactiveControllerHost;
  #slow = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get slow(): boolean {
    return this.#slow > 0;
  }

  /** The options for one load: its `signal`, and progress that counts it as slow until it settles. */
  options(signal: AbortSignal): RequestOptions {
    let slow = false;
    return {
      signal,
      onProgress: (progress) => {
        const now = progress.kind === 'settled' ? false : progress.kind === 'attempt' ? slow : true;
        if (now === slow) return;
        slow = now;
        this.#slow += now ? 1 : -1;
        this.#host.requestUpdate();
      },
    };
  }
}
