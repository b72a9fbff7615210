/**
 * `<kap-booking>` when the outcome of a booking, a move or a cancel is unknown — the answer was
 * lost after the server committed, or the client stopped waiting — and the client then changes
 * something: the element finds out what happened (it sends the first request again, byte for
 * byte, under its key) before anything different goes, and says plainly what the clinic has. The
 * server's own records are checked. Also: a slow or busy backend is announced within seconds,
 * with Stop, instead of a silent wait.
 */
import { expect } from '@open-wc/testing';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import {
  $,
  allByRole,
  bookingTests,
  button,
  chooseFirstTime,
  CLIENT,
  confirmButton,
  confirmed,
  dayButtons,
  fillDetails,
  focused,
  freshApi,
  mountBooking,
  settle,
  showWeekWithTimes,
  startOf,
  text,
  timeButtons,
  until,
} from './support/booking.js';
import { EventRecorder, backendRecords } from './support/harness.js';
import { START_ADDRESS, bookThroughApi, bookingOnServer, statusOnServer } from './support/manage.js';
import { errorAnswer, hang, loseAnswerAfterCommit } from './support/network.js';

const managed = new EventRecorder(['kap-booking-cancel', 'kap-booking-reschedule']);
beforeEach(() => managed.start());

const { network, recorder } = bookingTests({
  after: () => {
    managed.stop();
    history.replaceState(null, '', START_ADDRESS);
  },
});

const BOOKINGS = /\/bookings$/;
const TYPO = 'Ada Quintesa Lovelace';

function errors(): unknown[] {
  return recorder.of('kap-error');
}

function keys(path: RegExp): string[] {
  return network.to('POST', path).map((request) => request.headers.get('Idempotency-Key')!);
}

function confirmedIds(): string[] {
  return recorder.events.filter((e) => e.type === 'kap-booking-confirm').map((e) => e.detail.bookingId);
}

/** Confirms with every answer lost after the server committed, until the failure is shown. */
async function confirmAndLoseEveryAnswer(el: KapBooking, seen: unknown[]): Promise<void> {
  network.fail('POST', BOOKINGS, loseAnswerAfterCommit(seen));
  confirmButton(el).click();
  await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
  expect(text(el)).to.include("We couldn't reach the clinic.");
  network.clearFaults();
}

describe('<kap-booking> after a booking whose answer was lost', () => {
  it('the client corrects a typo and confirms again: one booking (the first), and the client is told the correction was not sent', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: { booking: { id: string } }[] = [];
    const el = await mountBooking({ api, 'manage-url': '/manage' });
    await chooseFirstTime(el);
    await fillDetails(el, { ...CLIENT, name: TYPO });
    await confirmAndLoseEveryAnswer(el, seen);

    await fillDetails(el, { name: CLIENT.name });
    confirmButton(el).click();
    await confirmed(el);

    const notice = $(el, '[part~="confirmation"] [part~="notice"]')!;
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Your booking had already reached the clinic before your last changes, so those changes were not sent. The booking shown here is the one the clinic has. To change it, use “Change or cancel this appointment” below.',
    );
    expect(confirmedIds(), 'the booking the server recorded first').to.deep.equal([seen[0]!.booking.id]);
    const records = await backendRecords(api, network.realFetch);
    expect(
      records.bookings.filter((b) => b.status !== 'cancelled'),
      'one booking on the server, not two',
    ).to.have.length(1);
    expect(records.bookings[0]!.name, 'the details first sent').to.equal(TYPO);
    const sent = network.to('POST', BOOKINGS);
    expect(new Set(keys(BOOKINGS)).size, 'one Idempotency-Key throughout').to.equal(1);
    expect(new Set(sent.map((r) => r.body)).size, 'the first body again, byte for byte').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('the client picks another time and confirms: the first booking is shown, its time kept, and the new hold given back', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: { booking: { id: string; start: string } }[] = [];
    const el = await mountBooking({ api });
    const first = startOf(await chooseFirstTime(el));
    await fillDetails(el, CLIENT);
    await confirmAndLoseEveryAnswer(el, seen);

    button(el, 'Change time').click();
    await showWeekWithTimes(el);
    const other = timeButtons(el)
      .map(startOf)
      .find((start) => start !== first)!;
    timeButtons(el)
      .find((time) => startOf(time) === other)!
      .click();
    await until(() => $(el, '#kap-name'), 'the details again');
    confirmButton(el).click();
    await confirmed(el);

    expect(text(el)).to.include('Your booking had already reached the clinic before your last changes, so those changes were not sent.');
    expect(text(el)).to.include('To correct anything, please contact the clinic.');
    expect(confirmedIds()).to.deep.equal([seen[0]!.booking.id]);
    const records = await backendRecords(api, network.realFetch);
    expect(records.bookings).to.have.length(1);
    expect(new Date(records.bookings[0]!.startMs).toISOString().replace('.000Z', 'Z'), 'the first time').to.equal(first);
    expect(
      network.to('POST', BOOKINGS).every((r) => JSON.parse(r.body).start === first),
      'nothing was sent for the other time',
    ).to.equal(true);
    await until(() => network.to('DELETE', /\/holds\/[^/]+$/).length >= 2, 'the other time given back');
  });
});

