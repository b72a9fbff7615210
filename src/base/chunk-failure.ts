/**
 * A part of an element fetched only when it is needed (in the drop-in files, a chunk from the
 * `chunks/` folder beside the script) that did not arrive: the site serves the file without its
 * `chunks/` folder, or the device went offline. The website team is told once, as for any set-up
 * problem (the console, and `kap-error` `{ kind: 'configuration', code: 'chunk_unavailable' }`);
 * the client reads what they read for a request that did not reach the clinic, with "Try again".
 */
import { KapApiError } from '../api/errors.js';
import { reportConfiguration } from './configuration-report.js';

export const CHUNK_UNAVAILABLE = {
  code: 'chunk_unavailable',
  detail: 'could not fetch part of itself from chunks/ beside its script: serve dist/cdn/chunks/ with the file',
};

/** Tells the website team, and returns the failure the client is shown. */
export function chunkUnavailable(element: Element, cause: unknown): KapApiError {
  reportConfiguration(element, CHUNK_UNAVAILABLE);
  return new KapApiError('A part of the element could not be fetched.', { kind: 'network', code: CHUNK_UNAVAILABLE.code, cause });
}
