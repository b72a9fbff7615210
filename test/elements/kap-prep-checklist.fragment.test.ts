/**
 * The link in the confirmation email carries `#booking=…&token=…`: `<kap-prep-checklist>` reads
 * them, takes them out of the address bar at once, and keeps the token in memory only. (Its own
 * file: the page remembers what it read, which would leak into other tests' "no token" cases.)
 */
import { expect } from '@open-wc/testing';
import { bookSession, checkbox, checklistTests, freshApi, loaded, mountChecklist, serverStates, until } from './support/checklist.js';

const { network, recorder } = checklistTests();

describe('<kap-prep-checklist> with the booking and token in the page address', () => {
  it('loads with them, removes them from the address bar (keeping the rest), and never puts the token in a URL', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    const page = `${location.pathname}${location.search}`;
    history.replaceState(null, '', `${page}#booking=${encodeURIComponent(booked.bookingId)}&token=${encodeURIComponent(booked.token)}&step=prepare`);
    const historyLength = history.length;

    const el = await mountChecklist({ api: booked.api });
    // Gone from the address bar before anything was fetched, without a new history entry.
    expect(location.hash).to.equal('#step=prepare');
    expect(location.href).not.to.include(booked.token);
    expect(`${location.pathname}${location.search}`).to.equal(page);
    expect(history.length).to.equal(historyLength);
    expect(el.bookingId).to.equal(booked.bookingId);

    await loaded(el);
    const request = network.to('GET', /\/checklist$/)[0]!;
    expect(request.headers.get('Authorization')).to.equal(`Bearer ${booked.token}`);
    for (const sent of network.requests) expect(sent.url).not.to.include(booked.token);
    expect(el.getAttribute('booking'), 'nothing is written back to attributes').to.equal(null);
    expect(el.outerHTML).not.to.include(booked.token);
    expect(localStorage.length).to.equal(0);
    // Only the tab's credential, which the link's token was exchanged for (src/base/tab-credential.ts).
    await until(() => sessionStorage.length === 1, 'the tab’s credential');
    expect(sessionStorage.key(0)).to.equal('kap-booking-access');
    const kept = JSON.parse(sessionStorage.getItem('kap-booking-access')!);
    expect(Object.keys(kept).sort()).to.deep.equal(['booking', 'credential', 'expiresAt']);
    expect(kept.booking).to.equal(booked.bookingId);
    expect(kept.credential).not.to.equal(booked.token);
    await expect(el).to.be.accessible();

    checkbox(el, 'stop-eating').click();
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the save');
    expect((await serverStates(booked, network.realFetch))['stop-eating']).to.equal(true);

    // A second element on the same page (mounted after the address was cleaned) still opens the booking.
    const second = await mountChecklist({ api: booked.api });
    await loaded(second);
    expect(checkbox(second, 'stop-eating').checked).to.equal(true);
    expect(recorder.of('kap-error')).to.deep.equal([]);
  });
});
