/**
 * The clinic's email, end to end: the real backend (server/main.ts, `npm start`) sends to a real
 * SMTP server in the test process (smtp-server + mailparser), and what a person does happens in
 * Chromium on the real demo page and console:
 *
 * - a consultation booked on the demo page → the confirmation arrives; its manage link, opened in
 *   a fresh browser context (nothing shared with the page that booked), shows the booking and
 *   moves it, and the move's email follows; its checklist link opens; its .ics parses;
 * - a request confirmed in the console by a signed-in front desk (who followed the console link in
 *   their own "new request" email) → the client's "request confirmed" email;
 * - the confirmation's intake link, an intake answered with PHQ-9 item 9 above zero and a canary in
 *   every free-text answer → the clinician's safety alert, then the owner's escalation when nobody
 *   acknowledges (KAP_SAFETY_ESCALATION short); no email of the whole file holds the canary, the
 *   client's name, phone, birth date or any score;
 * - without KAP_SMTP_URL, the demo page's link to the development mailbox tells a newcomer how to
 *   sign in as the owner, and shows a signed-in owner the confirmation, whose manage link opens the
 *   booking.
 *
 * How fast mail arrives is not asserted (the node tests do that with an injected clock): each
 * wait is bounded generously, for a busy machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, chooseLatestTime, launchBrowser, showBookableWeek, startDemo, type RunningDemo } from './harness.js';
import { answerWholeIntake } from './intake-answers.js';
import { linksOf, mailSink, mailTo, recipient, wholeMessage, type MailSink } from './mail.js';
import { setUpAndSignIn, setUpStaff } from './staff.js';

const CLIENT = { name: 'Noor Mailbox-E2E', email: 'noor.e2e@example.com', phone: '+1 212 555 0177' };
const REQUESTER = { name: 'Jo Request-E2E', email: 'jo.e2e@example.com', phone: '+1 212 555 0178' };
const CANARY = 'Canary-Ondansetron-5521';
const MAIL_FROM = 'Harbor Light <appointments@harbor.example>';
const STAFF = { desk: 'desk@harbor.example', clinician: 'clinician@harbor.example', owner: 'owner@harbor.example' };

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A browser context of its own: no cookies, storage or history shared with any other. */
function freshContext(): Promise<BrowserContext> {
  return browser.newContext({ timezoneId: 'America/Chicago', locale: 'en-US' });
}

/** Books on the demo page as a person would: the last day with free times, its last time, the details, consent. */
async function bookOnDemoPage(page: Page, demo: RunningDemo, person: typeof CLIENT, service?: string): Promise<void> {
  await page.goto(demo.demoUrl);
  const booking = page.locator('kap-booking');
  await booking.locator('[part~="day"], .empty').first().waitFor();
  // The demo page books consultations; a returning client requests a session from the same element.
  if (service) await booking.evaluate((element, id) => element.setAttribute('service', id), service);
  await chooseLatestTime(booking);
  await booking.getByLabel('Full name').fill(person.name);
  await booking.getByLabel('Email address').fill(person.email);
  await booking.getByLabel('Phone number').fill(person.phone);
  await booking.getByLabel('I agree to the privacy notice').check();
  await booking
    .getByRole('button', { name: /request|confirm/i })
    .last()
    .click();
}

function bookingOf(demo: RunningDemo, email: string): { id: string; start_ms: number; status: string } {
  // The email is encrypted at rest: rows are opened, then picked.
  const rows = demo
    .queryOpened<{ id: string; start_ms: number; status: string; client_email: string }>('bookings', 'select id, start_ms, status, client_email from bookings')
    .filter((row) => row.client_email === email);
  assert.equal(rows.length, 1, `one booking for ${email}`);
  return rows[0]!;
}

/** The .ics a message carries, parsed: its start, and everything it says as text. */
function calendarOf(mail: ParsedMail): { start: number; content: string } {
  const ics = mail.attachments.find((attachment) => attachment.filename === 'appointment.ics');
  assert.ok(ics, `"${mail.subject}" carries appointment.ics`);
  const content = ics.content.toString('utf8');
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!);
  return { start: event.startDate.toJSDate().getTime(), content };
}

