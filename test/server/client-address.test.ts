/**
 * KAP_TRUST_PROXY: behind a reverse proxy clients are told apart by X-Forwarded-For — the
 * rightmost address a trusted proxy recorded — and without the setting the header is never
 * believed, so nobody can pick their own rate-limit bucket.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientKey, normalizeAddress, parseTrustProxy, resolveClientAddress } from '../../server/middleware/client-address.js';
import { MINUTE, testApp, type TestApp } from './support.js';

const SLOT = { service: 'consultation', start: '2026-03-03T15:00:00Z' };

describe('resolveClientAddress', () => {
  test('without KAP_TRUST_PROXY the socket address counts and X-Forwarded-For is ignored', () => {
    for (const setting of [undefined, '', '0']) {
      assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', parseTrustProxy(setting)), '127.0.0.1');
    }
  });

  test('a hop count trusts that many proxies, nearest first', () => {
    const one = parseTrustProxy('1');
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', one), '203.0.113.7');
    // The client wrote "6.6.6.6" itself; the proxy appended what it saw.
    assert.equal(resolveClientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', one), '203.0.113.7');
    assert.equal(resolveClientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1', parseTrustProxy(2)), '203.0.113.7');
    // Fewer entries than hops: the leftmost there is.
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', parseTrustProxy('3')), '203.0.113.7');
    // A proxy that added nothing: the proxy itself.
    assert.equal(resolveClientAddress('127.0.0.1', undefined, one), '127.0.0.1');
  });

  test('a list of proxies: the rightmost address that is not one of them', () => {
    const trust = parseTrustProxy('127.0.0.1, ::1, 10.0.0.0/8');
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', trust), '203.0.113.7');
    assert.equal(resolveClientAddress('::1', '6.6.6.6, 203.0.113.7, 10.1.2.3', trust), '203.0.113.7');
    // The header from a socket that is not a trusted proxy is not believed.
    assert.equal(resolveClientAddress('198.51.100.9', '203.0.113.7', trust), '198.51.100.9');
    // Every hop trusted: the leftmost.
    assert.equal(resolveClientAddress('127.0.0.1', '10.0.0.5, 10.0.0.1', trust), '10.0.0.5');
  });

  test('addresses are compared in one form: ports, brackets, zones and IPv4-mapped IPv6 are dropped', () => {
    assert.equal(normalizeAddress('203.0.113.7:51234'), '203.0.113.7');
    assert.equal(normalizeAddress('[2001:DB8::1]:443'), '2001:db8::1');
    assert.equal(normalizeAddress('fe80::1%eth0'), 'fe80::1');
    assert.equal(normalizeAddress('::ffff:127.0.0.1'), '127.0.0.1');
    assert.equal(resolveClientAddress('::ffff:127.0.0.1', '203.0.113.7:4711', parseTrustProxy('127.0.0.1')), '203.0.113.7');
  });

  test('IPv6 clients count by their /64, which one host can pick addresses from at will', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
  });

  test('a setting that is not understood is refused, naming the entry', () => {
    for (const bad of ['yes', '127.0.0.1, nginx', '10.0.0.0/33', '::1/129', '1.2.3.4/8/1', '99']) {
      assert.throws(() => parseTrustProxy(bad), new RegExp(`KAP_TRUST_PROXY: ".*" is not understood`), bad);
    }
    assert.throws(() => testApp({ trustProxy: 'proxy.local' }), /KAP_TRUST_PROXY/);
  });
});

/** A hold request as it arrives through a proxy at 127.0.0.1, with the header it forwards. */
function throughProxy(app: TestApp, forwardedFor: string | undefined, method = 'POST'): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (forwardedFor !== undefined) headers['X-Forwarded-For'] = forwardedFor;
  const init = method === 'POST' ? { method, headers, body: JSON.stringify({ ...SLOT, start: 'not a time' }) } : { headers };
  const path = method === 'POST' ? '/holds' : '/services';
  return Promise.resolve(app.app.request(path, init, { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } } as never));
}

describe('every limit counts per client through trusted proxies', () => {
  const limits = { rateLimit: { writes: 2, reads: 3, windowMs: MINUTE } };

  test('without the setting, everyone behind the proxy shares one write budget (and a forged header changes nothing)', async () => {
    const app = testApp(limits);
    const statuses = [];
    for (const client of ['203.0.113.7', '198.51.100.1', '192.0.2.44']) statuses.push((await throughProxy(app, client)).status);
    assert.deepEqual(statuses, [422, 422, 429]);
  });

  test('with KAP_TRUST_PROXY=1, each client behind the proxy has its own write and read budgets', async () => {
    const app = testApp({ ...limits, trustProxy: '1' });
    for (const client of ['203.0.113.7', '198.51.100.1']) {
      assert.deepEqual(
        [await throughProxy(app, client), await throughProxy(app, client), await throughProxy(app, client)].map((r) => r.status),
        [422, 422, 429],
        client,
      );
      const reads = [];
      for (let i = 0; i < 4; i++) reads.push((await throughProxy(app, client, 'GET')).status);
      assert.deepEqual(reads, [200, 200, 200, 429], client);
    }
  });

  test('a client cannot buy fresh budgets by forging X-Forwarded-For entries: the proxy’s entry counts', async () => {
    const app = testApp({ ...limits, trustProxy: '127.0.0.1' });
    const statuses = [];
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await throughProxy(app, `${forged}, 203.0.113.7`)).status);
    assert.deepEqual(statuses, [422, 422, 429]);
    const limited = await throughProxy(app, '4.4.4.4, 203.0.113.7');
    assert.equal((await limited.json()).error.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
  });
});
