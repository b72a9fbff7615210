/**
 * Every failure `<kap-booking>` can meet has a designed state: calm words, a way on, a
 * `kap-error` event with ids only, and nothing the client typed lost. The real backend produces
 * the conflicts; the network is faked only for faults a server cannot produce on demand.
 */
import { expect } from '@open-wc/testing';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import {
  $,
  CLIENT,
  advanceBackendClock,
  allByRole,
  bookAsSomeoneElse,
  bookingTests,
  button,
  byRole,
  chooseFirstTime,
  chooseTimeLaterBy,
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
import { answer, errorAnswer, hang, loseAnswerAfterCommit, offline } from './support/network.js';
import { installClock, restoreClock, type ManualClock } from '../support/manual-clock.js';

const { network, recorder } = bookingTests();

/**
 * The element's clock (`src/time/clock.ts`) moves only when a test moves it, so a hold runs out at
 * once instead of in real time; the backend's clock follows when the hold must be gone there too.
 */
let clock: ManualClock;
beforeEach(() => {
  clock = installClock(Date.now());
});
afterEach(() => restoreClock());

/** The holds these tests take: ten minutes, as a clinic might set them. */
const HOLD_MS = 600_000;

/** Half a minute before the hold taken just now ends, on the element's clock: its "ending" moment has passed. */
function holdEnding(): void {
  clock.set(Date.now() + HOLD_MS - 30_000);
}

/** Past the end of the hold taken just now, on the element's clock and on the backend's. */
async function holdRunsOut(api: string): Promise<void> {
  clock.set(Date.now() + HOLD_MS + 1_000);
  await advanceBackendClock(api, HOLD_MS + 1_000, network.realFetch);
}

function errors(): unknown[] {
  return recorder.of('kap-error');
}

function expectDetailsKept(el: KapBooking): void {
  expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal(CLIENT.name);
  expect($<HTMLInputElement>(el, '#kap-email')!.value).to.equal(CLIENT.email);
  expect($<HTMLInputElement>(el, '#kap-phone')!.value).to.equal(CLIENT.phone);
  expect($<HTMLInputElement>(el, `#kap-reason-${CLIENT.reason}`)!.checked).to.equal(true);
  expect($<HTMLInputElement>(el, '#kap-privacy')!.checked).to.equal(true);
}

function keys(method: string, path: RegExp): string[] {
  return network.to(method, path).map((r) => r.headers.get('Idempotency-Key')!);
}

describe('<kap-booking> when someone else takes the time', () => {
  it('taken before the hold: back to fresh times with a kind message', async () => {
    const api = freshApi();
    const el = await mountBooking({ api });
    await showWeekWithTimes(el);
    const time = timeButtons(el)[0]!;
    const start = startOf(time);
    await bookAsSomeoneElse(api, start, network.realFetch);
    const loads = network.to('GET', /\/availability$/).length;

    time.click();
    await until(() => $(el, '[data-focus="notice"]'), 'the notice');
    const notice = $(el, '[data-focus="notice"]')!;
    expect(notice.textContent!.trim()).to.equal("Sorry, that time is no longer available. Please choose another — we've kept your details.");
    await until(() => focused(el) === notice, 'focus on the notice');
    await until(() => network.to('GET', /\/availability$/).length === loads + 1 && timeButtons(el)[0], 'fresh times');
    expect(timeButtons(el).map(startOf)).not.to.include(start);
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'slot_unavailable' });
    await expect(el).to.be.accessible();
  });

  it('hold ran out and the time was taken: confirming brings the client back with details kept', async () => {
    const api = freshApi({ holdSeconds: HOLD_MS / 1000 });
    const el = await mountBooking({ api });
    const start = startOf(await chooseTimeLaterBy(el, HOLD_MS + 60 * 60_000));
    await fillDetails(el, CLIENT);
    expect(errors()).not.to.deep.include({ kind: 'conflict', code: 'hold_expired' });

    // About to expire: announced politely, once.
    holdEnding();
    await until(() => $(el, '.hold-live')!.textContent!.includes('about one more minute'), 'the ending note');
    expect($(el, '[part~="hold"]'), 'still held').not.to.equal(null);
    await expect(el).to.be.accessible();
    // Expired: announced, the form stays, and the page hears about it.
    await holdRunsOut(api);
    await until(() => $(el, '.hold-live')!.textContent!.includes("We've stopped holding this time"), 'the expired note');
    expect($(el, '[part~="hold"]')).to.equal(null);
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'hold_expired' });
    expectDetailsKept(el);
    await expect(el).to.be.accessible();

    await bookAsSomeoneElse(api, start, network.realFetch);
    confirmButton(el).click();
    await until(() => $(el, '[data-focus="notice"]'), 'back to the times');
    expect(text(el)).to.include('Sorry, that time is no longer available.');
    expect(JSON.parse(network.to('POST', /\/bookings$/)[0]!.body).holdId, 'no stale hold sent').to.equal(undefined);
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'slot_unavailable' });

    // Choosing again finds every answer where the client left it.
    await until(() => timeButtons(el)[0], 'fresh times');
    timeButtons(el).at(-1)!.click();
    await until(() => $(el, '#kap-name'), 'details again');
    expectDetailsKept(el);
  });

  it('hold ran out but the time is still free: confirming books it', async () => {
    const api = freshApi({ holdSeconds: HOLD_MS / 1000 });
    const el = await mountBooking({ api });
    await chooseTimeLaterBy(el, HOLD_MS + 60 * 60_000);
    await fillDetails(el, CLIENT);
    await holdRunsOut(api);
    await until(() => $(el, '.hold-live')!.textContent!.includes("We've stopped holding"), 'expiry');
    confirmButton(el).click();
    await confirmed(el);
  });

  it('"Choose a time" after the hold ran out goes back with the details kept', async () => {
    const api = freshApi({ holdSeconds: HOLD_MS / 1000 });
    const el = await mountBooking({ api });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    expect(allByRole(el, 'button', 'Choose a time'), 'not while the time is held').to.have.length(0);
    await holdRunsOut(api);
    await until(() => allByRole(el, 'button', 'Choose a time').length, 'expiry');
    byRole(el, 'button', 'Choose a time').click();
    await until(() => timeButtons(el)[0], 'times');
    expect(focused(el)).to.equal($(el, '[data-focus="times"]'));
    timeButtons(el)[0]!.click();
    await until(() => $(el, '#kap-name'), 'details');
    expectDetailsKept(el);
  });

  it('the server says the hold expired (clocks disagree): back to the times, details kept', async () => {
    const api = freshApi({ holdSeconds: 1 });
    // The browser's clock believes the hold lasts ten minutes; the server's hold lasts one second.
    network.fail('POST', /\/holds$/, async (_request, passThrough) => {
      const body = await (await passThrough()).json();
      body.hold.expiresAt = new Date(Date.now() + 600_000).toISOString();
      return new Response(JSON.stringify(body), { status: 201, headers: { 'Content-Type': 'application/json' } });
    });
    const el = await mountBooking({ api });
    // Half an hour past the first time: someone else books it, without a hold, after the clock moved on.
    const start = startOf(await chooseTimeLaterBy(el, 30 * 60_000));
    await fillDetails(el, CLIENT);
    // The server's one-second hold runs out: its clock moves on rather than the test waiting.
    await advanceBackendClock(api, 2_000, network.realFetch);
    await bookAsSomeoneElse(api, start, network.realFetch);
    confirmButton(el).click();
    await until(() => $(el, '[data-focus="notice"]'), 'back to the times');
    expect($(el, '[data-focus="notice"]')!.textContent!.trim()).to.equal(
      "We could only hold that time for a few minutes. Please choose a time again — we've kept your details.",
    );
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'hold_expired' });
    await until(() => timeButtons(el)[0], 'fresh times');
    await expect(el).to.be.accessible();
    timeButtons(el).at(-1)!.click();
    await until(() => $(el, '#kap-name'), 'details');
    expectDetailsKept(el);
  });
});

