/**
 * The intake's answer checks (src/forms/validation.ts) and their words (intake-validation.ts),
 * which Continue and Send need and the first page does not: in the drop-in file a chunk, fetched
 * as the form is shown. One that does not
 * arrive is `chunk_unavailable` (src/base/chunk-failure.ts); the next press tries again.
 */
import type { ReactiveControllerHost } from 'lit';
import { addStyles } from '../../../base/add-styles.js';
import { chunkUnavailable } from '../../../base/chunk-failure.js';
import { importOnce } from '../../../base/import-once.js';

export type AnswerChecks = typeof import('../intake-validation.js');

export class AnswerChecksLoader {
  /** They could not be fetched when Continue or Send needed them: said on the page. */
  failure: unknown;

  #host: ReactiveControllerHost;
  #checks: AnswerChecks | undefined;
  readonly #import = importOnce(() => import('../intake-validation.js'));
  /** A press waiting for them, until it has acted: another press meanwhile does nothing more. */
  #waiting: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Here now, or `undefined` until fetched. */
  get checks(): AnswerChecks | undefined {
    return this.#checks;
  }

  /** Fetches them once (and again after a failure). */
  load(): Promise<AnswerChecks> {
    return this.#import().then(
      (checks) => {
        addStyles(this.#host as unknown as Element, checks.styles);
        this.#checks = checks;
        this.failure = undefined;
        return checks;
      },
      (cause: unknown) => {
        throw chunkUnavailable(this.#host as unknown as Element, cause);
      },
    );
  }

  /** Settles once a press waiting for them has acted (at once when none waits). */
  get pressSettled(): Promise<void> {
    return this.#waiting ?? Promise.resolve();
  }

  /** Runs `then` with them, now or (once) when they come; a failure is kept in `failure` for the page. */
  use(then: (checks: AnswerChecks) => unknown): void {
    if (this.#checks) return void then(this.#checks);
    if (this.#waiting) return;
    this.#waiting = this.load().then(
      (checks) => {
        this.#waiting = undefined;
        then(checks);
      },
      (error: unknown) => {
        this.#waiting = undefined;
        this.failure = error;
        this.#host.requestUpdate();
      },
    );
  }
}
