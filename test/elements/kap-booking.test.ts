/**
 * `<kap-booking>` against the real reference backend: every state a client can reach on the way
 * to a booking, checked with axe in each, with the keyboard alone, in Spanish, dark and narrow.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ClientDetails, Consent } from '../../src/api/schemas.js';
import {
  $,
  $$,
  CLIENT,
  bookingTests,
  button,
  chooseFirstTime,
  chooseTimeLaterBy,
  confirmButton,
  confirmed,
  dayButtons,
  expectNoPhi,
  fillDetails,
  focused,
  freshApi,
  mountBooking,
  settle,
  showWeekWithTimes,
  startOf,
  text,
  timeButtons,
  until,
} from './support/booking.js';
import { accessibleName } from './support/harness.js';
import { answer, hang } from './support/network.js';

// Whatever happened, no event carries what the client typed.
const { network, recorder } = bookingTests({ after: () => setViewport({ width: 800, height: 600 }) });

/** Every request went to a path under `api` on this origin, and nowhere else. */
function expectOnlyApi(api: string): void {
  const base = new URL(api, location.href).href;
  expect(network.requests.length).to.be.greaterThan(0);
  for (const request of network.requests) expect(request.url.startsWith(base), request.url).to.equal(true);
}

describe('<kap-booking> choosing a time', () => {
  it('shows a loading state, and removing the element aborts its requests', async () => {
    network.fail('GET', /\/services$/, hang);
    const el = await mountBooking({ api: freshApi() });
    await until(() => network.requests.length === 1, 'the services request');
    const status = $(el, '[role="status"]')!;
    expect(status.textContent).to.include('Loading available times');
    await expect(el).to.be.accessible();

    el.remove();
    expect(network.requests[0]!.signal.aborted, 'request aborted with the element').to.equal(true);
  });

  it('lists days with free times, each with a full name, and times naming day, time and zone', async () => {
    const api = freshApi();
    const el = await mountBooking({ api, 'time-zone': 'America/Chicago', lang: 'en-US' });
    await showWeekWithTimes(el);

    expect($(el, '[part~="service"]')!.textContent).to.include('Initial consultation');
    expect($(el, '[part~="service"]')!.textContent).to.include('45 minutes');
    expect($(el, '[part~="zone"]')!.textContent!.trim()).to.equal('Times shown in Central Time');

    const days = dayButtons(el);
    for (const day of days) {
      // Named by its visible words alone (no aria-label to drift from them).
      expect(day.hasAttribute('aria-label')).to.equal(false);
      expect(accessibleName(day)).to.match(/^(Monday|Tuesday|Wednesday|Thursday|Friday), [A-Z][a-z]+ \d{1,2}, \d{4} \d+ times? available$/);
    }
    // One tab stop per group (roving tabindex).
    expect(days.filter((d) => d.tabIndex === 0)).to.have.length(1);
    expect(days[0]!.getAttribute('aria-pressed')).to.equal('true');

    const last = days[days.length - 1]!;
    last.click();
    await settle(el);
    expect(last.getAttribute('aria-pressed')).to.equal('true');
    const count = Number(/^(\d+) times? available$/.exec(last.querySelector('.day-count')!.textContent!)![1]);
    const times = timeButtons(el);
    expect(times).to.have.length(count);
    expect(times.filter((t) => t.tabIndex === 0)).to.have.length(1);
    const dayName = last.querySelector('.day-name')!.textContent!.trim();
    for (const time of times) {
      // The visible time, then (for screen readers only) the day and the zone.
      const visible = time.querySelector('.time-main')!.textContent;
      expect(time.hasAttribute('aria-label')).to.equal(false);
      expect(accessibleName(time)).to.equal(`${visible}, ${dayName}, Central Time`);
    }
    // Times are shown on Chicago's clock: the clinic opens at 09:00 New York time.
    expect(times[0]!.querySelector('.time-main')!.textContent).to.equal(
      new Date(startOf(times[0]!)).toLocaleTimeString('en-US', { timeZone: 'America/Chicago', hour: 'numeric', minute: '2-digit' }),
    );
    await expect(el).to.be.accessible();
    expectOnlyApi(api);
    const foreign = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).origin !== location.origin);
    expect(foreign.map((entry) => entry.name)).to.deep.equal([]);
  });

  it('moves week by week and explains why a week button is unavailable at either end', async () => {
    const el = await mountBooking({ api: freshApi(), 'weeks-ahead': '2' });
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the first week');
    const previous = button(el, 'Previous week');
    const next = button(el, 'Next week');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    expect(next.getAttribute('aria-disabled')).to.equal('false');
    expect($(el, `#${previous.getAttribute('aria-describedby')}`)!.textContent).to.include('This is the earliest week you can book.');
    const firstRange = $(el, '.week-range')!.textContent;
    const availabilityCalls = network.to('GET', /\/availability$/).length;

    previous.click();
    await settle(el);
    expect($(el, '.week-range')!.textContent, 'previous does nothing at the start').to.equal(firstRange);

    next.click();
    await until(() => network.to('GET', /\/availability$/).length === availabilityCalls + 1, 'next week loads');
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the second week');
    expect($(el, '.week-range')!.textContent).not.to.equal(firstRange);
    expect(button(el, 'Next week').getAttribute('aria-disabled')).to.equal('true');
    expect(button(el, 'Previous week').getAttribute('aria-disabled')).to.equal('false');
    expect(text(el)).to.include('You can book up to 2 weeks ahead.');
    await expect(el).to.be.accessible();

    const [first, second] = network.to('GET', /\/availability$/).map((r) => new URL(r.url).searchParams.get('to'));
    expect(Date.parse(second!) - Date.parse(first!)).to.be.closeTo(7 * 86_400_000, 3_600_000);
  });

  it('says kindly when a week has no free times and offers the next one', async () => {
    // A clinic whose clock is far ahead has nothing free in any week the client can see now.
    const el = await mountBooking({ api: freshApi({ now: '2100-01-04T12:00:00Z' }) });
    await until(() => $(el, '.empty'), 'the empty week');
    expect(text(el)).to.include('There are no free times in this week.');
    expect(dayButtons(el)).to.have.length(0);
    await expect(el).to.be.accessible();
    const range = $(el, '.week-range')!.textContent;
    button(el, 'Show next week').click();
    await until(() => network.to('GET', /\/availability$/).length === 2, 'the next week');
    await until(() => $(el, '.empty'), 'the next empty week');
    expect($(el, '.week-range')!.textContent).not.to.equal(range);
  });

  it('shows in-person times on the clinic clock with the client’s own time beside them', async () => {
    const el = await mountBooking({ api: freshApi(), service: 'administration', 'time-zone': 'Asia/Tokyo', lang: 'en-US' });
    await showWeekWithTimes(el);
    expect($(el, '[part~="zone"]')!.textContent!.trim()).to.equal("Times shown in Eastern Time, the clinic's local time");
    expect(text(el)).to.include('In person at the clinic');
    const time = timeButtons(el)[0]!;
    const start = startOf(time);
    const clinic = new Date(start).toLocaleTimeString('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' });
    const own = new Date(start).toLocaleTimeString('en-US', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' });
    expect(time.querySelector('.time-main')!.textContent).to.equal(clinic);
    expect(time.querySelector('.time-own')!.textContent).to.equal(`${own} your time`);
    expect(accessibleName(time)).to.match(new RegExp(`^${clinic} ${own} your time, .+, Eastern Time$`));
    // The summary of the chosen time names both zones.
    time.click();
    await until(() => $(el, '#kap-name'), 'details');
    expect($(el, '[part~="summary"]')!.textContent).to.include('Eastern Time').and.to.include(`${own} your time (Japan Standard Time)`);
    await expect(el).to.be.accessible();
  });

  it('shows no second clock when the client is in the clinic’s zone', async () => {
    const el = await mountBooking({ api: freshApi(), service: 'administration', 'time-zone': 'America/New_York' });
    await showWeekWithTimes(el);
    expect($(el, '.time-own')).to.equal(null);
  });
});

