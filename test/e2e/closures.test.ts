/**
 * The owner closes a day in the console, and the demo page stops offering it: against the real
 * server and SQLite file, in Chromium, the console under its own CSP (nothing bypassed). The owner
 * is added with the CLI, sets up from the link and signs in with the second factor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../server/auth/totp.js';
import { staffCommand } from '../../server/cli/staff.js';
import { launchBrowser, nextWeek, showBookableWeek, startDemo, watchPage, type PageWatch, type RunningDemo } from './harness.js';

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

const PASSWORD = 'harbour lantern quiet morning';

/** The owner's account from the CLI's set-up link, enrolled with a TOTP secret, then signed in. */
async function ownerSignedIn(email: string): Promise<{ page: Page; watch: PageWatch }> {
  const lines: string[] = [];
  await staffCommand(['add', '--email', email, '--role', 'owner'], { KAP_DB: demo.dbPath }, (line) => lines.push(line));
  const link = lines.find((line) => line.includes('#token='));
  assert.ok(link, lines.join('\n'));
  const page = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
  const watch = watchPage(page);
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
  await page.goto(new URL(`console/setup#token=${token}`, demo.apiUrl).href);
  const app = page.locator('kap-console');
  const secretText = app.locator('[data-secret]');
  await secretText.waitFor();
  const secret = ((await secretText.textContent()) ?? '').trim();
  await app.getByLabel('New password').fill(PASSWORD);
  await app.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now()));
  await app.getByRole('button', { name: 'Finish set-up' }).click();
  await app.getByRole('button', { name: 'Go to sign in' }).click();
  await app.getByLabel('Email').fill(email);
  await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
  // The next step's code: the set-up used this one, and a code is never accepted twice.
  await app.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now() + 30_000));
  await app.getByRole('button', { name: 'Sign in' }).click();
  await app.getByText(`Signed in as ${email}`).waitFor();
  return { page, watch };
}

/**
 * The days `<kap-booking>` offers (`YYYY-MM-DD`) after loading the page afresh: in the first week
 * with two of them or more, or in the week `weeks` on from the first, and how many weeks that is.
 */
async function offeredDays(page: Page, weeks?: number): Promise<{ days: string[]; weeks: number }> {
  await page.goto(demo.demoUrl);
  const booking = page.locator('kap-booking');
  const moved = weeks ?? (await showBookableWeek(booking, 2));
  for (let week = 0; weeks !== undefined && week < weeks; week++) await nextWeek(booking);
  await booking.locator('[part~="day"], .empty').first().waitFor();
  const days = await booking.locator('[part~="day"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-roving') ?? ''));
  return { days, weeks: moved };
}

describe('closures', () => {
  test('the owner closes a day in the console and the demo page stops offering it', async () => {
    const client = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    const { days: offered, weeks } = await offeredDays(client);
    assert.ok(offered.length > 1, `the demo page offers several days: ${offered.join(', ')}`);
    const day = offered[1]!;

    const { page, watch } = await ownerSignedIn('owner@clinic.example');
    const app = page.locator('kap-console');
    await app.getByRole('button', { name: 'Settings' }).click();
    await app.getByText('No closures.').waitFor();
    await app.getByLabel('Date').fill(day);
    await app.getByLabel('Reason (optional, for staff only)').fill('Staff training');
    await app.getByRole('button', { name: 'Add closure' }).click();
    await app.getByText(/^Added: .*, whole day\.$/).waitFor();
    assert.deepEqual(demo.query('select date, from_minute, to_minute, reason from closures'), [
      { date: day, from_minute: null, to_minute: null, reason: 'Staff training' },
    ]);
    assert.equal(demo.query<{ n: number }>("select count(*) as n from audit_log where action = 'clinic.closures.update'")[0]!.n, 1, 'the change is audited');

    const { days: offeredAfter } = await offeredDays(client, weeks);
    assert.ok(!offeredAfter.includes(day), `${day} is no longer offered: ${offeredAfter.join(', ')}`);
    assert.deepEqual(
      offeredAfter,
      offered.filter((other) => other !== day),
      'the other days are still offered',
    );

    const apiOrigin = new URL(demo.apiUrl).origin;
    assert.deepEqual(
      watch.requests.filter((url) => new URL(url).origin !== apiOrigin && !url.startsWith('data:')),
      [],
      'no request leaves the API origin',
    );
    assert.deepEqual(watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
    await client.close();
  });
});
