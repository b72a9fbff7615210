/**
 * Whether a failed request comes from how the page set up `api` (a wrong path, a backend that
 * refuses this page's origin…) rather than from the network or the backend. Checked once per api
 * client, and only while no request of that client has succeeded; the check itself is a chunk
 * loaded only then (`src/api/setup-check.ts`).
 */
import type { ApiConnection } from '../api/connection.js';
import { maySignalSetupProblem } from '../api/setup-signal.js';
import type { ConfigurationProblem } from './configuration-report.js';

export interface ApiSetupCheckContext {
  client(): ApiConnection | undefined;
  /** The element's `request-timeout`. */
  timeoutMs(): number;
  /** Whether the element shows what the client typed, which a set-up problem must not take away. */
  showsClientInput(): boolean;
  /** Shows `problem` instead of the element, and tells the website team. */
  block(problem: ConfigurationProblem): void;
  /** Tells the website team about `problem`; the element stays as it is. */
  report(problem: ConfigurationProblem): void;
  requestUpdate(): void;
}

export class ApiSetupCheck {
  readonly #context: ApiSetupCheckContext;
  /** Whether the backend has answered any request with success: then its set-up is right. */
  #answered = false;
  #check: Promise<boolean> | undefined;
  #checking = false;
  /** A set-up problem found while the element keeps showing the client's own input. */
  #problem: ConfigurationProblem | undefined;

  constructor(context: ApiSetupCheckContext) {
    this.#context = context;
  }

  /** A new api client: nothing is known yet about its set-up. */
  reset(): void {
    [this.#answered, this.#check, this.#problem] = [false, undefined, undefined];
  }

  /** A request succeeded: the set-up is right, and no failure after it is checked. Whether it is the first since `reset`. */
  answered(): boolean {
    const first = !this.#answered;
    this.#answered = true;
    return first;
  }

  /** While the check runs, a failure's words may be wrong ("this link has expired"). */
  get checking(): boolean {
    return this.#checking;
  }

  /** The set-up problem found, when it stops the element but the client's input stays on screen. */
  get problem(): ConfigurationProblem | undefined {
    return this.#problem;
  }

  /** Whether `error` may come from the set-up and is still to be checked. */
  mayCheck(error: unknown): boolean {
    return Boolean(this.#context.client()) && !this.#answered && !this.#check && maySignalSetupProblem(error);
  }

  /**
   * Whether `error`, a failed request, comes from the set-up. What is found is reported, and a
   * problem that stops the element is shown instead of it (or, while the element shows the
   * client's input, in place of the failure's words).
   */
  behind(error: unknown): Promise<boolean> {
    const context = this.#context;
    const client = context.client();
    if (this.#check) return this.#check;
    if (!client || !this.mayCheck(error)) return Promise.resolve(false);
    this.#checking = true;
    context.requestUpdate();
    // Loaded only now (a chunk from the script's own origin): unreachable, it finds nothing.
    const check = import('../api/setup-check.js').then(
      ({ checkApiSetup }) => checkApiSetup(client.base, Math.min(context.timeoutMs(), 10_000)),
      () => undefined,
    );
    this.#check = check.then((finding) => {
      this.#checking = false;
      context.requestUpdate();
      if (!finding || client !== context.client()) return false;
      const problem = { code: finding.code, detail: finding.detail };
      if (finding.blocking && !context.showsClientInput()) context.block(problem);
      else context.report(problem);
      if (finding.blocking) this.#problem = problem;
      return true;
    });
    return this.#check;
  }
}
