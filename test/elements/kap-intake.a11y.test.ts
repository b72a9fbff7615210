/**
 * `<kap-intake>` as assistive technology meets it: headings at the host page's level in every
 * state (axe's heading-order under the page's `h1`), required and invalid states in the
 * accessibility tree (read from Chromium's own tree), an instrument's optional question left in its
 * published words, check-your-answers in a few Tab presses, dates and examples in the reader's
 * locale, a live status no `aria-busy` silences, and focus that never drops to `<body>` when a
 * "Try again" gives way.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PHQ9 } from '../../src/forms/instruments/index.js';
import '../../src/es.js';
import { accessibilityTree, accessibleNode, axeRule, watchFocus } from './support/harness.js';
import {
  $,
  $$,
  CLIENT,
  DEMO_FORM,
  answerEveryType,
  answerRows,
  answerScreeningNo,
  choose,
  completeDemo,
  errorSummaryLinks,
  field,
  fillContact,
  focused,
  freshApi,
  heading,
  intakeTests,
  loaded,
  mountEveryType,
  mountIntake,
  next,
  settle,
  type,
  until,
} from './support/intake.js';
import { errorAnswer, hang } from './support/network.js';

const { network } = intakeTests({ secrets: [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zephyrine', '1979'] });

const tree = accessibilityTree;
const node = accessibleNode;

/** The levels of the headings the element shows, in order. */
function levels(el: Element): string[] {
  return $$(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName.toLowerCase()} ${h.textContent!.trim()}`);
}

describe('<kap-intake> headings follow the host page', () => {
  it('under the page’s h1: the error summary and the page heading are h2, the crisis panel and answer cards h3; axe heading-order runs and passes', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await next(el);
    expect(levels(el).slice(0, 2)).to.deep.equal(['h2 There is a problem', 'h2 Your details']);
    const order = await axeRule(el, 'heading-order');
    expect(order.ran, 'heading-order had headings to check').to.equal(true);
    expect(order.violations).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    await next(el);
    await answerRows(el, 'phq-9', 9, 'not-at-all', { 9: 'several-days' });
    await until(() => $(el, '[part~="crisis"]'), 'the crisis panel');
    expect($(el, '#crisis-heading')!.tagName).to.equal('H3');
    expect((await axeRule(el, 'heading-order')).violations).to.deep.equal([]);
  });

  it('heading-level="3" under a section’s h2: top headings h3, sub-headings h4, in error and on check-your-answers', async () => {
    const el = await mountEveryType({ 'heading-level': '3' });
    await next(el);
    expect(levels(el)).to.deep.equal(['h3 There is a problem', 'h3 About you']);
    await answerEveryType(el);
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(levels(el)).to.deep.equal(['h3 Check your answers before sending them', 'h4 About you', 'h4 Your health', 'h4 Mood and consent']);
  });

  it('the error summary and check-your-answers are styled as they come, with the answer checks’ chunk', async () => {
    const el = await mountEveryType();
    await next(el);
    const summary = $(el, '.error-summary')!;
    expect(getComputedStyle(summary).borderTopWidth, 'the error summary’s 5px border').to.equal('5px');
    await answerEveryType(el);
    expect(getComputedStyle($(el, '.answers-title')!).display, 'a card’s title beside its Change').to.equal('flex');
  });

  for (const [value, top] of [
    ['1', 'h1'],
    ['6', 'h6'],
    ['seven', 'h2'],
    ['0', 'h2'],
  ] as const) {
    it(`heading-level="${value}" gives an ${top} heading`, async () => {
      const el = await mountEveryType({ 'heading-level': value });
      expect($(el, '#heading')!.tagName.toLowerCase()).to.equal(top);
    });
  }
});

describe('<kap-intake> required and invalid states in the accessibility tree', () => {
  it('text, number and date fields: required unless optional, invalid once in error', async () => {
    const el = await mountEveryType({ lang: 'en-US' });
    let snapshot = await tree();
    expect(node(snapshot, 'textbox', 'Email address').required).to.equal(true);
    expect(node(snapshot, 'textbox', 'Weight').required).to.equal(true);
    expect(node(snapshot, 'textbox', 'Preferred name (optional)').required).not.to.equal(true);
    for (const part of ['Day', 'Month', 'Year']) expect(node(snapshot, 'textbox', part).required, part).to.equal(true);

    await type(el, 'dob.day', '14');
    await next(el);
    snapshot = await tree();
    expect(node(snapshot, 'textbox', 'Email address').invalid).to.equal('true');
    expect(node(snapshot, 'textbox', 'Preferred name (optional)').invalid).not.to.equal('true');
    expect(node(snapshot, 'textbox', 'Month').invalid).to.equal('true');
    expect(node(snapshot, 'textbox', 'Year').invalid).to.equal('true');
    expect(node(snapshot, 'textbox', 'Day').invalid, 'the day was given').not.to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('radio groups are required radiogroups and every radio of a group in error is invalid; so is every checkbox of a group in error', async () => {
    const el = await mountEveryType();
    await answerEveryType(el, 1);
    let snapshot = await tree();
    expect(node(snapshot, 'radiogroup', 'How should we contact you?').required).to.equal(true);
    expect(node(snapshot, 'radiogroup', 'Are you pregnant?').required).to.equal(true);

    await next(el);
    snapshot = await tree();
    expect(node(snapshot, 'radiogroup', 'How should we contact you?').invalid).to.equal('true');
    for (const name of ['Email', 'Phone', 'Post', 'Yes', 'No']) expect(node(snapshot, 'radio', name).invalid, name).to.equal('true');
    for (const name of ['Headaches', 'Nausea', 'None of these']) expect(node(snapshot, 'checkbox', name).invalid, name).to.equal('true');
    await expect(el).to.be.accessible();

    await choose(el, 'contact-by', 'phone');
    await choose(el, 'symptoms', 'nausea');
    await choose(el, 'pregnant', 'no');
    await next(el);
    snapshot = await tree();
    expect(node(snapshot, 'radiogroup', '1. Calm').required, 'each scale row').to.equal(true);
    // Chromium's tree has no required state for a checkbox; the attribute is there for those that read it.
    expect(field(el, 'agree').getAttribute('aria-required'), 'the consent').to.equal('true');
    expect(node(snapshot, 'checkbox', 'I agree to this').invalid, 'not invalid before Continue').not.to.equal('true');
    expect(node(snapshot, 'textbox', 'Your full name').required, 'the signature').to.equal(true);
    await next(el);
    snapshot = await tree();
    expect(node(snapshot, 'radiogroup', '1. Calm').invalid).to.equal('true');
    expect(snapshot.filter((n) => n.role === 'radio' && n.invalid === 'true')).to.have.length(6);
    expect(node(snapshot, 'checkbox', 'I agree to this').invalid).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> an instrument’s optional question keeps its published words', () => {
  it('the PHQ-9 difficulty question is exactly as published; "optional" is a hint of its own, read with it', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    await next(el);
    expect(heading(el)).to.equal('How you have been feeling');
    const question = field(el, 'phq-9.q10').closest('fieldset')!;
    expect(question.querySelector('legend')!.textContent!.trim()).to.equal(PHQ9.extra!.text);
    const hint = $(el, '#o-phq-9\\.q10')!;
    expect(hint.textContent!.trim()).to.equal('This question is optional.');
    expect(question.getAttribute('aria-describedby')!.split(' ')).to.include('o-phq-9.q10');
    expect(node(await tree(), 'radiogroup', PHQ9.extra!.text).required, 'not required').not.to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> check-your-answers by keyboard', () => {
  it('reaches "Send my answers" in a few Tab presses: one Change per page, not one per answer', async function () {
    this.timeout(60_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    expect(focused(el) === $(el, '#heading')).to.equal(true);
    const changes = $$<HTMLButtonElement>(el, 'button').filter((b) => b.textContent!.trim().startsWith('Change'));
    expect(changes.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Change Your details',
      'Change Your health',
      'Change How you have been feeling',
      'Change Worry and anxiety',
      'Change Stressful experiences',
      'Change Consent',
    ]);
    let presses = 0;
    while (focused(el) !== $(el, 'button[type="submit"]') && presses < 80) {
      await sendKeys({ press: 'Tab' });
      presses += 1;
    }
    expect(presses, 'Tab presses from the heading to Send').to.be.at.most(7);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> dates and examples follow the locale', () => {
  const order = (el: Element) => $$<HTMLInputElement>(el, '.date input').map((input) => input.dataset['part']);

  for (const [lang, parts, example, phone] of [
    ['en-US', ['month', 'day', 'year'], 'For example, 3 27 1985', 'like 212 555 0100'],
    ['en-GB', ['day', 'month', 'year'], 'For example, 27 3 1985', 'like 07700 900 982'],
    ['es', ['day', 'month', 'year'], 'Por ejemplo, 27 3 1985', 'como 612 345 678'],
  ] as const) {
    it(`${lang}: date fields ${parts.join('/')}, an example in that order, a local phone example`, async () => {
      const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, lang });
      await loaded(el);
      expect(order(el)).to.deep.equal(parts);
      expect($(el, '#h-date-of-birth')!.textContent!.trim()).to.equal(example);
      await type(el, 'phone', '12');
      await next(el);
      const links = errorSummaryLinks(el);
      expect(links.find((link) => link.getAttribute('href')!.startsWith('#f-date-of-birth'))!.getAttribute('href')).to.equal(`#f-date-of-birth.${parts[0]}`);
      expect(links.find((link) => link.getAttribute('href') === '#f-phone')!.textContent).to.include(phone);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<kap-intake> the sending status is announced', () => {
  it('no aria-busy around the live status while the answers are sent', async function () {
    this.timeout(60_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', /\/intake-responses$/, hang);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, '.status')?.textContent?.includes('Sending your answers'), 'the sending status');
    const status = $(el, '.status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.closest('[aria-busy="true"]') === null, 'no aria-busy ancestor, which would silence it').to.equal(true);
  });
});

describe('<kap-intake> focus never falls to the page when a control goes', () => {
  it('"Try again" after the form failed to load: focus waits on the loading message, then the form’s heading', async () => {
    network.fail('GET', /\/forms\//, errorAnswer(418, 'teapot'), 1);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    $<HTMLButtonElement>(el, '[role="alert"] button')!.focus();
    const watch = watchFocus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === $(el, '#heading'), 'focus on the form’s heading');
    watch.stop();
    expect(watch.lost(), 'moments focus sat on <body>').to.equal(0);
    expect(heading(el)).to.equal('Your details');
  });

  it('"Try again" after sending failed: focus moves to "Send my answers", then to the confirmation', async function () {
    this.timeout(60_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', /\/intake-responses$/, errorAnswer(418, 'teapot'), 1);
    // The retry waits until the test has looked at where focus went.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    network.fail('POST', /\/intake-responses$/, async (_request, passThrough) => held.then(passThrough), 1);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => $(el, 'form [role="alert"] button'), 'the failure');
    $<HTMLButtonElement>(el, 'form [role="alert"] button')!.focus();
    const watch = watchFocus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(focused(el) === $(el, 'button[type="submit"]'), 'focus on Send, which the retry is doing').to.equal(true);
    release();
    await until(() => $(el, '[part~="confirmation"]'), 'the confirmation');
    await until(() => focused(el) === $(el, '#heading'), 'focus on the confirmation');
    watch.stop();
    expect(watch.lost(), 'moments focus sat on <body>').to.equal(0);
  });
});
