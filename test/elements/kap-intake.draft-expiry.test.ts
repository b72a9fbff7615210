/**
 * `<kap-intake draft="session">` does not leave an expired draft in sessionStorage until it is next
 * read: a timer removes it at its expiry while the page is open, `pagehide` removes any draft past
 * its expiry, and an element that leaves the page stops its timer. Two hours pass in a fraction of
 * a second: a timer of more than a minute fires after 50 ms, with the page's `Date` moved on by its
 * delay first.
 */
import { expect } from '@open-wc/testing';
import { DRAFT_LIFETIME_MS, draftKey } from '../../src/elements/kap-intake/intake-draft.js';
import { CLIENT, DEMO_FORM, field, freshApi, intakeTests, loaded, mountIntake, type, unmountAll, until } from './support/intake.js';

const KEY = draftKey(DEMO_FORM);
const RealDate = Date;

/** From now on `Date` in this page reads `at`, then runs on from there in real time. */
function setClock(at: number): void {
  const offset = at - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

const realSetTimeout = window.setTimeout;

/** Until the test ends, timers of more than a minute fire after 50 ms, the clock moved on by their delay. */
function fastForwardLongTimers(): void {
  window.setTimeout = ((handler: () => void, delay = 0) =>
    delay > 60_000
      ? realSetTimeout(() => {
          setClock(Date.now() + delay);
          handler();
        }, 50)
      : realSetTimeout(handler, delay)) as typeof window.setTimeout;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pagehide(): void {
  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
}

intakeTests({
  secrets: [CLIENT.name],
  after: () => {
    window.setTimeout = realSetTimeout;
    globalThis.Date = RealDate;
    sessionStorage.clear();
  },
});

describe('<kap-intake draft="session"> and an expired draft', () => {
  it('is removed at its expiry while the page stays open', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    fastForwardLongTimers();
    await type(el, 'full-name', CLIENT.name);
    expect(sessionStorage.getItem(KEY), 'the draft is written').to.include(CLIENT.name);
    await until(() => sessionStorage.getItem(KEY) === null, 'the draft to be removed at its expiry', 3_000);
    expect(field(el, 'full-name').value, 'what is on screen stays').to.equal(CLIENT.name);
  });

  it('a restored draft is removed at its expiry too', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ answers: { 'full-name': CLIENT.name }, page: 'contact', expires: Date.now() + 400 }));
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    expect(field(el, 'full-name').value, 'the draft was restored').to.equal(CLIENT.name);
    await until(() => sessionStorage.getItem(KEY) === null, 'the restored draft to be removed at its expiry', 3_000);
  });

  it('pagehide removes every draft past its expiry and keeps the others', async () => {
    const stale = draftKey('another-form');
    sessionStorage.setItem(stale, JSON.stringify({ answers: { x: 'old' }, page: 'p', expires: Date.now() - 1 }));
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
    fastForwardLongTimers();
    await type(el, 'full-name', CLIENT.name);
    unmountAll();
    await sleep(300);
    expect(sessionStorage.getItem(KEY), 'no timer ran after the element left').to.include(CLIENT.name);
    pagehide();
    expect(sessionStorage.getItem(KEY), 'pagehide keeps a draft not yet expired').to.include(CLIENT.name);
    setClock(Date.now() + DRAFT_LIFETIME_MS);
    pagehide();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });
});
