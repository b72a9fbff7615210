/**
 * The console's files at /console/ (server/routes/console-assets.ts): the page for every path under
 * it (so the set-up link opens it), its hashed assets, nothing outside `assets/`, a clear 503 when
 * it is not built, and the strict CSP on every answer.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../../server/app-env.js';
import { CONSOLE_CSP, registerConsoleAssetRoutes } from '../../server/routes/console-assets.js';
import { testApp } from './support.js';

const built = mkdtempSync(join(tmpdir(), 'kap-console-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>Clinic console</title><script type="module" src="/console/assets/index-abc.js"></script>');
writeFileSync(join(built, 'assets', 'index-abc.js'), 'export {};');
writeFileSync(join(built, 'assets', 'checks.styles-d4e5.js'), 'export {};');
writeFileSync(join(built, 'secret.txt'), 'not an asset');
after(() => rmSync(built, { recursive: true, force: true }));

function appOver(dir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  registerConsoleAssetRoutes(app, `${dir}/`);
  return app;
}

describe('the console’s files', () => {
  test('every path under /console/ answers the page, with the strict CSP', async () => {
    const app = appOver(built);
    for (const path of ['/console/', '/console/setup']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('Content-Type') ?? '', /text\/html/);
      assert.equal(response.headers.get('Content-Security-Policy'), CONSOLE_CSP);
      assert.match(await response.text(), /Clinic console/);
    }
    const redirect = await app.request('/console');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('Location'), '/console/');
  });

  test('assets are served with their type; nothing outside assets/ is', async () => {
    const app = appOver(built);
    const script = await app.request('/console/assets/index-abc.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('Content-Type') ?? '', /text\/javascript/);
    assert.equal(script.headers.get('Content-Security-Policy'), CONSOLE_CSP);
    // A chunk named after a module with a dot in its name, as Vite names it.
    assert.equal((await app.request('/console/assets/checks.styles-d4e5.js')).status, 200);
    for (const path of ['/console/assets/missing.js', '/console/assets/..%2Fsecret.txt', '/console/assets/..secret.txt', '/console/assets/index-abc.js.map']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  test('not built: 503 saying how to build it', async () => {
    const response = await appOver(join(built, 'nowhere')).request('/console/');
    assert.equal(response.status, 503);
    assert.match(await response.text(), /npm run build/);
  });

  test('the CSP allows nothing inline, nothing from another origin, and requires Trusted Types', () => {
    assert.match(CONSOLE_CSP, /default-src 'none'/);
    assert.match(CONSOLE_CSP, /script-src 'self';/);
    assert.match(CONSOLE_CSP, /style-src 'self';/);
    assert.match(CONSOLE_CSP, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(CONSOLE_CSP, /unsafe|https?:|\*/);
  });

  test('the app serves it at /console/, outside the API’s JSON 404', async () => {
    const app = testApp();
    const response = await app.request('/console/');
    assert.ok([200, 503].includes(response.status), `status ${response.status}`);
    assert.equal(response.headers.get('Content-Security-Policy'), CONSOLE_CSP);
  });
});
