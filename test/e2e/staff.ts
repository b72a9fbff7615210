/**
 * Staff in the end-to-end tests, as a clinic makes them: the owner adds the account with the CLI
 * (`npm run staff -- add`), the person opens the one-time set-up link in the console, reads the TOTP
 * secret, sets a password and enrols the second factor, then signs in — all in Chromium under the
 * console's own CSP.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../server/auth/totp.js';
import { staffCommand } from '../../server/cli/staff.js';
import { watchPage, type PageWatch, type RunningDemo } from './harness.js';

export const STAFF_PASSWORD = 'harbour lantern quiet morning';

export interface StaffPage {
  page: Page;
  watch: PageWatch;
  /** The TOTP secret enrolled, when the role needs a second factor. */
  secret: string | undefined;
}

/** Adds a staff account with the CLI, as the owner would; answers the set-up link's token. */
export async function addStaff(demo: RunningDemo, email: string, role: string): Promise<string> {
  const lines: string[] = [];
  await staffCommand(['add', '--email', email, '--role', role], { KAP_DB: demo.dbPath }, (line) => lines.push(line));
  const link = lines.find((line) => line.includes('#token='));
  assert.ok(link, lines.join('\n'));
  assert.match(new URL(link).pathname, /\/console\/setup$/);
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
}

/** Adds the account, then opens its set-up link in a new page and finishes the set-up: the account is active. */
export async function setUpStaff(browser: Browser, demo: RunningDemo, email: string, role: string): Promise<StaffPage> {
  const token = await addStaff(demo, email, role);
  const page = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(new URL(`console/setup#token=${token}`, demo.apiUrl).href);
  const app = page.locator('kap-console');
  const secretText = app.locator('[data-secret]');
  await secretText.waitFor();
  assert.ok(!page.url().includes(token), 'the token leaves the address bar');
  await app.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const shown = ((await secretText.textContent()) ?? '').trim();
  await app.getByLabel('New password').fill(STAFF_PASSWORD);
  const secret = role === 'marketer' ? undefined : shown;
  if (secret) await app.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now()));
  await app.getByRole('button', { name: 'Finish set-up' }).click();
  await app.getByText('Your account is ready.').waitFor();
  return { page, watch, secret };
}

/** From the set-up's last screen: signs in with the password and the next code. */
export async function signIn(staff: StaffPage, email: string): Promise<void> {
  const app = staff.page.locator('kap-console');
  await app.getByRole('button', { name: 'Go to sign in' }).click();
  await app.getByLabel('Email').fill(email);
  await app.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  // The next step's code: the set-up used this one, and a code is never accepted twice.
  if (staff.secret) await app.getByLabel('Code from your authenticator app').fill(totpCode(staff.secret, Date.now() + 30_000));
  await app.getByRole('button', { name: 'Sign in' }).click();
  await app.getByText(`Signed in as ${email}`).waitFor();
}

/** Sets the account up and signs in, in one new page. */
export async function setUpAndSignIn(browser: Browser, demo: RunningDemo, email: string, role: string): Promise<StaffPage> {
  const staff = await setUpStaff(browser, demo, email, role);
  await signIn(staff, email);
  return staff;
}
