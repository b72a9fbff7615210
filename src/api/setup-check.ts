/**
 * When an element's first request fails in a way a set-up mistake would cause — a 404, an answer
 * that is not the contract's, no answer at all — this tells a wrong `api` from a real failure, once,
 * by asking the backend under `api` for `GET services` (which the contract says always exists):
 *
 * - it answers the contract's shape: the backend is right, the failure was real (a booking that
 *   really is not there);
 * - it answers something else (404, a web page): no kap backend answers under `api`;
 * - it does not answer: a `no-cors` request to the same URL tells a backend that refuses this page's
 *   origin (CORS; the host answered) from a host that cannot be reached (a wrong host, a backend that
 *   is down, a page CSP whose `connect-src` leaves it out, or this device being offline).
 *
 * Every request goes to the `api` origin only, carries nothing but the path, and is made once.
 */
import { ApiConnection } from './connection.js';
import { getServices } from './endpoints.js';
import { isKapApiError } from './errors.js';

export interface SetupFinding {
  code: 'api_wrong_path' | 'api_cors_refused' | 'api_unreachable';
  /** Technical English for the website team: the URLs and what answered. */
  detail: string;
  /** The element cannot work as set up (the client is told so); `false` when it may be this device. */
  blocking: boolean;
}

export { maySignalSetupProblem } from './setup-signal.js';

const running = new Map<string, Promise<SetupFinding | undefined>>();

/** Checks the backend under `base` (several elements on a page share one check); `undefined`: it is set up right. */
export function checkApiSetup(base: URL, timeoutMs: number): Promise<SetupFinding | undefined> {
  let check = running.get(base.href);
  if (!check) {
    check = probeServices(base, timeoutMs).finally(() => running.delete(base.href));
    running.set(base.href, check);
  }
  return check;
}

async function probeServices(base: URL, timeoutMs: number): Promise<SetupFinding | undefined> {
  try {
    await getServices(new ApiConnection({ api: base.href, timeoutMs, retries: 0 }));
    return undefined;
  } catch (error) {
    if (!isKapApiError(error) || ['timeout', 'server', 'rate_limited'].includes(error.kind)) return undefined;
    if (error.kind === 'network') return probeHost(base, timeoutMs);
    const answer = error.status ? `${error.status}${error.kind === 'bad_response' && error.status < 300 ? ", not the contract's JSON" : ''}` : 'a redirect';
    return {
      code: 'api_wrong_path',
      detail: `api points at ${base.href}, where no kap backend answers (GET services → ${answer}); set api to the backend's base URL`,
      blocking: true,
    };
  }
}

async function probeHost(base: URL, timeoutMs: number): Promise<SetupFinding | undefined> {
  // Offline: nothing is wrong with the set-up, and the client is told to check the connection.
  if (globalThis.navigator?.onLine === false) return undefined;
  const page = globalThis.location?.origin;
  try {
    // An opaque answer is enough to know the host answered. The platform allows only `follow`
    // redirects in this mode; the request carries no credentials, referrer, query or body.
    await fetch(new URL('services', base), {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return {
      code: 'api_unreachable',
      detail: `nothing answers at ${base.origin}: check the host in api, that the backend runs, and this page's CSP connect-src (or this device is offline)`,
      blocking: false,
    };
  }
  if (page === base.origin) return undefined;
  return {
    code: 'api_cors_refused',
    detail: `the backend at ${base.origin} did not allow this page's origin ${page} (CORS): add ${page} to its allow-list`,
    blocking: true,
  };
}
