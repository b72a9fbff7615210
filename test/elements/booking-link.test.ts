/**
 * One rule for the booking and token of every element (`src/base/booking-link.ts`): the page's
 * own id and token first; the link's booking (`#booking=…&token=…`) stands in for a missing id,
 * and the link's token is used only for the booking the link names. With `booking="A"` and a link
 * to booking B, no element sends B's token for A. (Its own file: the page remembers what it read
 * from the fragment.)
 */
import { expect } from '@open-wc/testing';
import { resolveBookingLink } from '../../src/base/booking-link.js';
import { mountBooking } from './support/booking.js';
import { bookSession, mountChecklist } from './support/checklist.js';
import { $, elementTests, freshApi, settle, text, until } from './support/harness.js';
import { DEMO_FORM, completeDemo, loaded, mountIntake, next } from './support/intake.js';
import { START_ADDRESS, openLink } from './support/manage.js';

const { network, recorder } = elementTests({
  events: ['kap-error', 'kap-intake-submit'],
  after: () => history.replaceState(null, '', START_ADDRESS),
});

describe('resolveBookingLink', () => {
  it('takes the page’s id and token first', () => {
    expect(resolveBookingLink('A', 'tA', { booking: 'B', token: 'tB' })).to.deep.equal({ bookingId: 'A', token: 'tA' });
  });

  it('takes the link’s token only for the booking the link names, or when it names none', () => {
    expect(resolveBookingLink('A', undefined, { booking: 'B', token: 'tB' })).to.deep.equal({ bookingId: 'A' });
    expect(resolveBookingLink('A', undefined, { booking: 'A', token: 'tA' })).to.deep.equal({ bookingId: 'A', token: 'tA' });
    expect(resolveBookingLink('A', undefined, { token: 't' })).to.deep.equal({ bookingId: 'A', token: 't' });
  });

  it('takes the link’s booking for a missing or blank id', () => {
    expect(resolveBookingLink(null, undefined, { booking: 'B', token: 'tB' })).to.deep.equal({ bookingId: 'B', token: 'tB' });
    expect(resolveBookingLink('  ', undefined, { booking: 'B', token: 'tB' })).to.deep.equal({ bookingId: 'B', token: 'tB' });
    expect(resolveBookingLink(null, 'mine', { booking: 'B', token: 'tB' })).to.deep.equal({ bookingId: 'B', token: 'mine' });
    expect(resolveBookingLink(undefined, undefined, undefined)).to.deep.equal({});
  });
});

describe('booking="A" on a page opened with a link to booking B', () => {
  async function twoBookings() {
    const api = freshApi();
    const mine = await bookSession(api, network.realFetch);
    const other = await bookSession(api, network.realFetch);
    openLink(`booking=${encodeURIComponent(other.bookingId)}&token=${encodeURIComponent(other.token)}`);
    return { api, mine, other };
  }

  function expectTokenNeverSent(token: string): void {
    for (const request of network.requests) {
      expect(request.headers.get('Authorization') ?? '', request.url).not.to.include(token);
      expect(request.url).not.to.include(token);
    }
  }

  it('<kap-prep-checklist> asks for the link instead of sending B’s token for A', async () => {
    const { api, mine, other } = await twoBookings();
    const el = await mountChecklist({ api, booking: mine.bookingId });
    await settle(el);
    expect(location.hash, 'taken out of the address bar all the same').to.equal('');
    expect(el.bookingId).to.equal(mine.bookingId);
    expect(text(el)).to.include('Open the link from your email');
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'unauthorized', code: 'missing_token' }]);
    expect(network.requests.filter((request) => request.url.includes('/bookings/'))).to.deep.equal([]);
    expectTokenNeverSent(other.token);
    await expect(el).to.be.accessible();
  });

  it('<kap-intake> links its answers to A without B’s token', async function () {
    this.timeout(60_000);
    const { api, mine, other } = await twoBookings();
    const el = await mountIntake({ api, form: DEMO_FORM, booking: mine.bookingId });
    expect(location.hash).to.equal('');
    expect(el.bookingId).to.equal(mine.bookingId);
    await loaded(el);
    await completeDemo(el);
    await next(el);
    await until(() => network.to('POST', /\/intake-responses$/).length > 0, 'the submission', 20_000);
    const [request] = network.to('POST', /\/intake-responses$/);
    expect(JSON.parse(request!.body).booking).to.equal(mine.bookingId);
    expect(request!.headers.get('Authorization')).to.equal(null);
    expectTokenNeverSent(other.token);
  });

  it('<kap-booking booking="A"> asks for the link instead of managing with B’s token', async () => {
    const { api, mine, other } = await twoBookings();
    const el = await mountBooking({ api, booking: mine.bookingId });
    await settle(el);
    expect(location.hash, 'the link leaves the address bar at once').to.equal('');
    await until(() => text(el).includes('Open the link in your confirmation'), 'the request for the link');
    expect($(el, '[data-focus="manage"]')).to.equal(null);
    expect(network.requests.filter((request) => request.url.includes('/bookings/'))).to.deep.equal([]);
    expectTokenNeverSent(other.token);
  });
});
