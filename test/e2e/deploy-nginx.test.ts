/**
 * The deployment docs/deploy.md describes, tried: the reference backend behind nginx with TLS,
 * using docs/deploy/nginx.conf itself (its host name, certificate paths, ports and upstream swapped
 * for the test's, each of which must be in the file), on loopback with a self-signed certificate
 * made by openssl, and `KAP_TRUST_PROXY=127.0.0.1,::1` as the docs say. Through the proxy:
 *
 * - plain http is redirected to https;
 * - the API answers over https;
 * - the client is told apart by its own address (the test's client connects from 127.0.0.2; an
 *   `X-Forwarded-For` it sends itself is not believed), as the audit log records it;
 * - a staff sign-in over https gets the `Secure`, `__Host-` session cookie, which then opens the
 *   session; straight to the API over http (no proxy) the cookie is the plain one.
 *
 * Skipped, saying so, only when nginx is not installed (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { staffCommand } from '../../server/cli/staff.js';
import { freePort, startDemo, type RunningDemo } from './harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((path) => existsSync(path));
const PASSWORD = 'harbour lantern quiet morning';
/** The test's client: a loopback address that is not the proxy's. */
const CLIENT_ADDRESS = '127.0.0.2';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let dir: string;
let demo: RunningDemo;
let nginx: ChildProcess;
let httpsPort: number;
let httpPort: number;
let ca: string;

