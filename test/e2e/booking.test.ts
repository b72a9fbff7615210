/**
 * A person books a consultation on the demo clinic page — with the mouse, then with the keyboard
 * alone — against the real reference backend and its real SQLite file, cross-origin, under the
 * demo page's strict Content Security Policy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  chooseLatestTime,
  kapErrorsOf,
  launchBrowser,
  recordKapErrors,
  refuseChunks,
  showBookableWeek,
  startDemo,
  watchPage,
  type RunningDemo,
} from './harness.js';

const client = { name: 'Ada Lovelace-Byron', email: 'ada.e2e@example.com', phone: '+1 212 555 0100' };

interface BookingRow {
  id: string;
  service_id: string;
  start_ms: number;
  status: string;
  client_name: string;
}

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

/** The active element, looking through shadow roots. */
async function focused(page: Page): Promise<{ tag: string; id: string; part: string; label: string; type: string }> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      part: element?.getAttribute('part') ?? '',
      label: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '',
      type: element?.getAttribute('type') ?? '',
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element, as a keyboard user would. */
async function tabUntil(page: Page, wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  assert.fail(`Tab never reached the wanted control; focus is on ${JSON.stringify(await focused(page))}`);
}

async function openDemo(): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage({ timezoneId: 'America/Chicago', locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(demo.demoUrl);
  await showBookableWeek(page.locator('kap-booking'));
  return { page, watch };
}

function bookingsOf(email: string): BookingRow[] {
  // The email is encrypted at rest: rows are opened, then picked.
  return demo
    .queryOpened<BookingRow & { client_email: string }>('bookings', 'select id, service_id, start_ms, status, client_name, client_email from bookings')
    .filter((row) => row.client_email === email);
}

describe('the demo clinic page', () => {
  test('a person books a consultation with the mouse and the booking is in the SQLite file', async () => {
    const { page, watch } = await openDemo();
    const booking = page.locator('kap-booking');

    await booking.locator('[part~="day"]').last().click();
    // The day's last time: the first may come inside the clinic's notice before it is chosen.
    const time = booking.locator('[part~="time"]').last();
    const times = await booking.locator('[part~="time"]').count();
    assert.ok(times > 0, 'the day has times');
    assert.equal(await booking.getByRole('button', { name: /, Central Time$/ }).count(), times, 'times are named in the client’s own zone');
    await time.click();

    await booking.getByRole('heading', { name: 'Your details' }).waitFor();
    await booking.getByLabel('Full name').fill(client.name);
    await booking.getByLabel('Email address').fill(client.email);
    await booking.getByLabel('Phone number').fill(client.phone);
    await booking.getByLabel('Anxiety').check();
    await booking.getByLabel('I agree to the privacy notice').check();
    await booking.getByRole('button', { name: 'Confirm booking' }).click();

    const heading = booking.locator('#done-heading');
    await heading.waitFor();
    assert.match((await heading.textContent()) ?? '', /booked|confirmed/i);
    assert.equal((await focused(page)).id, 'done-heading', 'focus moves to the confirmation heading');

    const rows = bookingsOf(client.email);
    assert.equal(rows.length, 1, 'exactly one booking is stored');
    assert.equal(rows[0]!.service_id, 'consultation');
    assert.equal(rows[0]!.status, 'confirmed');
    assert.equal(rows[0]!.client_name, client.name);
    assert.match(await booking.locator('.reference').innerText(), new RegExp(rows[0]!.id));

    const checklistLink = page.locator('#checklist-link');
    await checklistLink.waitFor();
    const checklistUrl = new URL((await checklistLink.getAttribute('href')) ?? '', demo.demoUrl);
    assert.match(checklistUrl.hash, new RegExp(`^#booking=${rows[0]!.id}&token=`), 'the next step links the checklist, token in the fragment');
    assert.equal(checklistUrl.search, '');
    const intakeUrl = new URL((await page.locator('#intake-link').getAttribute('href')) ?? '', demo.demoUrl);
    assert.equal(intakeUrl.pathname, '/intake.html');
    assert.equal(intakeUrl.search, '');
    assert.equal(intakeUrl.hash, checklistUrl.hash, 'the intake link carries the booking and its token in the fragment, like the checklist link');

    const apiOrigin = new URL(demo.apiUrl).origin;
    const pageOrigin = new URL(demo.demoUrl).origin;
    const foreign = watch.requests.filter((url) => ![apiOrigin, pageOrigin].includes(new URL(url).origin) && !url.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'no request leaves the clinic’s two origins');
    const leaky = watch.requests.filter((url) => [client.name, client.email, client.phone].some((v) => decodeURIComponent(url).includes(v)));
    assert.deepEqual(leaky, [], 'no client detail travels in a URL');
    assert.deepEqual(watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    const logs = demo.output.join('\n');
    for (const value of Object.values(client)) assert.ok(!logs.includes(value), `the server log does not contain ${value}`);
    await page.close();
  });

  test('a person books with the keyboard alone', async () => {
    const { page, watch } = await openDemo();
    const email = 'keyboard.e2e@example.com';

    await tabUntil(page, (el) => el.part.includes('day'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await tabUntil(page, (el) => el.part.includes('time'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');

    await page.locator('kap-booking #details-heading').waitFor();
    await tabUntil(page, (el) => el.id === 'kap-name');
    await page.keyboard.type(client.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(client.phone);
    await tabUntil(page, (el) => el.id === 'kap-privacy');
    await page.keyboard.press('Space');
    await tabUntil(page, (el) => el.tag === 'button' && el.type === 'submit');
    await page.keyboard.press('Enter');

    await page.locator('kap-booking #done-heading').waitFor();
    assert.equal((await focused(page)).id, 'done-heading');
    const rows = bookingsOf(email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'confirmed');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('a missed required answer is listed in an error summary that takes focus, and nothing typed is lost', async () => {
    const { page } = await openDemo();
    const booking = page.locator('kap-booking');
    await booking.locator('[part~="day"]').first().click();
    await booking.locator('[part~="time"]').first().click();
    await booking.getByLabel('Full name').fill('Grace Hopper');
    await booking.getByLabel('Email address').fill('not-an-email');
    await booking.getByRole('button', { name: 'Confirm booking' }).click();

    const summary = booking.locator('[part~="error-summary"]');
    await summary.waitFor();
    assert.equal((await focused(page)).part, 'error-summary');
    const problems = await summary.locator('a').allInnerTexts();
    assert.ok(problems.length >= 3, `email, phone and consent are listed: ${problems.join(' | ')}`);
    assert.equal(await booking.getByLabel('Full name').inputValue(), 'Grace Hopper');
    assert.equal(await booking.getByLabel('Email address').inputValue(), 'not-an-email');
    await summary.locator('a').first().click();
    assert.equal((await focused(page)).id, 'kap-email', 'the first link focuses its field');
    await page.close();
  });

  test('the details step’s chunk that does not arrive: a failure with Try again, kap-error chunk_unavailable, then the details once it can be fetched', async () => {
    const { page, watch } = await openDemo();
    const booking = page.locator('kap-booking');
    await page.evaluate(recordKapErrors);
    // As on a site that copied the drop-in file without its chunks/ folder (or went offline).
    const chunk = '**/chunks/*-after-pick-*.js';
    await refuseChunks(page, chunk);
    await booking.locator('[part~="day"]').first().click();
    await booking.locator('[part~="time"]').first().click();

    const retry = booking.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.match(
      await booking.locator('[role="alert"]').innerText(),
      /connection|internet|offline/i,
      'the client reads what a request that did not arrive says',
    );
    assert.deepEqual(await kapErrorsOf(page), ['chunk_unavailable']);
    const told = watch.problems.filter((line) => line.includes('chunk_unavailable'));
    assert.equal(told.length, 1, 'the website team reads once what to check');
    assert.match(told[0]!, /serve dist\/cdn\/chunks\/ with the file/);

    await page.unroute(chunk);
    await retry.click();
    await booking.getByRole('heading', { name: 'Your details' }).waitFor();
    await booking.getByLabel('Full name').fill('Grace Hopper');
    assert.equal(await booking.getByLabel('Full name').inputValue(), 'Grace Hopper');
    await page.close();
  });

  test('Confirm’s chunk that does not arrive: nothing is sent, the details stay, and Try again books once it can be fetched', async () => {
    const { page, watch } = await openDemo();
    const booking = page.locator('kap-booking');
    const email = 'offline.confirm.e2e@example.com';
    await page.evaluate(recordKapErrors);
    const chunk = '**/chunks/*-booking-submission-*.js';
    await refuseChunks(page, chunk);
    // Not a time the tests above held or booked.
    await chooseLatestTime(booking);
    await booking.getByRole('heading', { name: 'Your details' }).waitFor();
    await booking.getByLabel('Full name').fill(client.name);
    await booking.getByLabel('Email address').fill(email);
    await booking.getByLabel('Phone number').fill(client.phone);
    await booking.getByLabel('I agree to the privacy notice').check();
    assert.deepEqual(await kapErrorsOf(page), [], 'a chunk fetched ahead is not a failure until it is needed');
    await booking.getByRole('button', { name: 'Confirm booking' }).click();

    const retry = booking.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.match(await booking.locator('[role="alert"]').innerText(), /connection|internet|offline/i);
    assert.deepEqual(await kapErrorsOf(page), ['chunk_unavailable']);
    assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');
    assert.equal(bookingsOf(email).length, 0, 'nothing was sent');
    assert.equal(await booking.getByLabel('Email address').inputValue(), email, 'what the client typed stays');

    await page.unroute(chunk);
    await retry.click();
    await booking.locator('#done-heading').waitFor();
    assert.equal(bookingsOf(email).length, 1);
    await page.close();
  });
});
