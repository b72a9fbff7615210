/**
 * Mistakes a website team makes when it sets an element up (issue 7, items 11–14): each one gives
 * the team a precise console warning and `kap-error` `{ kind: 'configuration', code }`, once per
 * element, never with anything the client typed — and gives the client calm, true words. The real
 * reference backend answers; wrong paths, another origin and a closed port are real too.
 */
import { expect } from '@open-wc/testing';
import '../../src/kap-booking.js';
import '../../src/kap-intake.js';
import '../../src/kap-prep-checklist.js';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import { appendSettings, button, elementTests, freshApi, mount, settle, text, until, $ } from './support/harness.js';
import { CLIENT, chooseFirstTime, confirmButton, fillDetails, mountBooking, showWeekWithTimes } from './support/booking.js';
import { mountStatic } from './support/checklist.js';
import { DEMO_FORM, field, heading, mountIntake, next, type } from './support/intake.js';

const { network, recorder } = elementTests({ events: ['kap-error', 'kap-slot-select', 'kap-booking-confirm', 'kap-intake-submit'] });

let warnings: string[] = [];
const consoleWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = consoleWarn;
  for (const warning of warnings) {
    for (const secret of [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zeph-the-nickname']) expect(warning).not.to.include(secret);
  }
});

function errors(): unknown[] {
  return recorder.of('kap-error');
}

function problem(el: Element): string {
  return text($(el, '[part~="problem"]') ?? document.createElement('p'));
}

/** The same reference backend, on the other loopback name: another origin, which it does not allow. */
function otherOrigin(api: string): string {
  const url = new URL(api, location.href);
  url.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

const TINY_FORM = { id: 'tiny', title: 'A short form', pages: [{ id: 'p', title: 'About you', items: [{ type: 'text', id: 'nick', label: 'Nickname' }] }] };

describe('item 11: api pointing at the wrong place', () => {
  it('a wrong path: <kap-booking> says it is not available (not "link expired") and names the path for the web team', async () => {
    const api = `${freshApi()}wrong/`;
    const el = await mountBooking({ api });
    await until(() => $(el, '[part~="problem"]'), 'the configuration message');
    const base = new URL(api, location.href).href;
    expect(problem(el)).to.include('Sorry, this is not available online right now');
    expect(problem(el)).to.include(`api points at ${base}, where no kap backend answers (GET services → 404)`);
    expect(text(el)).not.to.include('expired');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'api_wrong_path' }]);
    expect(warnings).to.deep.equal([
      `kap-elements <kap-booking>: api points at ${base}, where no kap backend answers (GET services → 404); set api to the backend's base URL (kap-error code "api_wrong_path")`,
    ]);
    await expect(el).to.be.accessible();
  });

  it('a wrong path when managing a booking, for a checklist and for an intake form: the same message, not "not found"', async () => {
    const api = `${freshApi()}kap/`;
    const manage = await mountBooking({ api, booking: 'bk_123' }, (e) => (e.token = 'a-token'));
    const checklist = await mount('kap-prep-checklist', { api, booking: 'bk_123' }, (e) => (e.token = 'a-token'));
    const intake = await mountIntake({ api, form: DEMO_FORM });
    for (const el of [manage, checklist, intake]) {
      await until(() => $(el, '[part~="problem"]'), `${el.localName}'s configuration message`);
      expect(problem(el), el.localName).to.include('where no kap backend answers (GET services → 404)');
    }
    expect(text(manage)).not.to.include('expired');
    expect(text(intake)).not.to.include('has no form');
    expect(errors()).to.deep.equal([
      { kind: 'configuration', code: 'api_wrong_path' },
      { kind: 'configuration', code: 'api_wrong_path' },
      { kind: 'configuration', code: 'api_wrong_path' },
    ]);
  });

  it('a real 404 under the right api stays what it is: the backend answers GET services, so the form really is missing', async () => {
    const el = await mountIntake({ api: freshApi(), form: 'no-such-form' });
    await until(() => $(el, '[part~="problem"]'), 'the problem');
    expect(problem(el)).to.include('the backend has no form with the id "no-such-form"');
    expect(network.to('GET', /\/services$/), 'the one check').to.have.length(1);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'unknown_form' }]);
  });

  it('a backend that does not allow the page’s origin (CORS): the client is told calmly, the web team what to add', async () => {
    const api = otherOrigin(freshApi());
    const el = await mountBooking({ api });
    await until(() => $(el, '[part~="problem"]'), 'the configuration message', 15_000);
    const backend = new URL(api).origin;
    expect(problem(el)).to.include('Sorry, this is not available online right now');
    expect(problem(el)).to.include(
      `the backend at ${backend} did not allow this page's origin ${location.origin} (CORS): add ${location.origin} to its allow-list`,
    );
    expect(text(el)).not.to.include('internet connection');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'api_cors_refused' }]);
    expect(warnings).to.have.length(1);
    expect(new Set(network.requests.map((request) => new URL(request.url).origin)), 'requests only to the api origin').to.deep.equal(new Set([backend]));
  });

  it('a CORS refusal found only when sending an inline form keeps the answers on screen', async () => {
    const el = await mountIntake({ api: otherOrigin(freshApi()) }, TINY_FORM);
    await until(() => heading(el) === 'About you', 'the form');
    await type(el, 'nick', 'Zeph-the-nickname');
    await next(el);
    await until(() => heading(el) === 'Check your answers before sending them', 'check your answers');
    button(el, 'Send my answers').click();
    await until(() => $(el, '[role="alert"]') && errors().length, 'the failure', 15_000);
    expect(text($(el, '[role="alert"]')!)).to.include('Sorry, this is not available online right now. Please contact the clinic directly.');
    expect(text(el), 'the answers are still there').to.include('Zeph-the-nickname');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'api_cors_refused' }]);
  });

  it('a host where nothing answers: the client may retry, the web team hears it once', async () => {
    const el = await mountBooking({ api: 'http://127.0.0.1:65535/kap/' });
    await until(() => $(el, '[role="alert"]'), 'the failure', 15_000);
    expect(text(el)).to.include("We couldn't reach the clinic. Please check your internet connection and try again.");
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'api_unreachable' }]);
    expect(warnings).to.deep.equal([
      `kap-elements <kap-booking>: nothing answers at http://127.0.0.1:65535: check the host in api, that the backend runs, and this page's CSP connect-src (or this device is offline) (kap-error code "api_unreachable")`,
    ]);
    const probes = network.to('GET', /\/services$/).length;
    button(el, 'Try again').click();
    await until(() => errors().length === 2, 'the second failure', 15_000);
    expect(errors()[1]).to.deep.equal({ kind: 'network' });
    expect(warnings, 'reported once per element').to.have.length(1);
    expect(network.to('GET', /\/services$/).length - probes, 'no second check: the retry only').to.equal(4);
  });
});

