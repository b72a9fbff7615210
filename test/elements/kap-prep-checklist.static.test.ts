/**
 * `<kap-prep-checklist>` on a static page (the checklist in a child JSON script, no backend): due
 * times across daylight-saving changes and zones, what is due now, the calendar file, printing,
 * Spanish, and a definition with mistakes.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../src/es.js';
import type { KapPrepChecklist } from '../../src/elements/kap-prep-checklist/kap-prep-checklist.js';
import { $, $$, button, checkbox, checklistTests, item, mountStatic, text, until } from './support/checklist.js';

const { network, recorder } = checklistTests(() => emulateMedia({ media: 'screen' }));

const CHECKLIST = {
  id: 'dst-example',
  title: 'Getting ready for your ketamine session',
  items: [
    { id: 'two-days', text: 'Confirm your ride home', group: 'Before', dueOffsetMinutes: -2880 },
    { id: 'one-day', text: 'No alcohol from now', group: 'Before', dueOffsetMinutes: -1440 },
    { id: 'fast', text: 'Stop eating', details: 'A **light** meal before is fine.\n\n- water\n- clear tea', group: 'On the day', dueOffsetMinutes: -240 },
    { id: 'rest', text: 'Rest at home', group: 'After', dueOffsetMinutes: 1440, required: false },
    { id: 'intention', text: 'Set an intention', group: 'Before', required: false },
  ],
};

function dueOf(el: KapPrepChecklist, itemId: string): string {
  return item(el, itemId).querySelector('.due-time')!.textContent!.trim();
}

function longDay(instant: string, zone: string, locale: string): string {
  return new Date(instant).toLocaleDateString(locale, { timeZone: zone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

describe('<kap-prep-checklist> due times', () => {
  it('across the spring-forward change in New York: "24 hours before" keeps the hour, 48 hours before is an hour earlier', async () => {
    // Monday 9 March 2026, 10:00 EDT; the clocks went forward on Sunday 8 March at 02:00.
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: '2026-03-09T14:00:00Z' }, { 'time-zone': 'America/New_York', lang: 'en-US' });
    const zone = 'America/New_York';
    expect(text($(el, '[part~="session"]')!)).to.equal(`Your session ${longDay('2026-03-09T14:00:00Z', zone, 'en-US')} at 10:00 AM`);
    expect(text(el)).to.include('All times are shown in Eastern Time.');
    // 2880 real minutes before 10:00 EDT is 09:00 EST on the Saturday.
    expect(dueOf(el, 'two-days')).to.equal(`By 9:00 AM on ${longDay('2026-03-07T14:00:00Z', zone, 'en-US')}`);
    expect(dueOf(el, 'two-days')).to.include('Saturday, March 7, 2026');
    expect(dueOf(el, 'one-day')).to.equal(`By 10:00 AM on ${longDay('2026-03-08T14:00:00Z', zone, 'en-US')}`);
    expect(dueOf(el, 'fast')).to.equal(`By 6:00 AM on ${longDay('2026-03-09T10:00:00Z', zone, 'en-US')}`);
    // A day after the session: what lasts until then reads "Until", not as a deadline.
    expect(dueOf(el, 'rest')).to.equal(`Until 10:00 AM on ${longDay('2026-03-10T14:00:00Z', zone, 'en-US')}`);
    expect(item(el, 'intention').querySelector('.due')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the same session seen from London (no change yet there) and across the autumn change in Berlin', async () => {
    const london = await mountStatic({ checklist: CHECKLIST, sessionStart: '2026-03-09T14:00:00Z' }, { 'time-zone': 'Europe/London', lang: 'en-GB' });
    expect(dueOf(london, 'two-days')).to.equal(`By 14:00 on ${longDay('2026-03-07T14:00:00Z', 'Europe/London', 'en-GB')}`);
    expect(dueOf(london, 'one-day')).to.match(/^By 14:00 on /);
    expect(text($(london, '[part~="session"]')!)).to.include('at 14:00');

    // Monday 26 October 2026, 10:00 CET; the clocks went back on Sunday 25 October at 03:00 CEST.
    const berlin = await mountStatic({ checklist: CHECKLIST, sessionStart: '2026-10-26T09:00:00Z' }, { 'time-zone': 'Europe/Berlin', lang: 'en-GB' });
    expect(dueOf(berlin, 'one-day')).to.equal(`By 10:00 on ${longDay('2026-10-25T09:00:00Z', 'Europe/Berlin', 'en-GB')}`);
    expect(dueOf(berlin, 'two-days')).to.equal(`By 11:00 on ${longDay('2026-10-24T09:00:00Z', 'Europe/Berlin', 'en-GB')}`);
    expect(text(berlin)).to.include('Central European');
  });

  it('sets apart what is due now or soon, calmly, and the list links to each item', async () => {
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 3_600_000).toISOString();
    // Two days and one day before: past (due now); 4 hours before: in an hour (due soon); after: later.
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: start }, { lang: 'en' });
    const badge = (id: string) => item(el, id).querySelector('[part~="badge"]')?.textContent?.trim();
    expect([badge('two-days'), badge('one-day'), badge('fast'), badge('rest'), badge('intention')]).to.deep.equal([
      'Due now',
      'Due now',
      'Due soon',
      undefined,
      undefined,
    ]);
    const dueNow = $(el, '[part~="due-now"]')!;
    expect(dueNow.querySelector('h3')!.textContent).to.equal('Due now or soon');
    const links = [...dueNow.querySelectorAll('a')];
    expect(links.map((link) => link.textContent)).to.deep.equal(['Confirm your ride home', 'No alcohol from now', 'Stop eating']);
    await expect(el).to.be.accessible();

    const before = location.href;
    links[2]!.click();
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'fast'));
    expect(location.href, 'the page address is left alone').to.equal(before);

    checkbox(el, 'two-days').click();
    await el.updateComplete;
    expect(badge('two-days')).to.equal(undefined);
    expect([...$(el, '[part~="due-now"]')!.querySelectorAll('a')].map((link) => link.textContent)).to.deep.equal(['No alcohol from now', 'Stop eating']);
  });
});

describe('<kap-prep-checklist> on a static page', () => {
  it('keeps ticks in memory only: no requests, no storage; events have counts and no booking', async () => {
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: '2030-01-07T15:00:00Z' });
    expect($(el, '[part~="heading"]')!.textContent).to.equal(CHECKLIST.title);
    expect(text($(el, '[part~="progress"]')!)).to.equal('0 of 5 done');
    // Details rendered from the markdown subset.
    expect(item(el, 'fast').querySelector('.details strong')!.textContent).to.equal('light');
    expect([...item(el, 'fast').querySelectorAll('.details li')].map((li) => li.textContent)).to.deep.equal(['water', 'clear tea']);
    for (const id of ['two-days', 'one-day']) checkbox(el, id).click();
    await el.updateComplete;
    expect(recorder.of('kap-checklist-complete')).to.deep.equal([]);
    checkbox(el, 'fast').click();
    await el.updateComplete;
    expect(text($(el, '[part~="progress"]')!)).to.equal('3 of 5 done');
    expect(recorder.of('kap-checklist-change')).to.deep.equal([
      { itemId: 'two-days', done: true, doneCount: 1, total: 5 },
      { itemId: 'one-day', done: true, doneCount: 2, total: 5 },
      { itemId: 'fast', done: true, doneCount: 3, total: 5 },
    ]);
    // The optional items are left: the required ones make it complete.
    expect(recorder.of('kap-checklist-complete')).to.deep.equal([{}]);
    expect(text(el)).to.include('Everything on your list is done.');
    expect(network.requests).to.deep.equal([]);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(recorder.of('kap-error')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('offers reminders as an .ics: the session and each timed item, one alarm each, nothing about the client', async () => {
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: '2026-03-09T14:00:00Z' }, { 'reminder-minutes': '90' });
    // The file's writer is loaded when a file is first offered: the link follows it.
    await until(() => $(el, 'a[download]'), 'the calendar file');
    const link = $<HTMLAnchorElement>(el, 'a[download]')!;
    expect(link.textContent!.trim()).to.equal('Add reminders to my calendar');
    expect(link.download).to.equal('preparation-reminders.ics');
    expect(link.href).to.match(/^blob:/);
    expect(text(el)).to.include('a reminder 90 minutes before each step');
    const ics = await (await network.realFetch(link.href)).text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => [event.summary, event.startDate.toJSDate().toISOString()])).to.deep.equal([
      ['Your session at the clinic', '2026-03-09T14:00:00.000Z'],
      ['Confirm your ride home', '2026-03-07T14:00:00.000Z'],
      ['No alcohol from now', '2026-03-08T14:00:00.000Z'],
      ['Stop eating', '2026-03-09T10:00:00.000Z'],
      ['Rest at home', '2026-03-10T14:00:00.000Z'],
    ]);
    expect(events[0]!.endDate.toJSDate().toISOString()).to.equal('2026-03-09T16:00:00.000Z');
    for (const event of events) {
      const alarms = event.component.getAllSubcomponents('valarm');
      expect(alarms, event.summary).to.have.length(1);
      expect(alarms[0]!.getFirstPropertyValue('action')).to.equal('DISPLAY');
      expect(alarms[0]!.getFirstPropertyValue('description')).to.equal(event.summary);
      expect((alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).to.equal(-90 * 60);
    }
    // UIDs are stable and unique, so importing the file twice updates the same events.
    expect(new Set(events.map((event) => event.uid)).size).to.equal(5);
    const properties = new Set(
      ics
        .replace(/\r\n /g, '')
        .split('\r\n')
        .map((line) => line.split(/[:;]/)[0]),
    );
    for (const name of ['ATTENDEE', 'ORGANIZER', 'URL', 'CONTACT']) expect(properties.has(name), name).to.equal(false);
  });

  it('prints plainly: a Print button, and no buttons or links to press on paper', async () => {
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: '2030-01-07T15:00:00Z' });
    const original = window.print;
    let printed = 0;
    window.print = () => void (printed += 1);
    try {
      button(el, 'Print this checklist').click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);

    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part~="actions"]')!).display).to.equal('none');
    expect(getComputedStyle($(el, 'progress')!).display).to.equal('none');
    for (const box of $$(el, '[part~="item"]')) expect(getComputedStyle(box).display).not.to.equal('none');
    expect(getComputedStyle($(el, '[part~="details"]')!).display).not.to.equal('none');
    expect(getComputedStyle($(el, '[part~="base"]')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ media: 'screen' });
    expect(getComputedStyle($(el, '[part~="actions"]')!).display).not.to.equal('none');
  });

  it('speaks Spanish', async () => {
    const el = await mountStatic({ checklist: { items: CHECKLIST.items }, sessionStart: '2026-03-09T14:00:00Z' }, { lang: 'es', 'time-zone': 'Europe/Madrid' });
    expect($(el, '[part~="heading"]')!.textContent).to.equal('Cómo prepararse para su sesión');
    expect(text($(el, '[part~="session"]')!)).to.equal(`Su sesión ${longDay('2026-03-09T14:00:00Z', 'Europe/Madrid', 'es')} a las 15:00`);
    expect(dueOf(el, 'fast')).to.equal(`Fecha límite: ${longDay('2026-03-09T10:00:00Z', 'Europe/Madrid', 'es')}, 11:00`);
    expect(text($(el, '[part~="progress"]')!)).to.equal('0 de 5 hechas');
    expect(item(el, 'intention').querySelector('label')!.textContent!.trim()).to.equal('Set an intention (opcional)');
    button(el, 'Imprimir esta lista');
    await until(() => $(el, 'a[download]'), 'the calendar file');
    expect($(el, 'a[download]')!.textContent!.trim()).to.equal('Añadir recordatorios a mi calendario');
    await expect(el).to.be.accessible();
  });

  it('a definition with mistakes: precise problems for the developer, a calm message for the client', async () => {
    const el = await mountStatic({
      checklist: {
        items: [
          { id: 'fast', text: '', group: 'On the day', dueOffsetMinutes: 1.5 },
          { id: 'fast', text: 'Again', group: 'x' },
        ],
      },
      sessionStart: 'tomorrow morning',
    });
    expect($(el, '[part~="problem"]')).to.exist;
    expect(text(el)).to.include('Sorry, this is not available online right now');
    expect(text(el)).to.include('items[0] ("fast").text: must not be empty');
    expect(text(el)).to.include('dueOffsetMinutes: must be a whole number of minutes');
    expect(text(el)).to.include('"sessionStart" must be an ISO 8601 instant');
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'configuration', code: 'invalid_checklist' }]);
    expect($(el, 'input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an unknown time zone shows the configuration message, as in <kap-booking>', async () => {
    const el = await mountStatic({ checklist: CHECKLIST, sessionStart: '2030-01-07T15:00:00Z' }, { 'time-zone': 'Mars/Olympus_Mons', lang: 'en-US' });
    expect(text($(el, '[part~="problem"]')!)).to.include('time-zone="Mars/Olympus_Mons" is not an IANA time zone name');
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'configuration', code: 'invalid_time_zone' }]);
    expect($(el, '[part~="item"]')).to.equal(null);
  });

  it('JSON that does not parse is a set-up problem, not a request for an email link', async () => {
    const el = await mountStatic('{"checklist": {"items": [}');
    expect($(el, '[part~="problem"]')).to.exist;
    expect(text(el)).to.include('its <script type="application/json"> is not valid JSON: Unexpected token');
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'configuration', code: 'invalid_settings' }]);
  });

  it('moves "due soon" to "due now" as time passes, without a reload', async () => {
    const start = new Date(Date.now() + 4 * 3_600_000 + 1500).toISOString();
    const el = await mountStatic({ checklist: { items: [{ id: 'fast', text: 'Stop eating', group: 'Today', dueOffsetMinutes: -240 }] }, sessionStart: start });
    expect(item(el, 'fast').querySelector('[part~="badge"]')!.textContent!.trim()).to.equal('Due soon');
    (el as unknown as { now: Date }).now = new Date(Date.now() + 60_000);
    await until(() => item(el, 'fast').querySelector('[part~="badge"]')!.textContent!.trim() === 'Due now', 'the badge to change');
  });
});
