/**
 * A Spanish page is Spanish: every state of the three elements with lang="es", against the real
 * reference backend, compared text by text with the English rendering of the same state
 * (`support/languages.ts`). What is left in English must be marked lang="en" and have a reason:
 * the only such texts are the GAD-7 (its Spanish form is not verified) and the PCL-5 (no official
 * Spanish form exists), shown as published. Each state also passes axe.
 */
import { expect } from '@open-wc/testing';
import '../../src/es.js';
import '../../src/kap-booking.js';
import '../../src/kap-prep-checklist.js';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import type { KapPrepChecklist } from '../../src/elements/kap-prep-checklist/kap-prep-checklist.js';
import { GAD7, PCL5, type Instrument } from '../../src/forms/index.js';
import { CLIENT as BOOKING_CLIENT, confirmButton, dayButtons, fillDetails, showWeekWithTimes, timeButtons, bookAsSomeoneElse } from './support/booking.js';
import { bookSession, checkbox, loaded as checklistLoaded } from './support/checklist.js';
import { $, $$, appendSettings, button, elementTests, freshApi, mount, settle, text, until } from './support/harness.js';
import { CLIENT as INTAKE_CLIENT, DEMO_FORM, answerRows, choose, fillContact, loaded, next, type } from './support/intake.js';
import { compareLanguages, readText, type Snapshot } from './support/languages.js';
import { bookThroughApi, freeSlots } from './support/manage.js';
import { offline } from './support/network.js';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/index.js';

const { network } = elementTests({ events: ['kap-error'] });

const NOTE = 'Zephyr wrote this note';
const TYPED = [...Object.values(INTAKE_CLIENT), ...Object.values(BOOKING_CLIENT).filter((value) => typeof value === 'string'), NOTE, '180'];
const ZONE = 'America/New_York';

/** Records each state of `element` under `name`, after checking it with axe. */
type Capture = (name: string, element: Element) => Promise<void>;
type Script = (lang: string, capture: Capture) => Promise<void>;

/** Runs `script` in English and in Spanish, each against a fresh clinic, and compares every state. */
async function walk(script: Script): Promise<ReturnType<typeof compareLanguages> & { states: number }> {
  const snapshots: Record<'en' | 'es', Snapshot> = { en: new Map(), es: new Map() };
  const record = async (lang: 'en' | 'es', name: string, element: Element) => {
    await (element as KapIntake).updateComplete;
    expect(snapshots[lang].has(name), `state "${name}" is named once`).to.equal(false);
    snapshots[lang].set(name, readText(element));
  };
  const removeAll = () => $$all('kap-booking, kap-intake, kap-prep-checklist').forEach((host) => host.parentElement?.remove());
  // English states pass axe in the elements' own tests; every Spanish state is checked here.
  await script('en', (name, element) => record('en', name, element));
  removeAll();
  await script('es', async (name, element) => {
    await record('es', name, element);
    await expect(element).to.be.accessible();
  });
  removeAll();
  return { ...compareLanguages(snapshots.es, snapshots.en, TYPED), states: snapshots.es.size };
}

const $$all = (selector: string) => [...document.querySelectorAll(selector)];

/** Every text of an instrument as published: what a Spanish page may show in English, and why. */
function instrumentTexts(instrument: Instrument): Set<string> {
  return new Set(
    [
      instrument.name,
      instrument.stem,
      instrument.instructionsElectronic,
      instrument.notice,
      ...instrument.options.map((option) => option.label),
      ...instrument.items.map((item) => item.text),
      instrument.extra?.text,
      ...(instrument.extra?.options.map((option) => option.label) ?? []),
    ].filter((value): value is string => !!value),
  );
}

type Left = ReturnType<typeof compareLanguages>['englishLeft'][number];
const inSet = (texts: Set<string>) => (left: Left) => texts.has(left.text);

const REASONS: [string, (left: Left) => boolean][] = [
  ['GAD-7: its Spanish form is not verified, so the English form is shown as published', inSet(instrumentTexts(GAD7))],
  ['PCL-5: no official Spanish form exists, so the English form is shown as published', inSet(instrumentTexts(PCL5))],
  // A set-up mistake shows the client a calm Spanish message, and the website team its technical detail, in English.
  ['the website team’s technical detail of a set-up mistake, in English by design', (left) => left.part.split(' ').includes('problem')],
];

