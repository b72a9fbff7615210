/**
 * A part a press needs (in the drop-in files, a chunk) that may not have come yet: the cancel's
 * write, the booking's submission. While it is fetched, `busy` says so (the button shows busy and
 * another press does nothing). One that cannot be fetched is told once as a set-up problem
 * (`chunkUnavailable`) and handed to `failed` — before `busy` ends and the element renders again —
 * as the failure the client is shown beside the button, with what they typed kept; the press then
 * gets `undefined`. Only views loaded later call this, so it comes with them.
 */
import type { KapApiError } from '../api/errors.js';
import { chunkUnavailable } from './chunk-failure.js';

export interface PressHooks {
  busy(busy: boolean): void;
  failed(error: KapApiError): void;
}

export async function partForPress<T>(host: Element, load: () => Promise<T>, hooks: PressHooks): Promise<T | undefined> {
  hooks.busy(true);
  try {
    return await load();
  } catch (cause) {
    hooks.failed(chunkUnavailable(host, cause));
    return undefined;
  } finally {
    hooks.busy(false);
  }
}
