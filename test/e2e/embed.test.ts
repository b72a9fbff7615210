/**
 * The embed code, end to end, against the real server and its built elements: a marketer, set up
 * from the CLI's link, makes the booking element's code in the console; it is pasted into a blank
 * page on ANOTHER origin (a tiny static server here) whose Content-Security-Policy is made of
 * nothing but `default-src 'none'`, the lines the console gave and Trusted Types enforced; a client
 * books there. The page loads the element from the backend's versioned address, its integrity
 * checked by the browser, and the booking carries the campaign's source tag.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { staffCommand } from '../../server/cli/staff.js';
import { chooseLatestTime, launchBrowser, startDemo, watchPage, type RunningDemo } from './harness.js';

const PASSWORD = 'harbour lantern quiet morning';
const client = { name: 'Noor Embed', email: 'noor.embed@example.com', phone: '+1 212 555 0177' };

let demo: RunningDemo;
let browser: Browser;
let site: Server;
let siteOrigin: string;
/** What the site's one page is: the pasted code, under the policy. */
const sitePage = { html: '', csp: '' };

before(async () => {
  site = createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': sitePage.csp }).end(sitePage.html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: siteOrigin } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

/** The marketer's account from the CLI's set-up link, set up and signed in (no second factor). */
async function marketerConsole() {
  const lines: string[] = [];
  const email = 'marketer.embed@clinic.example';
  await staffCommand(['add', '--email', email, '--role', 'marketer'], { KAP_DB: demo.dbPath }, (line) => lines.push(line));
  const link = lines.find((line) => line.includes('#token='));
  assert.ok(link, lines.join('\n'));
  const page = await browser.newPage({ locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(new URL(`console/setup${new URL(link).hash}`, demo.apiUrl).href);
  const app = page.locator('kap-console');
  await app.getByLabel('New password').fill(PASSWORD);
  await app.getByRole('button', { name: 'Finish set-up' }).click();
  await app.getByRole('button', { name: 'Go to sign in' }).click();
  await app.getByLabel('Email').fill(email);
  await app.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await app.getByRole('button', { name: 'Sign in' }).click();
  await app.getByRole('heading', { name: 'Embed code' }).waitFor();
  return { page, app, watch };
}

describe('the embed code', () => {
  test('made by a marketer, pasted on another origin under a strict CSP of its lines: a client books there', async () => {
    const { page: consolePage, app, watch: consoleWatch } = await marketerConsole();
    await app.getByLabel('Service to book').selectOption('consultation');
    await app.getByLabel('Campaign source tag (optional)').fill('spring-newsletter');
    await app.getByRole('button', { name: 'Make the code' }).click();
    const code = await app.locator('#embed-code').inputValue();
    const csp = ((await app.locator('#embed-csp').textContent()) ?? '').split('\n');
    assert.deepEqual(consoleWatch.problems, [], 'the console under its own CSP: no errors');
    await consolePage.close();

    const apiOrigin = new URL(demo.apiUrl).origin;
    assert.deepEqual(csp, [`script-src ${apiOrigin}`, `connect-src ${apiOrigin}`, 'trusted-types lit-html']);
    const script = /<script type="module" src="([^"]+)" integrity="(sha384-[^"]+)" crossorigin="anonymous"><\/script>/.exec(code);
    assert.ok(script, code);
    assert.match(script[1]!, new RegExp(`^${demo.apiUrl}elements/[0-9a-f]{16}/kap-booking\\.js$`));
    assert.match(code, new RegExp(`<kap-booking api="${demo.apiUrl}" service="consultation" source="spring-newsletter"></kap-booking>`));

    sitePage.csp = ["default-src 'none'", ...csp, "require-trusted-types-for 'script'"].join('; ');
    sitePage.html = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Spring offer</title></head>\n<body><main><h1>Book a free consultation</h1>\n${code}</main></body>\n</html>\n`;

    const context = await browser.newContext({ timezoneId: 'America/Chicago', locale: 'en-US' });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${siteOrigin}/`);
    const booking = page.locator('kap-booking');
    await chooseLatestTime(booking);
    await booking.getByRole('heading', { name: 'Your details' }).waitFor();
    await booking.getByLabel('Full name').fill(client.name);
    await booking.getByLabel('Email address').fill(client.email);
    await booking.getByLabel('Phone number').fill(client.phone);
    await booking.getByLabel('Anxiety').check();
    await booking.getByLabel(/^I agree/).check();
    await booking.getByRole('button', { name: 'Confirm booking' }).click();
    await booking.locator('#done-heading').waitFor();

    assert.equal(await page.evaluate(() => document.querySelector('script')?.integrity), script[2], 'the element came with its integrity');
    assert.ok(watch.requests.includes(script[1]!), 'the element was loaded from the backend’s versioned address');
    // Its lazy chunks (the calendar file's writer, on the confirmation) come from beside it: import.meta.url.
    const folder = script[1]!.replace(/kap-booking\.js$/, 'chunks/');
    assert.ok(
      watch.requests.some((url) => url.startsWith(folder)),
      `a lazy chunk loaded from ${folder}: ${watch.requests.join(' ')}`,
    );
    assert.deepEqual(
      watch.requests.filter((url) => ![apiOrigin, siteOrigin].includes(new URL(url).origin) && !url.startsWith('blob:')),
      [],
      'nothing else is loaded',
    );
    assert.deepEqual(watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    const rows = demo
      .queryOpened<{ id: string; source: string | null; client_email: string; service_id: string }>(
        'bookings',
        'select id, source, client_email, service_id from bookings',
      )
      .filter((row) => row.client_email === client.email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.service_id, 'consultation');
    assert.equal(rows[0]!.source, 'spring-newsletter');
    await context.close();
  });
});