describe('<kap-booking> holding a time and the details', () => {
  it('holds the chosen time, fires kap-slot-select with ids and times, and says calmly until when', async () => {
    const el = await mountBooking({ api: freshApi(), 'time-zone': 'Europe/Lisbon' });
    await showWeekWithTimes(el);
    const start = startOf(timeButtons(el)[0]!);
    timeButtons(el)[0]!.click();
    await until(() => $(el, '#kap-name'), 'details');

    const [hold] = network.to('POST', /\/holds$/);
    expect(hold!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(hold!.body)).to.deep.equal({ service: 'consultation', start });

    const select = recorder.events.find((e) => e.type === 'kap-slot-select')!;
    expect(select.bubbles && select.composed).to.equal(true);
    expect(Object.keys(select.detail).sort()).to.deep.equal(['end', 'service', 'start']);
    expect(select.detail.start).to.equal(start);

    expect(focused(el)).to.equal($(el, '[data-focus="details"]'));
    expect($(el, '[part~="hold"]')!.textContent).to.match(/^We're holding this time for you until \d{1,2}:\d{2}/);
    expect($(el, '.hold-live')!.textContent!.trim(), 'nothing announced yet').to.equal('');
    expect($(el, '[part~="summary"]')!.textContent).to.include('Initial consultation');
    await expect(el).to.be.accessible();
  });

  it('asks for name, email and phone with the right autocomplete, an optional reason and consent', async () => {
    const el = await mountBooking({ api: freshApi(), 'privacy-url': '/privacy.html' });
    await chooseFirstTime(el);
    const autocomplete = (id: string) => $<HTMLInputElement>(el, `#kap-${id}`)!;
    expect([autocomplete('name').autocomplete, autocomplete('email').autocomplete, autocomplete('phone').autocomplete]).to.deep.equal(['name', 'email', 'tel']);
    expect([autocomplete('email').type, autocomplete('phone').type]).to.deep.equal(['email', 'tel']);
    const reasons = $$<HTMLInputElement>(el, 'input[name="reason"]').map((r) => r.value);
    expect(reasons).to.deep.equal(['treatment_resistant_depression', 'ptsd', 'anxiety', 'grief_and_loss', 'addiction_recovery', 'other', 'prefer_not_to_say']);
    expect($$(el, 'input[name="reason"]:checked')).to.have.length(0);
    expect($(el, 'legend')!.textContent).to.include('(optional)');
    expect($(el, 'label[for="kap-contact"]')!.textContent).to.include('(optional)');
    expect(text(el)).not.to.include('*');
    const link = $<HTMLAnchorElement>(el, '#kap-privacy-hint a')!;
    expect(link.href).to.equal(new URL('/privacy.html', location.href).href);
    expect(link.target).to.equal('_blank');
  });

  it('the details form’s styles come with its views: none before a time is chosen, its fields styled after', async () => {
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    const sheets = () => el.shadowRoot!.adoptedStyleSheets.length;
    const before = sheets();
    await chooseFirstTime(el);
    expect(sheets(), 'the later views’ style sheets are adopted').to.be.greaterThan(before);
    const label = $<HTMLLabelElement>(el, 'label[for="kap-name"]')!;
    expect(getComputedStyle(label).fontWeight, 'a label is bold, as form.styles.ts says').to.equal('700');
    expect(getComputedStyle($<HTMLInputElement>(el, '#kap-name')!).borderTopWidth, 'an input has its 2px border').to.equal('2px');
  });

  it('validates only on submit: the error summary takes focus and each link leads to its field', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, { email: 'not-an-email' });
    expect($(el, '.error-summary'), 'no errors before trying to submit').to.equal(null);
    expect($(el, '[aria-invalid="true"]')).to.equal(null);

    confirmButton(el).click();
    await settle(el);
    const summary = $(el, '.error-summary')!;
    expect(focused(el)).to.equal(summary);
    expect(summary.querySelector('h2')!.textContent).to.equal('There is a problem');
    const links = [...summary.querySelectorAll('a')];
    // The words are the contract's own messages.
    const schemaMessages = [
      ...ClientDetails.safeParse({ name: '', email: 'not-an-email', phone: '' }).error!.issues.map((i) => i.message),
      ...Consent.safeParse({ privacy: false }).error!.issues.map((i) => i.message),
    ];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(schemaMessages);
    expect(network.to('POST', /\/bookings$/)).to.have.length(0);

    for (const id of ['name', 'email', 'phone', 'privacy']) {
      const input = $<HTMLInputElement>(el, `#kap-${id}`)!;
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      const describedBy = input.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy).to.include(`kap-${id}-error`);
      expect($(el, `#kap-${id}-error`)!.textContent).to.include('Error:');
    }
    expect($<HTMLInputElement>(el, '#kap-email')!.value, 'what was typed is kept').to.equal('not-an-email');

    links[1]!.click();
    await settle(el);
    expect(focused(el)).to.equal($(el, '#kap-email'));
    expect(location.hash).to.equal('');
    links[3]!.click();
    expect(focused(el)).to.equal($(el, '#kap-privacy'));
    await expect(el).to.be.accessible();

    // Fixing some answers and submitting again updates the summary.
    await fillDetails(el, { name: CLIENT.name, email: CLIENT.email, phone: CLIENT.phone });
    confirmButton(el).click();
    await settle(el);
    expect([...$(el, '.error-summary')!.querySelectorAll('a')].map((a) => a.textContent!.trim())).to.deep.equal([
      'You must agree to the privacy notice to book',
    ]);
  });

  it('puts the backend’s field errors on the fields', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail(
      'POST',
      /\/bookings$/,
      answer(422, {
        error: { code: 'validation_failed', message: 'Invalid', fields: { 'client.phone': 'No such number' } },
      }),
    );
    confirmButton(el).click();
    await until(() => $(el, '.error-summary'), 'the error summary');
    expect(focused(el)).to.equal($(el, '.error-summary'));
    expect($(el, '#kap-phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#kap-name')!.getAttribute('aria-invalid')).to.equal(null);
    expect(recorder.events.map((e) => e.detail)).to.deep.include({ kind: 'validation', code: 'validation_failed' });
  });

  it('"Change time" goes back to the times, gives the hold back and keeps the details', async () => {
    const api = freshApi();
    const el = await mountBooking({ api });
    const chosen = startOf(await chooseFirstTime(el));
    await fillDetails(el, { name: CLIENT.name, email: CLIENT.email });
    button(el, 'Change time').click();
    await until(() => timeButtons(el)[0], 'times again');
    expect(focused(el)).to.equal($(el, '[data-focus="times"]'));
    expect(network.to('DELETE', /\/holds\/[^/]+$/)).to.have.length(1);
    // With the proof the hold came with, in the header only: without it the backend keeps the hold.
    const [release] = network.to('DELETE', /\/holds\/[^/]+$/);
    expect(release!.headers.get('Authorization')).to.match(/^Bearer [\w-]{43}$/);
    expect(release!.url).not.to.include(release!.headers.get('Authorization')!.slice(7));
    // The released time is free again: it is listed, and someone else could hold it.
    await until(() => timeButtons(el).some((t) => startOf(t) === chosen), 'the released time listed again');
    const again = await network.realFetch(`${api}holds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ service: 'consultation', start: chosen }),
    });
    expect(again.status).to.equal(201);

    // Choose another time, two hours or more after the one just held (the day's last time may still
    // overlap it, and be refused): the details are still there.
    const other = await chooseTimeLaterBy(el, 2 * 60 * 60_000);
    expect(Date.parse(startOf(other))).to.be.greaterThan(Date.parse(chosen));
    expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal(CLIENT.name);
    expect($<HTMLInputElement>(el, '#kap-email')!.value).to.equal(CLIENT.email);
  });

  it('starts from a prefill (property or child JSON) and never overwrites what was typed', async () => {
    const fromScript = await mountBooking({ api: freshApi() }, (element) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify({ prefill: { name: 'Script Person', email: 'script@example.com' } });
      element.append(script);
    });
    await chooseFirstTime(fromScript);
    expect($<HTMLInputElement>(fromScript, '#kap-name')!.value).to.equal('Script Person');
    expect($<HTMLInputElement>(fromScript, '#kap-email')!.value).to.equal('script@example.com');

    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, { name: 'Typed Name' });
    el.prefill = { name: 'Prefilled Name', phone: '+1 212 555 0199' };
    await settle(el);
    expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal('Typed Name');
    expect($<HTMLInputElement>(el, '#kap-phone')!.value).to.equal('+1 212 555 0199');
  });
});

describe('<kap-booking> confirming', () => {
  it('books: one POST with an Idempotency-Key, focus on the heading, ids-only event, .ics without PHI', async () => {
    const api = freshApi();
    const el = await mountBooking({ api, source: 'spring-campaign', 'time-zone': 'America/New_York', lang: 'en-US' });
    const start = startOf(await chooseFirstTime(el));
    await fillDetails(el, CLIENT);
    confirmButton(el).click();
    await confirmed(el);

    const posts = network.to('POST', /\/bookings$/);
    expect(posts).to.have.length(1);
    const sent = JSON.parse(posts[0]!.body);
    expect(sent).to.deep.include({ service: 'consultation', start, reason: 'ptsd', source: 'spring-campaign', lang: 'en-US' });
    expect(sent.timeZone, "the client's own zone, for the emails").to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(sent.client).to.deep.equal({ name: CLIENT.name, email: CLIENT.email, phone: CLIENT.phone });
    expect(sent.consent).to.deep.equal({ privacy: true, contact: true });
    expect(sent.holdId).to.be.a('string');
    expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(new URL(posts[0]!.url).search, 'no PHI in URLs').to.equal('');

    const heading = $(el, '[data-focus="done"]')!;
    expect(focused(el)).to.equal(heading);
    expect(heading.textContent!.trim()).to.equal('Your booking is confirmed');
    const day = new Date(start).toLocaleDateString('en-US', { timeZone: 'America/New_York', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
    const time = new Date(start).toLocaleTimeString('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' });
    expect(text(el)).to.include(day).and.to.include(time).and.to.include('Eastern Time');
    expect(text(el)).to.include('What happens next');

    const confirm = recorder.events.find((e) => e.type === 'kap-booking-confirm')!;
    expect(Object.keys(confirm.detail).sort()).to.deep.equal(['bookingId', 'end', 'service', 'start', 'status']);
    expect(confirm.detail).to.deep.include({ service: 'consultation', start, status: 'confirmed' });
    expect(text(el)).to.include(confirm.detail.bookingId);

    // The token stays in memory, readable by the page, and works against the backend.
    expect(el.accessToken).to.be.a('string').with.length.greaterThan(15);
    expect(deepJson(recorder.events.map((e) => e.detail))).not.to.include(el.accessToken!);
    const check = await network.realFetch(`${api}bookings/${confirm.detail.bookingId}`, {
      headers: { Authorization: `Bearer ${el.accessToken}` },
    });
    expect((await check.json()).booking.status).to.equal('confirmed');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');

    const download = $<HTMLAnchorElement>(el, 'a[download]')!;
    expect(download.getAttribute('download')).to.equal('appointment.ics');
    expect(download.href).to.match(/^blob:/);
    const ics = await (await network.realFetch(download.href)).text();
    expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).to.include(`DTSTART:${start.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
    expect(ics).to.include('SUMMARY:Initial consultation appointment');
    expect(ics).to.include(`UID:${confirm.detail.bookingId}@`);
    expectNoPhi(ics);
    expect(ics).not.to.include(el.accessToken!);
    await expect(el).to.be.accessible();
    expectOnlyApi(api);
  });

  it('a request-mode service says the clinic will confirm', async () => {
    const el = await mountBooking({ api: freshApi(), service: 'administration' });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    expect(confirmButton(el).textContent!.trim()).to.equal('Send request');
    confirmButton(el).click();
    await confirmed(el);
    expect($(el, '[data-focus="done"]')!.textContent!.trim()).to.equal('Your request has been sent');
    expect(text(el)).to.include('The clinic will check this time and contact you to confirm it.');
    expect(recorder.events.find((e) => e.type === 'kap-booking-confirm')!.detail.status).to.equal('requested');
    await expect(el).to.be.accessible();
  });

  it('ignores a second submit while the first is on its way: one POST', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    network.fail('POST', /\/bookings$/, async (_request, passThrough) => {
      await gate;
      return passThrough();
    });
    const submit = confirmButton(el);
    submit.click();
    submit.click();
    submit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    submit.click();
    await settle(el);
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el)).to.include('Confirming your booking…');
    expect(submit.disabled, 'stays focusable while busy').to.equal(false);
    await expect(el).to.be.accessible();
    release();
    await confirmed(el);
    expect(network.to('POST', /\/bookings$/)).to.have.length(1);
  });
});

