/**
 * `<kap-intake>` against the real reference backend: every item type, conditions, validation with
 * the error summary, check-your-answers and Change, the crisis panel, axe on every page of the
 * demo intake, the keyboard alone, Spanish, and what leaves the element (requests and events).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/es.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import type { IntakeSubmission } from '../../src/forms/submission.js';
import {
  $,
  $$,
  CLIENT,
  DEMO_FORM,
  answerEveryType,
  answerRows,
  answerScreeningNo,
  button,
  byRole,
  choose,
  completeDemo,
  date,
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
  text,
  type,
  until,
} from './support/intake.js';
import { answer } from './support/network.js';

// Whatever happened, no event carried what the client typed or chose.
const { network, recorder } = intakeTests({
  secrets: [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zephyrine', '1979', 'several-days', 'not-at-all'],
  after: () => {
    expect(sessionStorage.length, 'nothing in sessionStorage without draft="session"').to.equal(0);
    expect(localStorage.length).to.equal(0);
  },
});

function pageEvents(): { page: number; pageCount: number }[] {
  return recorder.events.filter((e) => e.type === 'kap-intake-page').map((e) => e.detail);
}

function posted(): IntakeSubmission[] {
  return network.to('POST', /\/intake-responses$/).map((request) => JSON.parse(request.body));
}

/** The every-type form, its first `answeredPages` pages answered. */
async function everyType(answeredPages = 0): Promise<KapIntake> {
  const el = await mountEveryType();
  await answerEveryType(el, answeredPages, { calm: 'often' });
  return el;
}