describe('item 12: mistakes that were silent', () => {
  it('a trailing comma in the child settings JSON: the parser’s words and position for the web team; the booking still works', async () => {
    const el = await mountBooking({ api: freshApi() }, (e) => appendSettings(e, '{\n  "strings": { "chooseTimeHeading": "Pick a time", }\n}'));
    await showWeekWithTimes(el);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(
      /^kap-elements <kap-booking>: its <script type="application\/json"> is not valid JSON: Expected double-quoted property name in JSON at position 53 \(line 2 column 52\)/,
    );
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_settings' }]);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Choose a time');
  });

  it('an unknown strings key is named with the closest known key, once however often the element renders', async () => {
    const el = await mountBooking({ api: freshApi() }, (e) => {
      e.strings = { chooseTimeHeadng: 'Pick a time' } as never;
      appendSettings(e, { strings: { detailsHeadin: 'You' } });
    });
    await showWeekWithTimes(el);
    // The lookup of the closest key loads lazily: wait for both, then render more and see no repeat.
    await until(() => warnings.length >= 2, 'both unknown keys named');
    $<HTMLButtonElement>(el, '[data-week="next"]')!.click();
    await settle(el);
    el.requestUpdate();
    await settle(el);
    expect(warnings).to.deep.equal([
      'kap-elements <kap-booking>: the strings in its <script type="application/json">: "detailsHeadin" is not a string key; did you mean "detailsHeading"? (kap-error code "unknown_string")',
      'kap-elements <kap-booking>: its strings property: "chooseTimeHeadng" is not a string key; did you mean "chooseTimeHeading"? (kap-error code "unknown_string")',
    ]);
    expect(errors()).to.deep.equal([
      { kind: 'configuration', code: 'unknown_string' },
      { kind: 'configuration', code: 'unknown_string' },
    ]);
  });

  it('a bad time-zone on <kap-booking> shows the configuration message the README promises, and recovers when fixed', async () => {
    const el = await mountBooking({ api: freshApi(), 'time-zone': 'America/New York' });
    await settle(el);
    expect(problem(el)).to.include('Sorry, this is not available online right now');
    expect(problem(el)).to.include('time-zone="America/New York" is not an IANA time zone name; did you mean "America/New_York"?');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_time_zone' }]);
    expect(warnings).to.have.length(1);
    await expect(el).to.be.accessible();
    el.timeZone = 'America/New_York';
    await showWeekWithTimes(el);
    expect($(el, '[part~="problem"]')).to.equal(null);
  });

  it('a bad time-zone on <kap-prep-checklist> does the same', async () => {
    const el = await mountStatic(
      { checklist: { items: [{ id: 'a', text: 'Rest', group: 'Before' }] }, sessionStart: '2030-01-07T15:00:00Z' },
      { 'time-zone': 'Mars/Olympus_Mons' },
    );
    expect(problem(el)).to.include('time-zone="Mars/Olympus_Mons" is not an IANA time zone name (like America/New_York)');
    expect($(el, '[part~="item"]')).to.equal(null);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_time_zone' }]);
  });

  it('lang without its locale module: one whole language (English words and English dates), and the missing module named', async () => {
    const el = await mountBooking({ api: freshApi(), lang: 'fr', 'time-zone': 'Europe/Paris' });
    await showWeekWithTimes(el);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Choose a time');
    const days = text($(el, '.days')!);
    expect(days).to.match(/Monday|Tuesday|Wednesday|Thursday|Friday/);
    expect(days).not.to.match(/lundi|mardi|mercredi|jeudi|vendredi|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre/i);
    await until(() => warnings.length, 'the warning');
    expect(warnings).to.deep.equal([
      `kap-elements <kap-booking>: lang="fr" has no strings loaded, so all is shown in English: load its locale module (i18n/es.js for Spanish) or registerLocale('fr', …) (kap-error code "missing_locale")`,
    ]);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'missing_locale' }]);
  });
});

