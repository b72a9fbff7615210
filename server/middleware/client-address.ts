/**
 * Who is asking: the address every per-client limit counts against (read and write rate limits,
 * live holds). By default it is the socket's peer address and `X-Forwarded-For` is ignored, since
 * anyone can send it. Behind a reverse proxy every request comes from the proxy, so the whole clinic
 * would share one budget: `KAP_TRUST_PROXY` names the proxies (a hop count, or their addresses and
 * CIDR ranges) and the client is then the rightmost address in the forwarding chain that is not a
 * trusted proxy. Entries left of it were written by the client and are never believed.
 */
import type { MiddlewareHandler } from 'hono';
import { BlockList, isIP } from 'node:net';
import type { AppEnv } from '../app-env.js';

/** Which hops in front of this server are proxies whose `X-Forwarded-For` entries are believed. */
export type TrustProxy =
  | { kind: 'none' }
  /** The nearest `hops` hops (the socket's peer first) are proxies. */
  | { kind: 'hops'; hops: number }
  /** Hops whose address is in `proxies` are proxies. */
  | { kind: 'addresses'; proxies: BlockList };

export const TRUST_NO_PROXY: TrustProxy = { kind: 'none' };

/**
 * Reads `KAP_TRUST_PROXY`: empty or `0` trusts nothing; a whole number is a hop count (`1`: one
 * proxy, such as nginx on the same machine); otherwise a comma-separated list of addresses and CIDR
 * ranges (`127.0.0.1, ::1` or `10.0.0.0/8`). Anything else throws, naming the entry.
 */
export function parseTrustProxy(value: string | number | undefined): TrustProxy {
  const text = String(value ?? '').trim();
  if (text === '' || text === '0') return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops) || hops > 16) throw trustProxyError(text, 'a hop count is a small whole number such as 1');
    return { kind: 'hops', hops };
  }
  const proxies = new BlockList();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) throw trustProxyError(entry, 'each entry is an IP address or a CIDR range');
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      proxies.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw trustProxyError(entry, 'the prefix length of a CIDR range is out of bounds');
    proxies.addSubnet(address, bits, type);
  }
  return { kind: 'addresses', proxies };
}

function trustProxyError(entry: string, why: string): Error {
  return new Error(
    `KAP_TRUST_PROXY: "${entry}" is not understood (${why}). Use the number of proxies in front of the server (e.g. 1), or their addresses and CIDR ranges separated by commas (e.g. 127.0.0.1,::1 or 10.0.0.0/8).`,
  );
}

/**
 * The client's address: the socket's peer, or, through trusted proxies, the rightmost entry of
 * `X-Forwarded-For` (all headers, in order) that is not a trusted proxy. When every hop is trusted,
 * the leftmost entry. `socketAddress` is absent when the app is called without a node socket.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = normalizeAddress(socketAddress ?? '') || 'local';
  if (trust.kind === 'none' || !forwardedFor) return peer;
  // Nearest first: the peer, then each hop the proxies recorded, right to left.
  const chain = [
    peer,
    ...forwardedFor
      .split(',')
      .map((entry) => normalizeAddress(entry))
      .filter(Boolean)
      .reverse(),
  ];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!isTrustedProxy(chain[hop]!, hop, trust)) return chain[hop]!;
  }
  return chain.at(-1) || peer;
}

function isTrustedProxy(address: string, hop: number, trust: TrustProxy): boolean {
  if (trust.kind === 'hops') return hop < trust.hops;
  if (trust.kind !== 'addresses') return false;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * One form per address: no port (`1.2.3.4:5678`, `[::1]:80`), no zone (`fe80::1%eth0`), and an
 * IPv4-mapped IPv6 address as plain IPv4. Anything that is not an address is kept as written.
 */
export function normalizeAddress(value: string): string {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return address.toLowerCase();
}

/**
 * The key a client's limits are counted under: its IPv4 address, or the /64 network of its IPv6
 * address (one household or host gets a whole /64 and can pick any address in it).
 */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::a.b.c.d) takes two groups.
  const last = right.length ? right : left;
  if (last.at(-1)?.includes('.')) {
    const [a, b, c, d] = last.pop()!.split('.').map(Number) as [number, number, number, number];
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

/**
 * Whether the request came over https: its URL says so, or the nearest hop is a trusted proxy
 * and the last `X-Forwarded-Proto` entry (the one that proxy wrote) is `https`.
 */
export function requestIsSecure(url: string, socketAddress: string | undefined, forwardedProto: string | undefined, trust: TrustProxy): boolean {
  if (new URL(url).protocol === 'https:') return true;
  if (trust.kind === 'none' || forwardedProto === undefined) return false;
  const peer = normalizeAddress(socketAddress ?? '') || 'local';
  if (!isTrustedProxy(peer, 0, trust)) return false;
  return forwardedProto.split(',').at(-1)!.trim().toLowerCase() === 'https';
}

/** Sets `c.var.client`, `c.var.address` and `c.var.secure` for every later middleware and route. */
export function clientIdentity(trust: TrustProxy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const socketAddress = c.env?.incoming?.socket?.remoteAddress;
    const address = resolveClientAddress(socketAddress, c.req.header('X-Forwarded-For'), trust);
    c.set('client', clientKey(address));
    c.set('address', address);
    c.set('secure', requestIsSecure(c.req.url, socketAddress, c.req.header('X-Forwarded-Proto'), trust));
    await next();
  };
}
