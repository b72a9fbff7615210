/**
 * `<kap-booking booking>` managing a booking against the real reference backend: seeing it,
 * cancelling it (after asking), moving it to another free time, and every way the link to it can
 * be missing or wrong. The database is checked through the API after each change.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import {
  $,
  bookingTests,
  button,
  expectNoPhi,
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
import { EventRecorder, postBooking } from './support/harness.js';
import { EARLIER_CLIENT, START_ADDRESS, availability, bookThroughApi, bookingOnServer, statusOnServer, freeSlots, openLink } from './support/manage.js';
import { errorAnswer, type Fault } from './support/network.js';

/** The managing events, apart from the booking ones `recorder` holds. */
const managed = new EventRecorder(['kap-booking-cancel', 'kap-booking-reschedule']);
beforeEach(() => managed.start());

const { network, recorder } = bookingTests({
  client: EARLIER_CLIENT,
  after: () => {
    managed.stop();
    history.replaceState(null, '', START_ADDRESS);
    expectNoPhi(
      managed.events.map((event) => event.detail),
      EARLIER_CLIENT,
    );
    // No event ever carries a token.
    expect(JSON.stringify([...recorder.events, ...managed.events].map((event) => event.detail))).not.to.match(/token/i);
  },
});

function errors(): unknown[] {
  return recorder.of('kap-error');
}

/** A consultation booked through the API and a `<kap-booking booking=…>` managing it with its token. */
async function managing(options: { api?: string; start?: string } = {}) {
  const api = options.api ?? freshApi();
  const created = await bookThroughApi(api, network.realFetch, 'consultation', options.start);
  const el = await mountBooking({ api, booking: created.booking.id }, (element) => {
    element.token = created.accessToken;
  });
  await until(() => $(el, '[data-focus="manage"]'), 'the managed booking');
  return { api, el, booking: created.booking, token: created.accessToken };
}

function summary(el: KapBooking): Record<string, string> {
  const rows = [...el.shadowRoot!.querySelectorAll('[part~="summary"] > div')];
  return Object.fromEntries(
    rows.map((row) => [row.querySelector('dt')!.textContent!.trim(), row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()]),
  );
}

function expectedTime(start: string, end: string): string {
  const time = (iso: string) => new Date(iso).toLocaleTimeString('en-US', { timeZone: 'America/Chicago', hour: 'numeric', minute: '2-digit' });
  return `${time(start)} – ${time(end)} Central Time`;
}

