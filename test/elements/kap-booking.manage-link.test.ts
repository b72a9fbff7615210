/**
 * `manage-url`: the confirmation (and its `.ics`) links to the clinic's manage page with the
 * booking id and token in the fragment, never the query; following that link manages the booking.
 */
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import { $, CLIENT, bookingTests, chooseFirstTime, confirmButton, confirmed, fillDetails, freshApi, mountBooking, text, until } from './support/booking.js';
import { START_ADDRESS, openLink } from './support/manage.js';

const { network, recorder } = bookingTests({ after: () => history.replaceState(null, '', START_ADDRESS) });

async function book(el: KapBooking): Promise<void> {
  await chooseFirstTime(el);
  await fillDetails(el, CLIENT);
  confirmButton(el).click();
  await confirmed(el);
}

/** The first VEVENT of the confirmation's calendar file, parsed back with ical.js. */
async function calendarEvent(el: KapBooking): Promise<InstanceType<typeof ICAL.Component>> {
  const href = $<HTMLAnchorElement>(el, 'a[download]')!.href;
  const ics = await (await network.realFetch(href)).text();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getFirstSubcomponent('vevent')!;
}

describe('<kap-booking manage-url>', () => {
  it('links the confirmation and its .ics to <manage-url>#booking=…&token=…, the token never in the query', async () => {
    const api = freshApi();
    const el = await mountBooking({ api, 'manage-url': '/clinic/manage.html?from=confirmation' });
    await book(el);
    const bookingId = recorder.events.find((e) => e.type === 'kap-booking-confirm')!.detail.bookingId as string;
    const token = el.accessToken!;

    const link = $<HTMLAnchorElement>(el, 'a[part~="manage-link"]')!;
    expect(link.textContent!.trim()).to.equal('Change or cancel this appointment');
    const url = new URL(link.href);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/clinic/manage.html');
    expect(url.search, 'the page’s own query, untouched').to.equal('?from=confirmation');
    expect(Object.fromEntries(new URLSearchParams(url.hash.slice(1)))).to.deep.equal({ booking: bookingId, token });
    expect(text(el)).to.include('This link opens your booking, so please keep it to yourself.');
    await expect(el).to.be.accessible();

    const event = await calendarEvent(el);
    expect(event.getFirstPropertyValue('url')).to.equal(link.href);
    const description = String(event.getFirstPropertyValue('description'));
    expect(description).to.include(link.href);
    expect(description).to.match(/^Booked online\. To change or cancel it, use this private link/);
    expect(String(event.getFirstPropertyValue('uid'))).to.match(new RegExp(`^${bookingId}@`));
  });

  it('without manage-url: no link, and the .ics carries neither a URL nor the token', async () => {
    const el = await mountBooking({ api: freshApi() });
    await book(el);
    expect($(el, '[part~="manage-link"]')).to.equal(null);
    const event = await calendarEvent(el);
    expect(event.getFirstPropertyValue('url')).to.equal(null);
    expect(String(event.getFirstPropertyValue('description'))).to.equal('Booked online. Contact the clinic if you need to change or cancel it.');
    const ics = await (await network.realFetch($<HTMLAnchorElement>(el, 'a[download]')!.href)).text();
    expect(ics).not.to.include(el.accessToken!);
  });

  for (const unsafe of ['http://clinic.example/manage', 'javascript:alert(1)', 'https://user:pw@clinic.example/manage']) {
    it(`refuses manage-url="${unsafe}": reported once, no link, booking still works`, async () => {
      const el = await mountBooking({ api: freshApi(), 'manage-url': unsafe });
      await book(el);
      expect($(el, '[part~="manage-link"]')).to.equal(null);
      const reports = recorder.events.filter((e) => e.type === 'kap-error' && e.detail.code === 'invalid_manage_url');
      expect(reports.map((e) => e.detail)).to.deep.equal([{ kind: 'configuration', code: 'invalid_manage_url' }]);
      expect(String((await calendarEvent(el)).getFirstPropertyValue('description'))).not.to.include('http');
    });
  }

  it('following the link: a <kap-booking booking> on the manage page opens the booking', async () => {
    const api = freshApi();
    const booker = await mountBooking({ api, 'manage-url': '/clinic/manage.html' });
    await book(booker);
    const link = new URL($<HTMLAnchorElement>(booker, 'a[part~="manage-link"]')!.href);
    openLink(link.hash.slice(1));
    const manager = await mountBooking({ api, booking: '' });
    expect(location.hash).to.equal('');
    await until(() => $(manager, '[data-focus="manage"]'), 'the managed booking');
    expect(text(manager)).to.include('Initial consultation');
    expect(text(manager)).to.include('Confirmed');
  });
});