describe('<kap-booking> keyboard, language and looks', () => {
  async function tabTo(el: HTMLElement & { shadowRoot: ShadowRoot | null }, predicate: (active: Element | null) => boolean, limit = 40) {
    for (let i = 0; i < limit; i += 1) {
      if (predicate(el.shadowRoot!.activeElement)) return;
      await sendKeys({ press: 'Tab' });
    }
    throw new Error(`Tab never reached the target; focus is on ${el.shadowRoot!.activeElement?.outerHTML}`);
  }

  it('books with the keyboard alone: Tab, arrow keys, Enter and Space', async () => {
    const el = await mountBooking({ api: freshApi(), 'privacy-url': '/privacy.html' });
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the week');
    // Reach a week with more than one day of free times using the keyboard too.
    while (dayButtons(el).length < 2) {
      await tabTo(el, (a) => a?.textContent?.includes('Next week') ?? false);
      await sendKeys({ press: 'Enter' });
      await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the next week');
    }
    await tabTo(el, (a) => a?.classList.contains('day') ?? false);
    const days = dayButtons(el);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(days[1]);
    expect(days[1]!.tabIndex).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(days[1]!.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.classList.contains('time')).to.equal(true);
    const times = timeButtons(el);
    expect(times.length, 'a whole day of the demo clinic has more than one time').to.be.greaterThan(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(times[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(times[times.length - 1]);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    const chosen = times[1]!;
    const start = startOf(chosen);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '[data-focus="details"]'), 'focus on the details heading');

    await tabTo(el, (a) => a?.id === 'kap-name');
    await sendKeys({ type: CLIENT.name });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: CLIENT.email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: CLIENT.phone });
    await tabTo(el, (a) => a?.id === 'kap-privacy');
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#kap-privacy')!.checked).to.equal(true);
    await tabTo(el, (a) => a?.classList.contains('confirm') ?? false);
    await sendKeys({ press: 'Enter' });
    await confirmed(el);
    expect(focused(el)).to.equal($(el, '[data-focus="done"]'));
    const body = JSON.parse(network.to('POST', /\/bookings$/)[0]!.body);
    expect(body.start).to.equal(start);
    expect(body.client.name).to.equal(CLIENT.name);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'a[download]'));
  });

  it('speaks Spanish when the Spanish module is loaded, including long strings at 320px', async () => {
    await import('../../src/es.js');
    await setViewport({ width: 320, height: 640 });
    const el = await mountBooking({ api: freshApi(), lang: 'es', 'time-zone': 'Europe/Madrid' });
    await showWeekWithTimes(el);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Elija una hora');
    expect($(el, '[part~="zone"]')!.textContent!.trim()).to.match(/^Horas mostradas en hora (de Europa central|central europea)/);
    expect(accessibleName(dayButtons(el)[0]!)).to.match(/^(lunes|martes|miércoles|jueves|viernes), \d{1,2} de [a-z]+ de \d{4} \d+ horas? disponibles?$/);
    expect(el.scrollWidth, 'no sideways scrolling at 320px').to.be.at.most(320);
    await expect(el).to.be.accessible();

    timeButtons(el)[0]!.click();
    await until(() => $(el, '#kap-name'), 'details');
    confirmButton(el).click();
    await settle(el);
    expect($(el, '.error-summary h2')!.textContent).to.equal('Hay un problema');
    expect($(el, 'label[for="kap-name"]')!.textContent).to.equal('Nombre y apellidos');
    expect(text(el)).to.include('Escriba su nombre y apellidos');
    expect(confirmButton(el).textContent!.trim()).to.equal('Confirmar la reserva');
    for (const control of $$(el, 'button, input, .error-summary, .field')) {
      expect(control.getBoundingClientRect().right, control.outerHTML.slice(0, 60)).to.be.at.most(321);
    }
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('takes its language from the nearest [lang] ancestor, and any string can be overridden', async () => {
    await import('../../src/es.js');
    const api = freshApi();
    const wrapper = document.createElement('section');
    wrapper.lang = 'es-MX';
    const el = document.createElement('kap-booking');
    el.setAttribute('api', api);
    el.strings = { chooseTimeHeading: 'Reserve su consulta', zoneNote: 'Zona: {zone}' };
    wrapper.append(el);
    document.body.append(wrapper);
    try {
      await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the week');
      expect(el.language).to.equal('es-MX');
      expect($(el, 'h2')!.textContent!.trim()).to.equal('Reserve su consulta');
      expect($(el, '[part~="zone"]')!.textContent!.trim()).to.match(/^Zona: /);
      expect(button(el, 'Semana siguiente')).to.exist;
    } finally {
      wrapper.remove();
    }
  });

  it('has a dark theme that passes axe, and light by default', async () => {
    const light = await mountBooking({ api: freshApi() });
    await until(() => dayButtons(light)[0] || $(light, '.empty'), 'the week');
    expect(getComputedStyle($(light, '[part~="base"]')!).backgroundColor).to.equal('rgb(255, 255, 255)');

    const el = await mountBooking({ api: freshApi(), theme: 'dark' });
    await showWeekWithTimes(el);
    expect(getComputedStyle($(el, '[part~="base"]')!).backgroundColor).to.equal('rgb(17, 26, 29)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
    timeButtons(el)[0]!.click();
    await until(() => $(el, '#kap-name'), 'details');
    confirmButton(el).click();
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('keeps its targets at least 44px and its focus ring visible', async () => {
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    for (const control of [...dayButtons(el), ...timeButtons(el), button(el, 'Next week')]) {
      expect(control.getBoundingClientRect().height).to.be.at.least(44);
    }
    dayButtons(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    const ring = getComputedStyle(focused(el)!);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineWidth).to.equal('3px');
  });
});

function deepJson(value: unknown): string {
  return JSON.stringify(value);
}
