/**
 * A theme published from the console changes the demo page's elements without touching the page
 * (issue 12 §4): a marketer sets up an account, opens Theme, picks another text colour and
 * publishes; the demo clinic page, loaded again as it was, shows the booking in that colour —
 * while the brand colour the page sets itself (`--kap-color-primary` in demo/clinic.css) still wins.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, showBookableWeek, startDemo, watchPage, type RunningDemo } from './harness.js';
import { setUpAndSignIn } from './staff.js';

let demo: RunningDemo;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

/**
 * The computed colours of the first day button not chosen (text) and the first time button (brand),
 * as the client sees them, once the day's text colour is `day`: the theme is read after the
 * backend's first answer, so it may apply a moment after the times show.
 */
async function bookingColours(page: Page, day: string): Promise<{ day: string; time: string }> {
  await page.goto(demo.demoUrl);
  const booking = page.locator('kap-booking');
  // A week with a day besides the one chosen, whose colour is the text's.
  await showBookableWeek(booking, 2);
  await booking.locator('[part~="time"]').first().waitFor();
  const colour = (part: string) =>
    booking
      .locator(part)
      .first()
      .evaluate((element) => getComputedStyle(element).color);
  const dayColour = () => colour('[part~="day"][aria-pressed="false"]');
  for (const deadline = Date.now() + 10_000; (await dayColour()) !== day && Date.now() < deadline;) await page.waitForTimeout(50);
  return { day: await dayColour(), time: await colour('[part~="time"]') };
}

describe('the theme', () => {
  test('published from the console, it changes the demo page’s booking without touching the page; the page’s own --kap-* still wins', async () => {
    const client = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    const watch = watchPage(client);
    const before = await bookingColours(client, 'rgb(28, 38, 43)');
    assert.equal(before.day, 'rgb(28, 38, 43)', 'the built-in text colour');

    const marketer = await setUpAndSignIn(browser, demo, 'marketer.theme@clinic.example', 'marketer');
    const app = marketer.page.locator('kap-console');
    await app.getByRole('button', { name: 'Theme' }).click();
    await app.locator('#theme-light-text').fill('#3a1f5c');
    await app.getByText('Every colour pair has enough contrast to be read.').waitFor();
    await app.getByRole('button', { name: 'Publish' }).click();
    await app.getByText('Published: the elements on your site use this theme now.').waitFor();

    const after = await bookingColours(client, 'rgb(58, 31, 92)');
    assert.equal(after.day, 'rgb(58, 31, 92)', 'the published text colour');
    assert.equal(after.time, before.time, 'the brand colour the page sets itself');
    assert.deepEqual(watch.problems, []);
    assert.deepEqual(marketer.watch.problems, []);
  });
});
