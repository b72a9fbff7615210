/**
 * `<kap-booking service="integration">`: a follow-up service offered only in its window after the
 * booking that opens it (the ketamine session), against the real reference backend, whose
 * `GET services` says how wide the window is.
 */
import { expect } from '@open-wc/testing';
import type { Booking, Service } from '../../src/api/schemas.js';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import {
  $,
  $$,
  CLIENT,
  bookingTests,
  button,
  confirmButton,
  confirmed,
  dayButtons,
  fillDetails,
  freshApi,
  mountBooking,
  settle,
  startOf,
  text,
  timeButtons,
  until,
} from './support/booking.js';
import { START_ADDRESS, bookThroughApi, freeSlots, openLink, weekdayIn } from './support/manage.js';

const HOUR = 3_600_000;
const ZONE = 'America/New_York';

const { network, recorder } = bookingTests({ after: () => history.replaceState(null, '', START_ADDRESS) });

/**
 * A ketamine session (administration, request mode) booked through the API more than a week
 * ahead, on a Monday to Wednesday so its 24–48 hour window falls on opening days.
 */
async function administration(api: string): Promise<{ booking: Booking; token: string }> {
  const { slots, timeZone } = await freeSlots(api, network.realFetch, 'administration', 8, 22);
  const slot = slots.find((candidate) => [1, 2, 3].includes(weekdayIn(candidate.start, timeZone)))!;
  expect(slot, 'an administration slot early in a week').to.exist;
  const created = await bookThroughApi(api, network.realFetch, 'administration', slot.start);
  return { booking: created.booking, token: created.accessToken };
}

/** The Monday of `instant`'s week in `zone`, as the week range shows it ("Mon, Mar 2"). */
function mondayOf(instant: string | number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const day = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']));
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * 24 * HOUR;
  return new Date(monday).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
}

/** Every time offered in the week shown, day by day. */
async function offeredStarts(el: KapBooking): Promise<string[]> {
  const starts: string[] = [];
  for (let i = 0; i < dayButtons(el).length; i += 1) {
    dayButtons(el)[i]!.click();
    await settle(el);
    starts.push(...timeButtons(el).map(startOf));
  }
  return starts;
}

async function windowShown(el: KapBooking): Promise<void> {
  await until(() => dayButtons(el)[0] || $(el, '.empty') || $(el, '[role="alert"]'), 'the window week');
}