/** Fails on any broken rule, and on English left without one of the reasons above; logs the count. */
function expectSpanish(element: string, report: Awaited<ReturnType<typeof walk>>): void {
  expect(report.failures, report.failures.join('\n')).to.deep.equal([]);
  const unexplained = report.englishLeft.filter((left) => !REASONS.some(([, explains]) => explains(left)));
  expect(unexplained, JSON.stringify(unexplained, null, 1)).to.deep.equal([]);
  const distinct = [...new Map(report.englishLeft.map((left) => [left.text, left])).values()];
  const byReason = REASONS.map(([reason, explains]) => [distinct.filter(explains).length, reason] as const).filter(([count]) => count);
  console.log(
    `${element}: ${report.states} states in Spanish; ${distinct.length} distinct English strings left, each marked lang="en"` +
      (byReason.length ? ` (${byReason.map(([count, reason]) => `${count} × ${reason}`).join('; ')})` : ''),
  );
}

// ---- kap-intake ----------------------------------------------------------------------------

/** Answers every question on the page "yes" (or the first option, or every option), typing a note where asked. */
async function answerEverything(el: KapIntake): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const inputs = $$<HTMLInputElement>(el, 'form input, form textarea');
    for (const name of new Set(inputs.filter((input) => input.type === 'radio').map((input) => input.name))) {
      const group = inputs.filter((input) => input.name === name);
      if (group.some((input) => input.checked)) continue;
      await choose(el, name, (group.find((input) => input.value === 'yes') ?? group[0]!).value);
    }
    for (const box of inputs.filter((input) => input.type === 'checkbox' && !input.dataset['part'] && !input.checked && input.value !== 'none')) {
      await choose(el, box.name, box.value);
    }
    for (const field of inputs.filter((input) => (input.localName === 'textarea' || input.type === 'text') && !input.value)) {
      await type(el, field.name, field.name === 'ms-weight' ? '180' : NOTE);
    }
  }
}

/** Continue with nothing answered: the page's error summary. */
async function emptyContinue(el: KapIntake, capture: Capture, state: string): Promise<void> {
  await next(el);
  await until(() => $(el, '.error-summary'), `${state}: the error summary`);
  await capture(`${state}: errors`, el);
}

