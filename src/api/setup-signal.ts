/**
 * Whether a failed first request may come from how `api` is set up. Apart from `setup-check.ts`,
 * which the elements load only when this says yes: its long messages for the website team stay
 * out of the path of a page whose backend answers.
 */
import { isKapApiError } from './errors.js';

/** Whether `error`, a failed first request, may come from how `api` is set up rather than from the request. */
export function maySignalSetupProblem(error: unknown): boolean {
  return isKapApiError(error) && (error.kind === 'network' || error.kind === 'not_found' || error.kind === 'bad_response');
}
