/**
 * `<kap-intake>` when a client discloses thoughts of self-harm, in real Chromium against the real
 * reference backend: the safety signal reaches the clinic at once in an intake linked to a booking
 * (and says so at the start); without a booking the crisis panel says the clinic sees nothing
 * until the form is sent and gives the clinic's number; the panel appears next to the answer that
 * raised it without taking focus, is announced once, offers 44 px targets and, on Spanish pages,
 * 988's Spanish line; an answer a later answer hid is still sent, and the client is told.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/es.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import type { IntakeSubmission } from '../../src/forms/submission.js';
import { bookSession, type BookedSession } from './support/checklist.js';
import { mount } from './support/harness.js';
import {
  $,
  $$,
  CLIENT,
  DEMO_FORM,
  answerRows,
  answerScreeningNo,
  choose,
  field,
  fillContact,
  focused,
  freshApi,
  heading,
  intakeTests,
  loaded,
  mountIntake,
  next,
  text,
  type as typeInto,
  until,
} from './support/intake.js';
import { answer, offline } from './support/network.js';

const { network } = intakeTests({
  secrets: [CLIENT.name, CLIENT.email, CLIENT.phone, 'nearly-every-day', 'several-days'],
  after: () => setViewport({ width: 800, height: 600 }),
});

const SIGNALS = /\/safety-signals$/;

/** The demo intake linked to a fresh booking, its token given as the property. */
async function linkedIntake(): Promise<{ el: KapIntake; session: BookedSession }> {
  const session = await bookSession(freshApi(), network.realFetch);
  const el = await mount('kap-intake', { api: session.api, form: DEMO_FORM, booking: session.bookingId }, (element) => {
    element.token = session.token;
  });
  await loaded(el);
  return { el, session };
}

/** From the first page of the demo intake to the PHQ-9, its first eight rows answered. */
async function toPhq9Item9(el: KapIntake): Promise<void> {
  await fillContact(el);
  await next(el);
  await answerScreeningNo(el);
  await next(el);
  expect(heading(el)).to.be.oneOf(['How you have been feeling', 'Cómo se ha sentido']);
  await answerRows(el, 'phq-9', 8, 'not-at-all');
}

/** The real backend's statuses for the safety signals that went out. */
function backendStatuses(): number[] {
  const statuses: number[] = [];
  network.fail('POST', SIGNALS, async (_request, passThrough) => {
    const response = await passThrough();
    statuses.push(response.status);
    return response;
  });
  return statuses;
}

/** The element, then each ancestor inside the shadow root. */
function ancestors(node: Element): Element[] {
  const list: Element[] = [];
  for (let at: Element | null = node; at; at = at.parentElement) list.push(at);
  return list;
}

