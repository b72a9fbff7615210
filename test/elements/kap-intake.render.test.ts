/**
 * A definition given on the page renders with the element's first render: no loading message
 * comes first, and page 1 is rendered once — not "loading", then the form when a task settles —
 * unless it needs a part that is a chunk (a date's or a consent's template, the markdown parser, the
 * crisis panel of a form with safety questions), which it waits for.
 * After an answer, every question still shows what changed since it was last drawn (a question
 * is drawn again only when something it shows changed).
 */
import { expect } from '@open-wc/testing';
import '../../src/es.js';
import '../../src/kap-intake.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import type { FormDefinition } from '../../src/forms/definition.js';
import { $, appendSettings, button, freshApi, mount, settle, unmountAll } from './support/harness.js';
import { EVERY_TYPE_FORM } from './support/intake-forms.js';
import { needsMarkdownParser } from '../../src/text/plain-paragraphs.js';
import { registerLocale } from '../../src/i18n/registry.js';

describe('<kap-intake> first render', () => {
  afterEach(unmountAll);

  /** Mounts `definition` in a child script; what each update until it settles left in the shadow root. */
  async function updatesOf(definition: object): Promise<string[]> {
    const element = document.createElement('kap-intake') as KapIntake;
    element.setAttribute('api', freshApi());
    appendSettings(element, definition);
    const seen: string[] = [];
    // Records what every update of the element left in its shadow root.
    const update = Object.getPrototypeOf(element).updated as (this: KapIntake, changed: Map<string, unknown>) => void;
    Object.defineProperty(element, 'updated', {
      value(this: KapIntake, changed: Map<string, unknown>) {
        seen.push(this.shadowRoot!.querySelector('#heading')?.textContent?.trim() ?? this.shadowRoot!.textContent!.trim().slice(0, 40));
        update.call(this, changed);
      },
    });
    document.body.append(element);
    await element.updateComplete;
    // Whatever else runs after (page colours, events), nothing else was shown.
    // (A task, not a frame: a page the runner keeps in the background gets no animation frames.)
    await new Promise((done) => setTimeout(done));
    await element.updateComplete;
    element.remove();
    return seen;
  }

  // First in this file, whose page has loaded none of the parts a form may need yet.
  it('a definition that asks a date, a consent and a safety question, with markdown in its texts, shows "Loading…" until what it needs arrives, then page 1, drawn once', async () => {
    const seen = await updatesOf(EVERY_TYPE_FORM);
    expect(seen.at(-1), 'the last update').to.equal('About you');
    // Before it only "Loading…" (the element's first update, and one more as the clinic's task settles meanwhile).
    expect(seen.slice(0, -1), 'every update before page 1')
      .to.include('Loading…')
      .and.to.satisfy((before: string[]) => before.every((text) => text === 'Loading…'));
  });

  it('a definition in a child script shows page 1 in the first update, with no loading message before it', async () => {
    // What the file draws itself: every kind of question but a date and a consent, plain texts
    // (markdown waits for its parser; EVERY_TYPE_FORM's texts are plain, its intros and display text
    // aside) and no safety question (a form with one waits for the crisis panel).
    const inTheFile = {
      ...EVERY_TYPE_FORM,
      id: 'in-the-file',
      intro: 'This form has one of everything.',
      pages: EVERY_TYPE_FORM.pages.map((page, index) => ({
        ...page,
        ...(index === 0 ? { intro: 'Read our privacy notice first.' } : {}),
        items: page.items
          .filter((item) => item.type !== 'date' && item.type !== 'consent')
          .map((item) =>
            item.type === 'display'
              ? { ...item, text: 'Nearly done. Thank you.' }
              : item.type === 'scale'
                ? { ...item, rows: item.rows.map(({ safety: _safety, ...row }) => row) }
                : item,
          ),
      })),
    };
    const texts: string[] = [];
    JSON.stringify(inTheFile, (_key, value: unknown) => (typeof value === 'string' && texts.push(value), value));
    expect(texts.filter(needsMarkdownParser), 'texts with markdown').to.deep.equal([]);
    expect(await updatesOf(inTheFile), 'every update before anything was answered').to.deep.equal(['About you']);
  });
});

