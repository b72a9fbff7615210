/**
 * A page whose Content-Security-Policy refuses Lit's Trusted Types policy (`trusted-types 'none'`,
 * or a list without `lit-html`) stops Lit while its module is evaluated. The elements must not be
 * silently blank: the console names the problem, every kap element (there at load, or added later)
 * fires `kap-error` `{ kind: 'configuration', code: 'trusted_types_blocked' }`, and the client
 * reads the calm "not available" words. Proved for the self-contained CDN file and for the npm
 * modules (loaded through an import map, as an app's bundler would resolve them), with a page that
 * allows `lit-html` as the control. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness.js';

const root = resolve(import.meta.dirname, '../..');
const NONCE = 'kap-e2e';
const REFUSING = `script-src 'self' 'nonce-${NONCE}'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'`;
const OTHER_NAMES_ONLY = `script-src 'self' 'nonce-${NONCE}'; style-src 'self'; require-trusted-types-for 'script'; trusted-types clinic-widgets`;
const ALLOWING = `script-src 'self' 'nonce-${NONCE}'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`;

/** Records every kap-error the page hears, before any element script runs. */
const RECORDER = `window.kapErrors = [];
document.addEventListener('kap-error', (event) => kapErrors.push({ tag: event.target.localName, ...event.detail }));`;

const IMPORT_MAP = JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    '@lit/task': '/node_modules/@lit/task/index.js',
    'zod/mini': '/node_modules/zod/mini/index.js',
  },
});

function page(scripts: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Clinic</title>
    <script src="/recorder.js"></script>
    <script type="importmap" nonce="${NONCE}">${IMPORT_MAP}</script>
    ${scripts}
  </head>
  <body>
    <h1>Book a consultation</h1>
    <kap-booking api="https://api.clinic.example/kap/" privacy-url="/privacy.html"></kap-booking>
    <kap-intake api="https://api.clinic.example/kap/" form="intake"></kap-intake>
  </body>
</html>`;
}

const CDN = '<script type="module" src="/dist/cdn/kap-elements.js"></script>';
const NPM = '<script type="module" src="/dist/kap-booking.js"></script><script type="module" src="/dist/kap-intake.js"></script>';

/** `/<policy>/<cdn|npm>.html` pages; `/dist/` and `/node_modules/` files from the repository. */
function serve(): Server {
  const policies: Record<string, string> = { refusing: REFUSING, 'other-names': OTHER_NAMES_ONLY, allowing: ALLOWING };
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const pageMatch = /^\/([a-z-]+)\/(cdn|npm)\.html$/.exec(path);
    if (pageMatch && policies[pageMatch[1]!]) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policies[pageMatch[1]!]! });
      return void response.end(page(pageMatch[2] === 'cdn' ? CDN : NPM));
    }
    if (path === '/recorder.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      return void response.end(RECORDER);
    }
    const file = join(root, path);
    const allowed = [join(root, 'dist'), join(root, 'node_modules')].some((dir) => file.startsWith(`${dir}/`));
    if (!allowed || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(readFileSync(file));
  });
}

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/cdn/kap-elements.js')), 'run `npm run build` first');
  server = serve();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

interface Opened {
  page: Page;
  consoleErrors: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  return { page, consoleErrors };
}

async function kapErrors(page: Page, count: number): Promise<unknown[]> {
  for (let waited = 0; waited < 100; waited++) {
    const errors = await page.evaluate(() => (window as unknown as { kapErrors: unknown[] }).kapErrors);
    if (errors.length >= count) return errors;
    await page.waitForTimeout(100);
  }
  return page.evaluate(() => (window as unknown as { kapErrors: unknown[] }).kapErrors);
}

function shadowText(page: Page, tag: string): Promise<string> {
  return page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent?.trim() ?? '', tag);
}

const BLOCKED = { kind: 'configuration', code: 'trusted_types_blocked' };

for (const build of ['cdn', 'npm'] as const) {
  describe(`the ${build === 'cdn' ? 'self-contained CDN file' : 'npm modules'} under a CSP that refuses "lit-html"`, () => {
    for (const policy of ['refusing', 'other-names'] as const) {
      test(`trusted-types ${policy === 'refusing' ? "'none'" : 'without lit-html'}: the console says so, every kap element fires kap-error, the client reads calm words`, async () => {
        const { page, consoleErrors } = await open(`/${policy}/${build}.html`);
        try {
          assert.deepEqual(await kapErrors(page, 2), [
            { tag: 'kap-booking', ...BLOCKED },
            { tag: 'kap-intake', ...BLOCKED },
          ]);
          const explained = consoleErrors.filter((text) => text.startsWith('kap-elements:'));
          assert.equal(explained.length, 1, consoleErrors.join('\n'));
          assert.match(explained[0]!, /refuses the Trusted Types policy "lit-html", so the elements cannot start; allow it: trusted-types lit-html/);
          assert.match(explained[0]!, /kap-error code "trusted_types_blocked"/);
          assert.equal(await shadowText(page, 'kap-booking'), 'Sorry, this is not available online right now. Please contact the clinic directly.');

          // An element the page adds later is told too, once.
          await page.evaluate(() => document.body.append(document.createElement('kap-prep-checklist')));
          assert.deepEqual((await kapErrors(page, 3)).slice(2), [{ tag: 'kap-prep-checklist', ...BLOCKED }]);
          assert.equal(await shadowText(page, 'kap-prep-checklist'), 'Sorry, this is not available online right now. Please contact the clinic directly.');
          await page.waitForTimeout(200);
          assert.equal((await kapErrors(page, 3)).length, 3);
        } finally {
          await page.close();
        }
      });
    }

    test('the control: trusted-types lit-html lets the elements start, and nothing is reported', async () => {
      const { page, consoleErrors } = await open(`/allowing/${build}.html`);
      try {
        await page.locator('kap-booking [part~="base"]').first().waitFor();
        assert.equal(await page.evaluate(() => Boolean(customElements.get('kap-booking'))), true);
        assert.deepEqual(
          (await kapErrors(page, 0)).filter((error) => (error as { code?: string }).code === 'trusted_types_blocked'),
          [],
        );
        assert.deepEqual(
          consoleErrors.filter((text) => /lit-html|kap-elements:/.test(text)),
          [],
        );
      } finally {
        await page.close();
      }
    });
  });
}