const intakeScript: Script = async (lang, capture) => {
  const api = freshApi();
  const broken = await mount('kap-intake', { api, form: 'no-such-form', lang });
  await until(() => $(broken, '[part~="problem"]'), 'the configuration problem');
  await capture('unknown form', broken);

  network.fail('GET', /\/forms\//, offline);
  const failing = await mount('kap-intake', { api, form: DEMO_FORM, lang });
  await until(() => $(failing, '[role="alert"]'), 'the load failure', 15_000);
  await capture('load failure', failing);
  network.clearFaults();

  const session = await bookThroughApi(api, network.realFetch);
  const linked = await mount('kap-intake', { api, form: DEMO_FORM, lang, booking: session.booking.id }, (e) => {
    e.token = session.accessToken;
  });
  await loaded(linked);
  await capture('first page, linked to a booking', linked);

  const el = await mount('kap-intake', { api, form: DEMO_FORM, lang });
  await loaded(el);
  await capture('contact', el);
  await emptyContinue(el, capture, 'contact');
  await fillContact(el);
  await next(el);
  await capture('screening', el);
  await emptyContinue(el, capture, 'screening');
  await answerEverything(el);
  await capture('screening, every follow-up shown', el);
  await next(el);
  await capture('phq-9', el);
  await emptyContinue(el, capture, 'phq-9');
  await answerRows(el, 'phq-9', 9, 'several-days');
  await choose(el, 'phq-9.q10', 'somewhat-difficult');
  await capture('phq-9 with the crisis panel', el);
  await next(el);
  for (const [instrument, count, value] of [
    ['gad-7', 7, 'several-days'],
    ['pcl-5', 20, 'a-little-bit'],
  ] as const) {
    await capture(instrument, el);
    await emptyContinue(el, capture, instrument);
    await answerRows(el, instrument, count, value);
    await next(el);
  }
  await capture('consent', el);
  await emptyContinue(el, capture, 'consent');
  await choose(el, 'consent-treatment-information', 'on');
  await next(el);
  await capture('consent without a signature', el);
  await type(el, 'consent-treatment-information.signature', INTAKE_CLIENT.signature);
  await next(el);
  await until(() => $(el, '[part~="answers"]'), 'check your answers');
  await capture('check your answers', el);
  network.fail('POST', /\/intake-responses$/, offline);
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await until(() => $(el, '[part~="notice"][role="alert"]'), 'the send failure', 15_000);
  await capture('send failed', el);
  network.clearFaults();
  button(el, lang === 'es' ? 'Intentarlo de nuevo' : 'Try again').click();
  await until(() => $(el, '[part~="confirmation"]'), 'the confirmation');
  await capture('sent', el);
};

// ---- kap-booking ---------------------------------------------------------------------------

const bookingScript: Script = async (lang, capture) => {
  const api = freshApi();
  const broken = await mount('kap-booking', { api, service: 'no-such-service', lang });
  await until(() => $(broken, '[part~="problem"]'), 'the configuration problem');
  await capture('unknown service', broken);

  const el: KapBooking = await mount('kap-booking', { api, lang, 'time-zone': ZONE, 'manage-url': '/manage.html' });
  await showWeekWithTimes(el);
  await capture('a week with times', el);
  for (let week = 0; week < 14 && !$(el, '.empty'); week++) {
    $<HTMLButtonElement>(el, '[data-week="next"]')!.click();
    await settle(el);
    await until(() => dayButtons(el)[0] || $(el, '.empty'), 'the week');
  }
  await capture('a week without times', el);
  el.parentElement!.remove();

  const stale: KapBooking = await mount('kap-booking', { api, lang, 'time-zone': ZONE });
  await showWeekWithTimes(stale);
  const taken = timeButtons(stale).at(-1)!; // any time of the first day (it may offer only one)
  await bookAsSomeoneElse(api, taken.dataset['roving']!, network.realFetch);
  taken.click();
  await until(() => $(stale, '[data-focus="notice"]'), 'the slot taken notice');
  await capture('someone else took the time', stale);
  stale.parentElement!.remove();

  const form: KapBooking = await mount('kap-booking', { api, lang, 'time-zone': ZONE, 'manage-url': '/manage.html' });
  await showWeekWithTimes(form);
  timeButtons(form)[0]!.click();
  await until(() => $(form, '#kap-name'), 'the details step');
  await capture('details', form);
  confirmButton(form).click();
  await settle(form);
  await capture('details with errors', form);
  await fillDetails(form, BOOKING_CLIENT);
  confirmButton(form).click();
  await until(() => $(form, '[data-focus="done"]'), 'the confirmation');
  await capture('confirmed', form);

  const request: KapBooking = await mount('kap-booking', { api, lang, service: 'administration', 'time-zone': ZONE });
  await showWeekWithTimes(request);
  await capture('a request-mode, in-person service', request);

  const integration: KapBooking = await mount('kap-booking', { api, lang, service: 'integration', 'time-zone': ZONE });
  await until(() => $(integration, '[part~="window"], [part~="notice"]'), 'the follow-up note');
  await capture('a follow-up service without its opening booking', integration);

  const { slots } = await freeSlots(api, network.realFetch, 'consultation', 14, 28);
  const created = await bookThroughApi(api, network.realFetch, 'consultation', slots[0]!.start);
  const managed: KapBooking = await mount('kap-booking', { api, lang, booking: created.booking.id, 'time-zone': ZONE }, (e) => {
    e.token = created.accessToken;
  });
  await until(() => $(managed, '[data-focus="manage"]'), 'the booking');
  await capture('managing a booking', managed);
  $<HTMLButtonElement>(managed, '[data-focus="change-action"]')!.click();
  await showWeekWithTimes(managed);
  await capture('choosing a new time', managed);
  // The day's last free time: the first day with times may have only one (the booking itself lies 14 days on).
  timeButtons(managed).at(-1)!.click();
  await until(() => $(managed, '#move-heading'), 'the move to confirm');
  await capture('confirming the move', managed);
  $<HTMLButtonElement>(managed, 'button.confirm')!.click();
  await until(() => text(managed).includes(lang === 'es' ? 'Hemos cambiado su cita' : 'Your appointment has been moved'), 'moved');
  await capture('moved', managed);
  managed.parentElement!.remove();

  const other = await bookThroughApi(api, network.realFetch, 'consultation', slots[2]!.start);
  const cancelling: KapBooking = await mount('kap-booking', { api, lang, booking: other.booking.id, 'time-zone': ZONE }, (e) => {
    e.token = other.accessToken;
  });
  await until(() => $(cancelling, '[data-focus="cancel-action"]'), 'the booking');
  $<HTMLButtonElement>(cancelling, '[data-focus="cancel-action"]')!.click();
  await until(() => $(cancelling, '[data-focus="confirm-cancel"]'), 'the cancel question');
  await capture('cancel?', cancelling);
  button(cancelling, lang === 'es' ? 'Sí, cancelarla' : 'Yes, cancel it').click();
  await until(() => text(cancelling).includes(lang === 'es' ? 'Su cita está cancelada' : 'Your appointment is cancelled'), 'cancelled');
  await capture('cancelled', cancelling);
};

// ---- kap-prep-checklist --------------------------------------------------------------------

const checklistScript: Script = async (lang, capture) => {
  const api = freshApi();
  const missing = await mount('kap-prep-checklist', { api, lang });
  await capture('no link', missing);

  const session = await bookSession(api, network.realFetch);
  const expired = await mount('kap-prep-checklist', { api, lang, booking: session.bookingId }, (e) => {
    e.token = `${session.token.slice(0, -2)}${session.token.endsWith('zz') ? 'yy' : 'zz'}`;
  });
  await until(() => $(expired, '[part~="notice"]'), 'the expired link');
  await capture('expired link', expired);

  const el: KapPrepChecklist = await mount('kap-prep-checklist', { api, lang, booking: session.bookingId, 'time-zone': ZONE }, (e) => {
    e.token = session.token;
  });
  await checklistLoaded(el);
  await capture('the KAP default checklist', el);
  network.fail('PUT', /\/checklist\//, offline);
  checkbox(el, 'stop-eating').click();
  await until(() => $(el, '[data-item="stop-eating"] [role="alert"]'), 'the save failure', 15_000);
  await capture('a tick that could not be saved', el);
  network.clearFaults();
  for (const box of $$<HTMLInputElement>(el, 'input[type="checkbox"]').filter((input) => !input.checked)) box.click();
  await until(() => $(el, '.notice--success'), 'everything done');
  await capture('everything done', el);

  const consultation = await bookSession(api, network.realFetch, 'consultation');
  const demo = await mount('kap-prep-checklist', { api, lang, booking: consultation.bookingId, 'time-zone': ZONE }, (e) => {
    e.token = consultation.token;
  });
  await checklistLoaded(demo);
  await capture('the consultation checklist', demo);

  const fixed = await mount('kap-prep-checklist', { lang, 'time-zone': ZONE }, (e) =>
    appendSettings(e, { checklist: KAP_DEFAULT_CHECKLIST, sessionStart: '2031-03-05T15:00:00Z' }),
  );
  await checklistLoaded(fixed);
  await capture('a static checklist given per language', fixed);
};

describe('a Spanish page is Spanish (every state, compared with its English rendering)', () => {
  it('<kap-intake>: Spanish throughout but the GAD-7 and PCL-5, which are marked lang="en"', async function () {
    this.timeout(240_000);
    const report = await walk(intakeScript);
    expectSpanish('<kap-intake>', report);
    for (const [reason, explains] of REASONS) expect(report.englishLeft.some(explains), reason).to.equal(true);
  });

  it('<kap-booking>: Spanish throughout, service names included', async function () {
    this.timeout(240_000);
    const report = await walk(bookingScript);
    expectSpanish('<kap-booking>', report);
    expect(report.englishLeft).to.deep.equal([], 'nothing: even the unknown service’s detail is in the Spanish strings');
  });

  it('<kap-prep-checklist>: Spanish throughout, the clinic’s items included', async function () {
    this.timeout(240_000);
    const report = await walk(checklistScript);
    expectSpanish('<kap-prep-checklist>', report);
    expect(report.englishLeft).to.deep.equal([], 'nothing');
  });
});