describe('<kap-booking> when the network fails', () => {
  it('offline while confirming: says so, keeps the details, and "Try again" reuses the key', async () => {
    const api = freshApi();
    const el = await mountBooking({ api });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', /\/bookings$/, offline);
    confirmButton(el).click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 10_000);
    expect($(el, 'form [role="alert"]')!.textContent).to.include("We couldn't reach the clinic. Please check your internet connection and try again.");
    expect(text(el)).to.include("We've kept the details you entered.");
    expectDetailsKept(el);
    expect(errors()).to.deep.include({ kind: 'network' });
    await expect(el).to.be.accessible();

    network.clearFaults();
    button(el, 'Try again').click();
    await confirmed(el);
    const used = keys('POST', /\/bookings$/);
    expect(used.length, 'the client retried, then the client tried again').to.be.greaterThan(1);
    expect(new Set(used).size, 'one idempotency key for the whole submission').to.equal(1);
  });

  it('the answer is lost after the server committed: the retry replays the same booking', async () => {
    const seen: { booking: { id: string } }[] = [];
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', /\/bookings$/, loseAnswerAfterCommit(seen), 1);
    confirmButton(el).click();
    await confirmed(el);
    expect(seen).to.have.length(1);
    const used = keys('POST', /\/bookings$/);
    expect(used).to.have.length(2);
    expect(used[0]).to.equal(used[1]);
    const confirm = recorder.events.find((e) => e.type === 'kap-booking-confirm')!;
    expect(confirm.detail.bookingId, 'one booking, not two').to.equal(seen[0]!.booking.id);
  });

  it('every answer lost, then the hold runs out: "Try again" resends the same request and gets the same booking', async () => {
    const seen: { booking: { id: string } }[] = [];
    const api = freshApi({ holdSeconds: HOLD_MS / 1000 });
    const el = await mountBooking({ api });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', /\/bookings$/, loseAnswerAfterCommit(seen));
    confirmButton(el).click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 10_000);
    await holdRunsOut(api);
    await until(() => $(el, '.hold-live')!.textContent!.includes("We've stopped holding"), 'the hold ran out');

    network.clearFaults();
    button(el, 'Try again').click();
    await confirmed(el);
    const sent = network.to('POST', /\/bookings$/);
    expect(new Set(sent.map((r) => r.headers.get('Idempotency-Key'))).size, 'one key').to.equal(1);
    expect(new Set(sent.map((r) => r.body)).size, 'the same body every time, hold id included').to.equal(1);
    expect(JSON.parse(sent[0]!.body)).to.have.property('holdId');
    const confirm = recorder.events.find((e) => e.type === 'kap-booking-confirm')!;
    expect(confirm.detail.bookingId, 'the booking the server first recorded').to.equal(seen[0]!.booking.id);
  });

  it('no answer in time: says the clinic is taking too long, keeps the details', async () => {
    const el = await mountBooking({ api: freshApi(), 'request-timeout': '250' });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', /\/bookings$/, hang);
    confirmButton(el).click();
    await until(() => $(el, 'form [role="alert"]'), 'the timeout', 12_000);
    expect(text(el)).to.include('The clinic is taking too long to answer. Please try again.');
    expect(errors()).to.deep.include({ kind: 'timeout' });
    expect(new Set(keys('POST', /\/bookings$/)).size).to.equal(1);
    expectDetailsKept(el);
    await expect(el).to.be.accessible();
  });

  it('rate limited: asks the client to wait, for as long as the backend says', async () => {
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    network.fail('POST', /\/holds$/, errorAnswer(429, 'rate_limited', { 'Retry-After': '120' }));
    timeButtons(el)[0]!.click();
    await until(() => $(el, '[role="alert"]'), 'the message');
    expect($(el, '[role="alert"]')!.textContent).to.include('There have been a lot of attempts in a short time. Please wait 2 minutes, then try again.');
    expect(errors()).to.deep.include({ kind: 'rate_limited', code: 'rate_limited' });
    await expect(el).to.be.accessible();

    network.clearFaults();
    button(el, 'Try again').click();
    await until(() => $(el, '#kap-name'), 'the hold, once allowed');
  });

  it('server error loading times: a message and "Try again"', async () => {
    network.fail('GET', /\/availability$/, errorAnswer(500, 'internal_error'));
    const el = await mountBooking({ api: freshApi() });
    await until(() => $(el, '[role="alert"]'), 'the failure', 10_000);
    expect($(el, '[role="alert"]')!.textContent).to.include("We couldn't load the available times.");
    expect($(el, '[role="alert"]')!.textContent).to.include('Something went wrong at the clinic’s end.');
    expect(errors()).to.deep.include({ kind: 'server', code: 'internal_error' });
    await expect(el).to.be.accessible();
    network.clearFaults();
    button(el, 'Try again').click();
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the times');
  });

  it('a backend answering the wrong shape gets a clear message, not a crash', async () => {
    network.fail('GET', /\/services$/, answer(200, { services: [{ id: 'consultation', name: 42 }] }));
    const el = await mountBooking({ api: freshApi() });
    await until(() => $(el, '[role="alert"]'), 'the failure');
    expect(text(el)).to.include("The clinic's system sent an answer we couldn't read.");
    expect(errors()).to.deep.include({ kind: 'bad_response' });
    await expect(el).to.be.accessible();
  });

  it('network error placing the hold: "Try again" holds the same time with the same key', async () => {
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    const start = startOf(timeButtons(el)[0]!);
    network.fail('POST', /\/holds$/, offline);
    timeButtons(el)[0]!.click();
    await until(() => $(el, '[role="alert"]'), 'the failure', 10_000);
    expect(text(el)).to.include("We couldn't hold that time.");
    network.clearFaults();
    button(el, 'Try again').click();
    await until(() => $(el, '#kap-name'), 'details');
    const holds = network.to('POST', /\/holds$/);
    expect(new Set(holds.map((h) => h.headers.get('Idempotency-Key'))).size).to.equal(1);
    expect(holds.every((h) => JSON.parse(h.body).start === start)).to.equal(true);
  });
});

