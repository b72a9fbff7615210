/**
 * The `api` attribute, checked and resolved to the base every request path stays under. What is
 * wrong with an unusable one is said in api-base-message.ts, which a drop-in file loads only then.
 */
import { KapApiError } from './errors.js';
import { insecureUrl } from './secure-url.js';

export function configurationError(message: string, cause?: unknown): KapApiError {
  return new KapApiError(message, { kind: 'configuration', cause });
}

/** What makes an `api` value unusable, with what its words need. */
export type ApiBaseProblem =
  | { problem: 'missing' | 'credentials' }
  | { problem: 'invalid'; api: string; relative: boolean }
  | { problem: 'plain-http'; origin: string }
  | { problem: 'scheme'; protocol: string };

/**
 * The base every request path is resolved under, always ending in `/` (so
 * `https://x.example/kap` and `https://x.example/kap/` mean the same), or what makes `api` unusable.
 */
export function checkApiBase(api: string | null | undefined, baseURI: string | undefined): URL | ApiBaseProblem {
  const raw = api?.trim() ?? '';
  if (!raw) return { problem: 'missing' };
  let url: URL;
  try {
    url = new URL(raw, baseURI || undefined);
  } catch {
    return { problem: 'invalid', api: raw, relative: !baseURI };
  }
  const insecure = insecureUrl(url);
  if (insecure === 'plain-http') return { problem: insecure, origin: url.origin };
  if (insecure === 'scheme') return { problem: insecure, protocol: url.protocol };
  if (insecure) return { problem: insecure };
  // Each setter writes the whole address again: only when there is something to take off or add.
  if (/[?#]/.test(url.href)) {
    url.search = '';
    url.hash = '';
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
