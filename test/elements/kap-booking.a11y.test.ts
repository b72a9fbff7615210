/**
 * `<kap-booking>` as assistive technology meets it: focus that never drops to `<body>` when a
 * render removes the control that had it ("Show next week", every "Try again"), headings at the
 * host page's level, required and invalid states in Chromium's accessibility tree, a live status
 * no `aria-busy` silences, and states that stay apart in forced colours (Windows High Contrast).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
// The element's own clock rule (two-digit hours on a 24-hour clock): the hour this test meets depends on today's first free time.
import { formatTime } from '../../src/scheduling/format.js';
import { accessibilityTree, accessibleNode, axeRule, watchFocus } from './support/harness.js';
import {
  $,
  $$,
  CLIENT,
  allByRole,
  bookingTests,
  byRole,
  chooseFirstTime,
  confirmButton,
  dayButtons,
  fillDetails,
  focused,
  freshApi,
  mountBooking,
  settle,
  showWeekWithTimes,
  timeButtons,
  until,
} from './support/booking.js';
import { bookThroughApi } from './support/manage.js';
import { answer, errorAnswer, type Fault } from './support/network.js';

const { network } = bookingTests({
  after: () => executeServerCommand<boolean, { active: boolean }>('emulate-forced-colors', { active: false }).then(() => undefined),
});

/** A fault that holds matching requests until `release()`, then lets them through. */
function held(): { fault: Fault; release(): void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { fault: (_request, passThrough) => gate.then(passThrough), release: () => release() };
}

/** Presses Enter on `control` (focused first, as a keyboard user would be on it) and watches focus. */
async function pressEnterOn(control: HTMLElement): Promise<ReturnType<typeof watchFocus>> {
  control.focus();
  const watch = watchFocus();
  await sendKeys({ press: 'Enter' });
  return watch;
}

/** The week's first control: its first day (the tab stop), or "Show next week" when it has no times. */
function firstOfWeek(el: KapBooking): HTMLElement | null {
  return dayButtons(el)[0] ?? allByRole<HTMLButtonElement>(el, 'button', 'Show next week')[0] ?? null;
}