describe('<kap-booking> never waits in silence', () => {
  it('no answer for a while: "Still trying" with Stop; Stop keeps everything, and confirming again books once with the same key', async () => {
    const api = freshApi();
    const el = await mountBooking({ api, 'request-timeout': '5000' });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', BOOKINGS, hang);
    confirmButton(el).click();
    await until(() => allByRole(el, 'button', 'Stop waiting')[0], 'the Stop button', 8_000);
    expect($(el, '.write-status [role="status"]')!.textContent!.trim()).to.equal('Still trying — the clinic’s system is slow to answer…');
    await expect(el).to.be.accessible();

    button(el, 'Stop waiting').click();
    await until(() => !allByRole(el, 'button', 'Stop waiting')[0], 'Stop done');
    const status = $(el, '.write-status [role="status"]')!;
    expect(status.textContent!.trim()).to.equal(
      "You stopped waiting. We don't know yet whether it reached the clinic. If you send it again, we'll check first, so nothing is done twice.",
    );
    expect(focused(el), 'focus stays on what happened').to.equal(status);
    expect(network.to('POST', BOOKINGS)[0]!.signal.aborted).to.equal(true);
    expect(errors(), 'stopping is the client’s choice, not a failure').to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal(CLIENT.name);
    await expect(el).to.be.accessible();

    network.clearFaults();
    confirmButton(el).click();
    await confirmed(el);
    expect(new Set(keys(BOOKINGS)).size).to.equal(1);
    expect((await backendRecords(api, network.realFetch)).bookings).to.have.length(1);
  });

  it('429 with Retry-After: 59 says at once how long to wait (not 178 s of "Confirming…"), and keeps the key', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', BOOKINGS, errorAnswer(429, 'rate_limited', { 'Retry-After': '59' }));
    confirmButton(el).click();
    // A generous bound: before, the client heard nothing for 178 s.
    await until(() => $(el, 'form [role="alert"]'), 'the message', 5_000);
    expect($(el, 'form [role="alert"]')!.textContent).to.include('There have been a lot of attempts in a short time. Please wait 59 seconds, then try again.');
    expect(network.to('POST', BOOKINGS)).to.have.length(1);
    network.clearFaults();
    button(el, 'Try again').click();
    await confirmed(el);
    expect(new Set(keys(BOOKINGS)).size).to.equal(1);
  });

  it('a busy backend (503, Retry-After: 1): "busy, trying again in 1 second", with Stop, then booked', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', BOOKINGS, errorAnswer(503, 'unavailable', { 'Retry-After': '1' }), 1);
    confirmButton(el).click();
    await until(() => text(el).includes('The clinic’s system is busy. Trying again in 1 second…'), 'the busy note', 5_000);
    expect(allByRole(el, 'button', 'Stop waiting')[0]).to.exist;
    await confirmed(el);
    expect(new Set(keys(BOOKINGS)).size).to.equal(1);
  });

  it('times that are slow to load say so after a few seconds', async () => {
    const api = freshApi();
    network.fail('GET', /\/availability$/, hang, 1);
    const el = await mountBooking({ api, 'request-timeout': '600' });
    await until(() => text(el).includes('This is taking longer than usual. Still trying…'), 'the still-loading note', 5_000);
    expect($(el, '.loading[role="status"]')!.textContent).to.include('Loading available times');
    await showWeekWithTimes(el);
    expect(text(el)).not.to.include('taking longer than usual');
  });
});

