/**
 * Every failure `<kap-prep-checklist>` can meet has a designed state: calm words, a way on where
 * there is one, a `kap-error` with ids only, and a screen that never silently disagrees with the
 * server. The real backend answers 401s and cancelled bookings; the network is faked only for
 * faults a server cannot produce on demand.
 */
import { expect } from '@open-wc/testing';
import '../../src/es.js';
import {
  $,
  bookSession,
  button,
  checkbox,
  checklistTests,
  freshApi,
  item,
  loaded,
  mountChecklist,
  mountForSession,
  serverStates,
  text,
  until,
  type BookedSession,
} from './support/checklist.js';
import { answer, errorAnswer, hang, loseAnswerAfterCommit, offline } from './support/network.js';

const { network, recorder } = checklistTests();

async function session(): Promise<BookedSession> {
  return bookSession(freshApi(), network.realFetch);
}

function errors(): unknown[] {
  return recorder.of('kap-error');
}

describe('<kap-prep-checklist> when a save fails', () => {
  it('puts the item back, says so with a Retry, and Retry saves it', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    network.fail('PUT', /\/checklist\//, errorAnswer(500, 'internal_error'));

    checkbox(el, 'stop-eating').click();
    await el.updateComplete;
    expect(checkbox(el, 'stop-eating').checked, 'ticked at once').to.equal(true);
    await until(() => item(el, 'stop-eating').querySelector('[role="alert"]'), 'the failure message', 15_000);
    // Back to what the server holds, and the client is told which item and why.
    expect(checkbox(el, 'stop-eating').checked).to.equal(false);
    const alert = item(el, 'stop-eating').querySelector('[role="alert"]')!;
    expect(text(alert)).to.include("We couldn't save “Stop eating 4 hours before your session” as done, so it is shown as not done.");
    expect(text(alert)).to.include('Something went wrong at the clinic');
    expect(text($(el, '[part~="progress"]')!)).to.match(/^0 of \d+ done$/);
    expect(errors()).to.deep.equal([{ kind: 'server', code: 'internal_error' }]);
    expect(recorder.of('kap-checklist-change')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    expect((await serverStates(booked, network.realFetch))['stop-eating']).to.equal(false);

    network.clearFaults();
    button(el, 'Try again', item(el, 'stop-eating')).click();
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the retried save');
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    expect(item(el, 'stop-eating').querySelector('[role="alert"]')).to.equal(null);
    expect((await serverStates(booked, network.realFetch))['stop-eating']).to.equal(true);
  });

  it('offline: unticking that fails shows the item still done, and the other items are untouched', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    checkbox(el, 'stop-eating').click();
    checkbox(el, 'arrange-ride-home').click();
    await until(() => recorder.of('kap-checklist-change').length === 2, 'both saved');

    network.fail('PUT', /\/checklist\/stop-eating$/, offline);
    checkbox(el, 'stop-eating').click();
    await until(() => item(el, 'stop-eating').querySelector('[role="alert"]'), 'the failure message', 15_000);
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    expect(text(item(el, 'stop-eating'))).to.include('as not done, so it is still shown as done');
    expect(text(item(el, 'stop-eating'))).to.include("We couldn't reach the clinic");
    expect(checkbox(el, 'arrange-ride-home').checked).to.equal(true);
    expect(item(el, 'arrange-ride-home').querySelector('[role="alert"]')).to.equal(null);
    expect(errors()).to.deep.equal([{ kind: 'network' }]);
  });

  it('a save whose answer was lost is checked with the server, and not shown as failed when it was saved', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    network.fail('PUT', /\/checklist\//, loseAnswerAfterCommit([]));
    checkbox(el, 'stop-eating').click();
    await until(() => network.to('GET', /\/checklist$/).length === 2, 'the check with the server', 15_000);
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the reconciled change');
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    expect(item(el, 'stop-eating').querySelector('[role="alert"]')).to.equal(null);
    expect(recorder.of('kap-checklist-change')).to.deep.equal([{ bookingId: booked.bookingId, itemId: 'stop-eating', done: true, doneCount: 1, total: 11 }]);
  });

  it('a failed save untangled by the client’s own next tick shows no failure', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    let fail!: () => void;
    network.fail('PUT', /\/checklist\//, () => new Promise<Response>((_, reject) => (fail = () => reject(new TypeError('Failed to fetch')))));
    checkbox(el, 'stop-eating').click();
    await until(() => fail, 'the save to be on its way');
    // The client changes their mind before the save fails: what they see is what the server holds.
    checkbox(el, 'stop-eating').click();
    network.clearFaults();
    network.fail('PUT', /\/checklist\//, errorAnswer(400, 'validation_failed'));
    fail();
    await until(() => !item(el, 'stop-eating').textContent!.includes('Saving…'), 'the save to end');
    expect(checkbox(el, 'stop-eating').checked).to.equal(false);
    expect(item(el, 'stop-eating').querySelector('[role="alert"]')).to.equal(null);
  });

  it('whatever ticks, failures and quick changes of mind come, each box shows what the element shows as done', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const boxes = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const shownDone = (id: string) => (el as unknown as { sync: { shownDone(id: string): boolean } }).sync.shownDone(id);
    // A fixed walk (Park and Miller's generator), so a failure replays the same.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647), seed % n);
    const ids = boxes().map((box) => box.name);
    for (let step = 0; step < 24; step++) {
      network.clearFaults();
      if (next(3) === 0) network.fail('PUT', /\/checklist\//, errorAnswer(400, 'validation_failed'));
      const id = ids[next(Math.min(3, ids.length))]!;
      checkbox(el, id).click();
      // Sometimes a second click before the first save is answered.
      if (next(4) === 0) checkbox(el, id).click();
      await until(() => !el.shadowRoot!.textContent!.includes('Saving…'), 'the saves to end', 15_000);
      await el.updateComplete;
      for (const box of boxes()) expect(box.checked, `step ${step}: ${box.name}`).to.equal(shownDone(box.name));
    }
    expect(errors().length, 'some saves failed along the way').to.be.greaterThan(0);
  });

  it('says so when the link stopped working while the checklist was open (401 on save)', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    network.fail('PUT', /\/checklist\//, errorAnswer(401, 'unauthorized'));
    checkbox(el, 'stop-eating').click();
    await until(() => item(el, 'stop-eating').querySelector('[role="alert"]'), 'the failure message');
    expect(checkbox(el, 'stop-eating').checked).to.equal(false);
    expect(text(item(el, 'stop-eating'))).to.include('It may have expired or been replaced.');
    expect(errors()).to.deep.equal([{ kind: 'unauthorized', code: 'unauthorized' }]);
  });

  it('a booking cancelled meanwhile: its link opens it no more, so the save is refused and the element says the link no longer works', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const cancelled = await network.realFetch(`${booked.api}bookings/${booked.bookingId}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${booked.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: '{}',
    });
    expect(cancelled.status).to.equal(200);
    checkbox(el, 'stop-eating').click();
    await until(() => text(el).includes('It may have expired or been replaced.'), 'the refusal');
    expect($(el, '[role="alert"]')).not.to.equal(null);
  });
});

describe('<kap-prep-checklist> when it cannot load', () => {
  it('without a token, asks the client to open the link from their email', async () => {
    const booked = await session();
    const el = await mountChecklist({ api: booked.api, booking: booked.bookingId });
    expect(text(el)).to.include('Open the link from your email');
    expect(text(el)).to.include('To see your checklist, open the link in your confirmation email.');
    expect(errors()).to.deep.equal([{ kind: 'unauthorized', code: 'missing_token' }]);
    expect(network.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('with a wrong (or expired) token, says the link no longer works', async () => {
    const booked = await session();
    const el = await mountChecklist({ api: booked.api, booking: booked.bookingId }, (element) => {
      element.token = `${booked.token.slice(0, -2)}${booked.token.endsWith('zz') ? 'yy' : 'zz'}`;
    });
    await until(() => text(el).includes('This link no longer works'), 'the expired-link message');
    expect(text(el)).to.include('Open the link in your most recent email from the clinic');
    expect(errors()).to.deep.equal([{ kind: 'unauthorized', code: 'unauthorized' }]);
    expect(() => button(el, 'Try again')).to.throw();
    await expect(el).to.be.accessible();
  });

  it('for an unknown booking (404 from a backend that tells), says it could not find it', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, errorAnswer(404, 'not_found'));
    const el = await mountForSession(booked);
    await until(() => text(el).includes("We couldn't find this booking"), 'the not-found message');
    expect(errors()).to.deep.equal([{ kind: 'not_found', code: 'not_found' }]);
    await expect(el).to.be.accessible();
  });

  it('offline: says so with a Retry, which loads the checklist', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, offline);
    const el = await mountForSession(booked);
    await until(() => text(el).includes("We couldn't load your checklist."), 'the failure', 15_000);
    expect(text(el)).to.include("We couldn't reach the clinic");
    expect($(el, '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    network.clearFaults();
    button(el, 'Try again').click();
    await loaded(el);
  });

  it('slow to load: says it is still trying after a few seconds, then shows the checklist', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, hang, 1);
    const el = await mountForSession(booked, { 'request-timeout': '600' });
    await until(() => text(el).includes('Loading your checklist… This is taking longer than usual. Still trying…'), 'the note', 5_000);
    await loaded(el);
  });

  it('when the clinic takes too long, says so (timeout)', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, hang);
    const el = await mountForSession(booked, { 'request-timeout': '150' });
    await until(() => text(el).includes('taking too long'), 'the timeout message', 15_000);
    expect(errors()).to.deep.equal([{ kind: 'timeout' }]);
  });

  it('when the backend answers something that is not the contract, says it could not read it', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, answer(200, { items: 'soon' }));
    const el = await mountForSession(booked);
    await until(() => text(el).includes("sent an answer we couldn't read"), 'the bad-response message');
    expect(errors()).to.deep.equal([{ kind: 'bad_response' }]);
    await expect(el).to.be.accessible();
  });

  it('with an unusable api, shows the set-up problem and sends nothing', async () => {
    const el = await mountChecklist({ api: 'http://clinic.example/kap/', booking: 'bk_1' }, (element) => {
      element.token = 't'.repeat(43);
    });
    // Shown from the first render; in the website team's words once they (a chunk) arrive.
    expect($(el, '[part~="problem"]')).to.exist;
    await until(() => text(el).includes('plain http:'), 'the website team’s words');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_api' }]);
    expect(network.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('for a cancelled booking, its link no longer works (server/booking-access.ts): says so instead of listing what to prepare', async () => {
    const booked = await session();
    await network.realFetch(`${booked.api}bookings/${booked.bookingId}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${booked.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: '{}',
    });
    const el = await mountForSession(booked);
    await until(() => text(el).includes('This link no longer works'), 'the refusal');
    // No item to tick; the one field is "Email me my links"'s.
    expect($(el, 'input[type="checkbox"]') === null, 'no checklist item').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish in its failure states too', async () => {
    const booked = await session();
    const el = await mountChecklist({ api: booked.api, booking: booked.bookingId, lang: 'es' }, (element) => {
      element.token = `${booked.token.slice(0, -2)}${booked.token.endsWith('zz') ? 'yy' : 'zz'}`;
    });
    await until(() => text(el).includes('Este enlace ya no funciona'), 'the Spanish message');
  });
});
