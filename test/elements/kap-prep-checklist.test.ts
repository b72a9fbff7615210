/**
 * `<kap-prep-checklist>` against the real reference backend: a booking made through the API, its
 * checklist loaded, ticked (at once, then saved), reloaded, and checked with axe in each state.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/kap-default.js';
import { dueAt } from '../../src/checklist/due.js';
import {
  $,
  $$,
  CLIENT,
  bookSession,
  checkbox,
  checklistTests,
  freshApi,
  gate,
  item,
  loaded,
  mountForSession,
  serverStates,
  text,
  until,
  type BookedSession,
} from './support/checklist.js';
import { expectNoLeak } from './support/harness.js';
import { pickText } from '../../src/i18n/local-text.js';
import { hang } from './support/network.js';

const { network, recorder } = checklistTests(() => {
  // Events carry ids and counts only: never an item's text, nor anything about who booked.
  expectNoLeak(
    recorder.events.map((event) => event.detail),
    [CLIENT.name, CLIENT.email, CLIENT.phone, ...ITEMS.map((entry) => entry.text)],
  );
});

/** The KAP default's items in English (its texts are given in English and Spanish). */
const ITEMS = KAP_DEFAULT_CHECKLIST.items.map((item) => ({
  ...item,
  text: pickText(item.text, 'en', 'en').text,
  group: pickText(item.group, 'en', 'en').text,
}));
const REQUIRED = ITEMS.filter((entry) => entry.required !== false).map((entry) => entry.id);
const OPTIONAL = ITEMS.filter((entry) => entry.required === false).map((entry) => entry.id);

async function session(): Promise<BookedSession> {
  return bookSession(freshApi(), network.realFetch);
}

function puts(): { itemId: string; body: unknown; authorization: string | null }[] {
  return network.to('PUT', /\/checklist\//).map((request) => ({
    itemId: decodeURIComponent(new URL(request.url).pathname.split('/').pop()!),
    body: JSON.parse(request.body),
    authorization: request.headers.get('Authorization'),
  }));
}

