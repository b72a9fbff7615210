/**
 * The one rule for every URL a page configures that requests or bearer links go to (the `api`
 * base, `manage-url`): https:, or http: on a loopback host for development, and never a user name
 * or password in it. Health information and bearer tokens travel encrypted or not at all.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL breaks the rule, or `undefined` when it keeps it. */
export type InsecureUrl = 'credentials' | 'plain-http' | 'scheme';

export function insecureUrl(url: URL): InsecureUrl | undefined {
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname) ? undefined : 'plain-http';
  return 'scheme';
}