function expectedDay(start: string): string {
  return new Date(start).toLocaleDateString('en-US', {
    timeZone: 'America/Chicago',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

describe('<kap-booking booking> seeing a booking', () => {
  it('shows service, date, time, zone, status and reference, with Change time and Cancel', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    const el = await mountBooking({ api, booking: created.booking.id, 'time-zone': 'America/Chicago', lang: 'en-US' }, (e) => {
      e.token = created.accessToken;
    });
    await until(() => $(el, '[data-focus="manage"]'), 'the booking');
    expect($(el, '[data-focus="manage"]')!.textContent!.trim()).to.equal('Your appointment');
    expect(summary(el)).to.deep.equal({
      Appointment: 'Initial consultation',
      Date: expectedDay(created.booking.start),
      Time: expectedTime(created.booking.start, created.booking.end),
      Status: 'Confirmed',
      Reference: created.booking.id,
    });
    expect(button(el, 'Change time')).to.exist;
    expect(button(el, 'Cancel appointment')).to.exist;
    // The token went in the Authorization header, and nothing was asked that is not needed yet.
    const reads = network.to('GET', /\/bookings\/[^/]+$/);
    expect(reads).to.have.length(1);
    expect(reads[0]!.headers.get('Authorization')).to.equal(`Bearer ${created.accessToken}`);
    expect(network.requests.some((r) => r.url.includes(created.accessToken))).to.equal(false);
    expect(network.to('GET', /\/availability$/)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the page names another booking while the first is still being read: only the second is shown, even once the first answers', async () => {
    const api = freshApi();
    const first = await bookThroughApi(api, network.realFetch);
    const second = await bookThroughApi(api, network.realFetch);
    expect(second.booking.start).not.to.equal(first.booking.start);
    let answerFirst!: () => void;
    const firstMayAnswer = new Promise<void>((done) => (answerFirst = done));
    const slowRead: Fault = async (_request, passThrough) => {
      await firstMayAnswer;
      return passThrough();
    };
    network.fail('GET', new RegExp(`/bookings/${first.booking.id}$`), slowRead, 1);
    const el = await mountBooking({ api, booking: first.booking.id, 'time-zone': 'America/Chicago', lang: 'en-US' }, (e) => {
      e.token = first.accessToken;
    });
    await until(() => network.to('GET', new RegExp(`/bookings/${first.booking.id}$`)).length === 1, 'the first booking is being read');

    el.booking = second.booking.id;
    el.token = second.accessToken;
    const showsSecond = () => summary(el)['Reference'] === second.booking.id && summary(el)['Time'] === expectedTime(second.booking.start, second.booking.end);
    await until(() => $(el, '[data-focus="manage"]') && showsSecond(), 'the second booking');
    answerFirst();
    await until(() => network.to('GET', new RegExp(`/bookings/${first.booking.id}$`))[0]!.signal.aborted, 'the first read was given up');
    await settle(el);
    expect(showsSecond(), 'still the second booking').to.equal(true);
    expect(text(el)).not.to.include(first.booking.id);
  });

  it('a cancelled booking’s link opens it no more: the link has expired, and nothing is offered', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    await network.realFetch(`${api}bookings/${created.booking.id}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${created.accessToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const el = await mountBooking({ api, booking: created.booking.id }, (e) => (e.token = created.accessToken));
    await until(() => text(el).includes('This link has expired or is not valid.'), 'the refusal');
    // Only "Email me my links" (its form is a chunk loaded after the refusal shows): no Cancel, no Change time.
    await until(() => $(el, '#kap-email-links-submit'), 'Email me my links');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((control) => control.id)).to.deep.equal(['kap-email-links-submit']);
    await expect(el).to.be.accessible();
  });

  it('a session that has started or taken place offers no Cancel or Change time, and says why calmly', async () => {
    // The backend's clock stands in 2020, so a session booked then has long taken place here.
    const api = freshApi({ now: '2020-01-06T12:00:00Z' });
    const day = Date.parse('2020-01-07T00:00:00Z');
    const { slots } = await availability(api, network.realFetch, { service: 'consultation', fromMs: day, toMs: day + 86_400_000 });
    const created = await postBooking(api, network.realFetch, { service: 'consultation', start: slots[0]!.start, client: EARLIER_CLIENT });
    const el = await mountBooking({ api, booking: created.booking.id }, (e) => (e.token = created.accessToken));
    await until(() => $(el, '[data-focus="manage"]'), 'the booking');
    expect(summary(el)['Status']).to.equal('Confirmed');
    expect(text(el)).to.include('This appointment has already started or taken place, so it can no longer be cancelled or moved here.');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-booking booking> when the backend refuses a change', () => {
  it('the session began while the page was open: the refused cancel (409 booking_started) is explained calmly', async () => {
    const { el } = await managing();
    network.fail('POST', /\/cancel$/, errorAnswer(409, 'booking_started'));
    button(el, 'Cancel appointment').click();
    await until(() => $(el, '[data-focus="confirm-cancel"]'), 'the question');
    button(el, 'Yes, cancel it').click();
    await until(() => text(el).includes("We couldn't cancel your appointment."), 'the refusal');
    expect(text(el)).to.include('This appointment has already started or taken place, so it can no longer be cancelled or moved here.');
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'booking_started' });
    await expect(el).to.be.accessible();
  });
});

describe('<kap-booking booking> when the link is missing or refused', () => {
  it('without a token: asks for the link in the confirmation and asks the backend nothing', async () => {
    // Runs before any test in this file puts a link on the address bar (which the page remembers);
    // a new tab keeps no credential from an earlier link (src/base/tab-credential.ts).
    sessionStorage.clear();
    const api = freshApi();
    const byId = await mountBooking({ api, booking: 'bk_without_token' });
    const fromLink = await mountBooking({ api, booking: '' });
    for (const el of [byId, fromLink]) {
      await settle(el);
      // Said once managing's views have come (in the drop-in file, a chunk).
      await until(() => $(el, 'h2'), 'the request for the link');
      expect($(el, 'h2')!.textContent!.trim()).to.equal("We can't show your appointment");
      expect(text(el)).to.include('Open the link in your confirmation to see, change or cancel your appointment.');
      await expect(el).to.be.accessible();
    }
    expect(network.requests.filter((r) => r.url.includes('/bookings'))).to.deep.equal([]);
  });

  it('with a wrong or expired token (401): says the link has expired or is not valid', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    const el = await mountBooking({ api, booking: created.booking.id }, (e) => (e.token = 'not-the-right-token-at-all'));
    await until(() => text(el).includes('This link has expired or is not valid.'), 'the refusal');
    expect($(el, 'h2')!.textContent!.trim()).to.equal("We can't show your appointment");
    expect(errors()).to.deep.include({ kind: 'unauthorized', code: 'unauthorized' });
    // 401 is not retried.
    expect(network.to('GET', /\/bookings\/[^/]+$/)).to.have.length(1);
    // Nothing to do with the booking: the only control is "Email me my links" (its form loads lazily).
    await until(() => $(el, '#kap-email-links-submit'), 'the Email me my links form');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal(['Email me my links']);
    await expect(el).to.be.accessible();
  });

  it('offline: the usual failure, with Try again that loads the booking', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    network.fail('GET', /\/bookings\/[^/]+$/, () => Promise.reject(new TypeError('Failed to fetch')), 4);
    const el = await mountBooking({ api, booking: created.booking.id }, (e) => (e.token = created.accessToken));
    await until(() => text(el).includes("We couldn't load your appointment."), 'the failure', 10_000);
    expect(text(el)).to.include("We couldn't reach the clinic.");
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await until(() => $(el, '[data-focus="manage"]'), 'the booking after retrying');
  });
});

describe('<kap-booking booking> cancelling', () => {
  it('asks first; "No, keep it" changes nothing; "Yes, cancel it" cancels and says so', async () => {
    const { api, el, booking, token } = await managing();

    button(el, 'Cancel appointment').click();
    await until(() => $(el, '[data-focus="confirm-cancel"]'), 'the question');
    const question = $(el, '[data-focus="confirm-cancel"]')!;
    expect(question.textContent!.trim()).to.equal('Are you sure you want to cancel this appointment?');
    await until(() => focused(el) === question, 'focus on the question');
    expect(summary(el)['Appointment']).to.equal('Initial consultation');
    await expect(el).to.be.accessible();

    button(el, 'No, keep it').click();
    await until(() => $(el, '[data-focus="manage"]'), 'back to the booking');
    await until(() => focused(el) === button(el, 'Cancel appointment'), 'focus back on Cancel appointment');
    expect(network.to('POST', /\/cancel$/)).to.have.length(0);
    expect(await statusOnServer(api, network.realFetch, booking.id)).to.equal('confirmed');

    button(el, 'Cancel appointment').click();
    await until(() => $(el, '[data-focus="confirm-cancel"]'), 'the question again');
    button(el, 'Yes, cancel it').click();
    await until(() => $(el, '[data-focus="cancelled"]'), 'the cancellation');
    const heading = $(el, '[data-focus="cancelled"]')!;
    expect(heading.textContent!.trim()).to.equal('Your appointment is cancelled');
    await until(() => focused(el) === heading, 'focus on the heading');
    expect(summary(el)['Status']).to.equal('Cancelled');
    await expect(el).to.be.accessible();

    const posts = network.to('POST', /\/cancel$/);
    expect(posts).to.have.length(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.headers.get('Authorization')).to.equal(`Bearer ${token}`);
    expect(managed.events.map((e) => [e.type, e.detail])).to.deep.equal([['kap-booking-cancel', { bookingId: booking.id }]]);
    expect(await statusOnServer(api, network.realFetch, booking.id)).to.equal('cancelled');
    // The time is free again for others.
    const { slots } = await freeSlots(api, network.realFetch, 'consultation');
    expect(slots.map((s) => s.start)).to.include(booking.start);
  });

  it('a lost answer: every retry, and the client\'s own "Yes" again, reuse one key; the server acts once', async () => {
    const { api, el, booking } = await managing();
    const answers: { status: number; replayed: string | null }[] = [];
    // The backend commits, then the answer never arrives: all four attempts of the first try.
    const loseAnswer: Fault = async (_request, passThrough) => {
      const response = await passThrough();
      answers.push({ status: response.status, replayed: response.headers.get('Idempotent-Replayed') });
      throw new TypeError('Failed to fetch');
    };
    network.fail('POST', /\/cancel$/, loseAnswer, 4);

    button(el, 'Cancel appointment').click();
    await until(() => $(el, '[data-focus="confirm-cancel"]'), 'the question');
    button(el, 'Yes, cancel it').click();
    await until(() => text(el).includes("We couldn't cancel your appointment."), 'the failure', 12_000);
    expect(text(el)).to.include("We couldn't reach the clinic.");
    expect($(el, '[role="alert"]')).to.exist;
    expect(errors()).to.deep.include({ kind: 'network' });
    await expect(el).to.be.accessible();

    button(el, 'Yes, cancel it').click();
    await until(() => $(el, '[data-focus="cancelled"]'), 'the cancellation');
    const keys = network.to('POST', /\/cancel$/).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(5);
    expect(new Set(keys).size, 'one key for the logical cancel').to.equal(1);
    // Only the first request did anything; every later one was the stored answer replayed.
    expect(answers.map((a) => a.replayed)).to.deep.equal([null, 'true', 'true', 'true']);
    expect(managed.events.filter((e) => e.type === 'kap-booking-cancel')).to.have.length(1);
    expect(await statusOnServer(api, network.realFetch, booking.id)).to.equal('cancelled');
  });

  it('with the keyboard alone: Tab to Cancel appointment, Enter, Tab to "Yes, cancel it", Space', async () => {
    const { el } = await managing();
    const cancel = button(el, 'Cancel appointment');
    for (let i = 0; i < 20 && focused(el) !== cancel; i += 1) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(cancel);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[data-focus="confirm-cancel"]'), 'focus on the question');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(button(el, 'Yes, cancel it'));
    await sendKeys({ press: 'Space' });
    await until(() => $(el, '[data-focus="cancelled"]'), 'the cancellation');
    await until(() => focused(el) === $(el, '[data-focus="cancelled"]'), 'focus on the result');
  });
});

describe('<kap-booking booking> moving to another time', () => {
  /** Opens the picker and waits for a week with free times. */
  async function openPicker(el: KapBooking): Promise<void> {
    button(el, 'Change time').click();
    await until(() => $(el, '[data-focus="times"]'), 'the picker');
    await showWeekWithTimes(el);
  }

  it('moves the booking: picker, hold, "Move your appointment from X to Y", new time on the server, old one free', async () => {
    const { api, el, booking, token } = await managing();
    await openPicker(el);
    const heading = $(el, '[data-focus="times"]')!;
    expect(heading.textContent!.trim()).to.equal('Choose a new time');
    await until(() => focused(el) === heading, 'focus on the picker heading');
    expect(text(el)).to.include('Your appointment is now on');
    // The booking's own time is not offered as a new one.
    expect(timeButtons(el).map(startOf)).not.to.include(booking.start);
    await expect(el).to.be.accessible();

    const target = timeButtons(el).at(-1)!;
    const newStart = startOf(target);
    target.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    expect($(el, '[data-focus="details"]')!.textContent!.trim()).to.equal('Check your new time');
    expect($(el, '.move-from-to')!.textContent).to.match(/^\s*Move your appointment from .+ to .+\.\s*$/);
    expect(text(el)).to.include("We're holding this time for you until");
    const holds = network.to('POST', /\/holds$/);
    expect(holds).to.have.length(1);
    expect(JSON.parse(holds[0]!.body)).to.deep.equal({ service: 'consultation', start: newStart });
    await expect(el).to.be.accessible();

    button(el, 'Move my appointment').click();
    await until(() => $(el, '[data-focus="done"]'), 'the result');
    const done = $(el, '[data-focus="done"]')!;
    expect(done.textContent!.trim()).to.equal('Your appointment has been moved');
    await until(() => focused(el) === done, 'focus on the result');
    expect(text(el)).to.include('Your previous time,');
    await expect(el).to.be.accessible();

    const moves = network.to('POST', /\/reschedule$/);
    expect(moves).to.have.length(1);
    const moveBody = JSON.parse(moves[0]!.body);
    expect(Object.keys(moveBody).sort()).to.deep.equal(['holdId', 'start']);
    expect(moveBody.start).to.equal(newStart);
    expect(moveBody.holdId).to.be.a('string');
    expect(moves[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(moves[0]!.headers.get('Authorization')).to.equal(`Bearer ${token}`);

    const onServer = await bookingOnServer(api, network.realFetch, booking.id, token);
    expect(onServer.start).to.equal(newStart);
    expect(onServer.status).to.equal('confirmed');
    const { slots } = await freeSlots(api, network.realFetch, 'consultation');
    expect(
      slots.map((s) => s.start),
      'old time free again',
    ).to.include(booking.start);
    expect(
      slots.map((s) => s.start),
      'new time taken',
    ).not.to.include(newStart);
    expect(managed.events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['kap-booking-reschedule', { bookingId: booking.id, start: newStart, end: onServer.end }],
    ]);
    // A calendar file for the new time.
    const ics = await (await network.realFetch($<HTMLAnchorElement>(el, 'a[download]')!.href)).text();
    expect(ics).to.include(`DTSTART:${newStart.replace(/[-:]/g, '')}`);
    expect(ics).not.to.include(token);
  });

  it('"Keep my current time" gives the hold back and leaves the booking where it was', async () => {
    const { api, el, booking, token } = await managing();
    await openPicker(el);
    const target = timeButtons(el)[0]!;
    const start = startOf(target);
    target.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    button(el, 'Choose another time').click();
    await until(() => $(el, '[data-focus="times"]') && timeButtons(el)[0], 'the picker again');
    button(el, 'Keep my current time').click();
    await until(() => $(el, '[data-focus="manage"]'), 'back to the booking');
    await until(() => focused(el) === button(el, 'Change time'), 'focus on Change time');
    expect(network.to('POST', /\/reschedule$/)).to.have.length(0);
    expect(network.to('DELETE', /\/holds\//)).to.have.length(1);
    expect((await bookingOnServer(api, network.realFetch, booking.id, token)).start).to.equal(booking.start);
    const { slots } = await freeSlots(api, network.realFetch, 'consultation');
    expect(
      slots.map((s) => s.start),
      'the held time is free again',
    ).to.include(start);
  });

  it('two clients, one time: the second is brought back to fresh times, its booking unchanged', async () => {
    const api = freshApi();
    const first = await managing({ api });
    const second = await managing({ api });
    await openPicker(first.el);
    await openPicker(second.el);
    const contested = timeButtons(first.el)
      .map(startOf)
      .find((start) => timeButtons(second.el).some((t) => startOf(t) === start))!;
    expect(contested).to.be.a('string');

    timeButtons(first.el)
      .find((t) => startOf(t) === contested)!
      .click();
    await until(() => $(first.el, '[data-focus="details"]'), 'the first holds it');
    timeButtons(second.el)
      .find((t) => startOf(t) === contested)!
      .click();
    await until(() => $(second.el, '[data-focus="notice"]'), 'the second is told');
    expect($(second.el, '[data-focus="notice"]')!.textContent!.trim()).to.equal(
      'Sorry, that time is no longer available. Please choose another — your appointment has not changed.',
    );
    await until(() => timeButtons(second.el)[0], 'fresh times');
    expect(timeButtons(second.el).map(startOf)).not.to.include(contested);
    expect(errors()).to.deep.include({ kind: 'conflict', code: 'slot_unavailable' });
    await expect(second.el).to.be.accessible();

    button(first.el, 'Move my appointment').click();
    await until(() => $(first.el, '[data-focus="done"]'), 'the first moved');
    expect((await bookingOnServer(api, network.realFetch, first.booking.id, first.token)).start).to.equal(contested);
    expect((await bookingOnServer(api, network.realFetch, second.booking.id, second.token)).start).to.equal(second.booking.start);
  });

  it('409 slot_unavailable on the move itself: back to fresh times with the kind message', async () => {
    const { api, el, booking, token } = await managing();
    await openPicker(el);
    timeButtons(el)[0]!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    network.fail('POST', /\/reschedule$/, errorAnswer(409, 'slot_unavailable'), 1);
    button(el, 'Move my appointment').click();
    await until(() => $(el, '[data-focus="notice"]'), 'back to the times');
    expect(text(el)).to.include('Sorry, that time is no longer available. Please choose another — your appointment has not changed.');
    await until(() => timeButtons(el)[0], 'fresh times');
    expect((await bookingOnServer(api, network.realFetch, booking.id, token)).start).to.equal(booking.start);
    expect(managed.events).to.have.length(0);

    // Choosing again moves it, under a new key (a new logical move).
    timeButtons(el)[0]!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step again');
    button(el, 'Move my appointment').click();
    await until(() => $(el, '[data-focus="done"]'), 'moved');
    const keys = network.to('POST', /\/reschedule$/).map((r) => r.headers.get('Idempotency-Key'));
    expect(new Set(keys).size).to.equal(2);
  });
});

describe('<kap-booking booking> reading the link', () => {
  it('takes booking and token from the fragment and removes them from the address bar', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    openLink(`top&booking=${created.booking.id}&token=${created.accessToken}`);
    history.replaceState(history.state, '', `${location.pathname}?page=manage${location.hash}`);
    const el = await mountBooking({ api, booking: '' });
    // Gone from the address bar at once, the rest of the address kept.
    expect(location.hash).to.equal('#top');
    expect(location.search).to.equal('?page=manage');
    expect(location.href).not.to.include(created.accessToken);
    await until(() => $(el, '[data-focus="manage"]'), 'the booking');
    expect(summary(el)['Reference']).to.equal(created.booking.id);
    expect(network.to('GET', /\/bookings\/[^/]+$/)[0]!.headers.get('Authorization')).to.equal(`Bearer ${created.accessToken}`);
    await expect(el).to.be.accessible();
  });

  it('uses the fragment token only for the booking it names', async () => {
    const api = freshApi();
    const mine = await bookThroughApi(api, network.realFetch);
    const other = await bookThroughApi(api, network.realFetch);
    openLink(`booking=${other.booking.id}&token=${other.accessToken}`);
    const el = await mountBooking({ api, booking: mine.booking.id });
    await settle(el);
    expect(location.hash, 'the link leaves the address bar at once').to.equal('');
    await until(() => text(el).includes('Open the link in your confirmation'), 'the request for the link');
    expect(network.requests.filter((r) => r.url.includes('/bookings'))).to.deep.equal([]);
  });
});