describe('<kap-booking service="integration"> in its window', () => {
  it('asks with `after` and the token, opens on the window week, offers only times 24–48 h after the session ends', async () => {
    const api = freshApi();
    const opener = await administration(api);
    // Request mode: the clinic has not confirmed it yet, and it still opens the window.
    expect(opener.booking.status).to.equal('requested');
    const el = await mountBooking({ api, service: 'integration', after: opener.booking.id, 'time-zone': ZONE, lang: 'en-US' }, (e) => {
      e.afterToken = opener.token;
    });
    await windowShown(el);
    expect(dayButtons(el)[0], 'free times in the window').to.exist;

    const ended = Date.parse(opener.booking.end);
    const note = $(el, '[part~="window"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(note).to.match(/^This session is offered 24 to 48 hours after your Ketamine session ends, so the times shown are between .+ and .+\.$/);
    expect(note).to.include(new Date(ended + 24 * HOUR).toLocaleTimeString('en-US', { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }));

    // The week of the window, not this one.
    const range = $(el, '.week-range')!.textContent!.trim();
    expect(range.startsWith(`${mondayOf(ended + 24 * HOUR, ZONE)} to `), range).to.equal(true);
    expect(range.startsWith(mondayOf(Date.now(), ZONE))).to.equal(false);

    const starts = await offeredStarts(el);
    expect(starts.length).to.be.greaterThan(0);
    for (const start of starts) {
      const after = Date.parse(start) - ended;
      expect(after, start).to.be.within(24 * HOUR, 48 * HOUR);
    }
    for (const request of network.to('GET', /\/availability$/)) {
      const url = new URL(request.url);
      expect(url.searchParams.get('service')).to.equal('integration');
      expect(url.searchParams.get('after')).to.equal(opener.booking.id);
      expect(request.headers.get('Authorization')).to.equal(`Bearer ${opener.token}`);
      expect(request.url).not.to.include(opener.token);
    }
    await expect(el).to.be.accessible();

    // Booking in the window is an ordinary POST bookings.
    timeButtons(el)[0]!.click();
    await until(() => $(el, '#kap-name'), 'the details');
    await fillDetails(el, CLIENT);
    confirmButton(el).click();
    await confirmed(el);
    const post = JSON.parse(network.to('POST', /\/bookings$/)[0]!.body);
    expect(post.service).to.equal('integration');
    expect(post).not.to.have.property('after');
    expect($(el, '[data-focus="done"]')!.textContent!.trim()).to.equal('Your booking is confirmed');
  });

  it('explains the window from the service setting, not from built-in numbers', async () => {
    const api = freshApi();
    const opener = await administration(api);
    // A clinic whose window is 30–40 hours (the backend's answer, rewritten in flight).
    network.fail('GET', /\/services$/, async (_request, passThrough) => {
      const body = (await (await passThrough()).json()) as { services: Service[] };
      for (const service of body.services) {
        if (service.followUp) service.followUp = { ...service.followUp, minHoursAfterEnd: 30, maxHoursAfterEnd: 40 };
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const el = await mountBooking({ api, service: 'integration', after: opener.booking.id, 'time-zone': ZONE, lang: 'en-US' }, (e) => {
      e.afterToken = opener.token;
    });
    await windowShown(el);
    const note = $(el, '[part~="window"]')!.textContent!;
    expect(note).to.include('30 to 40 hours');
    const ended = Date.parse(opener.booking.end);
    expect(note).to.include(new Date(ended + 40 * HOUR).toLocaleTimeString('en-US', { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }));
  });

  it('without the opening booking: a calm explanation of how to get there, and no availability asked', async () => {
    const el = await mountBooking({ api: freshApi(), service: 'integration' });
    await until(() => text(el).includes('This session is booked after your Ketamine session.'), 'the explanation');
    expect(text(el)).to.include('Please open the link in the confirmation of your Ketamine session');
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Choose a time');
    expect(network.to('GET', /\/availability$/)).to.have.length(0);
    expect($(el, '[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a wrong token: the link has expired or is not valid', async () => {
    const api = freshApi();
    const opener = await administration(api);
    const el = await mountBooking({ api, service: 'integration', after: opener.booking.id }, (e) => {
      e.afterToken = 'an-old-token-that-no-longer-works';
    });
    await until(() => text(el).includes('This link has expired or is not valid.'), 'the refusal');
    expect(network.to('GET', /\/availability$/)).to.have.length(0);
    expect(recorder.events.map((e) => e.detail)).to.deep.include({ kind: 'unauthorized', code: 'unauthorized' });
    await expect(el).to.be.accessible();
  });

  it('a booking of another service cannot open the window', async () => {
    const api = freshApi();
    const consultation = await bookThroughApi(api, network.realFetch, 'consultation');
    const el = await mountBooking({ api, service: 'integration', after: consultation.booking.id }, (e) => {
      e.afterToken = consultation.accessToken;
    });
    await until(() => text(el).includes("The booking in your link isn't one this session follows."), 'the explanation');
    expect(network.to('GET', /\/availability$/)).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-booking booking> managing a follow-up booking', () => {
  async function integrationBooking(api: string) {
    const opener = await administration(api);
    const ended = Date.parse(opener.booking.end);
    const window = await network.realFetch(
      `${api}availability?${new URLSearchParams({
        service: 'integration',
        from: new Date(ended).toISOString(),
        to: new Date(ended + 50 * HOUR).toISOString(),
        after: opener.booking.id,
      })}`,
      { headers: { Authorization: `Bearer ${opener.token}` } },
    );
    const { slots } = (await window.json()) as { slots: { start: string }[] };
    const created = await bookThroughApi(api, network.realFetch, 'integration', slots[0]!.start);
    return { opener, created };
  }

  it('without the ketamine session it cannot move it, and says whom to ask; cancelling still works', async () => {
    const api = freshApi();
    const { created } = await integrationBooking(api);
    const el = await mountBooking({ api, booking: created.booking.id }, (e) => (e.token = created.accessToken));
    await until(() => $(el, '[data-focus="manage"]'), 'the booking');
    expect(text(el)).to.include('To move this session, please contact the clinic: it has to be 24 to 48 hours after your Ketamine session ends.');
    expect($$(el, 'button').map((b) => b.textContent!.trim())).to.deep.equal(['Cancel appointment']);
    await expect(el).to.be.accessible();
  });

  it('given the ketamine session, moves it within the window only', async () => {
    const api = freshApi();
    const { opener, created } = await integrationBooking(api);
    const el = await mountBooking({ api, booking: created.booking.id, after: opener.booking.id }, (e) => {
      e.token = created.accessToken;
      e.afterToken = opener.token;
    });
    await until(() => $(el, '[data-focus="manage"]') && text(el).includes('Change time'), 'the booking');
    button(el, 'Change time').click();
    await windowShown(el);
    const ended = Date.parse(opener.booking.end);
    const starts = await offeredStarts(el);
    expect(starts.length).to.be.greaterThan(0);
    for (const start of starts) expect(Date.parse(start) - ended).to.be.within(24 * HOUR, 48 * HOUR);
    timeButtons(el).at(-1)!.click();
    await until(() => $(el, '[data-focus="details"]'), 'the check step');
    button(el, 'Move my appointment').click();
    await until(() => $(el, '[data-focus="done"]'), 'moved');
    expect($(el, '[data-focus="done"]')!.textContent!.trim()).to.equal('Your appointment has been moved');
  });
});

// Last: the page remembers a link once read, for every kap element on it.
describe('<kap-booking service="integration"> from a link', () => {
  it('takes the opening booking from the link when `after` is not set, and clears the address bar', async () => {
    const api = freshApi();
    const opener = await administration(api);
    openLink(`booking=${opener.booking.id}&token=${opener.token}`);
    const el = await mountBooking({ api, service: 'integration', 'time-zone': ZONE });
    await windowShown(el);
    expect(location.hash).to.equal('');
    expect(location.href).not.to.include(opener.token);
    expect($(el, '[part~="window"]')).to.exist;
    const ended = Date.parse(opener.booking.end);
    for (const start of await offeredStarts(el)) expect(Date.parse(start) - ended).to.be.within(24 * HOUR, 48 * HOUR);
  });
});