describe('<kap-booking> focus never falls to the page when a control goes', () => {
  it('"Show next week" on a week without times: focus waits on the loading message, then the next week’s first day', async () => {
    network.fail('GET', /\/availability$/, answer(200, { service: 'consultation', timeZone: 'America/New_York', slots: [] }), 1);
    const el = await mountBooking({ api: freshApi() });
    await until(() => allByRole(el, 'button', 'Show next week').length, 'the empty week');
    const watch = await pressEnterOn(byRole<HTMLButtonElement>(el, 'button', 'Show next week'));
    await until(() => firstOfWeek(el) && focused(el) === firstOfWeek(el), 'focus on the next week’s first control');
    watch.stop();
    expect(watch.lost(), 'moments focus sat on <body>').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('"Try again" after the times failed to load: focus ends on the week’s first control', async () => {
    network.fail('GET', /\/availability$/, errorAnswer(418, 'teapot'), 1);
    const el = await mountBooking({ api: freshApi() });
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    const watch = await pressEnterOn($<HTMLButtonElement>(el, '[role="alert"] button')!);
    await until(() => firstOfWeek(el) && focused(el) === firstOfWeek(el), 'focus on the week');
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });

  it('"Try again" after the service failed to load: focus ends on the step’s heading', async () => {
    network.fail('GET', /\/services$/, errorAnswer(418, 'teapot'), 1);
    const el = await mountBooking({ api: freshApi() });
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    const watch = await pressEnterOn($<HTMLButtonElement>(el, '[role="alert"] button')!);
    await until(() => focused(el) === $(el, '#times-heading'), 'focus on "Choose a time"');
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });

  it('"Try again" after a time could not be held: focus on that time while it is held, then on the details', async () => {
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    const time = timeButtons(el)[0]!;
    network.fail('POST', /\/holds$/, errorAnswer(418, 'teapot'), 1);
    const gate = held();
    network.fail('POST', /\/holds$/, gate.fault, 1);
    time.click();
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    const watch = await pressEnterOn($<HTMLButtonElement>(el, '[role="alert"] button')!);
    await settle(el);
    expect(focused(el) === time, 'focus on the time being held').to.equal(true);
    gate.release();
    await until(() => focused(el) === $(el, '[data-focus="details"]'), 'focus on the details');
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });

  it('"Try again" after confirming failed: focus on the confirm button while it is sent, then on the confirmation', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    network.fail('POST', /\/bookings$/, errorAnswer(418, 'teapot'), 1);
    const gate = held();
    network.fail('POST', /\/bookings$/, gate.fault, 1);
    confirmButton(el).click();
    await until(() => $(el, 'form [role="alert"] button'), 'the failure');
    const watch = await pressEnterOn($<HTMLButtonElement>(el, 'form [role="alert"] button')!);
    await settle(el);
    expect(focused(el) === confirmButton(el), 'focus on Confirm booking').to.equal(true);
    gate.release();
    await until(() => focused(el) === $(el, '[data-focus="done"]'), 'focus on the confirmation');
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });

  it('"Try again" after a managed booking failed to load: focus ends on its heading', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    network.fail('GET', /\/bookings\//, errorAnswer(418, 'teapot'), 1);
    const el = await mountBooking({ api, booking: created.booking.id }, (element) => {
      element.token = created.accessToken;
    });
    await until(() => $(el, '[role="alert"] button'), 'the failure');
    const watch = await pressEnterOn($<HTMLButtonElement>(el, '[role="alert"] button')!);
    await until(() => focused(el) === $(el, '[data-focus="manage"]'), 'focus on "Your appointment"');
    watch.stop();
    expect(watch.lost()).to.equal(0);
  });
});

describe('<kap-booking> headings follow the host page', () => {
  it('under the page’s h1 the error summary and the step heading are h2: axe heading-order runs and passes', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    confirmButton(el).click();
    await until(() => $(el, '.error-summary'), 'the error summary');
    const headings = $$(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName.toLowerCase()} ${h.textContent!.trim()}`);
    expect(headings).to.deep.equal(['h2 There is a problem', 'h2 Your details']);
    const order = await axeRule(el, 'heading-order');
    expect(order.ran, 'heading-order had headings to check').to.equal(true);
    expect(order.violations).to.deep.equal([]);
  });

  it('heading-level="3" in a section headed h2: the step heading is h3, the day’s times h4', async () => {
    const el = await mountBooking({ api: freshApi(), 'heading-level': '3' });
    const section = document.createElement('h2');
    section.textContent = 'Book a consultation';
    el.before(section);
    await showWeekWithTimes(el);
    expect($(el, '#times-heading')!.tagName).to.equal('H3');
    expect($(el, '#times-for')!.tagName).to.equal('H4');
    await expect(el).to.be.accessible();
  });
});

describe('<kap-booking> required and invalid states in the accessibility tree', () => {
  it('name, email and phone are required, the reason group is optional and named with its space, and each is invalid in error', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    let tree = await accessibilityTree();
    for (const name of ['Full name', 'Email address', 'Phone number']) expect(accessibleNode(tree, 'textbox', name).required, name).to.equal(true);
    const reason = accessibleNode(tree, 'radiogroup', 'What would you like help with? (optional)');
    expect(reason.required, 'the reason is optional').not.to.equal(true);
    expect($(el, '#kap-privacy')!.getAttribute('aria-required'), 'the privacy consent').to.equal('true');
    expect($(el, '#kap-contact')!.hasAttribute('aria-required'), 'the contact consent is optional').to.equal(false);

    confirmButton(el).click();
    await until(() => $(el, '.error-summary'), 'the error summary');
    tree = await accessibilityTree();
    for (const name of ['Full name', 'Email address', 'Phone number']) expect(accessibleNode(tree, 'textbox', name).invalid, name).to.equal('true');
    expect(accessibleNode(tree, 'checkbox', 'I agree to the privacy notice').invalid).to.equal('true');
    expect(accessibleNode(tree, 'checkbox', 'The clinic may contact me about my care by email or phone (optional)').invalid).not.to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<kap-booking> buttons are named by their visible words (WCAG 2.5.3, label in name)', () => {
  for (const { lang, yourTime, zone } of [
    { lang: 'en-US', yourTime: 'your time', zone: 'Eastern Time' },
    { lang: 'es', yourTime: 'en su hora', zone: 'hora oriental' },
  ]) {
    it(`${lang}: an in-person service seen from another zone shows two clocks on each time, and axe's label-content-name-mismatch passes`, async () => {
      if (lang === 'es') await import('../../src/es.js');
      const el = await mountBooking({ api: freshApi(), service: 'administration', 'time-zone': 'Asia/Tokyo', lang });
      await showWeekWithTimes(el);
      const time = timeButtons(el)[0]!;
      const start = time.getAttribute('data-roving')!;
      expect(time.querySelector('.time-own')!.textContent).to.equal(`${formatTime(start, 'Asia/Tokyo', lang)} ${yourTime}`);

      // No name given beside the visible words that could drift from them: axe's rule finds nothing
      // to fault (it checks only aria-label / aria-labelledby names, which these buttons no longer have).
      expect($$(el, 'button[aria-label], a[aria-label]').map((control) => control.outerHTML)).to.deep.equal([]);
      expect((await axeRule(el, 'label-content-name-mismatch')).violations).to.deep.equal([]);

      // Chromium's own names: the visible words first (its space before the unseen part is Chromium's,
      // as around any box), then the day and the zone for screen readers only.
      const day = dayButtons(el).find((button) => button.getAttribute('aria-pressed') === 'true')!;
      const dayName = day.querySelector('.day-name')!.textContent!;
      const tree = await accessibilityTree();
      accessibleNode(tree, 'button', `${dayName} ${day.querySelector('.day-count')!.textContent}`);
      const visible = `${time.querySelector('.time-main')!.textContent} ${time.querySelector('.time-own')!.textContent}`;
      accessibleNode(tree, 'button', `${visible} , ${dayName}, ${zone}`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<kap-booking> the confirming status is announced', () => {
  it('no aria-busy around the live status while the booking is sent', async () => {
    const el = await mountBooking({ api: freshApi() });
    await chooseFirstTime(el);
    await fillDetails(el, CLIENT);
    const gate = held();
    network.fail('POST', /\/bookings$/, gate.fault, 1);
    confirmButton(el).click();
    await until(() => $(el, 'form .status')?.textContent?.includes('Confirming your booking'), 'the status');
    expect($(el, 'form .status')!.closest('[aria-busy="true"]') === null, 'no aria-busy ancestor, which would silence it').to.equal(true);
    gate.release();
  });
});

describe('<kap-booking> in forced colours (Windows High Contrast)', () => {
  const style = (element: Element) => getComputedStyle(element);

  it('the selected day, the time being held, a disabled button and the focused day stay distinguishable', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
    const el = await mountBooking({ api: freshApi() });
    await showWeekWithTimes(el);
    const [selected, other] = dayButtons(el);
    expect(selected!.getAttribute('aria-pressed')).to.equal('true');
    expect(other, 'a second day').to.exist;
    expect(style(selected!).backgroundColor, 'selected day vs another').not.to.equal(style(other!).backgroundColor);
    expect(style(selected!).color).not.to.equal(style(other!).color);

    other!.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el) === selected, 'the keyboard moved to the selected day').to.equal(true);
    expect(style(selected!).outlineStyle, 'the focused day has a ring').to.equal('solid');
    expect(parseFloat(style(selected!).outlineWidth), 'a 3px ring').to.be.at.least(3);
    expect(parseFloat(style(selected!).outlineOffset), 'standing apart from the day’s own fill').to.be.greaterThan(0);

    // A day with two free times or more (in the evening the first may have only one left).
    for (const day of dayButtons(el)) {
      if (timeButtons(el).length >= 2) break;
      day.click();
      await settle(el);
    }
    const gate = held();
    network.fail('POST', /\/holds$/, gate.fault, 1);
    const [holding, another] = timeButtons(el);
    const enabled = style(another!).color;
    holding!.click();
    await until(() => holding!.getAttribute('aria-busy') === 'true', 'the hold under way');
    expect(style(holding!).backgroundColor, 'the time being held vs another').not.to.equal(style(another!).backgroundColor);
    expect(another!.getAttribute('aria-disabled'), 'the other times wait').to.equal('true');
    expect(style(another!).color, 'a disabled time vs an enabled one').not.to.equal(enabled);
    gate.release();
    await until(() => $(el, '#kap-name'), 'the details');
  });
});
