/**
 * `<kap-intake draft="session">` does not leave an expired draft in sessionStorage until it is next
 * read: a timer removes it at its expiry while the page is open, `pagehide` removes any draft past
 * its expiry, and an element that leaves the page stops its timer. Two hours pass at once: the
 * tests move the clock the draft is read and timed by (`src/time/clock.ts`).
 */
import { expect } from '@open-wc/testing';
import { DRAFT_LIFETIME_MS, draftKey } from '../../src/elements/kap-intake/intake-draft.js';
import { installClock, restoreClock, type ManualClock } from '../support/manual-clock.js';
import { CLIENT, DEMO_FORM, field, freshApi, intakeTests, loaded, mountIntake, type, unmountAll } from './support/intake.js';

const KEY = draftKey(DEMO_FORM);

function pagehide(): void {
  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
}

let clock: ManualClock;
beforeEach(() => {
  clock = installClock(Date.now());
});

intakeTests({
  secrets: [CLIENT.name],
  after: () => {
    restoreClock();
    sessionStorage.clear();
  },
});

describe('<kap-intake draft="session"> and an expired draft', () => {
  it('is removed at its expiry while the page stays open', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await type(el, 'full-name', CLIENT.name);
    expect(sessionStorage.getItem(KEY), 'the draft is written').to.include(CLIENT.name);
    clock.advance(DRAFT_LIFETIME_MS - 1);
    expect(sessionStorage.getItem(KEY), 'a millisecond before its expiry').to.include(CLIENT.name);
    clock.advance(1);
    expect(sessionStorage.getItem(KEY), 'at its expiry').to.equal(null);
    expect(field(el, 'full-name').value, 'what is on screen stays').to.equal(CLIENT.name);
  });

  it('a restored draft is removed at its expiry too', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ answers: { 'full-name': CLIENT.name }, page: 'contact', expires: clock.now() + 400 }));
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    expect(field(el, 'full-name').value, 'the draft was restored').to.equal(CLIENT.name);
    clock.advance(399);
    expect(sessionStorage.getItem(KEY), 'before its expiry').not.to.equal(null);
    clock.advance(1);
    expect(sessionStorage.getItem(KEY), 'the restored draft is removed at its expiry').to.equal(null);
  });

  it('pagehide removes every draft past its expiry and keeps the others', async () => {
    const stale = draftKey('another-form');
    sessionStorage.setItem(stale, JSON.stringify({ answers: { x: 'old' }, page: 'p', expires: clock.now() - 1 }));
    sessionStorage.setItem('not-a-draft', JSON.stringify({ expires: 0 }));
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await type(el, 'full-name', CLIENT.name);
    pagehide();
    expect(sessionStorage.getItem(stale), 'the expired draft is gone').to.equal(null);
    expect(sessionStorage.getItem(KEY), 'the live draft stays').to.include(CLIENT.name);
    expect(sessionStorage.getItem('not-a-draft'), 'storage that is not a draft is left alone').not.to.equal(null);
  });

  it('an element that left the page stops its timer; pagehide still removes its expired draft', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await type(el, 'full-name', CLIENT.name);
    expect(clock.pending, 'the expiry timer runs while the element is on the page').to.equal(1);
    unmountAll();
    pagehide();
    expect(sessionStorage.getItem(KEY), 'pagehide keeps a draft not yet expired').to.include(CLIENT.name);
    clock.advance(DRAFT_LIFETIME_MS);
    expect(sessionStorage.getItem(KEY), 'no timer ran after the element left').to.include(CLIENT.name);
    pagehide();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });
});