describe('<kap-booking booking> after a move or cancel whose answer was lost', () => {
  async function managing(attributes: Record<string, string> = {}) {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    const el = await mountBooking({ api, booking: created.booking.id, ...attributes }, (element) => {
      element.token = created.accessToken;
    });
    await until(() => $(el, '[data-focus="manage"]'), 'the managed booking');
    return { api, el, booking: created.booking, token: created.accessToken };
  }

  it('a move is lost, the client chooses another time: the first move is what the clinic has, and the client is told', async function () {
    this.timeout(40_000);
    const { api, el, booking, token } = await managing();
    button(el, 'Change time').click();
    await showWeekWithTimes(el);
    const first = startOf(timeButtons(el).at(-1)!);
    timeButtons(el).at(-1)!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    network.fail('POST', /\/reschedule$/, loseAnswerAfterCommit([]));
    button(el, 'Move my appointment').click();
    await until(() => text(el).includes("We couldn't move your appointment."), 'the failure', 20_000);
    network.clearFaults();

    button(el, 'Choose another time').click();
    await showWeekWithTimes(el);
    // Another free time, on whichever day of the week has one (the first day may offer only the first choice).
    let other: HTMLButtonElement | undefined;
    for (const day of dayButtons(el)) {
      day.click();
      await settle(el);
      other = timeButtons(el).find((time) => startOf(time) !== first && startOf(time) !== booking.start);
      if (other) break;
    }
    other!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step again');
    button(el, 'Move my appointment').click();
    await until(() => $(el, '[data-focus="done"]'), 'the result');

    expect(text(el)).to.include('Your appointment had already moved to the time shown here before you chose again, so the other time was not used.');
    expect((await bookingOnServer(api, network.realFetch, booking.id, token)).start, 'where the first move put it').to.equal(first);
    expect(new Set(keys(/\/reschedule$/)).size, 'one key: the first move, asked about again').to.equal(1);
    expect(managed.of('kap-booking-reschedule').map((detail) => (detail as { start: string }).start)).to.deep.equal([first]);
    await expect(el).to.be.accessible();
  });

  it('a move is lost and the client keeps the current time after all: the booking is read again, showing where it really is', async function () {
    this.timeout(40_000);
    const { el, booking } = await managing();
    button(el, 'Change time').click();
    await showWeekWithTimes(el);
    const first = startOf(timeButtons(el).at(-1)!);
    timeButtons(el).at(-1)!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    network.fail('POST', /\/reschedule$/, loseAnswerAfterCommit([]));
    button(el, 'Move my appointment').click();
    await until(() => text(el).includes("We couldn't move your appointment."), 'the failure', 20_000);
    network.clearFaults();
    const reads = network.to('GET', new RegExp(`/bookings/${booking.id}$`)).length;

    button(el, 'Choose another time').click();
    await showWeekWithTimes(el);
    button(el, 'Keep my current time').click();
    await until(() => network.to('GET', new RegExp(`/bookings/${booking.id}$`)).length === reads + 1, 'the booking read again');
    const time = new Date(first).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    await until(() => $(el, '[part~="summary"]')?.textContent?.includes(time), 'the time the lost move set');
  });

  it('cancel: no answer, Stop, then "Yes, cancel it" again cancels once under the same key', async () => {
    const { api, el, booking } = await managing({ 'request-timeout': '5000' });
    network.fail('POST', /\/cancel$/, hang, 1);
    button(el, 'Cancel appointment').click();
    await until(() => $(el, '[data-focus="confirm-cancel"]'), 'the question');
    button(el, 'Yes, cancel it').click();
    await until(() => allByRole(el, 'button', 'Stop waiting')[0], 'the Stop button', 8_000);
    expect(text(el)).to.include('Still trying — the clinic’s system is slow to answer…');
    button(el, 'Stop waiting').click();
    await until(() => text(el).includes('You stopped waiting.'), 'the stopped note');
    expect(errors()).to.deep.equal([]);
    await expect(el).to.be.accessible();

    button(el, 'Yes, cancel it').click();
    await until(() => $(el, '[data-focus="cancelled"]'), 'the cancellation');
    expect(new Set(keys(/\/cancel$/)).size).to.equal(1);
    expect(keys(/\/cancel$/)).to.have.length(2);
    expect(await statusOnServer(api, network.realFetch, booking.id)).to.equal('cancelled');
    expect(managed.of('kap-booking-cancel')).to.have.length(1);
  });
});