describe('<kap-intake> item types', () => {
  it('text, long text, email, phone, number with unit, and date as three fields', async () => {
    const el = await everyType();
    expect(heading(el)).to.equal('About you');
    expect(text(el)).to.include('Step 1 of 3');
    expect($(el, 'strong')!.textContent).to.equal('one of everything');

    const nickname = field(el, 'nickname');
    expect(el.shadowRoot!.querySelector('label[for="f-nickname"]')!.textContent!.trim()).to.equal('Preferred name (optional)');
    expect(nickname.getAttribute('autocomplete')).to.equal('nickname');
    expect(nickname.getAttribute('aria-describedby')).to.equal('h-nickname');
    expect($(el, '#h-nickname')!.textContent).to.equal('What you like to be called');
    expect(field(el, 'story').tagName).to.equal('TEXTAREA');

    const email = field(el, 'email');
    expect([email.type, email.getAttribute('autocomplete'), email.getAttribute('spellcheck')]).to.deep.equal(['email', 'email', 'false']);
    const phone = field(el, 'phone');
    expect([phone.type, phone.getAttribute('autocomplete')]).to.deep.equal(['tel', 'tel']);

    const weight = field(el, 'weight');
    expect([weight.type, weight.getAttribute('inputmode')]).to.deep.equal(['text', 'numeric']);
    expect($(el, '#u-weight')!.textContent).to.equal('kg');
    expect(weight.getAttribute('aria-describedby')).to.equal('u-weight');

    const dob = $(el, 'fieldset[role="group"]')!;
    expect(dob.querySelector('legend')!.textContent!.trim()).to.equal('Date of birth');
    expect(dob.getAttribute('aria-describedby')).to.equal('h-dob');
    for (const part of ['day', 'month', 'year']) {
      const input = field(el, `dob.${part}`);
      expect(input.getAttribute('autocomplete')).to.equal(`bday-${part}`);
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(el.shadowRoot!.querySelector(`label[for="f-dob.${part}"]`)!.textContent).to.equal(part[0]!.toUpperCase() + part.slice(1));
    }

    // A web link in clinic text opens in a new tab, and says so.
    const link = $<HTMLAnchorElement>(el, 'a[href="https://clinic.example/privacy"]')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.include('(opens in new tab)');
    expect(text(el)).not.to.include('*');
    await expect(el).to.be.accessible();
  });

  it('single choice with hints, multiple choice with an exclusive "None", yes/no, display text', async () => {
    const el = await everyType(1);
    expect(heading(el)).to.equal('Your health');
    const legends = $$(el, 'legend').map((legend) => legend.textContent!.trim());
    expect(legends).to.deep.equal(['How should we contact you?', 'Which of these do you have?', 'Are you pregnant?']);

    const phone = field(el, 'contact-by-1');
    expect(phone.type).to.equal('radio');
    expect($(el, `#${phone.getAttribute('aria-describedby')}`)!.textContent).to.equal('We call between 9am and 5pm');
    await choose(el, 'contact-by', 'post');
    await choose(el, 'contact-by', 'email');
    expect($$<HTMLInputElement>(el, 'input[name="contact-by"]').map((i) => i.checked)).to.deep.equal([true, false, false]);

    const boxes = () => $$<HTMLInputElement>(el, 'input[name="symptoms"]').map((i) => i.checked);
    expect(field(el, 'symptoms').type).to.equal('checkbox');
    expect(text(el)).to.match(/Nausea\s*or\s*None of these/);
    await choose(el, 'symptoms', 'headaches');
    await choose(el, 'symptoms', 'nausea');
    expect(boxes()).to.deep.equal([true, true, false]);
    await choose(el, 'symptoms', 'none');
    expect(boxes(), '"None" clears the others').to.deep.equal([false, false, true]);
    await choose(el, 'symptoms', 'nausea');
    expect(boxes(), 'another option clears "None"').to.deep.equal([false, true, false]);

    expect($$<HTMLInputElement>(el, 'input[name="pregnant"]').map((i) => `${i.type}:${i.value}`)).to.deep.equal(['radio:yes', 'radio:no']);
    expect(text(el)).to.include('Nearly done. Thank you.');
    expect($(el, 'em')!.textContent).to.equal('Thank you.');
    // Clinic text is text: markup in it stays visible characters, never elements.
    expect(text(el)).to.include('<img src=x onerror="window.pwned=1">');
    expect($(el, 'img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an answer the page already shows draws nothing again, and the page always shows the answers held (a walk of 60 choices)', async () => {
    const el = await everyType(1);
    const choices = () => $$<HTMLInputElement>(el, 'input[type="radio"], input[type="checkbox"]');
    const shown = () => choices().map((input) => `${input.name}=${input.value}:${input.checked}`);
    // Counts the element's renders (Lit's update cycle ends in `updated`).
    let drawn = 0;
    const host = el as unknown as { updated(changed: unknown): void };
    const updated = host.updated.bind(el);
    host.updated = (changed) => {
      drawn++;
      updated(changed);
    };
    let seed = 11;
    const pick = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let step = 0; step < 60; step++) {
      const before = drawn;
      const input = choices()[pick(choices().length)]!;
      // Drawn again: a new answer to "Are you pregnant?", which a condition reads (it shows "How many
      // weeks"), and a box whose choice clears others ("None of these" and the rest).
      const clearsOthers = choices().some((other) => other.name === input.name && other.checked && (input.value === 'none' || other.value === 'none'));
      const draws = !input.checked && (input.name === 'pregnant' || (input.type === 'checkbox' && clearsOthers));
      input.click();
      await el.updateComplete;
      expect(drawn - before, `step ${step}: ${input.name}=${input.value}`).to.equal(draws ? 1 : 0);
      // Drawn again from the answers held, the page does not change: it showed them already.
      const seen = shown();
      el.requestUpdate();
      await el.updateComplete;
      expect(shown(), `step ${step}`).to.deep.equal(seen);
    }
  });

  it('a scale is one radio group per row, each in its own fieldset; consent has its text and a signature', async () => {
    const el = await everyType(2);
    // The day the page was drawn on, read at once: midnight may pass before the signature is checked.
    const drawnOn = new Date();
    expect(heading(el)).to.equal('Mood and consent');
    const scale = $(el, 'fieldset')!;
    expect(scale.querySelector('legend')!.textContent!.trim()).to.equal('Over the last week, how often have you felt:');
    const rows = [...scale.querySelectorAll('fieldset')];
    expect(rows.map((row) => row.querySelector('legend')!.textContent!.trim())).to.deep.equal(['1. Calm', '2. Hopeless']);
    for (const row of rows) {
      const radios = [...row.querySelectorAll<HTMLInputElement>('input')];
      expect(radios.map((radio) => radio.type)).to.deep.equal(['radio', 'radio', 'radio']);
      expect(new Set(radios.map((radio) => radio.name)).size).to.equal(1);
    }
    expect($(el, 'input[type="range"]')).to.equal(null);

    const agree = field(el, 'agree');
    expect(agree.type).to.equal('checkbox');
    expect($(el, `#${agree.getAttribute('aria-describedby')}`)!.textContent).to.include('You agree that we may call you.');
    const signature = field(el, 'agree.signature');
    expect(signature.getAttribute('autocomplete')).to.equal('name');
    const today = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric' }).format(drawnOn);
    expect($(el, `#${CSS.escape(signature.getAttribute('aria-describedby')!)}`)!.textContent).to.include(today);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> conditions', () => {
  it('shows a question only while its condition holds, keeps what was typed, and never submits a hidden answer', async () => {
    const el = await everyType(1);
    el.setAttribute('booking', 'bk_linked');
    expect($(el, '#f-weeks')).to.equal(null);
    await choose(el, 'pregnant', 'yes');
    await type(el, 'weeks', '12');
    expect(field(el, 'weeks').value).to.equal('12');
    await choose(el, 'pregnant', 'no');
    expect($(el, '#f-weeks'), 'hidden at once').to.equal(null);
    await choose(el, 'pregnant', 'yes');
    expect(field(el, 'weeks').value, 'what was typed is kept while hidden').to.equal('12');
    await choose(el, 'pregnant', 'no');

    await choose(el, 'contact-by', 'email');
    await choose(el, 'symptoms', 'none');
    await next(el);
    await choose(el, 'mood.calm', 'never');
    await choose(el, 'mood.hopeless', 'never');
    await choose(el, 'agree', 'on');
    await type(el, 'agree.signature', CLIENT.signature);
    await next(el);
    expect(text(el)).not.to.include('How many weeks');

    network.fail('POST', /\/intake-responses$/, answer(201, { response: { id: 'ir_test', receivedAt: '2026-03-02T12:00:00Z' } }));
    await next(el);
    await until(() => heading(el) === 'Your answers have been sent', 'the confirmation');
    const [body] = posted();
    expect(body!.answers).not.to.have.property('weeks');
    expect(body!.answers['pregnant']).to.equal(false);
    expect(body!.flags).to.deep.equal([]);
    expect(body!.booking, 'linked to the booking attribute').to.equal('bk_linked');
  });

  it('the demo intake prunes a hidden follow-up from the body, and the server accepts it', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    await choose(el, 'ms-heart', 'yes');
    await type(el, 'ms-heart-details', 'Palpitations in 2019');
    await choose(el, 'ms-heart', 'no');
    await next(el);
    await answerRows(el, 'phq-9', 9, 'not-at-all');
    await next(el);
    await answerRows(el, 'gad-7', 7, 'not-at-all');
    await next(el);
    await answerRows(el, 'pcl-5', 20, 'not-at-all');
    await next(el);
    await choose(el, 'consent-treatment-information', 'on');
    await type(el, 'consent-treatment-information.signature', CLIENT.signature);
    await next(el);
    expect(text(el)).not.to.include('Palpitations');
    await next(el);
    await until(() => recorder.events.some((e) => e.type === 'kap-intake-submit'), 'the submission');
    const [body] = posted();
    expect(body!.answers).not.to.have.property('ms-heart-details');
    expect(body!.answers['ms-heart']).to.equal(false);
    expect(body!.safety).to.equal(false);
  });
});

describe('<kap-intake> page events', () => {
  it('count the definition’s pages, so a page hidden by an answer cannot be inferred from them', async () => {
    const definition = {
      id: 'paged',
      title: 'Paged',
      pages: [
        { id: 'first', title: 'First', items: [{ type: 'yesno', id: 'pregnant', label: 'Are you pregnant?' }] },
        {
          id: 'pregnancy',
          title: 'Pregnancy',
          when: { item: 'pregnant', equals: 'yes' },
          items: [{ type: 'text', id: 'weeks', label: 'How many weeks?' }],
        },
        { id: 'last', title: 'Last', items: [{ type: 'text', id: 'anything', label: 'Anything else?', required: false }] },
      ],
    };
    const el = await mountIntake({ api: freshApi() }, definition);
    await loaded(el);
    await choose(el, 'pregnant', 'no');
    await next(el);
    expect(heading(el)).to.equal('Last');
    await next(el);
    expect(pageEvents()).to.deep.equal([
      { page: 1, pageCount: 3 },
      { page: 3, pageCount: 3 },
      { page: 4, pageCount: 3 },
    ]);
  });
});

describe('<kap-intake> validation', () => {
  it('on Continue: an error summary that takes focus and links to each field, inline errors, nothing typed lost', async () => {
    const el = await everyType();
    await type(el, 'nickname', 'Zeph');
    await type(el, 'weight', '12');
    await type(el, 'dob.day', '14');
    expect($(el, '.error-summary'), 'no errors before Continue').to.equal(null);
    await next(el);

    const summary = $(el, '.error-summary')!;
    expect(focused(el)).to.equal(summary);
    expect(summary.querySelector('h2')!.textContent).to.equal('There is a problem');
    const links = [...summary.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => [link.getAttribute('href'), link.textContent!.trim()])).to.deep.equal([
      ['#f-email', 'Enter your email address'],
      ['#f-weight', 'Enter a number between 30 and 300'],
      ['#f-dob.month', 'Date of birth must include a month and year'],
    ]);
    for (const link of links) {
      link.click();
      expect(focused(el)).to.equal(field(el, link.getAttribute('href')!.slice(3)));
    }
    expect(heading(el), 'still on the same page').to.equal('About you');

    const email = field(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('e-email');
    expect($(el, '#e-email')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter your email address');
    expect(email.closest('.field')!.classList.contains('field--error')).to.equal(true);
    expect($(el, 'fieldset[role="group"]')!.getAttribute('aria-describedby')).to.equal('h-dob e-dob');
    expect(field(el, 'dob.day').getAttribute('aria-invalid')).to.equal(null);
    expect(field(el, 'dob.month').getAttribute('aria-invalid')).to.equal('true');
    expect([field(el, 'nickname').value, field(el, 'weight').value, field(el, 'dob.day').value]).to.deep.equal(['Zeph', '12', '14']);
    expect(text(el)).not.to.include('*');
    await expect(el).to.be.accessible();

    await type(el, 'email', CLIENT.email);
    await type(el, 'weight', '72');
    await date(el, 'dob', '14', '7', '1979');
    await next(el);
    expect(heading(el)).to.equal('Your health');
    expect($(el, '.error-summary')).to.equal(null);
  });

  it('a page’s own wording of an answer check is used from the first Continue, though the checks’ words come with their chunk', async () => {
    const el = await mountEveryType();
    el.strings = { validationEnter: 'Type {name}' };
    await next(el);
    expect(text(el)).to.include('Error: Type your email address');
    expect(text(el)).not.to.include('Enter your email address');
  });

  it('radio groups, scale rows, consent and its signature link to their first input', async () => {
    const el = await everyType(2);
    await next(el);
    const hrefs = errorSummaryLinks(el).map((link) => link.getAttribute('href'));
    expect(hrefs).to.deep.equal(['#f-mood.calm', '#f-mood.hopeless', '#f-agree']);
    expect(text(el)).to.include('Select an answer for question 1');
    await choose(el, 'agree', 'on');
    await choose(el, 'mood.calm', 'never');
    await choose(el, 'mood.hopeless', 'never');
    await next(el);
    const link = errorSummaryLinks(el)[0]!;
    expect([link.getAttribute('href'), link.textContent!.trim()]).to.deep.equal(['#f-agree.signature', 'Enter your full name to sign']);
    link.click();
    expect(focused(el)).to.equal(field(el, 'agree.signature'));
    expect(field(el, 'agree.signature').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> check your answers', () => {
  it('lists every visible answer, with one Change per page that returns to check-your-answers after Continue', async () => {
    const el = await everyType(3);
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(focused(el)).to.equal($(el, '#heading'));
    expect(text(el)).not.to.include('Step');
    const rows = $$(el, '.answers > div').map((row) => [row.querySelector('dt')!.textContent!.trim(), row.querySelector('dd')!.textContent!.trim()]);
    expect(rows).to.deep.include(['Email address', CLIENT.email]);
    expect(rows).to.deep.include(['Weight', '72 kg']);
    expect(rows).to.deep.include(['Date of birth', 'July 14, 1979']);
    expect(rows).to.deep.include(['Preferred name', 'Not answered']);
    expect(rows).to.deep.include(['How should we contact you?', 'Phone']);
    expect(rows).to.deep.include(['Are you pregnant?', 'No']);
    expect(rows).to.deep.include(['1. Calm', 'Often']);
    expect(rows.map(([label]) => label)).not.to.include('How many weeks pregnant are you?');
    expect(button(el, 'Change').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Change About you');
    await expect(el).to.be.accessible();

    const change = byRole<HTMLButtonElement>(el, 'button', 'Change About you');
    change.click();
    await settle(el);
    expect(heading(el)).to.equal('About you');
    expect(focused(el)).to.equal($(el, '#heading'));
    await type(el, 'weight', '68');
    await next(el);
    expect(heading(el), 'straight back, not on to page two').to.equal('Check your answers before sending them');
    expect(text(el)).to.include('68 kg');

    // Back from a Change also returns to check-your-answers.
    byRole<HTMLButtonElement>(el, 'button', 'Change Your health').click();
    await settle(el);
    expect(heading(el)).to.equal('Your health');
    button(el, 'Back').click();
    await settle(el);
    expect(heading(el)).to.equal('Check your answers before sending them');
  });

  it('a Change that reveals a new question asks it before returning', async () => {
    const el = await everyType(3);
    byRole<HTMLButtonElement>(el, 'button', 'Change Your health').click();
    await settle(el);
    await choose(el, 'pregnant', 'yes');
    await next(el);
    expect(heading(el), 'the new question must be answered').to.equal('Your health');
    expect(errorSummaryLinks(el)[0]!.getAttribute('href')).to.equal('#f-weeks');
    await type(el, 'weeks', '20');
    await next(el);
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(text(el)).to.include('How many weeks pregnant are you?');
  });
});

describe('<kap-intake> safety', () => {
  it('PHQ-9 item 9 above zero shows the crisis panel at once; it stays, the client continues, the submission is flagged', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    await next(el);
    expect(heading(el)).to.equal('How you have been feeling');
    await answerRows(el, 'phq-9', 8, 'not-at-all');
    expect($(el, '[part="crisis"]')).to.equal(null);
    await choose(el, 'phq-9.q9', 'several-days');

    const panel = $(el, '[part="crisis"]')!;
    expect(panel, 'shown on change, before Continue').to.exist;
    expect(panel.getAttribute('role')).to.equal('region');
    expect($(el, `#${panel.getAttribute('aria-labelledby')}`)!.textContent).to.equal('Support is available now');
    expect($(el, '[aria-live="polite"]')!.textContent, 'announced (once: kap-intake.safety.test.ts)').to.include('Support is available now');
    const tel = $$<HTMLAnchorElement>(el, '[part="crisis"] a[href^="tel:"]').map((a) => [a.getAttribute('href'), a.textContent]);
    expect(tel).to.deep.equal([
      ['tel:988', 'Call 988'],
      ['tel:911', 'Call 911'],
      ['tel:+12125550100', 'Call +1 212 555 0100'],
    ]);
    expect($(el, '[part="crisis"] a[href="sms:988"]')).to.exist;
    expect(heading(el)).to.equal('How you have been feeling');
    await expect(el).to.be.accessible();

    // Changing the answer back does not take the resources away.
    await choose(el, 'phq-9.q9', 'not-at-all');
    expect($(el, '[part="crisis"]')).to.exist;
    await choose(el, 'phq-9.q9', 'several-days');
    await next(el);
    expect(heading(el)).to.equal('Worry and anxiety');
    expect($(el, '[part="crisis"]'), 'still available on the next page').to.exist;

    await answerRows(el, 'gad-7', 7, 'not-at-all');
    await next(el);
    await answerRows(el, 'pcl-5', 20, 'not-at-all');
    await next(el);
    await choose(el, 'consent-treatment-information', 'on');
    await type(el, 'consent-treatment-information.signature', CLIENT.signature);
    await next(el);
    await next(el);
    await until(() => heading(el) === 'Thank you, your answers have been sent', 'the confirmation');
    expect($(el, '[part="crisis"]'), 'and after sending').to.exist;
    const [body] = posted();
    expect(body!.safety).to.equal(true);
    expect(body!.safetyItems).to.deep.equal(['phq-9.q9']);
    expect(text(el)).not.to.match(/eligib|score|severe|moderate/i);
  });

  it('a clinic safety item shows the clinic’s resources for the client’s country', async () => {
    const el = await mountEveryType({ lang: 'en-GB' });
    await answerEveryType(el, 2, { contactBy: 'email', symptoms: 'none' });
    await choose(el, 'mood.hopeless', 'sometimes');
    expect($(el, '[part="crisis"]')!.textContent).to.include('Samaritans');
    expect($(el, '[part="crisis"] a[href="tel:116123"]')!.textContent).to.equal('Call 116 123');
  });
});

describe('<kap-intake> the demo intake end to end', () => {
  it('every page passes axe; pages are announced by number only; the server stores one response', async function () {
    this.timeout(90_000);
    const api = freshApi();
    const el = await mountIntake({ api, form: DEMO_FORM });
    await loaded(el);
    const started = performance.now();
    const titles: string[] = [];
    await completeDemo(el, {
      phq9q9: 'several-days',
      onPage: async () => {
        titles.push(heading(el));
        await expect(el).to.be.accessible();
      },
    });
    expect(titles).to.deep.equal(['Your details', 'Your health', 'How you have been feeling', 'Worry and anxiety', 'Stressful experiences', 'Consent']);
    await expect(el).to.be.accessible();
    button(el, 'Send my answers').click();
    await until(() => heading(el) === 'Thank you, your answers have been sent', 'the confirmation');
    expect(focused(el)).to.equal($(el, '#heading'));
    await expect(el).to.be.accessible();

    expect(pageEvents()).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((page) => ({ page, pageCount: 6 })));
    const submitted = recorder.events.filter((e) => e.type === 'kap-intake-submit');
    expect(submitted).to.have.length(1);
    expect(Object.keys(submitted[0]!.detail)).to.deep.equal(['responseId']);
    expect(submitted[0]!.detail.responseId).to.match(/^ir_/);
    expect(recorder.events.filter((e) => e.type === 'kap-error')).to.deep.equal([]);

    // Every request went to a path under api on this origin, and nothing else was fetched.
    const base = new URL(api, location.href).href;
    for (const request of network.requests) expect(request.url.startsWith(base), request.url).to.equal(true);
    const resources = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= started);
    for (const entry of resources) expect(entry.name.startsWith(base), entry.name).to.equal(true);
    const [post] = network.to('POST', /\/intake-responses$/);
    expect(post!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(post!.url).to.equal(`${base}intake-responses`);
  });

  it('works with the keyboard alone: typing, Enter to Continue, the error summary links', async () => {
    const el = await everyType();
    field(el, 'nickname').focus();
    await sendKeys({ type: 'Zeph' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(focused(el)).to.equal($(el, '.error-summary'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('href')).to.equal('#f-email');
    await sendKeys({ press: 'Enter' });
    expect(focused(el)).to.equal(field(el, 'email'));
    await sendKeys({ type: CLIENT.email });
    for (const [key, value] of [
      ['weight', '72'],
      ['dob.day', '14'],
      ['dob.month', '7'],
      ['dob.year', '1979'],
    ] as const) {
      field(el, key).focus();
      await sendKeys({ type: value });
    }
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.equal('Your health');
    expect(focused(el)).to.equal($(el, '#heading'));

    // Radios: Tab into the group, arrows to move, Space to choose.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(field(el, 'contact-by'));
    await sendKeys({ press: 'ArrowDown' });
    expect(field(el, 'contact-by-1').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(field(el, 'symptoms'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(field(el, 'symptoms-2').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    expect(field(el, 'pregnant-1').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.equal('Mood and consent');
    // Back is a real button, reached with the keyboard.
    const back = button(el, 'Back');
    back.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(heading(el)).to.equal('Your health');
    expect(field(el, 'pregnant-1').checked).to.equal(true);
  });
});

describe('<kap-intake> in Spanish', () => {
  it('speaks Spanish, validation messages included', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, lang: 'es' });
    await loaded(el);
    expect(text(el)).to.include('Paso 1 de 6');
    expect(button(el, 'Continuar')).to.exist;
    expect(text(el)).to.include('Día');
    await type(el, 'email', 'not-an-email');
    await type(el, 'date-of-birth.day', '3');
    await next(el);
    const summary = $(el, '.error-summary')!;
    expect(summary.querySelector('h2')!.textContent).to.equal('Hay un problema');
    expect(summary.textContent).to.include('Introduzca una dirección de correo electrónico con el formato correcto');
    expect(summary.textContent).to.include('debe incluir el mes y el año');
    await fillContact(el);
    await next(el);
    expect(text(el)).to.include('Paso 2 de 6');
    expect(el.shadowRoot!.querySelector('label[for="f-ms-heart"]')!.textContent).to.equal('Sí');
    expect(button(el, 'Atrás')).to.exist;
    await expect(el).to.be.accessible();
  });
});