/** The link's booking and token, from its fragment (never a query string). */
function fragmentOf(href: string): { booking: string; token: string } {
  const url = new URL(href);
  assert.equal(url.search, '', 'nothing in a query string');
  const params = new URLSearchParams(url.hash.slice(1));
  return { booking: params.get('booking') ?? '', token: params.get('token') ?? '' };
}

describe('email over SMTP from the running server', () => {
  let demo: RunningDemo;
  let sink: MailSink;
  let bookingId = '';
  /** The first confirmation's intake link, used after later emails brought fresh ones. */
  let intakeLink = '';

  before(async () => {
    sink = await mailSink();
    demo = await startDemo({ env: { KAP_SMTP_URL: sink.url, KAP_MAIL_FROM: MAIL_FROM, KAP_SAFETY_ESCALATION: '5s' } });
  });

  after(async () => {
    await demo?.stop();
    await sink?.close();
  });

  test('a consultation booked on the demo page: the confirmation arrives; its link, in a fresh browser context, shows the booking and moves it', async () => {
    const booker = await freshContext();
    const page = await booker.newPage();
    await bookOnDemoPage(page, demo, CLIENT);
    await page.locator('kap-booking #done-heading').waitFor();
    await booker.close();
    const booked = bookingOf(demo, CLIENT.email);
    bookingId = booked.id;
    assert.equal(booked.status, 'confirmed');

    const mail = await mailTo(sink, CLIENT.email, /^Your appointment at /);
    assert.equal(mail.from?.value[0]?.address, 'appointments@harbor.example', 'sent from KAP_MAIL_FROM');
    assert.match(mail.text ?? '', /Your appointment is confirmed\./);
    const links = linksOf(mail);
    for (const page of ['manage', 'checklist', 'intake']) {
      const href = links.get(page);
      assert.ok(href?.startsWith(new URL(`${page}.html`, demo.demoUrl).href), `a ${page} link to the demo site: ${[...links.values()].join(' ')}`);
      assert.equal(fragmentOf(href!).booking, booked.id);
    }
    intakeLink = links.get('intake')!;
    const calendar = calendarOf(mail);
    assert.equal(calendar.start, booked.start_ms, 'the .ics holds the booked time');
    for (const detail of Object.values(CLIENT)) assert.ok(!calendar.content.includes(detail), 'and no client detail');

    // Another browser, as on the client's phone: only the link.
    const phone = await freshContext();
    const managePage = await phone.newPage();
    const manageLink = links.get('manage')!;
    await managePage.goto(manageLink);
    const managed = managePage.locator('kap-booking');
    await managed.getByRole('heading', { name: 'Your appointment' }).waitFor();
    await managed.getByText('Confirmed', { exact: true }).waitFor();
    assert.match(await managed.locator('.reference').innerText(), new RegExp(booked.id), 'the booking it opened is the one booked');
    assert.ok(!managePage.url().includes(fragmentOf(manageLink).token), 'the token leaves the address bar');

    await managed.getByRole('button', { name: 'Change time' }).click();
    await managed.getByRole('heading', { name: 'Choose a new time' }).waitFor();
    // The first week with free times, which holds the booking (it was made in the first one too): its
    // last day with free times, and a time there other than the booked one.
    await showBookableWeek(managed);
    await managed.locator('[part~="day"]').last().click();
    const starts = await managed.locator('[part~="time"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-roving') ?? ''));
    const other = starts.find((start) => Date.parse(start) !== booked.start_ms);
    assert.ok(other, `a free time other than the booked one: ${starts.join(' ')}`);
    await managed.locator(`[part~="time"][data-roving="${other}"]`).click();
    await managed.getByRole('button', { name: 'Move my appointment' }).click();
    await managed.getByRole('heading', { name: 'Your appointment has been moved' }).waitFor();
    const moved = bookingOf(demo, CLIENT.email);
    assert.notEqual(moved.start_ms, booked.start_ms, 'the booking moved');
    assert.equal(moved.status, 'confirmed');
    const movedMail = await mailTo(sink, CLIENT.email, /^Your appointment at .* has moved$/);
    assert.equal(calendarOf(movedMail).start, moved.start_ms, "the move's .ics holds the new time");

    const checklistPage = await phone.newPage();
    await checklistPage.goto(links.get('checklist')!);
    await checklistPage.locator('kap-prep-checklist input[type="checkbox"]').first().waitFor();
    await phone.close();
  });

  test("a request confirmed in the console by a signed-in front desk, from their email's link: the client's email says so", async () => {
    const desk = await setUpAndSignIn(browser, demo, STAFF.desk, 'front-desk');
    const from = sink.messages.length;
    const client = await freshContext();
    const page = await client.newPage();
    await bookOnDemoPage(page, demo, REQUESTER, 'administration');
    await page.locator('kap-booking').getByRole('heading', { name: 'Your request has been sent' }).waitFor();
    await client.close();
    const requested = bookingOf(demo, REQUESTER.email);
    assert.equal(requested.status, 'requested');

    const received = await mailTo(sink, REQUESTER.email, /^Your appointment request at /, from);
    assert.match(received.text ?? '', /We have received your request/);
    const deskMail = await mailTo(sink, STAFF.desk, /^New appointment request/, from);
    for (const detail of [...Object.values(REQUESTER), requested.id]) assert.ok(!wholeMessage(deskMail).includes(detail), 'no client data for staff');
    const consoleLink = linksOf(deskMail).get('console');
    assert.equal(consoleLink, new URL('console/', demo.apiUrl).href);

    await desk.page.goto(consoleLink);
    const app = desk.page.locator('kap-console');
    await app.getByRole('button', { name: 'Requests' }).click();
    const request = app.locator('console-requests li', { hasText: REQUESTER.name });
    await request.getByRole('button', { name: 'Confirm' }).click();
    await app.getByText(/^Confirmed: /).waitFor();
    assert.equal(bookingOf(demo, REQUESTER.email).status, 'confirmed');
    assert.deepEqual(desk.watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    await desk.page.close();

    const confirmed = await mailTo(sink, REQUESTER.email, /^Your appointment at /, from);
    assert.match(confirmed.text ?? '', /The clinic has confirmed your request/);
    assert.equal(calendarOf(confirmed).start, requested.start_ms);
    assert.equal(fragmentOf(linksOf(confirmed).get('manage')!).booking, requested.id);
  });

  test('PHQ-9 item 9 above zero: the clinician is alerted, the owner when nobody acknowledges; no email of the file holds an answer', async () => {
    assert.ok(intakeLink, 'the first test kept the confirmation’s intake link');
    for (const [role, email] of [
      ['clinician', STAFF.clinician],
      ['owner', STAFF.owner],
    ] as const) {
      const staff = await setUpStaff(browser, demo, email, role);
      await staff.page.close();
    }
    const from = sink.messages.length;

    const phone = await freshContext();
    const page = await phone.newPage();
    await page.goto(intakeLink);
    await answerWholeIntake(page, { ...CLIENT, freeText: CANARY });
    await phone.close();
    const responses = demo.queryOpened<{ booking_id: string; safety: number; answers: string }>(
      'intake_responses',
      'select id, booking_id, safety, answers from intake_responses',
    );
    assert.equal(responses.length, 1);
    assert.equal(responses[0]!.booking_id, bookingId, "the answers are linked to the email's booking");
    assert.equal(responses[0]!.safety, 1, 'flagged');
    assert.ok(responses[0]!.answers.includes(CANARY), 'the canary was typed, and stored');

    const alert = await mailTo(sink, STAFF.clinician, /^SAFETY FLAG — /, from);
    assert.equal(linksOf(alert).get('console'), new URL('console/', demo.apiUrl).href);
    const escalation = await mailTo(sink, STAFF.owner, /^SAFETY FLAG not acknowledged/, from);
    assert.ok(sink.messages.indexOf(escalation) > sink.messages.indexOf(alert), 'the escalation follows the alert');
    assert.equal(
      sink.messages.filter((mail) => /^SAFETY FLAG/.test(mail.subject ?? '')).length,
      2,
      'one alert to the one clinician, one escalation to the one owner',
    );

    const birthDate = /1987-06-14|June 14, 1987|14 June 1987|6\/14\/1987|14\/06\/1987/;
    for (const mail of sink.messages) {
      const text = wholeMessage(mail);
      const what = `${recipient(mail)}: ${mail.subject}`;
      assert.ok(!text.includes(CANARY), `no free-text answer in ${what}`);
      for (const detail of [CLIENT.name, CLIENT.phone, REQUESTER.name, REQUESTER.phone]) assert.ok(!text.includes(detail), `no name or phone in ${what}`);
      assert.doesNotMatch(text, birthDate, `no birth date in ${what}`);
      // Whole words only: links carry random tokens, in which three letters can turn up by chance.
      assert.doesNotMatch(text, /\b(PHQ-9|GAD-7|PCL-5|scores?|puntuaci[oó]n(es)?)\b/i, `no instrument or score in ${what}`);
    }
    assert.ok(!demo.output.join('\n').includes(CANARY), 'nor in the server log');
  });
});

