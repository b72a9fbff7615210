/**
 * `<kap-booking booking>` managing a request the clinic declined with other times (issue 10 §3),
 * against the real reference backend: the decline is made through the staff route by a front-desk
 * account signed in on the server's side. The declined view lists the suggested times in the zone
 * the element shows times in, and choosing one starts a new booking of the service on that day.
 */
import { expect } from '@open-wc/testing';
import { $, bookingTests, focused, freshApi, mountBooking, settle, startOf, text, timeButtons, until } from './support/booking.js';
import { EARLIER_CLIENT, bookThroughApi, bookingOnServer, freeSlots } from './support/manage.js';

const { network } = bookingTests({ client: EARLIER_CLIENT });

async function decline(api: string, bookingId: string, suggestedTimes: string[]): Promise<void> {
  const namespace = api.split('/')[2];
  const response = await network.realFetch(`/api-staff/${namespace}/front-desk/as/staff/bookings/${bookingId}/decline`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason: 'clinician-unavailable', suggestedTimes }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

/** The day and the time of `start` in `timeZone`, as the element says them ("Thursday, March 5" … "10:00 AM"). */
function spoken(start: string, timeZone: string): string[] {
  const date = new Date(start);
  return [
    date.toLocaleDateString('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' }),
    date.toLocaleTimeString('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }),
  ];
}

describe('<kap-booking booking>: a request declined with other times', () => {
  it('lists the times the clinic suggested; choosing one books the service afresh on that day', async () => {
    const api = freshApi();
    const { slots } = await freeSlots(api, network.realFetch, 'administration', 2);
    const created = await bookThroughApi(api, network.realFetch, 'administration', slots[0]!.start);
    // Two later times, two hours apart (a session's length), soonest first.
    const suggested = [slots.at(-5)!.start, slots.at(-1)!.start];
    await decline(api, created.booking.id, suggested);
    expect((await bookingOnServer(api, network.realFetch, created.booking.id, created.accessToken)).suggestedTimes).to.deep.equal(suggested);

    const el = await mountBooking({ api, booking: created.booking.id, 'time-zone': 'Europe/Madrid' }, (element) => {
      element.token = created.accessToken;
    });
    await until(() => text(el).includes('The clinic suggested these other times instead.'), 'the suggested times');
    expect(text(el)).to.include('This appointment has been cancelled.');
    // In the client's zone: the page's `time-zone` here.
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.suggested-times button')];
    expect(buttons).to.have.length(2);
    buttons.forEach((button, index) => {
      for (const part of spoken(suggested[index]!, 'Europe/Madrid')) expect(button.textContent).to.include(part);
    });
    await expect(el).to.be.accessible();

    buttons[1]!.click();
    await until(() => timeButtons(el).length > 0, 'the booking calendar on that day');
    await settle(el);
    expect(timeButtons(el).map(startOf)).to.include(suggested[1]);
    expect(focused(el)?.getAttribute('data-focus')).to.equal('times');
    expect($(el, '[data-focus="manage"]')).to.equal(null);
    // The in-person calendar seen from Madrid: a second clock beside each time, each named by its visible words.
    expect(timeButtons(el)[0]!.querySelector('.time-own')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a decline without suggestions, or a booking not declined, lists none', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch, 'administration');
    await decline(api, created.booking.id, []);
    const el = await mountBooking({ api, booking: created.booking.id }, (element) => {
      element.token = created.accessToken;
    });
    await until(() => text(el).includes('This appointment has been cancelled.'), 'the cancelled booking');
    expect(text(el)).not.to.include('suggested');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });
});
