/**
 * The authoring checks of a form definition a page hands in, as the drop-in files run them: in the
 * chunk each intake file loads after its first render. A bundler that wrongly took one of their
 * checks for free of side effects would drop it without a word (it happened to a trial change on
 * 4 December 2026: the condition checks vanished from `kap-intake.js`'s chunk alone), so each file
 * is asked here to refuse a definition that only a condition check refuses.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createDemoServer, type DemoServer } from '../../server/demo/site.js';
import { freePort, launchBrowser, startDemo, watchPage, type RunningDemo } from './harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A valid form but for one condition, which reads display text. */
const DEFINITION = {
  id: 'inline-check',
  title: 'Inline',
  pages: [
    {
      id: 'one',
      title: 'About you',
      items: [
        { id: 'note', type: 'display', text: 'Some words.' },
        { id: 'name', type: 'text', label: 'Your name', when: { item: 'note', answered: true } },
      ],
    },
  ],
};

const pages = mkdtempSync(join(tmpdir(), 'kap-inline-'));
let demo: RunningDemo;
let host: DemoServer;
let browser: Browser;

before(async () => {
  for (const file of ['kap-intake', 'kap-elements']) {
    writeFileSync(
      join(pages, `${file}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${file}</title><script type="module" src="/elements/${file}.js"></script></head>` +
        `<body><main><h1>Inline</h1><kap-intake api="__KAP_API__"><script type="application/json">${JSON.stringify(DEFINITION)}</script></kap-intake></main></body></html>`,
    );
  }
  const hostPort = await freePort();
  demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: `http://localhost:${hostPort},http://127.0.0.1:${hostPort}` } });
  host = await createDemoServer({ apiUrl: demo.apiUrl, port: hostPort, hostname: '127.0.0.1', demoDir: pages, elementsDir: join(ROOT, 'dist', 'cdn') });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await demo?.stop();
  rmSync(pages, { recursive: true, force: true });
});

for (const file of ['kap-intake', 'kap-elements']) {
  test(`${file}.js: a condition that reads display text is refused by the authoring checks' chunk`, async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(new URL(`${file}.html`, host.url).href);
    await page.waitForFunction(() => !document.querySelector('kap-intake')?.shadowRoot?.querySelector('form'));
    const said = () => watch.problems.find((line) => line.includes('invalid_form'));
    for (let tries = 0; tries < 100 && !said(); tries++) await new Promise((done) => setTimeout(done, 50));
    assert.match(said() ?? '', /condition refers to "note", which is display text, not a question/, watch.problems.join('\n'));
    await page.close();
  });
}
