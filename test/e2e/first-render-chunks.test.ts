/**
 * What a form's first page waits for, as the drop-in files fetch it: in as few round trips as the
 * form allows. A form using PHQ-9 needs the instruments' chunk and, for item 9, the crisis panel's:
 * both are asked for at once, not the panel once the instruments have arrived (on a real network, a
 * round trip sooner). A form that asks a date has the chunks its questions' chunk imports asked for
 * beside it. And a form whose texts have no markdown does not wait for the markdown parser
 * (each page's `source`, "pages[0]", once made every form wait for it; the authoring checks of a
 * definition handed in on the page still bring it, after the first render). The chunks' own
 * imports are held by test/package/cdn-lazy-chunks.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from './harness.js';
import { serveInlineIntakes, type InlineIntakeHost } from './inline-intake-host.js';

const DEFINITION = { id: 'screening', title: 'Screening', pages: [{ instrument: 'phq-9' }, { instrument: 'gad-7' }] };
/** A form that asks a date: its questions' chunk imports the intake parts' words and the date formats. */
const DATED = {
  id: 'dated',
  title: 'Dated',
  pages: [{ id: 'one', title: 'About you', items: [{ id: 'born', type: 'date', label: 'Date of birth', max: 'today' }] }],
};

/** `released`, or `false` after 10 s (its timer cleared when released first). */
function heldUntil(released: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), 10_000)));
  return Promise.race([released.then(() => true), late]).finally(() => clearTimeout(timer));
}

let host: InlineIntakeHost;
let browser: Browser;

before(async () => {
  host = await serveInlineIntakes(
    ['kap-intake', 'kap-elements'].flatMap((file) => [
      { name: file, file, definition: DEFINITION },
      { name: `${file}-dated`, file, definition: DATED },
    ]),
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
});

for (const file of ['kap-intake', 'kap-elements']) {
  test(`${file}.js: a PHQ-9 form asks for the crisis panel beside the instruments, and shows without the markdown parser`, async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    // The instruments' chunk is held back until the crisis panel's is asked for (or 10 s pass):
    // asked for only once the instruments had arrived, it would not be asked for meanwhile.
    let panelAsked: () => void = () => undefined;
    const panel = new Promise<void>((done) => (panelAsked = done));
    let heldUntilPanel: boolean | undefined;
    await page.route(`**/chunks/${file}-intake-parts-*.js`, async (route) => {
      panelAsked();
      await route.continue();
    });
    await page.route(`**/chunks/${file}-built-in-*.js`, async (route) => {
      heldUntilPanel = await heldUntil(panel);
      await route.continue();
    });
    // The markdown parser's chunk is held back until the first page shows.
    let shown: () => void = () => undefined;
    const firstPage = new Promise<void>((done) => (shown = done));
    await page.route(`**/chunks/${file}-markdown-*.js`, async (route) => {
      await firstPage;
      await route.continue();
    });
    await page.goto(host.pageUrl(file));
    const intake = page.locator('kap-intake');
    await intake.getByRole('radiogroup', { name: /Little interest or pleasure/ }).waitFor({ timeout: 15_000 });
    shown();
    assert.equal(heldUntilPanel, true, 'the crisis panel’s chunk was asked for while the instruments’ was on its way');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });
}

for (const file of ['kap-intake', 'kap-elements']) {
  test(`${file}.js: a form that asks a date asks for its questions' words and the date formats beside the questions`, async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    // The date questions' chunk is held back until both chunks it imports have been asked for: the
    // browser would otherwise ask for them only once it had arrived.
    const asked = { words: () => {}, formats: () => {} };
    const words = new Promise<void>((done) => (asked.words = done));
    const formats = new Promise<void>((done) => (asked.formats = done));
    await page.route(`**/chunks/${file}-intake-parts-*.js`, async (route) => {
      asked.words();
      await route.continue();
    });
    await page.route(`**/chunks/${file}-date-formats-*.js`, async (route) => {
      asked.formats();
      await route.continue();
    });
    let heldUntilBoth: boolean | undefined;
    await page.route(`**/chunks/${file}-date-consent-*.js`, async (route) => {
      heldUntilBoth = await heldUntil(Promise.all([words, formats]));
      await route.continue();
    });
    await page.goto(host.pageUrl(`${file}-dated`));
    await page.locator('kap-intake').getByRole('group', { name: 'Date of birth' }).waitFor({ timeout: 15_000 });
    assert.equal(heldUntilBoth, true, 'the words and the date formats were asked for while the date questions were on their way');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });
}
