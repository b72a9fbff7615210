/**
 * A connection to the clinic's backend: the checked `api` base and the `Transport` every request
 * goes through. The endpoints are plain functions of it (endpoints.ts), so a drop-in file carries
 * only the endpoints its element calls; `KapApiClient` (client.ts) offers them all as methods.
 */
import { checkApiBase, configurationError, type ApiBaseProblem } from './api-base.js';
import { Transport, type TransportOptions } from './transport.js';

export interface KapClientOptions extends TransportOptions {
  /** The raw `api` attribute value. */
  api: string | null | undefined;
  /** Resolves a relative `api`; defaults to `document.baseURI`, then `location.href`. */
  baseURI?: string;
}

export class ApiConnection {
  /** The validated base, ending in `/`. A copy: changing it does not redirect requests. */
  readonly base: URL;
  /** How each request is carried out (timeouts, retries, progress, validation, errors). */
  readonly transport: Transport;

  /**
   * Throws a `configuration` `KapApiError` for an unusable `api`, whose `cause` is what is wrong
   * (`ApiBaseProblem`), worded by `words` when they are given (api-base-message.ts).
   */
  constructor(options: KapClientOptions, words?: (problem: ApiBaseProblem) => string) {
    const base = checkApiBase(options.api, options.baseURI ?? globalThis.document?.baseURI ?? globalThis.location?.href);
    if (!(base instanceof URL)) throw configurationError(words?.(base) ?? 'The `api` attribute cannot be used.', base);
    this.transport = new Transport(base, options);
    this.base = new URL(base);
  }
}
