/**
 * The website team's words for an unusable `api` attribute (`checkApiBase`): `KapApiClient` says
 * them at once; an element loads this module only when its `api` is unusable.
 */
import { checkApiBase, configurationError, type ApiBaseProblem } from './api-base.js';

export function apiBaseMessage(problem: ApiBaseProblem): string {
  switch (problem.problem) {
    case 'missing':
      return 'The `api` attribute is missing or empty. Set it to the base URL of the clinic backend, e.g. api="https://api.example-clinic.com/kap/".';
    case 'invalid':
      return `The \`api\` attribute "${problem.api}" is not a valid URL${problem.relative ? ' (a relative URL needs a page base URI)' : ''}. Use an absolute https: URL or a path on this site.`;
    case 'credentials':
      return 'The `api` attribute must not contain a user name or password; backends are called without credentials in the URL.';
    case 'plain-http':
      return `The \`api\` attribute resolves to ${problem.origin}, which is plain http:. Health information must travel encrypted: use https: (http: is only allowed on localhost, 127.0.0.1 and [::1] for development).`;
    case 'scheme':
      return `The \`api\` attribute uses the ${problem.protocol} scheme; only https: (or http: on localhost) is allowed.`;
  }
}

/**
 * Validates the `api` attribute and returns the base every request path is resolved under,
 * always ending in `/`; throws a `configuration` `KapApiError` saying what is wrong, with what is
 * wrong (`ApiBaseProblem`) as its `cause`.
 */
export function resolveApiBase(api: string | null | undefined, baseURI: string | undefined): URL {
  const base = checkApiBase(api, baseURI);
  if (base instanceof URL) return base;
  throw configurationError(apiBaseMessage(base), base);
}