describe('<kap-prep-checklist> with a backend', () => {
  it('shows a loading state, and removing the element aborts its request', async () => {
    const booked = await session();
    network.fail('GET', /\/checklist$/, hang);
    const el = await mountForSession(booked);
    await until(() => network.to('GET', /\/checklist$/).length === 1, 'the checklist request');
    expect($(el, '[role="status"]')!.textContent).to.include('Loading your checklist');
    await expect(el).to.be.accessible();
    el.remove();
    expect(network.to('GET', /\/checklist$/)[0]!.signal.aborted).to.equal(true);
  });

  it('shows the session in the client’s zone, the groups and each due time as a local date and time', async () => {
    const booked = await session();
    const el = await mountForSession(booked, { 'time-zone': 'America/Chicago', lang: 'en-US' });
    await loaded(el);

    const zone = 'America/Chicago';
    const day = (instant: string) =>
      new Date(instant).toLocaleDateString('en-US', { timeZone: zone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    const time = (instant: string) => new Date(instant).toLocaleTimeString('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' });

    expect(text($(el, '[part~="session"]')!)).to.equal(`Your session ${day(booked.start)} at ${time(booked.start)}`);
    expect(text(el)).to.include('All times are shown in Central Time.');
    expect($$(el, '.group-heading').map((heading) => heading.textContent!.trim())).to.deep.equal([...new Set(ITEMS.map((entry) => entry.group))]);
    for (const entry of ITEMS) {
      const row = item(el, entry.id);
      const label = row.querySelector('label')!;
      expect(label.textContent!.trim()).to.equal(entry.required === false ? `${entry.text} (optional)` : entry.text);
      expect(label.htmlFor).to.equal(checkbox(el, entry.id).id);
      const due = row.querySelector('.due-time')?.textContent?.trim();
      if (entry.dueOffsetMinutes === undefined) {
        expect(due, entry.id).to.equal(undefined);
      } else {
        const at = dueAt(booked.start, entry.dueOffsetMinutes);
        // After the session starts (no driving until the next day) it lasts until then; before it, it is due by then.
        expect(due, entry.id).to.equal(`${entry.dueOffsetMinutes > 0 ? 'Until' : 'By'} ${time(at)} on ${day(at)}`);
        // The checkbox is described by its due time (and its details), so a screen reader hears them.
        expect(checkbox(el, entry.id).getAttribute('aria-describedby')).to.include(row.querySelector('.due')!.id);
      }
    }
    // Details come from the markdown subset as elements, not as raw asterisks or HTML.
    const medications = item(el, 'ask-about-medications');
    expect(medications.querySelector('.details strong')!.textContent).to.equal('benzodiazepines');
    expect(medications.querySelector('.details')!.textContent).not.to.include('**');
    expect(text($(el, '[part~="progress"]')!)).to.equal(`0 of ${ITEMS.length} done`);
    expect($<HTMLProgressElement>(el, 'progress')!.max).to.equal(ITEMS.length);
    await expect(el).to.be.accessible();

    // Every request went under `api`, with the token in the header and never in the URL.
    for (const request of network.requests) {
      expect(request.url.startsWith(new URL(booked.api, location.href).href)).to.equal(true);
      expect(request.url).not.to.include(booked.token);
    }
    expect(network.to('GET', /\/checklist$/)[0]!.headers.get('Authorization')).to.equal(`Bearer ${booked.token}`);
  });

  it('ticks an item at once, saves it, reports the counts, and a reload shows it from the server', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const saving = gate();
    network.fail('PUT', /\/checklist\//, saving.fault, 1);

    checkbox(el, 'stop-eating').click();
    await el.updateComplete;
    // Shown done before the backend has answered.
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    expect(text($(el, '[part~="progress"]')!)).to.equal(`1 of ${ITEMS.length} done`);
    expect(item(el, 'stop-eating').textContent).to.include('Saving…');
    expect(recorder.of('kap-checklist-change')).to.deep.equal([]);
    await until(() => saving.waiting() === 1, 'the save to be on its way');

    saving.release();
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the change event');
    expect(recorder.of('kap-checklist-change')).to.deep.equal([
      { bookingId: booked.bookingId, itemId: 'stop-eating', done: true, doneCount: 1, total: ITEMS.length },
    ]);
    await until(() => !item(el, 'stop-eating').textContent!.includes('Saving…'), 'the save to finish');
    expect(puts()).to.deep.equal([{ itemId: 'stop-eating', body: { done: true }, authorization: `Bearer ${booked.token}` }]);
    expect((await serverStates(booked, network.realFetch))['stop-eating']).to.equal(true);

    // A new element (a reload) shows the state the server holds; nothing came from storage.
    el.remove();
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    const again = await mountForSession(booked);
    await loaded(again);
    expect(checkbox(again, 'stop-eating').checked).to.equal(true);
    expect(checkbox(again, 'no-alcohol-or-cannabis').checked).to.equal(false);
    expect(text($(again, '[part~="progress"]')!)).to.equal(`1 of ${ITEMS.length} done`);
  });

  it('saves ticks of different items side by side without one undoing the other', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const slow = gate();
    network.fail('PUT', /\/checklist\/stop-eating$/, slow.fault, 1);

    checkbox(el, 'stop-eating').click();
    await until(() => slow.waiting() === 1, 'the first save to be held');
    checkbox(el, 'no-alcohol-or-cannabis').click();
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the second save');
    // The second item's answer did not untick the first, still saving.
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    slow.release();
    await until(() => recorder.of('kap-checklist-change').length === 2, 'the first save');
    expect(checkbox(el, 'stop-eating').checked).to.equal(true);
    expect(checkbox(el, 'no-alcohol-or-cannabis').checked).to.equal(true);
    const states = await serverStates(booked, network.realFetch);
    expect([states['stop-eating'], states['no-alcohol-or-cannabis']]).to.deep.equal([true, true]);
    expect(recorder.of('kap-checklist-change').map((detail) => (detail as { doneCount: number }).doneCount)).to.deep.equal([1, 2]);
  });

  it('a second tick of the same item while it is saving is sent after it, and the latest wins', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const slow = gate();
    network.fail('PUT', /\/checklist\/stop-eating$/, slow.fault, 1);

    const box = checkbox(el, 'stop-eating');
    box.click();
    await until(() => slow.waiting() === 1, 'the first save to be held');
    box.click();
    box.click();
    box.click();
    await el.updateComplete;
    expect(box.checked, 'the latest tick is shown').to.equal(false);
    // Nothing else is sent while the first save is in flight.
    expect(puts()).to.have.length(1);

    slow.release();
    await until(() => puts().length === 2 && !item(el, 'stop-eating').textContent!.includes('Saving…'), 'the follow-up save');
    expect(puts().map((put) => put.body)).to.deep.equal([{ done: true }, { done: false }]);
    expect(checkbox(el, 'stop-eating').checked).to.equal(false);
    expect((await serverStates(booked, network.realFetch))['stop-eating']).to.equal(false);
    expect(recorder.of('kap-checklist-change').map((detail) => (detail as { done: boolean }).done)).to.deep.equal([true, false]);
  });

  it('fires kap-checklist-complete once, when the last required item is saved', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    const saved = async (id: string) => {
      checkbox(el, id).click();
      await until(() => recorder.of('kap-checklist-change').some((detail) => (detail as { itemId: string }).itemId === id), `${id} saved`);
    };
    for (const id of REQUIRED.slice(0, -1)) {
      await saved(id);
      expect(recorder.of('kap-checklist-complete'), `not complete after ${id}`).to.deep.equal([]);
    }
    await saved(REQUIRED.at(-1)!);
    expect(recorder.of('kap-checklist-complete')).to.deep.equal([{ bookingId: booked.bookingId }]);
    expect(text(el)).to.include('Everything on your list is done.');
    await expect(el).to.be.accessible();

    // Unticking and ticking again, or ticking an optional item, does not fire it again.
    checkbox(el, REQUIRED[0]!).click();
    await until(() => recorder.of('kap-checklist-change').length === REQUIRED.length + 1, 'the untick');
    checkbox(el, REQUIRED[0]!).click();
    checkbox(el, OPTIONAL[0]!).click();
    await until(() => recorder.of('kap-checklist-change').length === REQUIRED.length + 3, 'the ticks');
    expect(recorder.of('kap-checklist-complete')).to.have.length(1);
    const last = recorder.of('kap-checklist-change').at(-1) as Record<string, unknown>;
    expect(Object.keys(last).sort()).to.deep.equal(['bookingId', 'done', 'doneCount', 'itemId', 'total']);
  });

  it('ticks with the keyboard alone: Tab to a checkbox, Space to tick it', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    checkbox(el, 'arrange-ride-home').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, ITEMS[1]!.id));
    await sendKeys({ press: 'Space' });
    await until(() => recorder.of('kap-checklist-change').length === 1, 'the save');
    expect(checkbox(el, ITEMS[1]!.id).checked).to.equal(true);
    expect((await serverStates(booked, network.realFetch))[ITEMS[1]!.id]).to.equal(true);
    // Focus stays on the checkbox after the re-render.
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, ITEMS[1]!.id));
  });

  it('offers an .ics with the session and one reminder per timed item, and nothing about the client', async () => {
    const booked = await session();
    const el = await mountForSession(booked);
    await loaded(el);
    await until(() => $(el, 'a[download]'), 'the calendar file');
    const link = $<HTMLAnchorElement>(el, 'a[download]')!;
    const ics = await (await network.realFetch(link.href)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const timed = ITEMS.filter((entry) => entry.dueOffsetMinutes !== undefined);
    expect(events).to.have.length(timed.length + 1);
    expect([events[0]!.startDate.toJSDate().toISOString(), events[0]!.endDate.toJSDate().toISOString()]).to.deep.equal([
      new Date(booked.start).toISOString(),
      new Date(booked.end).toISOString(),
    ]);
    for (const [index, entry] of timed.entries()) {
      const event = events[index + 1]!;
      expect(event.summary).to.equal(entry.text);
      expect(event.startDate.toJSDate().toISOString()).to.equal(new Date(dueAt(booked.start, entry.dueOffsetMinutes!)).toISOString());
      const alarms = event.component.getAllSubcomponents('valarm');
      expect(alarms.map((alarm) => alarm.getFirstPropertyValue('action'))).to.deep.equal(['DISPLAY']);
      expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).to.equal(-3600);
    }
    for (const secret of [CLIENT.name, CLIENT.email, CLIENT.phone, CLIENT.name.split(' ')[1]!, booked.token]) {
      expect(ics, 'the calendar file').not.to.include(secret);
    }
  });
});
