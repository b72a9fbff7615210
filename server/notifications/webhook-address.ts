/**
 * Where a webhook may go. An endpoint's URL must be `https:` and every address its host resolves
 * to must be public — not loopback, private, link-local, shared (CGNAT), multicast or unspecified
 * — so the clinic's server cannot be made to call into its own network. Checked when the owner
 * adds the endpoint, and again at each delivery by the connection's own DNS lookup
 * (`guardedLookup`), so a name that later resolves somewhere private (DNS rebinding) is refused
 * at the moment of connecting. `KAP_WEBHOOK_ALLOW_PRIVATE=1` lifts both rules (tests, a receiver
 * on the same network).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export interface WebhookAddressPolicy {
  /** `KAP_WEBHOOK_ALLOW_PRIVATE=1`: plain http and private addresses are allowed. */
  allowPrivate: boolean;
}

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not a public host. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** Why an endpoint URL is refused (a short code), or `undefined` when it may be used. */
export async function refuseWebhookUrl(url: string, policy: WebhookAddressPolicy): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'webhook_url_invalid';
  }
  if (parsed.username || parsed.password) return 'webhook_url_credentials';
  if (parsed.protocol !== 'https:' && !(policy.allowPrivate && parsed.protocol === 'http:')) return 'webhook_url_not_https';
  if (policy.allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: LookupAddress[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    return 'webhook_host_unresolved';
  }
  return addresses.length === 0 || addresses.some(({ address }) => isPrivateAddress(address)) ? 'webhook_address_private' : undefined;
}

/** Raised by `guardedLookup` when a host resolves to a private address at delivery time. */
export class PrivateAddressError extends Error {
  readonly code = 'webhook_address_private';
  constructor() {
    super('webhook_address_private');
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves as usual and refuses the connection when any
 * address is private: the address connected to is the one checked.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some(({ address }) => isPrivateAddress(address))) return callback(new PrivateAddressError(), '');
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}
