/**
 * `<kap-prep-checklist>` never ends up contradicting the server. Offline mid-save: the tick is
 * saved, its answer lost, and the follow-up check fails too — the screen says "not done" while
 * the database says done. The element keeps asking (with backoff), asks at once when the browser
 * is back online or the page is shown again, says calmly that it is checking, and ends showing
 * what the server holds. The real backend stores the ticks; only the network faults are faked.
 */
import { expect } from '@open-wc/testing';
import { bookSession, checkbox, checklistTests, freshApi, item, loaded, mountForSession, serverStates, text, until } from './support/checklist.js';
import { loseAnswerAfterCommit, offline } from './support/network.js';

const { network, recorder } = checklistTests();

const CHECKLIST = /\/checklist$/;
const CHECKING = 'Checking with the clinic which of your ticks are saved…';
const CHECKED = 'Checked with the clinic: the list shows what is saved.';

function checks(): number {
  return network.to('GET', CHECKLIST).length;
}

/** Ticks `stop-eating` with the save committed but every answer lost, and the follow-up check failing. */
async function tickAndLoseTheAnswer(checkTimes: number) {
  const booked = await bookSession(freshApi(), network.realFetch);
  const el = await mountForSession(booked);
  await loaded(el);
  network.fail('PUT', /\/checklist\//, loseAnswerAfterCommit([]));
  network.fail('GET', CHECKLIST, offline, checkTimes);
  checkbox(el, 'stop-eating').click();
  await until(() => item(el, 'stop-eating').querySelector('[role="alert"]'), 'the failure', 15_000);
  return { booked, el };
}

describe('<kap-prep-checklist> after a save whose answer was lost', () => {
  it('back online: it checks at once, and the screen ends up showing what the server saved', async () => {
    const { booked, el } = await tickAndLoseTheAnswer(4);
    await until(() => checks() === 5, 'the follow-up check to fail', 15_000);
    expect(text(el)).to.include(CHECKING);
    expect((await serverStates(booked, network.realFetch))['stop-eating'], 'saved on the server').to.equal(true);
    expect(checkbox(el, 'stop-eating').checked, 'while the screen still says not done').to.equal(false);
    await expect(el).to.be.accessible();

    window.dispatchEvent(new Event('online'));
    expect(checks(), 'asked at once, not after the next wait').to.equal(6);
    await until(() => checkbox(el, 'stop-eating').checked, 'the tick the server holds');
    expect(item(el, 'stop-eating').querySelector('[role="alert"]'), 'no failure left').to.equal(null);
    await until(() => text(el).includes(CHECKED), 'the calm "checked"');
    expect(el.shadowRoot!.querySelector('.sync-status')!.getAttribute('role')).to.equal('status');
    expect(recorder.of('kap-checklist-change')).to.deep.equal([{ bookingId: booked.bookingId, itemId: 'stop-eating', done: true, doneCount: 1, total: 11 }]);
    await expect(el).to.be.accessible();
  });

  it('the page shown again (visibilitychange): it checks at once', async () => {
    const { el } = await tickAndLoseTheAnswer(4);
    await until(() => checks() === 5, 'the follow-up check to fail', 15_000);
    // As when the tab is brought back (the test page itself may be in a background tab).
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(checks()).to.equal(6);
    await until(() => checkbox(el, 'stop-eating').checked, 'the tick the server holds');
  });

  it('with no event at all, the check is tried again after a wait until it answers', async function () {
    this.timeout(40_000);
    const { el } = await tickAndLoseTheAnswer(4);
    await until(() => checks() === 5, 'the follow-up check to fail', 15_000);
    await until(() => checkbox(el, 'stop-eating').checked, 'the tick the server holds, after the wait', 20_000);
    expect(checks()).to.equal(6);
    expect(text(el)).to.include(CHECKED);
  });

  it('a check that answers at once shows nothing about checking beyond "checked", and other items are untouched', async () => {
    const booked = await bookSession(freshApi(), network.realFetch);
    const el = await mountForSession(booked);
    await loaded(el);
    network.fail('PUT', /\/checklist\//, loseAnswerAfterCommit([]));
    checkbox(el, 'stop-eating').click();
    await until(() => checkbox(el, 'stop-eating').checked && checks() === 2 && text(el).includes(CHECKED), 'reconciled');
    expect(checkbox(el, 'arrange-ride-home').checked).to.equal(false);
    // A new tick clears the note: it spoke of the last check only.
    network.clearFaults();
    checkbox(el, 'arrange-ride-home').click();
    await until(() => !text(el).includes(CHECKED), 'the note cleared');
  });
});
