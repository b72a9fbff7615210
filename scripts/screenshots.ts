/**
 * `npm run screenshots`: the README's pictures for marketers. Starts the reference backend on a
 * fresh temporary SQLite file (the built console and elements: run `npm run build` first), sets up
 * and signs in a marketer in Chromium, and saves PNGs of the Forms list, the form editor with a
 * condition, the Theme screen and the Embed code screen at 1280×900 in light colours into
 * docs/images/. A marketer's screens hold no client data, and the database is a new one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, startDemo } from '../test/e2e/harness.js';
import { setUpAndSignIn } from '../test/e2e/staff.js';

const OUT = join(import.meta.dirname, '..', 'docs', 'images');

/** Saves the viewport as docs/images/`name`.png, scrolled to the top or with `middle` at its centre. */
async function shoot(page: Page, name: string, middle?: Locator): Promise<void> {
  if (middle) await middle.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  console.log(`wrote ${path}`);
}

mkdirSync(OUT, { recursive: true });
// The address a clinic's pages use, so that the embed code in the picture is the clinic's kind, not a test port.
const demo = await startDemo({ env: { KAP_PUBLIC_URL: 'https://api.your-clinic.example/' } });
const browser = await launchBrowser();
try {
  const { page } = await setUpAndSignIn(browser, demo, 'marketer@clinic.example', 'marketer');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const app = page.locator('kap-console');

  await app.getByRole('button', { name: 'Forms', exact: true }).click();
  await app.getByLabel('Title clients see').fill('Before we talk');
  await app.getByLabel('Form id').fill('before-we-talk');
  await app.getByLabel(/A short pre-consultation form/).check();
  await app.getByRole('button', { name: 'Make the form' }).click();
  await app.getByText('No problems: this form can be published.').waitFor();
  await app.getByRole('button', { name: 'Back to forms' }).click();
  await app.getByText('before-we-talk').waitFor();
  await shoot(page, 'studio-forms');

  await app.locator('tr', { hasText: 'before-we-talk' }).getByRole('button', { name: /^Edit/ }).click();
  await app.getByText('No problems: this form can be published.').waitFor();
  // The follow-up question, shown only for "Something else": its condition open.
  const followUp = app.locator('li.item').filter({ hasText: 'Shown only when its condition holds.' }).first();
  await followUp.getByRole('button', { name: /^Edit/ }).click();
  await followUp.locator('select[id$="-cond-0-item"]').waitFor();
  await shoot(page, 'studio-form-condition', followUp.locator('select[id$="-cond-0-item"]'));

  await app.getByRole('button', { name: 'Theme', exact: true }).click();
  await app.getByRole('heading', { name: 'Theme', exact: true }).waitFor();
  await shoot(page, 'studio-theme');

  await app.getByRole('button', { name: 'Embed code', exact: true }).click();
  await app.getByLabel('Intake form').check();
  await app.locator('#embed-form').selectOption('kap-demo-intake');
  await app.getByRole('button', { name: 'Make the code' }).click();
  await app.locator('#embed-code').waitFor();
  await shoot(page, 'studio-embed', app.locator('#embed-code'));
} finally {
  await browser.close();
  await demo.stop();
}
