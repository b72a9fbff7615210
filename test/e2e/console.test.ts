/**
 * The clinic's console at /console/ on the API origin, against the real server and SQLite file,
 * in Chromium under the console's own CSP (nothing bypassed):
 *
 * - a client requests an administration session on the demo page → front desk, set up from the
 *   CLI's link (TOTP secret as text and QR code), confirms it → the client's manage view shows it
 *   confirmed;
 * - the client answers PHQ-9 item 9 above zero → a clinician sees it in the safety queue, opens
 *   it (an audit row appears), acknowledges it with a note, and the queue is empty;
 * - a marketer sees no client data and no way to open a response, and the server answers 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { totpCode } from '../../server/auth/totp.js';
import { staffCommand } from '../../server/cli/staff.js';
import { launchBrowser, startDemo, watchPage, type PageWatch, type RunningDemo } from './harness.js';

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

/** Adds a staff account with the CLI, as the owner would; answers the set-up link's token. */
async function addStaff(email: string, role: string): Promise<string> {
  const lines: string[] = [];
  await staffCommand(['add', '--email', email, '--role', role], { KAP_DB: demo.dbPath }, (line) => lines.push(line));
  const link = lines.find((line) => line.includes('#token='));
  assert.ok(link, lines.join('\n'));
  assert.match(new URL(link).pathname, /\/console\/setup$/);
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
}

/** Opens the set-up link in the console, enrols the second factor, then signs in. */
async function setUpAndSignIn(email: string, role: string): Promise<{ page: Page; watch: PageWatch }> {
  const token = await addStaff(email, role);
  const page = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(new URL(`console/setup#token=${token}`, demo.apiUrl).href);
  const app = page.locator('kap-console');
  const secretText = app.locator('[data-secret]');
  await secretText.waitFor();
  assert.ok(!page.url().includes(token), 'the token leaves the address bar');
  await app.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = ((await secretText.textContent()) ?? '').trim();
  await app.getByLabel('New password').fill(PASSWORD);
  const needsCode = role !== 'marketer';
  if (needsCode) await app.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now()));
  await app.getByRole('button', { name: 'Finish set-up' }).click();
  await app.getByText('Your account is ready.').waitFor();
  await app.getByRole('button', { name: 'Go to sign in' }).click();

  await app.getByLabel('Email').fill(email);
  await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
  // The next step's code: the set-up used this one, and a code is never accepted twice.
  if (needsCode) await app.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now() + 30_000));
  await app.getByRole('button', { name: 'Sign in' }).click();
  await app.getByText(`Signed in as ${email}`).waitFor();
  return { page, watch };
}

function cleanConsole(watch: PageWatch): void {
  const apiOrigin = new URL(demo.apiUrl).origin;
  assert.deepEqual(
    watch.requests.filter((url) => new URL(url).origin !== apiOrigin && !url.startsWith('data:')),
    [],
    'no request leaves the API origin',
  );
  assert.deepEqual(watch.problems, [], 'no console errors, CSP or Trusted Types violations');
  const leaky = watch.requests.filter((url) => ['Sam Console', 'sam.console@example.com', '555 0161'].some((value) => decodeURIComponent(url).includes(value)));
  assert.deepEqual(leaky, [], 'no client detail travels in a URL');
}

/** Answers every visible radio group, text field and checkbox of an intake page calmly, PHQ-9 item 9 with "Several days". */
async function answerPage(intake: Locator): Promise<void> {
  for (let round = 0; round < 6; round++) {
    let answered = 0;
    const names = await intake.locator('input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
    for (const name of names) {
      const group = intake.locator(`input[type="radio"][name="${name}"]`);
      if (await group.evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked))) continue;
      const labels = await group.evaluateAll((inputs) => inputs.map((input) => input.closest('.choice, label, div')?.textContent?.trim() ?? ''));
      let index = labels.findIndex((label) => /^No\b/.test(label));
      if (index < 0) index = name === 'phq-9.q9' ? 1 : 0;
      await group.nth(index).check();
      answered++;
    }
    for (const box of await intake.locator('input[type="checkbox"]').all()) {
      const name = (await box.getAttribute('name')) ?? '';
      if (await intake.locator(`input[type="checkbox"][name="${name}"]`).evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked)))
        continue;
      await box.check();
      answered++;
    }
    for (const field of await intake.locator('input[type="text"], input[type="email"], input[type="tel"], input:not([type]), textarea').all()) {
      if (await field.inputValue()) continue;
      const id = (await field.getAttribute('id')) ?? '';
      const type = (await field.getAttribute('type')) ?? '';
      const mode = (await field.getAttribute('inputmode')) ?? '';
      const value = id.endsWith('.day')
        ? '14'
        : id.endsWith('.month')
          ? '6'
          : id.endsWith('.year')
            ? '1987'
            : type === 'email'
              ? 'sam.console@example.com'
              : type === 'tel'
                ? '+1 212 555 0161'
                : mode === 'numeric' || mode === 'decimal'
                  ? '70'
                  : id.includes('name') || id.endsWith('.signature')
                    ? 'Sam Console'
                    : 'None';
      await field.fill(value);
      answered++;
    }
    if (!answered) return;
  }
}

