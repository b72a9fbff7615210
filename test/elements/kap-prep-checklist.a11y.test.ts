/**
 * `<kap-prep-checklist>` as a keyboard or screen-reader user meets it: focus that stays with the
 * item when its "Try again" goes, never on `<body>`, through every reload; headings at the host
 * page's level; and what lasts until after the session reading "Until …", not as a deadline.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeRule, watchFocus } from './support/harness.js';
import { $, $$, bookSession, checkbox, checklistTests, freshApi, item, loaded, mountForSession, mountStatic, text, until } from './support/checklist.js';
import { errorAnswer } from './support/network.js';

const { network, recorder } = checklistTests();

describe('<kap-prep-checklist> focus never falls to the page when a control goes', () => {
  it('"Try again" after a failed save: focus moves to the item’s checkbox, where it stays once the save succeeds', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    const el = await mountForSession(booked);
    await loaded(el);
    network.fail('PUT', /\/checklist\/stop-eating$/, errorAnswer(418, 'teapot'), 1);
    checkbox(el, 'stop-eating').focus();
    await sendKeys({ press: 'Space' });
    await until(() => item(el, 'stop-eating').querySelector('[role="alert"] button'), 'the failure');

    item(el, 'stop-eating').querySelector<HTMLButtonElement>('[role="alert"] button')!.focus();
    const watch = watchFocus();
    await sendKeys({ press: 'Enter' });
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the retried save');
    await el.updateComplete;
    watch.stop();
    expect(watch.lost(), 'moments focus sat on <body>').to.equal(0);
    expect(el.shadowRoot!.activeElement === checkbox(el, 'stop-eating'), 'focus on the item’s checkbox').to.equal(true);
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    // And the keyboard carries on from there: Space unticks it.
    await sendKeys({ press: 'Space' });
    await until(() => recorder.of('kap-checklist-change').length === 2, 'the untick saved');
    expect(checkbox(el, 'stop-eating').checked).to.equal(false);
  });

  it('"Try again" after the checklist failed to load: focus waits on the loading message, then the checklist’s heading', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    network.fail('GET', /\/checklist$/, errorAnswer(418, 'teapot'), 1);
    const el = await mountForSession(booked);
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    $<HTMLButtonElement>(el, '[role="alert"] button')!.focus();
    const watch = watchFocus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement === $(el, '[part~="heading"]'), 'focus on the heading');
    watch.stop();
    expect(watch.lost()).to.equal(0);
    expect(text($(el, '[part~="heading"]')!)).to.equal('Preparing for your session');
  });

  it('a booking cancelled meanwhile: the refused save says the link no longer works, and focus stays on the checkbox', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    const el = await mountForSession(booked);
    await loaded(el);
    const cancelled = await network.realFetch(`${booked.api}bookings/${booked.bookingId}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${booked.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: '{}',
    });
    expect(cancelled.status).to.equal(200);
    checkbox(el, 'stop-eating').focus();
    const watch = watchFocus();
    await sendKeys({ press: 'Space' });
    await until(() => text(el).includes('It may have expired or been replaced.'), 'the refusal');
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'stop-eating'));
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });
});

describe('<kap-prep-checklist> headings follow the host page', () => {
  it('under the page’s h1: h2, then its groups and "Due now or soon" h3; heading-level="3" makes them h3 and h4', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    const el = await mountForSession(booked);
    await loaded(el);
    expect($(el, '[part~="heading"]')!.tagName).to.equal('H2');
    expect(new Set($$(el, '.group-heading').map((h) => h.tagName))).to.deep.equal(new Set(['H3']));
    const order = await axeRule(el, 'heading-order');
    expect(order.ran).to.equal(true);
    expect(order.violations).to.deep.equal([]);

    const nested = await mountForSession(booked, { 'heading-level': '3' });
    await loaded(nested);
    expect($(nested, '[part~="heading"]')!.tagName).to.equal('H3');
    expect(new Set($$(nested, '.group-heading').map((h) => h.tagName))).to.deep.equal(new Set(['H4']));
  });
});

describe('<kap-prep-checklist> what lasts until after the session', () => {
  it('reads "Until …", and what is due before it "By …"', async () => {
    const el = await mountStatic(
      {
        sessionStart: '2099-03-05T15:00:00Z',
        checklist: {
          items: [
            { id: 'stop-eating', text: 'Stop eating', group: 'On the day', dueOffsetMinutes: -240 },
            { id: 'no-driving', text: 'No driving until the next day', group: 'After your session', dueOffsetMinutes: 1440 },
          ],
        },
      },
      { 'time-zone': 'America/New_York', lang: 'en-US' },
    );
    await loaded(el);
    expect(text(item(el, 'stop-eating').querySelector('.due')!)).to.equal('By 6:00 AM on Thursday, March 5, 2099');
    expect(text(item(el, 'no-driving').querySelector('.due')!)).to.equal('Until 10:00 AM on Friday, March 6, 2099');
    await expect(el).to.be.accessible();
  });
});
