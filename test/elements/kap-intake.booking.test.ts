/**
 * The link after booking opens the intake with `#booking=…&token=…`: `<kap-intake>` takes both from
 * the address (and out of the address bar), links the answers to that booking and sends its token
 * only in the `Authorization` header; the real backend accepts the link only with that token.
 * (Its own file: the page remembers what it read from the fragment.)
 */
import { expect } from '@open-wc/testing';
import { bookSession } from './support/checklist.js';
import { CLIENT, DEMO_FORM, completeDemo, freshApi, heading, intakeTests, loaded, mountIntake, next, until } from './support/intake.js';

const { network, recorder } = intakeTests({ secrets: [CLIENT.name, CLIENT.email, CLIENT.phone] });

describe('<kap-intake> linked to a booking through the page address', () => {
  it('sends the booking’s token as the bearer token, and the server stores the link', async function () {
    this.timeout(60_000);
    const booked = await bookSession(freshApi(), network.realFetch);
    const page = `${location.pathname}${location.search}`;
    history.replaceState(null, '', `${page}#booking=${encodeURIComponent(booked.bookingId)}&token=${encodeURIComponent(booked.token)}`);

    const el = await mountIntake({ api: booked.api, form: DEMO_FORM, booking: '' });
    expect(location.hash, 'taken out of the address bar at once').to.equal('');
    expect(location.href).not.to.include(booked.token);
    expect(el.bookingId).to.equal(booked.bookingId);
    await loaded(el);
    await completeDemo(el);
    await next(el);
    await until(() => recorder.of('kap-intake-submit').length === 1, 'the submission', 20_000);
    expect(heading(el)).to.equal('Thank you, your answers have been sent');

    const [request, ...others] = network.to('POST', /\/intake-responses$/);
    expect(others).to.deep.equal([]);
    expect(request!.headers.get('Authorization')).to.equal(`Bearer ${booked.token}`);
    expect(JSON.parse(request!.body).booking).to.equal(booked.bookingId);
    for (const sent of network.requests) expect(sent.url).not.to.include(booked.token);
    expect(recorder.of('kap-error')).to.deep.equal([]);

    // The 201 for this booking rested on its token: the same body without it is refused.
    const refused = await network.realFetch(`${booked.api}intake-responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: request!.body,
    });
    expect(refused.status).to.equal(401);
  });
});