describe('the console', () => {
  let manageUrl = '';
  let intakeUrl = '';

  test('a client requests an administration session; front desk confirms it in the console; the manage view shows it confirmed', async () => {
    const client = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    await client.goto(demo.demoUrl);
    const booking = client.locator('kap-booking');
    await booking.locator('[part~="day"]').first().waitFor();
    // The demo page books consultations; a returning client requests the session from the same element.
    await booking.evaluate((element) => element.setAttribute('service', 'administration'));
    await booking.locator('[part~="day"]').nth(1).click();
    await booking.locator('[part~="time"]').first().click();
    await booking.getByLabel('Full name').fill('Sam Console');
    await booking.getByLabel('Email address').fill('sam.console@example.com');
    await booking.getByLabel('Phone number').fill('+1 212 555 0161');
    await booking.getByLabel('I agree to the privacy notice').check();
    await booking
      .getByRole('button', { name: /request|confirm/i })
      .last()
      .click();
    await booking.getByRole('heading', { name: 'Your request has been sent' }).waitFor();
    manageUrl = new URL((await booking.locator('[part~="manage-link"]').getAttribute('href')) ?? '', demo.demoUrl).href;
    intakeUrl = new URL((await client.locator('#intake-link').getAttribute('href')) ?? '', demo.demoUrl).href;
    const [row] = demo.query<{ id: string; status: string }>("select id, status from bookings where service_id = 'administration' and status = 'requested'");
    assert.ok(row, 'the request is stored');

    const { page, watch } = await setUpAndSignIn('desk@clinic.example', 'front-desk');
    const app = page.locator('kap-console');
    assert.equal(await app.getByRole('heading', { name: 'Safety queue' }).count(), 0, 'front desk has no safety queue');
    await app.getByRole('button', { name: 'Requests' }).click();
    const request = app.locator('console-requests li', { hasText: 'Sam Console' });
    await request.waitFor();
    await request.getByRole('button', { name: 'Confirm' }).click();
    await app.getByText(/^Confirmed: Ketamine session/).waitFor();
    assert.equal(demo.query<{ status: string }>('select status from bookings where id = ?', row.id)[0]!.status, 'confirmed');
    assert.equal(demo.query<{ n: number }>("select count(*) as n from audit_log where action = 'booking.confirm' and record_id = ?", row.id)[0]!.n, 1);
    cleanConsole(watch);

    await client.goto(manageUrl);
    await client.locator('kap-booking').getByText('Confirmed', { exact: true }).waitFor();
    await client.close();
    await page.close();
  });

  test('a client answers PHQ-9 item 9 above zero; a clinician opens it from the safety queue (audited) and acknowledges it', async () => {
    assert.ok(intakeUrl, 'the first test left the intake link');
    const client = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    await client.goto(intakeUrl);
    const intake = client.locator('kap-intake');
    const heading = intake.locator('#heading');
    await heading.waitFor();
    for (let step = 0; step < 20; step++) {
      if (/Check your answers/.test((await heading.textContent()) ?? '')) break;
      await answerPage(intake);
      const before = await heading.textContent();
      await intake.getByRole('button', { name: 'Continue' }).click();
      await client.waitForFunction((previous) => document.querySelector('kap-intake')?.shadowRoot?.querySelector('#heading')?.textContent !== previous, before);
    }
    await intake.getByRole('button', { name: 'Send my answers' }).click();
    await intake.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
    await client.close();
    const [response] = demo.query<{ id: string }>('select id from intake_responses where safety = 1');
    assert.ok(response, 'the response is stored with its safety flag');

    const { page, watch } = await setUpAndSignIn('clinician@clinic.example', 'clinician');
    const app = page.locator('kap-console');
    const queue = app.locator('console-safety-queue');
    await queue.getByText('1 waiting for a clinician').waitFor();
    await queue
      .getByText(/Received .*ago|Received now/)
      .first()
      .waitFor();
    await queue.getByRole('button', { name: /^Open: Intake sent with a safety answer/ }).click();
    const q9 = queue.locator('dt', { hasText: 'Thoughts that you would be better off dead' });
    await q9.waitFor();
    assert.match((await q9.textContent()) ?? '', /Safety answer/);
    assert.equal(
      demo.query<{ n: number }>("select count(*) as n from audit_log where action = 'intake_response.read' and record_id = ?", response.id)[0]!.n,
      1,
      'opening the response wrote an audit row',
    );
    await queue.getByLabel('What did you do?').fill('Called Sam; safe, plan in place.');
    await queue.getByRole('button', { name: 'Acknowledge' }).click();
    await queue.getByText('Nothing waiting: every safety answer has been acknowledged.').waitFor();
    assert.equal(demo.query<{ n: number }>('select count(*) as n from safety_acknowledgements where item_id = ?', response.id)[0]!.n, 1);
    cleanConsole(watch);
    await page.close();
  });

  test('a marketer sees no client data and no way to open a response; the server refuses it (403)', async () => {
    const { page, watch } = await setUpAndSignIn('marketer@clinic.example', 'marketer');
    const app = page.locator('kap-console');
    await app.getByRole('heading', { name: 'Embed code' }).waitFor();
    assert.equal(await app.getByRole('heading', { name: 'Safety queue' }).count(), 0);
    assert.equal(await app.getByRole('button', { name: /^Open/ }).count(), 0);
    assert.equal(await app.getByText('Sam Console').count(), 0);
    const [response] = demo.query<{ id: string }>('select id from intake_responses');
    const statuses = await page.evaluate(
      (paths) => Promise.all(paths.map((path) => fetch(path, { credentials: 'same-origin' }).then((answer) => answer.status))),
      [`/staff/safety-queue/${response!.id}`, `/staff/intake-responses/${response!.id}`, '/staff/schedule'],
    );
    assert.deepEqual(statuses, [403, 403, 403]);
    cleanConsole({ ...watch, problems: watch.problems.filter((problem) => !/status of 403/.test(problem)) });
    await page.close();
  });

  test('the console is served with a strict CSP', async () => {
    const response = await fetch(new URL('console/', demo.apiUrl));
    assert.equal(response.status, 200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(await response.text(), /<script>|<style>|style=/, 'no inline script or style in the page');
  });
});