describe('item 13: malformed inline JSON in <kap-intake>', () => {
  it('says the definition is not valid JSON, where, instead of asking for a definition that is there', async () => {
    const el = await mountIntake({ api: freshApi() }, '{\n  "id": "tiny",\n  "title": "A short form",\n  "pages": [],\n}');
    await until(() => $(el, '[part~="problem"]'), 'the problem');
    expect(problem(el)).to.include('Sorry, this is not available online right now');
    expect(problem(el)).to.include(
      'its <script type="application/json"> is not valid JSON: Expected double-quoted property name in JSON at position 60 (line 5 column 1)',
    );
    expect(problem(el)).not.to.include('set the form attribute');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_settings' }]);
    expect(warnings).to.have.length(1);
  });

  it('with a form id the script held only settings: the form still loads, and the web team hears of the script', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM }, '{ "strings": { "intakeContinue": "Next" }, }');
    await until(() => heading(el) === 'Your details', 'the form');
    expect(field(el, 'full-name')).to.exist;
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/is not valid JSON: Expected double-quoted property name in JSON at position 43 \(line 1 column 44\)/);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_settings' }]);
  });
});

describe('item 14: no privacy notice to link', () => {
  async function detailsWithoutNotice(attributes: Record<string, string>, setup?: (e: KapBooking) => void): Promise<KapBooking> {
    const el = await mountBooking({ api: freshApi(), ...attributes }, setup);
    await chooseFirstTime(el);
    return el;
  }

  it('the consent names no notice the client cannot open; the web team is told once', async () => {
    const el = await detailsWithoutNotice({ 'privacy-url': '' });
    const consent = text($(el, '#kap-privacy')!.closest('fieldset')!);
    expect(consent).to.include('You can ask the clinic how it looks after your information.');
    expect(consent).to.include('I agree that the clinic may keep and use these details to arrange my appointment');
    expect(consent).not.to.include('privacy notice');
    expect($(el, '#kap-privacy-hint a')).to.equal(null);
    await fillDetails(el, { ...CLIENT, privacy: false });
    confirmButton(el).click();
    await settle(el);
    expect(text($(el, '.error-summary')!)).to.include('You must agree that the clinic may use these details to book');
    expect(text(el)).not.to.include('privacy notice');
    await expect(el).to.be.accessible();
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'missing_privacy_url' }]);
    expect(warnings).to.deep.equal([
      'kap-elements <kap-booking>: it has no privacy-url (nor privacy slot), so the consent links to no privacy notice: set privacy-url (kap-error code "missing_privacy_url")',
    ]);
  });

  it('an unusable privacy-url is reported too; the client is not shown a link to it', async () => {
    const el = await detailsWithoutNotice({ 'privacy-url': 'javascript:alert(1)' });
    expect($(el, '#kap-privacy-hint a')).to.equal(null);
    expect(text($(el, 'label[for="kap-privacy"]')!)).not.to.include('privacy notice');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_privacy_url' }]);
  });

  it('without a privacy-url attribute, the consent links the clinic’s own notice (GET clinic): nothing to report', async () => {
    const el = await detailsWithoutNotice({}, (e) => e.removeAttribute('privacy-url'));
    await until(() => $(el, '#kap-privacy-hint a'), 'the clinic’s notice to be linked');
    expect($<HTMLAnchorElement>(el, '#kap-privacy-hint a')!.href).to.equal(new URL('/privacy.html', document.baseURI).href);
    expect(text($(el, 'label[for="kap-privacy"]')!)).to.include('privacy notice');
    await expect(el).to.be.accessible();
    expect(errors()).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('the page’s own sentence in the privacy slot is a notice: nothing to report', async () => {
    const el = await detailsWithoutNotice({ 'privacy-url': '' }, (e) => {
      const sentence = document.createElement('p');
      sentence.slot = 'privacy';
      sentence.append('Read our ', Object.assign(document.createElement('a'), { href: '/privacy.html', textContent: 'privacy notice' }), '.');
      e.append(sentence);
    });
    expect(text($(el, 'label[for="kap-privacy"]')!)).to.equal('I agree to the privacy notice');
    expect(errors()).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('managing a booking asks for no consent: nothing to report', async () => {
    const el = await mountBooking({ api: freshApi(), 'privacy-url': '', booking: '' });
    await settle(el);
    expect(errors()).to.deep.equal([]);
  });
});