describe('<kap-booking> set up wrongly', () => {
  for (const api of [null, '', '   ', 'ftp://clinic.example/kap/', 'http://evil.example/kap/', 'javascript:alert(1)', 'https://user:secret@clinic.example/']) {
    it(`api=${JSON.stringify(api)} shows a clear message and sends nothing`, async () => {
      const el = await mountBooking(api === null ? {} : { api });
      // Shown from the first render; told to the website team once their words (a chunk) arrive.
      const problem = $(el, '[part~="problem"]')!;
      await until(() => errors().length, 'the problem told');
      expect(problem.getAttribute('role')).to.equal('alert');
      expect(problem.textContent).to.include('Sorry, this is not available online right now');
      expect(problem.textContent).to.include('Please contact the clinic directly.');
      expect(problem.textContent).to.include('For the website team:');
      expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_api' }]);
      expect(network.requests).to.have.length(0);
    });
  }

  it('the message for a bad api passes axe', async () => {
    const el = await mountBooking({ api: 'http://evil.example/kap/' });
    await until(() => $(el, '[part~="problem"]'), 'the message');
    await expect(el).to.be.accessible();
  });

  it('recovers when a good api is set after a bad one', async () => {
    const el = await mountBooking({ api: 'http://evil.example/' });
    await until(() => $(el, '[part~="problem"]'), 'the message');
    el.api = freshApi();
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the times');
    expect($(el, '[part~="problem"]')).to.equal(null);
  });

  it('an unknown service says so, for the website team too', async () => {
    const el = await mountBooking({ api: freshApi(), service: 'massage' });
    await until(() => $(el, '[part~="problem"]'), 'the message');
    expect(text(el)).to.include('the backend has no service with the id "massage"');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'unknown_service' }]);
    expect(network.to('GET', /\/availability$/)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('an unknown time zone shows the configuration message, with the zone for the website team', async () => {
    const el = await mountBooking({ api: freshApi(), 'time-zone': 'Mars/Olympus_Mons' });
    await settle(el);
    expect(text($(el, '[part~="problem"]')!)).to.include('time-zone="Mars/Olympus_Mons" is not an IANA time zone name');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_time_zone' }]);
  });
});

describe('<kap-booking> leaving the page', () => {
  it('removing the element aborts what is in flight and gives a live hold back', async () => {
    const api = freshApi();
    const el = await mountBooking({ api });
    const start = startOf(await chooseFirstTime(el));
    el.remove();
    await until(() => network.to('DELETE', /\/holds\/[^/]+$/).length === 1, 'the hold released');
    // The time is free again for everyone.
    await until(async () => {
      const free = await network.realFetch(
        `${api}availability?service=consultation&from=${encodeURIComponent(new Date(Date.parse(start) - 1000).toISOString().replace(/\.\d+Z/, 'Z'))}&to=${encodeURIComponent(new Date(Date.parse(start) + 3_600_000).toISOString().replace(/\.\d+Z/, 'Z'))}`,
      );
      return ((await free.json()).slots as { start: string }[]).some((slot) => slot.start === start);
    }, 'the time free again');
  });
});
