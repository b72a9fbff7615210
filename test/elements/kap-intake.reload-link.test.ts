/**
 * An intake opened from its link (`#booking=…&token=…`) with `draft="session"` and reloaded mid-way
 * still sends the answers linked to that booking: the element exchanged the link's token for a
 * credential kept for the tab (sessionStorage), which the reload reads — never the link's token
 * itself. (Its own file: the page remembers what it read from the fragment.)
 */
import { expect } from '@open-wc/testing';
import { forgetBookingFragment } from '../../src/base/fragment-token.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { bookSession } from './support/checklist.js';
import { CLIENT, DEMO_FORM, completeDemo, freshApi, heading, intakeTests, loaded, mountIntake, next, unmountAll, until } from './support/intake.js';

const { network, recorder } = intakeTests({ secrets: [CLIENT.name, CLIENT.email, CLIENT.phone] });
const CHECK = 'Check your answers before sending them';

/** "Reloads": the element leaves, the page forgets what it read from the address, a new element is made. */
async function reload(api: string): Promise<KapIntake> {
  unmountAll();
  forgetBookingFragment();
  const again = await mountIntake({ api, form: DEMO_FORM, booking: '', draft: 'session' });
  await loaded(again);
  return again;
}

describe('<kap-intake draft="session"> reloaded mid-way', () => {
  it('answered up to check-your-answers, reloaded, sent: linked to the link’s booking, with the tab’s credential, never the link’s token after the reload', async function () {
    this.timeout(90_000);
    const booked = await bookSession(freshApi(), network.realFetch);
    const page = `${location.pathname}${location.search}`;
    history.replaceState(null, '', `${page}#booking=${encodeURIComponent(booked.bookingId)}&token=${encodeURIComponent(booked.token)}`);

    const el = await mountIntake({ api: booked.api, form: DEMO_FORM, booking: '', draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    await until(() => network.to('POST', /\/booking-access\/exchange$/).length === 1, 'the exchange of the link for a credential');
    // Its answer kept for the tab (src/base/tab-credential.ts) before the page reloads, as a client's reload would follow it.
    await until(() => sessionStorage.getItem('kap-booking-access') !== null, 'the credential kept for the tab');
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const value = sessionStorage.getItem(sessionStorage.key(i)!) ?? '';
      expect(value, 'the link’s token is never stored').not.to.include(booked.token);
    }

    const again = await reload(booked.api);
    expect(again.bookingId, 'the booking survives the reload').to.equal(booked.bookingId);
    if (heading(again) !== CHECK) await next(again);
    await until(() => heading(again) === CHECK, 'check your answers');
    await next(again);
    await until(() => recorder.of('kap-intake-submit').length === 1, 'the submission', 20_000);

    const [request, ...others] = network.to('POST', /\/intake-responses$/);
    expect(others).to.deep.equal([]);
    expect(JSON.parse(request!.body).booking, 'linked to its booking').to.equal(booked.bookingId);
    const authorization = request!.headers.get('Authorization') ?? '';
    expect(authorization).to.match(/^Bearer .+/);
    expect(authorization, 'the tab’s credential, not the link’s token').not.to.include(booked.token);
    for (const sent of network.requests) expect(sent.url).not.to.include(booked.token);
  });
});
