/**
 * The link a confirmation offers for managing the booking: the clinic's manage page with the
 * booking id and its bearer token in the fragment, which browsers never send to a server (the
 * page's `<kap-booking>` reads it and takes it off the address bar). Never in the query.
 */
import { insecureUrl } from '../../api/secure-url.js';
import type { ConfigurationProblem } from '../../base/configuration-report.js';

/**
 * The `manage-url` attribute resolved against the page, or `undefined` when it is unusable:
 * only `https:` (or `http:` on localhost, for development) may carry a bearer link. A relative
 * URL takes the page's scheme and host.
 */
export function resolveManageUrl(value: string | null, baseURI: string): URL | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw, baseURI);
  } catch {
    return undefined;
  }
  return insecureUrl(url) ? undefined : url;
}

/** What to tell the website team about a `manage-url` that is given but unusable. */
export function manageUrlProblem(value: string | null, baseURI: string): ConfigurationProblem | undefined {
  if (!value || resolveManageUrl(value, baseURI)) return undefined;
  return {
    code: 'invalid_manage_url',
    detail: `manage-url="${value}" is not an https: link or a path on this site, so the confirmation offers no manage link`,
  };
}

/** `<manage page>#booking=<id>&token=<token>`; any fragment the page address had is replaced. */
export function manageLink(page: URL, bookingId: string, token: string): string {
  const url = new URL(page);
  url.hash = new URLSearchParams({ booking: bookingId, token }).toString();
  return url.href;
}