/** A follow-up shown by the first answer, and a scale whose second row is a safety question. */
const AFTER_ANSWER_FORM = {
  id: 'after-answer',
  title: 'After an answer',
  pages: [
    {
      id: 'one',
      title: 'Questions',
      items: [
        { type: 'yesno', id: 'smoke', label: 'Do you smoke?' },
        { type: 'number', id: 'amount', label: 'How many a day?', integer: true, when: { item: 'smoke', equals: 'yes' } },
        {
          type: 'scale',
          id: 'mood',
          label: 'How often have you felt:',
          options: [
            { value: 'never', label: 'Never', score: 0 },
            { value: 'often', label: 'Often', score: 1 },
          ],
          rows: [
            { id: 'mood.calm', label: 'Calm' },
            { id: 'mood.hopeless', label: 'Hopeless', safety: true },
          ],
        },
      ],
    },
  ],
} satisfies FormDefinition;

describe('<kap-intake> after an answer', () => {
  afterEach(unmountAll);

  it('each question shows what changed since: a follow-up, a row’s error, the crisis panel in the scale, new words, another language', async () => {
    const el = await mount('kap-intake', { api: freshApi() }, (element) => {
      element.definition = AFTER_ANSWER_FORM;
    });
    const input = (id: string) => $<HTMLInputElement>(el, `#${CSS.escape(id)}`);
    const label = (id: string) => $(el, `label[for="${CSS.escape(id)}"]`)?.textContent;
    const choose = async (id: string) => {
      input(id)!.click();
      await settle(el);
    };

    await choose('f-smoke');
    expect(input('f-amount'), 'the follow-up the answer shows').to.exist;
    await choose('f-mood.calm');
    button(el, 'Continue').click();
    await settle(el);
    expect($(el, '#e-amount'), 'the follow-up’s error').to.exist;
    expect($(el, `#${CSS.escape('e-mood.hopeless')}`), 'the unanswered row’s error').to.exist;
    expect(input('f-mood.hopeless')!.getAttribute('aria-invalid')).to.equal('true');
    expect(input('f-mood.calm')!.getAttribute('aria-invalid'), 'the answered row').to.equal(null);
    expect(input('f-mood.calm')!.checked, 'the answered row keeps its answer').to.equal(true);

    await choose('f-mood.hopeless-1');
    const panel = $(el, '[part="crisis"]');
    expect(panel, 'the crisis panel').to.exist;
    expect(panel!.closest('fieldset')?.querySelector('legend')?.textContent, 'right after the row that raised it').to.include('How often');
    expect($(el, `#${CSS.escape('e-mood.hopeless')}`), 'the error of the row now answered stays until Continue').to.exist;

    el.strings = { intakeNo: 'No, I do not' };
    await settle(el);
    expect(label('f-smoke-1'), 'the page’s own words').to.equal('No, I do not');
    // The page switches to Spanish (the element follows the document's `lang`); the page's own words stay.
    const pageLang = document.documentElement.lang;
    document.documentElement.lang = 'es';
    try {
      await settle(el);
      expect(button(el, 'Continuar')).to.exist;
      expect(label('f-smoke'), 'the answered question in Spanish').to.equal('Sí');
      expect(label('f-smoke-1')).to.equal('No, I do not');
      expect(input('f-smoke')!.checked).to.equal(true);
    } finally {
      document.documentElement.lang = pageLang;
    }
    await expect(el).to.be.accessible();
  });

  it('a choice answered keeps its input (and so the focus) when the answer draws the page again', async () => {
    const el = await mount('kap-intake', { api: freshApi() }, (element) => {
      element.definition = AFTER_ANSWER_FORM;
    });
    const yes = $<HTMLInputElement>(el, '#f-smoke')!;
    yes.focus();
    yes.click();
    await settle(el);
    expect($(el, '#f-amount'), 'the follow-up the answer shows').to.exist;
    expect($<HTMLInputElement>(el, '#f-smoke'), 'the same input').to.equal(yes);
    expect(el.shadowRoot!.activeElement).to.equal(yes);
    expect(yes.checked).to.equal(true);
    // New words other than "Yes" and "No" (as a chunk's words arrive) draw every question again,
    // and keep the yes/no inputs.
    registerLocale('en', { intakeContinue: 'Next' });
    try {
      await settle(el);
      expect(button(el, 'Next'), 'the new words').to.exist;
      expect($<HTMLInputElement>(el, '#f-smoke'), 'the same input after new words').to.equal(yes);
      expect(el.shadowRoot!.activeElement).to.equal(yes);
    } finally {
      registerLocale('en', { intakeContinue: 'Continue' });
      await settle(el);
    }
    // A safety row's answer draws the page again (the crisis panel): each of its options is
    // ticked from the answer held, the same inputs kept.
    const row = (i: number) => $<HTMLInputElement>(el, `#${CSS.escape(i ? `f-mood.hopeless-${i}` : 'f-mood.hopeless')}`)!;
    const [never, often] = [row(0), row(1)];
    never.click();
    await settle(el);
    often.focus();
    often.click();
    await settle(el);
    expect($(el, '[part="crisis"]'), 'the crisis panel').to.exist;
    expect([row(0), row(1)], 'the same inputs').to.deep.equal([never, often]);
    expect([never.checked, often.checked]).to.deep.equal([false, true]);
    expect(el.shadowRoot!.activeElement).to.equal(often);
    // Told from elsewhere (a draft restored, say), the answer held ticks the boxes.
    (el as unknown as { flow: { set(key: string, value: string): void } }).flow.set('mood.hopeless', 'never');
    await settle(el);
    expect([never.checked, often.checked], 'after the answer changed in the state').to.deep.equal([true, false]);
  });

  it('two elements asking the same questions each draw their own: an answer or an error in one is not in the other', async () => {
    // A group of options drawn once is copied for the next group of the same options, in any element.
    const mountOne = () => mount('kap-intake', { api: freshApi() }, (element) => (element.definition = AFTER_ANSWER_FORM));
    const [first, second] = [await mountOne(), await mountOne()];
    const input = (el: HTMLElement, id: string) => $<HTMLInputElement>(el, `#${CSS.escape(id)}`)!;
    const ids = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll('input[type="radio"]')].map((radio) => `${radio.id} ${(radio as HTMLInputElement).name}`);
    expect(ids(second), 'the same ids and names').to.deep.equal(ids(first));
    expect(input(second, 'f-mood.calm-1'), 'not the same nodes').to.not.equal(input(first, 'f-mood.calm-1'));
    expect(
      [...first.shadowRoot!.querySelectorAll('fieldset[role="radiogroup"] > legend')].map((legend) => legend.textContent),
      'each row with its own words',
    ).to.deep.equal(['Do you smoke?', '1. Calm', '2. Hopeless']);

    input(first, 'f-mood.calm-1').click();
    await settle(first);
    expect(input(first, 'f-mood.calm-1').checked).to.equal(true);
    expect(input(second, 'f-mood.calm-1').checked, 'the other element').to.equal(false);

    button(second, 'Continue')!.click();
    await settle(second);
    const invalid = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('.field--error')].map((field) => field.querySelector('legend')!.textContent);
    expect(invalid(second), 'every unanswered question in error').to.deep.equal(['Do you smoke?', '1. Calm', '2. Hopeless']);
    expect(invalid(first), 'none in the other').to.deep.equal([]);
    expect(input(second, 'f-mood.calm').getAttribute('aria-invalid')).to.equal('true');
    expect(input(first, 'f-mood.calm').hasAttribute('aria-invalid')).to.equal(false);
    await expect(second).to.be.accessible();
  });

  it('an answer draws its own question again, not the others on the page', async () => {
    // The yes/no question is optional here, so that each drawing of it asks for the word "(optional)".
    const [smoke, ...others] = AFTER_ANSWER_FORM.pages[0]!.items;
    const el = await mount('kap-intake', { api: freshApi() }, (element) => {
      element.definition = { ...AFTER_ANSWER_FORM, pages: [{ ...AFTER_ANSWER_FORM.pages[0]!, items: [{ ...smoke!, required: false }, ...others] }] };
    });
    // The words each drawing asks for.
    const ui = (el as unknown as { ui: { t: (key: string, params?: Record<string, string | number>) => string } }).ui;
    const asked: string[] = [];
    const t = ui.t;
    ui.t = (key, params) => {
      asked.push(key);
      return t(key, params);
    };
    $<HTMLInputElement>(el, `#${CSS.escape('f-mood.calm')}`)!.click();
    await settle(el);
    expect($<HTMLInputElement>(el, `#${CSS.escape('f-mood.calm')}`)!.checked).to.equal(true);
    expect(
      asked.filter((key) => key === 'optional'),
      'the yes/no question was not drawn again',
    ).to.deep.equal([]);
    $<HTMLInputElement>(el, '#f-smoke')!.click();
    await settle(el);
    expect(
      asked.filter((key) => key === 'optional'),
      'the question answered was',
    ).to.have.length(1);
  });
});