describe('without an SMTP server, in development', () => {
  let demo: RunningDemo;

  before(async () => {
    demo = await startDemo();
  });

  after(async () => {
    await demo?.stop();
  });

  test("the demo page's link to the development mailbox: a newcomer is told how to get in; a signed-in owner sees the confirmation, whose link opens the booking", async () => {
    assert.ok(
      demo.output.some((line) => line.startsWith('Development mailbox (no KAP_SMTP_URL)')),
      'start-up says where the mail goes',
    );
    // A newcomer who follows the link before signing in is told how to get in, not shown an API error.
    // (Its context bypasses CSPs so that axe can be injected; the owner's below does not.)
    const newcomer = await browser.newContext({ timezoneId: 'America/Chicago', locale: 'en-US', bypassCSP: true });
    const first = await newcomer.newPage();
    await first.goto(demo.demoUrl);
    await first.getByRole('link', { name: 'development mailbox' }).click();
    await first.getByRole('heading', { level: 1, name: 'Development mailbox' }).waitFor();
    assert.deepEqual(await axeViolations(first), [], 'axe finds nothing on the page that says how to get in');
    assert.match(await first.locator('main').innerText(), /sign in to the console as the clinic’s owner/i);
    assert.match(await first.locator('main').innerText(), /npm run staff -- add --email .* --role owner/);
    await first.getByRole('link', { name: 'Sign in to the console' }).click();
    await first.locator('kap-console').getByRole('button', { name: 'Sign in' }).waitFor();
    await newcomer.close();

    const owner = await setUpAndSignIn(browser, demo, STAFF.owner, 'owner');
    const page = owner.page;
    await bookOnDemoPage(page, demo, CLIENT);
    await page.locator('kap-booking #done-heading').waitFor();
    const booked = bookingOf(demo, CLIENT.email);

    await page.getByRole('link', { name: 'development mailbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Development mailbox' }).waitFor();
    assert.equal(page.url(), new URL('console/dev-mail', demo.apiUrl).href);
    const message = page.locator('article', { hasText: CLIENT.email }).filter({ has: page.getByRole('heading', { name: /^Your appointment at / }) });
    // The outbox worker keeps the message within a second or two; the owner reloads, as the page says.
    for (const deadline = Date.now() + 60_000; !(await message.count());) {
      assert.ok(Date.now() < deadline, `the confirmation reached the mailbox:\n${await page.locator('main').innerText()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
    }
    assert.match(await message.innerText(), /Your appointment is confirmed\./);
    assert.equal(await message.getByRole('link', { name: 'appointment.ics' }).count(), 1, 'with its .ics');
    const checker = await browser.newContext({ bypassCSP: true });
    await checker.addCookies(await page.context().cookies());
    const mailbox = await checker.newPage();
    await mailbox.goto(page.url());
    await mailbox
      .getByRole('heading', { name: /^Your appointment at / })
      .first()
      .waitFor();
    assert.deepEqual(await axeViolations(mailbox), [], 'axe finds nothing on the mailbox');
    await checker.close();

    await message.getByRole('link', { name: /manage\.html#booking=/ }).click();
    const managed = page.locator('kap-booking');
    await managed.getByText('Confirmed', { exact: true }).waitFor();
    assert.match(await managed.locator('.reference').innerText(), new RegExp(booked.id));
    assert.deepEqual(owner.watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });
});
