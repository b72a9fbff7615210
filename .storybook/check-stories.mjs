/**
 * Runs every story of the built Storybook (`npm run build-storybook` first) in headless Chromium:
 * each story's `play` function must finish without throwing, and axe-core must then find no
 * violations in the story (shadow DOM included). Exits 1 on any failure.
 *
 *   node .storybook/check-stories.mjs [story-id-filter]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const staticDir = join(root, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const filter = process.argv[2] ?? '';
const ids = Object.entries(JSON.parse(readFileSync(indexFile, 'utf8')).entries)
  .filter(([id, entry]) => entry.type === 'story' && id.includes(filter))
  .map(([id]) => id);

const contentTypes = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((request, response) => {
  const file = join(staticDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(staticDir) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
  response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
let failures = 0;
try {
  for (const id of ids) {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const started = Date.now();
    await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);
    const outcome = await page.evaluate(
      () =>
        new Promise((done) => {
          const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
          const timer = setTimeout(() => done('timed out after 60 s'), 60_000);
          const end = (result) => (clearTimeout(timer), done(result));
          channel.on('storyRendered', () => end('ok'));
          channel.on('playFunctionThrewException', (error) => end(`play threw: ${error?.message ?? JSON.stringify(error)}`));
          channel.on('storyThrewException', (error) => end(`story threw: ${error?.message ?? JSON.stringify(error)}`));
          channel.on('storyErrored', (error) => end(`story errored: ${JSON.stringify(error)}`));
        }),
    );
    // The a11y addon may be running its own copy of axe; wait for it rather than collide.
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          const results = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
          return results.violations.map(
            (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(' ')}`,
          );
        } catch (error) {
          if (!String(error).includes('already running')) throw error;
          await new Promise((retry) => setTimeout(retry, 100));
        }
      }
      return ['axe stayed busy'];
    });
    const passed = outcome === 'ok' && violations.length === 0 && pageErrors.length === 0;
    if (!passed) failures++;
    console.log(`${passed ? 'ok  ' : 'FAIL'} ${id} (${Date.now() - started} ms)`);
    if (outcome !== 'ok') console.log(`     ${outcome.split('\n')[0]}`);
    for (const violation of violations) console.log(`     axe: ${violation}`);
    for (const error of pageErrors) console.log(`     page error: ${error}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\n${ids.length - failures}/${ids.length} stories passed their play functions and axe.`);
process.exit(failures ? 1 : 0);