describe('<kap-intake> safety signal', () => {
  it('linked to a booking: says so at the start, and item 9 above zero reaches the clinic at once — ids only, with the token, keepalive', async function () {
    this.timeout(60_000);
    const statuses = backendStatuses();
    const { el, session } = await linkedIntake();
    const notice = $$(el, '[part="notice"]').find((p) => /thinking about harming yourself/.test(p.textContent ?? ''));
    expect(notice?.textContent?.trim()).to.equal(
      'If your answers tell us you are thinking about harming yourself, the clinic will be told straight away, so that someone can reach out to you. Nothing else is shared before you send the form.',
    );
    await toPhq9Item9(el);
    expect(network.to('POST', SIGNALS)).to.deep.equal([]);

    await choose(el, 'phq-9.q9', 'nearly-every-day');
    await until(() => statuses.length === 1, 'the safety signal');
    expect(statuses).to.deep.equal([201]);
    const [signal] = network.to('POST', SIGNALS);
    expect(JSON.parse(signal!.body)).to.deep.equal({
      booking: session.bookingId,
      form: DEMO_FORM,
      version: DEMO_INTAKE_FORM.version,
      items: ['phq-9.q9'],
    });
    expect(signal!.headers.get('Authorization')).to.equal(`Bearer ${session.token}`);
    expect(signal!.headers.get('Idempotency-Key')).to.match(/^[\w-]{16,}$/);
    expect(signal!.keepalive, 'survives the page closing').to.equal(true);
    expect(signal!.url).not.to.include(session.token);
    expect(network.to('POST', /\/intake-responses$/), 'the answers themselves wait for Send').to.deep.equal([]);

    // Changing the answer back withdraws nothing and sends nothing more; the panel stays.
    await choose(el, 'phq-9.q9', 'not-at-all');
    await choose(el, 'phq-9.q9', 'several-days');
    await choose(el, 'phq-9.q10', 'somewhat-difficult');
    await next(el);
    expect(network.to('POST', SIGNALS).length).to.equal(1);
    expect($(el, '[part="crisis"]')).to.exist;
    expect(text($(el, '[part="crisis"]')!)).not.to.include('only once you send');
  });

  it('still reaches the clinic when the client leaves at once (the element is removed mid-request)', async function () {
    this.timeout(60_000);
    const statuses = backendStatuses();
    const { el } = await linkedIntake();
    await toPhq9Item9(el);
    await choose(el, 'phq-9.q9', 'several-days');
    el.parentElement!.remove();
    await until(() => statuses.length === 1, 'the signal, after the element left');
    expect(statuses).to.deep.equal([201]);
    expect(network.to('POST', SIGNALS)[0]!.signal.aborted).to.equal(false);
  });

  it('is retried with the same key when offline, and sent again at the next page after every retry failed', async function () {
    this.timeout(60_000);
    const { el } = await linkedIntake();
    await toPhq9Item9(el);
    network.fail('POST', SIGNALS, offline, 4);
    const statuses = backendStatuses();
    await choose(el, 'phq-9.q9', 'several-days');
    await until(() => network.to('POST', SIGNALS).length === 4, 'the first attempt and three retries', 20_000);
    await choose(el, 'phq-9.q10', 'not-difficult-at-all');
    expect(network.to('POST', SIGNALS), 'no fifth attempt while the client stays on the page').to.have.length(4);
    expect(statuses).to.deep.equal([]);
    await next(el);
    await until(() => statuses.length === 1, 'sent again on the next page');
    expect(statuses).to.deep.equal([201]);
    const keys = new Set(network.to('POST', SIGNALS).map((request) => request.headers.get('Idempotency-Key')));
    expect(keys.size, 'one key for the one booking + form + version + item set').to.equal(1);
  });

  it('without a booking: nothing is sent; the panel says the clinic sees the answers only once sent, and gives its number', async () => {
    const definition = { ...DEMO_INTAKE_FORM, crisis: { clinicPhone: '+1 212 555 0100' } };
    const el = await mountIntake({ api: freshApi() }, definition);
    await loaded(el);
    expect(text(el)).not.to.include('the clinic will be told straight away');
    await toPhq9Item9(el);
    await choose(el, 'phq-9.q9', 'more-than-half-the-days');
    const panel = $(el, '[part="crisis"]')!;
    expect(text(panel)).to.include('The clinic sees your answers only once you send this form.');
    expect(text(panel)).to.include('Your clinic To talk to someone at the clinic, call them.');
    const clinic = $$<HTMLAnchorElement>(el, '[part="crisis"] a[href="tel:+12125550100"]');
    expect(clinic.map((a) => a.textContent)).to.deep.equal(['Call +1 212 555 0100']);
    await expect(el).to.be.accessible();
    expect(network.to('POST', SIGNALS), 'nothing sent, the panel shown and checked since').to.deep.equal([]);
  });

  it('a form that names no clinic number: the panel offers the clinic’s phone from GET clinic', async () => {
    const { crisis: _crisis, ...definition } = DEMO_INTAKE_FORM as typeof DEMO_INTAKE_FORM & { crisis?: unknown };
    const el = await mountIntake({ api: freshApi() }, definition);
    await loaded(el);
    await toPhq9Item9(el);
    await choose(el, 'phq-9.q9', 'more-than-half-the-days');
    await until(() => $(el, '[part="crisis"] a[href="tel:+12125550100"]'), 'the clinic’s number');
    expect($$<HTMLAnchorElement>(el, '[part="crisis"] a[href="tel:+12125550100"]').map((a) => a.textContent)).to.deep.equal(['Call +1 212 555 0100']);
    await expect(el).to.be.accessible();
  });
});

