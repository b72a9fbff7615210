/**
 * `server/main.ts` as `npm start` runs it (child process, ports 0, a temp database), and the demo
 * site server on its own.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../server/stores/sqlite/database.js';
import { createDemoApp, demoContentSecurityPolicy } from '../../server/demo/site.js';
import { nextDaysQuery } from '../support/availability-range.js';
import { startMain } from './support.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-main-'));
  dirs.push(dir);
  return dir;
}

describe('server/main.ts', () => {
  test('creates and seeds the database, serves API and demo page on two origins, prints both URLs, stops on SIGTERM', async () => {
    const dbPath = join(tempDir(), 'nested', 'folder', 'kap.sqlite');
    const running = await startMain({ KAP_DB: dbPath, KAP_ALLOWED_ORIGINS: '' });
    let stopped = false;
    try {
      assert.match(running.apiUrl, /^http:\/\/localhost:\d+\/$/);
      assert.match(running.demoUrl, /^http:\/\/localhost:\d+\/$/);
      assert.notEqual(running.apiUrl, running.demoUrl);
      assert.ok(existsSync(dbPath), 'the database folder was created');

      const services = await (await fetch(new URL('services', running.apiUrl))).json();
      assert.deepEqual(
        services.services.map((service: { id: string }) => service.id),
        ['consultation', 'preparation', 'administration', 'integration'],
      );

      const page = await fetch(running.demoUrl);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('Content-Type') ?? '', /^text\/html/);
      assert.equal(page.headers.get('Content-Security-Policy'), demoContentSecurityPolicy(running.apiUrl));
      const html = await page.text();
      assert.ok(!html.includes('__KAP_API__'), 'the API placeholder is replaced');
      assert.ok(html.includes(`api="${running.apiUrl}"`), 'the element points at the API');

      // By default the demo page's own origin (both spellings) may call the API, nothing else.
      const demoPort = new URL(running.demoUrl).port;
      for (const origin of [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`]) {
        const response = await fetch(new URL('services', running.apiUrl), { headers: { Origin: origin } });
        assert.equal(response.headers.get('Access-Control-Allow-Origin'), origin);
      }
      const stranger = await fetch(new URL('services', running.apiUrl), { headers: { Origin: 'http://localhost:1' } });
      assert.equal(stranger.headers.get('Access-Control-Allow-Origin'), null);

      assert.match(running.output(), / GET \/services 200 \d+ms$/m, 'requests are logged to stdout');
      assert.equal(await running.stop(), 0);
      stopped = true;
      const db = new Database(dbPath, { readonly: true });
      try {
        assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      } finally {
        db.close();
      }
    } finally {
      if (!stopped) await running.stop();
    }
  });

  test('without a build of the elements it says so at start, and elements/… answers 503; with one (KAP_ELEMENTS_DIR), no note and 200', async () => {
    const missing = await startMain({ KAP_DB: join(tempDir(), 'kap.sqlite'), KAP_ELEMENTS_DIR: join(tempDir(), 'no-build') });
    try {
      assert.match(missing.output(), /^Note: The elements are not built on this server: there is no build in dist\/cdn\/.* Run `npm run build`.*answers 503/m);
      const response = await fetch(new URL('elements/kap-booking.js', missing.apiUrl));
      assert.equal(response.status, 503);
      assert.match(await response.text(), /npm run build/);
    } finally {
      await missing.stop();
    }
    const built = await startMain({ KAP_DB: join(tempDir(), 'kap.sqlite'), KAP_ELEMENTS_DIR: 'test/support/elements-build' });
    try {
      assert.doesNotMatch(built.output(), /not built/);
      assert.equal((await fetch(new URL('elements/kap-booking.js', built.apiUrl))).status, 200);
    } finally {
      await built.stop();
    }
  });

  test('KAP_ALLOWED_ORIGINS replaces the default allow-list; KAP_CLINIC_TZ sets the clinic zone', async () => {
    const running = await startMain({
      KAP_DB: join(tempDir(), 'kap.sqlite'),
      KAP_ALLOWED_ORIGINS: 'https://clinic.example, https://www.clinic.example',
      KAP_CLINIC_TZ: 'Europe/Paris',
    });
    try {
      const demoOrigin = new URL(running.demoUrl).origin;
      const fromDemo = await fetch(new URL('services', running.apiUrl), { headers: { Origin: demoOrigin } });
      assert.equal(fromDemo.headers.get('Access-Control-Allow-Origin'), null);
      const fromClinic = await fetch(new URL('services', running.apiUrl), { headers: { Origin: 'https://www.clinic.example' } });
      assert.equal(fromClinic.headers.get('Access-Control-Allow-Origin'), 'https://www.clinic.example');
      const availability = await (await fetch(new URL(`availability?${nextDaysQuery('consultation')}`, running.apiUrl))).json();
      assert.equal(availability.timeZone, 'Europe/Paris');
    } finally {
      await running.stop();
    }
  });

  test('without KAP_DATA_KEY it warns loudly about the key file (0600) beside the database; it says how to add the first owner until there is one', async () => {
    const dbPath = join(tempDir(), 'kap.sqlite');
    const running = await startMain({ KAP_DB: dbPath, KAP_DEMO_SEED: '0' });
    try {
      assert.match(
        running.output(),
        new RegExp(`!! KAP_DATA_KEY is not set\\. Client data is encrypted under the key in ${dbPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.key`),
      );
      assert.match(running.output(), /a new key, made just now, mode 0600/);
      assert.equal(statSync(`${dbPath}.key`).mode & 0o777, 0o600);
      assert.match(running.output(), /Create the clinic's first owner.*\n {2}npm run staff -- add --email you@your-clinic\.example --role owner\n/);
    } finally {
      await running.stop();
    }
    const key = randomBytes(32).toString('base64');
    const withKey = join(tempDir(), 'kap.sqlite');
    const second = await startMain({ KAP_DB: withKey, KAP_DEMO_SEED: '0', KAP_DATA_KEY: key });
    try {
      assert.doesNotMatch(second.output(), /KAP_DATA_KEY is not set/);
      assert.ok(!existsSync(`${withKey}.key`), 'no key file when the key is given');
    } finally {
      await second.stop();
    }
  });

  test('a bad setting stops it with a clear message instead of a stack trace', async () => {
    await assert.rejects(startMain({ KAP_DB: join(tempDir(), 'kap.sqlite'), KAP_CLINIC_TZ: 'Mars/Olympus_Mons' }), (error: Error) => {
      assert.match(error.message, /exited with 1/);
      assert.match(error.message, /Could not start: Unknown clinic time zone: Mars\/Olympus_Mons/);
      assert.ok(!/\n\s+at /.test(error.message), 'no stack trace');
      return true;
    });
  });

  test('a KAP_TRUST_PROXY it does not understand stops it, naming the entry, leaving no file behind', async () => {
    const dir = tempDir();
    await assert.rejects(startMain({ KAP_DB: join(dir, 'kap.sqlite'), KAP_TRUST_PROXY: '127.0.0.1,nginx' }), (error: Error) => {
      assert.match(error.message, /Could not start: KAP_TRUST_PROXY: "nginx" is not understood/);
      assert.ok(!/\n\s+at /.test(error.message), 'no stack trace');
      return true;
    });
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('the demo site server', () => {
  function site() {
    const root = tempDir();
    const demoDir = join(root, 'demo');
    const elementsDir = join(root, 'cdn');
    mkdirSync(join(demoDir, 'img'), { recursive: true });
    mkdirSync(elementsDir);
    writeFileSync(join(demoDir, 'index.html'), '<kap-booking api="__KAP_API__"></kap-booking>');
    writeFileSync(join(demoDir, 'privacy.html'), '<p>privacy</p>');
    writeFileSync(join(demoDir, 'clinic.css'), 'body{}');
    writeFileSync(join(demoDir, 'img', 'logo.svg'), '<svg/>');
    writeFileSync(join(demoDir, '.env'), 'SECRET=1');
    writeFileSync(join(elementsDir, 'kap-elements.js'), 'export {};');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    return createDemoApp({ apiUrl: 'http://localhost:8787/', demoDir, elementsDir });
  }

  test('serves demo/ at / and the CDN bundle at /elements/ with the right content types and CSP', async () => {
    const app = site();
    const cases: [string, RegExp][] = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/privacy.html', /^text\/html/],
      ['/clinic.css', /^text\/css/],
      ['/img/logo.svg', /^image\/svg\+xml$/],
      ['/elements/kap-elements.js', /^text\/javascript/],
    ];
    for (const [path, type] of cases) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('Content-Type') ?? '', type, path);
      assert.equal(
        response.headers.get('Content-Security-Policy'),
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://localhost:8787; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html; base-uri 'none'; frame-ancestors 'none'",
      );
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    }
    assert.equal(await (await app.request('/')).text(), '<kap-booking api="http://localhost:8787/"></kap-booking>');
    assert.equal(await (await app.request('/elements/kap-elements.js')).text(), 'export {};');
  });

  test('never serves files outside its folders, nor dotfiles', async () => {
    const app = site();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/elements/..%2f..%2fsecret.txt', '/.env', '/%2eenv', '/nope.html', '/elements/missing.js']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.ok(!(await response.text()).includes('outside'));
    }
  });

  test('answers only GET and HEAD', async () => {
    const app = site();
    assert.equal((await app.request('/', { method: 'POST' })).status, 405);
    const head = await app.request('/clinic.css', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });
});
