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
import type { Browser } from 'playwright-core';
import { chooseLatestTime, launchBrowser, startDemo, type PageWatch, type RunningDemo } from './harness.js';
import { answerWholeIntake } from './intake-answers.js';
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

const SAM = { name: 'Sam Console', email: 'sam.console@example.com', phone: '+1 212 555 0161' };

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

describe('the console', () => {
  let manageUrl = '';
  let intakeUrl = '';

  test('a client requests an administration session; front desk confirms it in the console; the manage view shows it confirmed', async () => {
    const client = await browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US' });
    await client.goto(demo.demoUrl);
    const booking = client.locator('kap-booking');
    await booking.locator('[part~="day"], .empty').first().waitFor();
    // The demo page books consultations; a returning client requests the session from the same element.
    await booking.evaluate((element) => element.setAttribute('service', 'administration'));
    await chooseLatestTime(booking);
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

    const { page, watch } = await setUpAndSignIn(browser, demo, 'desk@clinic.example', 'front-desk');
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
    await answerWholeIntake(client, SAM);
    await client.close();
    const [response] = demo.query<{ id: string }>('select id from intake_responses where safety = 1');
    assert.ok(response, 'the response is stored with its safety flag');

    const { page, watch } = await setUpAndSignIn(browser, demo, 'clinician@clinic.example', 'clinician');
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
    const { page, watch } = await setUpAndSignIn(browser, demo, 'marketer@clinic.example', 'marketer');
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