/** docs/deploy/nginx.conf with `swaps` made; each `from` must be in the file. */
function siteConfig(swaps: [from: string, to: string][]): string {
  let text = readFileSync(join(ROOT, 'docs', 'deploy', 'nginx.conf'), 'utf8');
  for (const [from, to] of swaps) {
    assert.ok(text.includes(from), `docs/deploy/nginx.conf has \`${from}\``);
    text = text.replaceAll(from, to);
  }
  return text;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const secure = url.startsWith('https:');
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((done, fail) => {
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: options.method ?? 'GET',
        localAddress: CLIENT_ADDRESS,
        ...(secure ? { ca, servername: 'localhost' } : {}),
        headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

/** Waits until nginx answers on its https port. */
async function ready(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await send(`https://localhost:${httpsPort}/clinic`);
      return;
    } catch (error) {
      if (Date.now() > deadline || nginx.exitCode !== null)
        throw new Error(`nginx did not start: ${String(error)}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`, { cause: error });
      await new Promise((next) => setTimeout(next, 100));
    }
  }
}

describe(
  'the reference backend behind nginx with TLS (docs/deploy/nginx.conf)',
  { skip: NGINX ? false : 'nginx is not installed (apt-get install nginx-light)' },
  () => {
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kap-nginx-'));
      [httpsPort, httpPort] = [await freePort(), await freePort()];
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
        ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
        { stdio: 'ignore' },
      );
      ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
      demo = await startDemo({ env: { KAP_TRUST_PROXY: '127.0.0.1,::1', KAP_PUBLIC_URL: `https://localhost:${httpsPort}/` } });
      const apiPort = new URL(demo.apiUrl).port;

      const site = siteConfig([
        ['    listen [::]:80;\n', ''],
        ['    listen [::]:443 ssl;\n', ''],
        ['listen 80;', `listen 127.0.0.1:${httpPort};`],
        ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
        ['server_name api.your-clinic.example;', 'server_name localhost;'],
        ['/etc/letsencrypt/live/api.your-clinic.example/fullchain.pem', join(dir, 'cert.pem')],
        ['/etc/letsencrypt/live/api.your-clinic.example/privkey.pem', join(dir, 'key.pem')],
        ['/var/log/nginx/kap.access.log', join(dir, 'access.log')],
        ['proxy_pass http://127.0.0.1:8787;', `proxy_pass http://127.0.0.1:${apiPort};`],
      ]);
      writeFileSync(join(dir, 'kap.conf'), site);
      // What Debian's /etc/nginx/nginx.conf provides around a site, as one unprivileged process.
      const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
      writeFileSync(
        join(dir, 'nginx.conf'),
        [
          'daemon off;',
          'master_process off;',
          'worker_processes 1;',
          `pid ${join(dir, 'nginx.pid')};`,
          `error_log ${join(dir, 'error.log')} warn;`,
          'events { worker_connections 64; }',
          'http {',
          '  default_type application/octet-stream;',
          ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
          `  include ${join(dir, 'kap.conf')};`,
          '}',
        ].join('\n'),
      );
      const checked = execFileSync(NGINX!, ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { encoding: 'utf8', stdio: 'pipe' });
      assert.equal(typeof checked, 'string', '`nginx -t` accepts the configuration');
      nginx = spawn(NGINX!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
      await ready();
    });

    after(async () => {
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((done) => nginx.once('exit', done));
        nginx.kill('SIGQUIT');
        await exited;
      }
      await demo?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('plain http is redirected to https, and the API answers over https', async () => {
      const redirected = await send(`http://localhost:${httpPort}/services`);
      assert.equal(redirected.status, 301);
      assert.equal(redirected.headers.location, 'https://localhost/services');
      const services = await send(`https://localhost:${httpsPort}/services`);
      assert.equal(services.status, 200, services.body);
      assert.ok((JSON.parse(services.body) as { services: { id: string }[] }).services.some((service) => service.id === 'consultation'));
    });

    test('the audit log records the client’s own address, not the proxy’s nor one the client made up', async () => {
      const failed = await send(`https://localhost:${httpsPort}/staff/session`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': '203.0.113.9' },
        body: { email: 'nobody@clinic.example', password: 'not the password at all' },
      });
      assert.equal(failed.status, 401, failed.body);
      const rows = demo.query<{ address: string }>("select address from audit_log where action = 'session.sign_in_failed'");
      assert.deepEqual(
        rows.map((row) => row.address),
        [CLIENT_ADDRESS],
      );
    });

    test('a staff sign-in over https gets the Secure __Host- cookie, which opens the session; over plain http straight to the API, the plain one', async () => {
      const lines: string[] = [];
      await staffCommand(
        ['add', '--email', 'marketer@clinic.example', '--role', 'marketer'],
        { KAP_DB: demo.dbPath, KAP_PUBLIC_URL: `https://localhost:${httpsPort}/` },
        (line) => lines.push(line),
      );
      const link = lines.find((line) => line.includes('#token='));
      assert.ok(link, lines.join('\n'));
      assert.ok(link.startsWith(`https://localhost:${httpsPort}/console/setup#token=`), 'the set-up link is on the public https address');
      const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
      const api = `https://localhost:${httpsPort}/`;
      assert.equal((await send(`${api}staff/setup/start`, { method: 'POST', body: { token } })).status, 200);
      const setUp = await send(`${api}staff/setup/complete`, { method: 'POST', body: { token, password: PASSWORD } });
      assert.equal(setUp.status, 201, setUp.body);

      const signedIn = await send(`${api}staff/session`, { method: 'POST', body: { email: 'marketer@clinic.example', password: PASSWORD } });
      assert.equal(signedIn.status, 201, signedIn.body);
      const cookie = signedIn.headers['set-cookie']?.[0] ?? '';
      assert.match(cookie, /^__Host-kap_staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      const me = await send(`${api}staff/me`, { headers: { Cookie: cookie.split(';')[0]! } });
      assert.equal(me.status, 200, me.body);
      assert.equal((JSON.parse(me.body) as { staff: { email: string } }).staff.email, 'marketer@clinic.example');
      const addresses = demo.query<{ address: string }>("select address from audit_log where action = 'session.sign_in'").map((row) => row.address);
      assert.deepEqual(addresses, [CLIENT_ADDRESS]);

      const direct = await send(`${demo.apiUrl}staff/session`, { method: 'POST', body: { email: 'marketer@clinic.example', password: PASSWORD } });
      assert.equal(direct.status, 201, direct.body);
      assert.match(direct.headers['set-cookie']?.[0] ?? '', /^kap_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/, 'no Secure cookie without https');
    });
  },
);