describe('<kap-intake> crisis panel', () => {
  for (const width of [1280, 320]) {
    it(`at ${width} px it appears right after the answer that raised it, before the difficulty question and the notice, without taking focus; its links are 44 px targets`, async () => {
      await setViewport({ width, height: 900 });
      const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
      await loaded(el);
      await toPhq9Item9(el);
      const radio = $$<HTMLInputElement>(el, 'input[name="phq-9.q9"]').find((input) => input.value === 'several-days')!;
      radio.focus();
      await choose(el, 'phq-9.q9', 'several-days');

      const panel = $(el, '[part="crisis"]')!;
      const row = field(el, 'phq-9.q9').closest('.field')!;
      const gap = panel.getBoundingClientRect().top - row.getBoundingClientRect().bottom;
      expect(gap, `px between item 9 and the panel at ${width} px`).to.be.within(0, 40);
      const difficulty = field(el, 'phq-9.q10');
      const notice = $$(el, '[part="notice"]').find((p) => /Pfizer|Spitzer/.test(p.textContent ?? ''))!;
      for (const after of [difficulty, notice]) {
        expect(panel.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING, 'before it').to.not.equal(0);
      }
      expect(focused(el), 'focus stays on the answer').to.equal(radio);

      const links = $$<HTMLAnchorElement>(el, '[part="crisis"] a');
      expect(links.length, '988 call, text and web; 911; the clinic').to.equal(5);
      for (const link of links) {
        const { width: w, height: h } = link.getBoundingClientRect();
        expect(Math.min(w, h), `${link.textContent} is ${Math.round(w)} × ${Math.round(h)} px`).to.be.at.least(44);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('is announced once: one polite live region, its text set once and never again; the panel itself is not live', async function () {
    this.timeout(60_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    const live = $$(el, '[aria-live]');
    expect(live.length).to.equal(1);
    const region = live[0]!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.textContent?.trim()).to.equal('');
    const changes: string[] = [];
    const observer = new MutationObserver(() => changes.push(region.textContent?.trim() ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });

    await toPhq9Item9(el);
    await choose(el, 'phq-9.q9', 'several-days');
    const panel = $(el, '[part="crisis"]')!;
    for (const node of ancestors(panel)) {
      expect(node.hasAttribute('aria-live') || ['status', 'alert', 'log'].includes(node.getAttribute('role') ?? ''), 'the panel is not live').to.equal(false);
    }
    // Everything that re-renders the panel: answers, the next pages, check-your-answers, sending.
    await choose(el, 'phq-9.q9', 'not-at-all');
    await choose(el, 'phq-9.q9', 'nearly-every-day');
    await choose(el, 'phq-9.q10', 'very-difficult');
    await next(el);
    await answerRows(el, 'gad-7', 7, 'not-at-all');
    await next(el);
    await answerRows(el, 'pcl-5', 20, 'not-at-all');
    await next(el);
    await choose(el, 'consent-treatment-information', 'on');
    const signature = field(el, 'consent-treatment-information.signature');
    signature.value = CLIENT.signature;
    signature.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await next(el);
    await next(el);
    await until(() => heading(el) === 'Thank you, your answers have been sent', 'the confirmation');
    expect($(el, '[part="crisis"]'), 'still there after sending').to.exist;
    observer.disconnect();
    expect($$(el, '[aria-live]')).to.deep.equal([region], 'the same region all along');
    expect(changes).to.deep.equal(['Support is available now. Ways to get support now are shown below this question.']);
  });

  it('on a Spanish page, 988’s Spanish line; not on an English one', async () => {
    for (const [lang, expected] of [
      ['es', true],
      ['en', false],
    ] as const) {
      const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, lang });
      await loaded(el);
      await toPhq9Item9(el);
      await choose(el, 'phq-9.q9', 'several-days');
      const lifeline = $$(el, '[part="crisis"] li').find((li) => li.querySelector('a[href="tel:988"]'))!;
      expect(text(lifeline).includes('En español: llame al 988 y oprima el 2, o envíe la palabra AYUDA por mensaje de texto al 988.'), lang).to.equal(expected);
      el.parentElement!.remove();
    }
  });
});

describe('<kap-intake> a safety answer a later answer hid', () => {
  it('is listed on check-your-answers as still sent (no Change), and is sent with the safety flag', async () => {
    const definition = {
      id: 'follow-up',
      title: 'Follow-up',
      pages: [
        {
          id: 'p',
          title: 'How you are',
          items: [
            { type: 'yesno', id: 'thoughts', label: 'Have you wished you were dead?' },
            { type: 'yesno', id: 'plan', label: 'Have you thought about how you might do this?', safety: true, when: { item: 'thoughts', equals: 'yes' } },
          ],
        },
      ],
    };
    const el = await mountIntake({ api: freshApi() }, definition);
    await loaded(el);
    await choose(el, 'thoughts', 'yes');
    await choose(el, 'plan', 'yes');
    await choose(el, 'thoughts', 'no');
    expect(text(el)).not.to.include('how you might do this');
    await next(el);
    expect(heading(el)).to.equal('Check your answers before sending them');
    expect(text(el)).to.include(
      'Also sent to your clinician You gave this answer earlier. Because it is about your safety, it is still sent, although a later answer skipped the question. Have you thought about how you might do this? Yes',
    );
    // One Change, for the page shown; none for the answer whose question is no longer asked.
    const changes = [...el.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent!.trim().startsWith('Change'));
    expect(changes.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Change How you are']);
    await expect(el).to.be.accessible();

    network.fail('POST', /\/intake-responses$/, answer(201, { response: { id: 'ir_test', receivedAt: '2026-03-02T12:00:00Z' } }));
    await next(el);
    await until(() => network.to('POST', /\/intake-responses$/).length === 1, 'the submission');
    const body = JSON.parse(network.to('POST', /\/intake-responses$/)[0]!.body) as IntakeSubmission;
    expect(body.answers).to.deep.equal({ thoughts: false, plan: true });
    expect(body.safety).to.equal(true);
    expect(body.safetyItems).to.deep.equal(['plan']);
  });
});

describe('<kap-intake> the crisis panel after a question of its own', () => {
  for (const [type, answerWith] of [
    ['yesno', 'yes'],
    ['choice', 'often'],
    ['number', '3'],
  ] as const) {
    it(`follows the ${type} question that raised it, before the next, and the focus stays on the answer`, async () => {
      const plan = {
        type,
        id: 'plan',
        label: 'Have you thought about how you might do this?',
        safety: true,
        ...(type === 'choice'
          ? {
              options: [
                { value: 'never', label: 'Never' },
                { value: 'often', label: 'Often', safety: true },
              ],
            }
          : {}),
      };
      const definition = {
        id: 'own-question',
        title: 'How you are',
        pages: [{ id: 'p', title: 'How you are', items: [plan, { type: 'text', id: 'name', label: 'Preferred name' }] }],
      };
      const el = await mountIntake({ api: freshApi() }, definition);
      await loaded(el);
      const chosen = $$<HTMLInputElement>(el, 'input[name="plan"]').find((input) => type === 'number' || input.value === answerWith)!;
      chosen.focus();
      if (type === 'number') await typeInto(el, 'plan', answerWith);
      else await choose(el, 'plan', answerWith);
      await until(() => $(el, '[part="crisis"]'), 'the crisis panel');
      const panel = $(el, '[part="crisis"]')!;
      expect(chosen.closest('.field')!.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING, 'after the question').to.not.equal(0);
      expect(panel.compareDocumentPosition(field(el, 'name')) & Node.DOCUMENT_POSITION_FOLLOWING, 'before the next').to.not.equal(0);
      expect(focused(el), 'focus stays on the answer').to.equal(chosen);
      expect(chosen.isConnected, 'the same input').to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
