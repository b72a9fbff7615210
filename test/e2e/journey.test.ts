/**
 * The journey after booking, on the demo clinic page against the real server and SQLite file:
 * the preparation checklist for the seeded administration session (ticks saved and kept across a
 * reload), then booking the integration session inside its 24-48 hour window, then managing the
 * new booking through the link in its confirmation — with the keyboard where a person would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, refuseChunks, startDemo, watchPage, type RunningDemo } from './harness.js';

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

describe('the journey after booking', () => {
  test('the checklist keeps its ticks on the server across a reload, and the token leaves the address bar', async () => {
    const page = await browser.newPage({ timezoneId: 'America/New_York' });
    const watch = watchPage(page);
    const link = demo.printedUrl('Demo checklist');
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
    assert.ok(token.length >= 16, 'the printed link carries the token in its fragment');

    await page.goto(link);
    const checklist = page.locator('kap-prep-checklist');
    const boxes = checklist.locator('input[type="checkbox"]');
    await boxes.first().waitFor();
    assert.ok(!page.url().includes(token), 'the token is removed from the address bar');
    const total = await boxes.count();
    assert.ok(total >= 5, `the demo checklist has items (${total})`);

    // A tick shows at once; the assertions on the SQLite file wait for the server's answer.
    const saved = (): Promise<unknown> => page.waitForResponse((response) => response.request().method() === 'PUT' && response.status() === 200);
    await boxes.nth(0).focus();
    await Promise.all([saved(), page.keyboard.press('Space')]);
    await Promise.all([saved(), boxes.nth(1).check()]);
    await checklist.getByText(`2 of ${total} done`).waitFor();

    const bookingId = new URLSearchParams(new URL(link).hash.slice(1)).get('booking') ?? '';
    const [stored] = demo.query<{ done: number }>(
      'select count(*) as done from booking_checklist_items where booking_id = ? and done_at_ms is not null',
      bookingId,
    );
    assert.equal(stored!.done, 2, 'both ticks are in the SQLite file');

    await page.goto(link);
    await checklist.getByText(`2 of ${total} done`).waitFor();
    assert.equal(await boxes.nth(0).isChecked(), true, 'a reload shows the ticks from the server');
    assert.ok(!watch.requests.some((url) => url.includes(token)), 'the token never travels in a URL');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('the markdown parser’s chunk that does not arrive: the checklist fails with Try again and chunk_unavailable, then shows once it can be fetched', async () => {
    // The demo checklist's details have markdown in them, so the list waits for the parser.
    const chunk = '**/chunks/*-markdown-*.js';
    const page = await browser.newPage({ timezoneId: 'America/New_York' });
    const watch = watchPage(page);
    await refuseChunks(page, chunk);
    await page.goto(demo.printedUrl('Demo checklist'));
    const checklist = page.locator('kap-prep-checklist');
    const retry = checklist.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.match(await checklist.locator('[role="alert"]').innerText(), /connection|internet|offline/i);
    assert.equal(await checklist.locator('input[type="checkbox"]').count(), 0, 'no list shows half-drawn');
    assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');

    await page.unroute(chunk);
    await retry.click();
    await checklist.locator('input[type="checkbox"]').first().waitFor();
    assert.ok((await checklist.locator('[part~="details"] strong, [part~="details"] a, [part~="details"] li').count()) > 0, 'the details read as markdown');
    await page.close();
  });

  test('the reminders’ chunk that does not arrive: the checklist shows whole without "Add reminders" and its hint, which come with the chunk', async () => {
    const chunk = '**/chunks/*-checklist-calendar-*.js';
    const page = await browser.newPage({ timezoneId: 'America/New_York' });
    const watch = watchPage(page);
    await refuseChunks(page, chunk);
    const asked = page.waitForResponse((response) => response.url().includes('-checklist-calendar-'));
    await page.goto(demo.printedUrl('Demo checklist'));
    const checklist = page.locator('kap-prep-checklist');
    await checklist.getByRole('button', { name: 'Print this checklist' }).waitFor();
    assert.equal((await asked).status(), 404, 'the chunk was asked for, and refused');
    assert.ok((await checklist.locator('input[type="checkbox"]').count()) > 0, 'the list shows');
    assert.equal(await checklist.getByRole('link', { name: 'Add reminders to my calendar' }).count(), 0);
    assert.equal(await checklist.getByText(/A calendar file with your session/).count(), 0, 'no hint about a file that is not offered');

    await page.unroute(chunk);
    await page.reload();
    await checklist.getByRole('link', { name: 'Add reminders to my calendar' }).waitFor();
    await checklist.getByText(/A calendar file with your session and a reminder 1 hour before each step/).waitFor();
    assert.deepEqual(
      watch.problems.filter((line) => !line.includes('404')),
      [],
      'nothing but the refused fetch itself is a problem',
    );
    await page.close();
  });

  test('integration is offered only 24 to 48 hours after the session, and the new booking can be moved', async () => {
    const page = await browser.newPage({ timezoneId: 'America/New_York' });
    const watch = watchPage(page);
    await page.goto(demo.printedUrl('Demo administration booking'));
    const booking = page.locator('kap-booking');
    const time = booking.locator('[part~="time"]').first();
    await time.waitFor();

    const adminId = new URLSearchParams(new URL(demo.printedUrl('Demo administration booking')).hash.slice(1)).get('booking');
    const [admin] = demo.query<{ end_ms: number }>('select end_ms from bookings where id = ?', adminId);
    const starts = await booking.locator('[part~="time"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-roving') ?? ''));
    for (const start of starts) {
      const hoursAfter = (Date.parse(start) - admin!.end_ms) / 3_600_000;
      assert.ok(hoursAfter >= 24 && hoursAfter <= 48, `${start} lies ${hoursAfter} h after the session`);
    }

    await time.click();
    await booking.getByLabel('Full name').fill('Demo Client');
    await booking.getByLabel('Email address').fill('demo.client@example.com');
    await booking.getByLabel('Phone number').fill('+1 212 555 0199');
    await booking.getByLabel('I agree to the privacy notice').check();
    await booking.getByRole('button', { name: 'Confirm booking' }).click();
    await booking.locator('#done-heading').waitFor();

    const rows = demo.query<{ id: string; start_ms: number }>("select id, start_ms from bookings where service_id = 'integration' and status = 'confirmed'");
    assert.equal(rows.length, 1, 'one integration booking is stored');

    const manage = booking.locator('[part~="manage-link"]');
    const href = (await manage.getAttribute('href')) ?? '';
    const manageUrl = new URL(href, demo.demoUrl);
    assert.equal(manageUrl.pathname, '/manage.html');
    assert.match(manageUrl.hash, /^#booking=[^&]+&token=/, 'the manage link carries its token in the fragment');
    assert.equal(manageUrl.search, '', 'and never in a query string');

    assert.deepEqual([...watch.problems], [], 'no problem before the chunk is refused');

    // The cancel's write is a chunk fetched as the booking is shown: here it cannot be fetched (a
    // site that serves the file without its chunks/ folder), so "Yes, cancel it" fails as a request
    // that did not reach the clinic would, nothing is cancelled, and pressing it again once the
    // chunk can be fetched cancels.
    const chunk = '**/chunks/*-booking-submission-*.js';
    await refuseChunks(page, chunk);
    await page.goto(manageUrl.href);
    const managed = page.locator('kap-booking');
    await managed
      .getByRole('button', { name: /cancel/i })
      .first()
      .waitFor();
    await managed
      .getByRole('button', { name: /cancel/i })
      .first()
      .click();
    await managed.getByRole('button', { name: /yes, cancel/i }).click();
    assert.match(await managed.locator('[role="alert"]').innerText(), /connection|internet|offline/i);
    const [kept] = demo.query<{ status: string }>('select status from bookings where id = ?', rows[0]!.id);
    assert.equal(kept!.status, 'confirmed', 'nothing was cancelled');
    assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');

    await page.unroute(chunk);
    await managed.getByRole('button', { name: /yes, cancel/i }).click();
    await managed.getByRole('heading', { name: /cancelled/i }).waitFor();
    const [after] = demo.query<{ status: string }>('select status from bookings where id = ?', rows[0]!.id);
    assert.equal(after!.status, 'cancelled');
    await page.close();
  });
});
