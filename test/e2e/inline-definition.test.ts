/**
 * The authoring checks of a form definition a page hands in, as the drop-in files run them: in the
 * chunk each intake file loads after its first render. A bundler that wrongly took one of their
 * checks for free of side effects would drop it without a word (it happened to a trial change on
 * 4 December 2026: the condition checks vanished from `kap-intake.js`'s chunk alone), so each file
 * is asked here to refuse a definition that only a condition check refuses.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from './harness.js';
import { serveInlineIntakes, type InlineIntakeHost } from './inline-intake-host.js';

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

let host: InlineIntakeHost;
let browser: Browser;

before(async () => {
  host = await serveInlineIntakes(['kap-intake', 'kap-elements'].map((file) => ({ name: file, file, definition: DEFINITION })));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
});

for (const file of ['kap-intake', 'kap-elements']) {
  test(`${file}.js: a condition that reads display text is refused by the authoring checks' chunk`, async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(host.pageUrl(file));
    await page.waitForFunction(() => !document.querySelector('kap-intake')?.shadowRoot?.querySelector('form'));
    const said = () => watch.problems.find((line) => line.includes('invalid_form'));
    for (let tries = 0; tries < 100 && !said(); tries++) await new Promise((done) => setTimeout(done, 50));
    assert.match(said() ?? '', /condition refers to "note", which is display text, not a question/, watch.problems.join('\n'));
    await page.close();
  });
}
