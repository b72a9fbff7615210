/** The `api` attribute, checked and resolved to the base every request path stays under. */
import { KapApiError } from './errors.js';
import { insecureUrl } from './secure-url.js';

export function configurationError(message: string): KapApiError {
  return new KapApiError(message, { kind: 'configuration' });
}

/**
 * Validates the `api` attribute and returns the base every request path is resolved under,
 * always ending in `/` (so `https://x.example/kap` and `https://x.example/kap/` mean the same).
 */
export function resolveApiBase(api: string | null | undefined, baseURI: string | undefined): URL {
  const raw = api?.trim() ?? '';
  if (!raw) {
    throw configurationError(
      'The `api` attribute is missing or empty. Set it to the base URL of the clinic backend, e.g. api="https://api.example-clinic.com/kap/".',
    );
  }
  let url: URL;
  try {
    url = new URL(raw, baseURI || undefined);
  } catch {
    throw configurationError(
      `The \`api\` attribute "${raw}" is not a valid URL${baseURI ? '' : ' (a relative URL needs a page base URI)'}. Use an absolute https: URL or a path on this site.`,
    );
  }
  switch (insecureUrl(url)) {
    case 'credentials':
      throw configurationError('The `api` attribute must not contain a user name or password; backends are called without credentials in the URL.');
    case 'plain-http':
      throw configurationError(
        `The \`api\` attribute resolves to ${url.origin}, which is plain http:. Health information must travel encrypted: use https: (http: is only allowed on localhost, 127.0.0.1 and [::1] for development).`,
      );
    case 'scheme':
      throw configurationError(`The \`api\` attribute uses the ${url.protocol} scheme; only https: (or http: on localhost) is allowed.`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
