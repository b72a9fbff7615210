/**
 * The form studio in `<kap-console>`, in Chromium against the real reference backend: a marketer
 * lists the forms, makes one from a template (a bad id refused in the error summary, which takes
 * focus) and edits it — with the keyboard alone adds questions, moves one, sets its condition on
 * an earlier question and publishes, and the server serves that version; problems are shown at
 * their question and Publish is refused; a deletion is undone; the value picker offers the
 * earlier question's own options and only earlier questions; drag and drop reorders; a failed save
 * says so and Retry saves; a preview can follow the draft. Dark, Spanish, 320 px. Front desk and
 * clinician have no Forms, and the server refuses them. Every state passes axe.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import type { ConsoleFormEditor } from '../../console/views/form-editor.js';
import { addStaff, buttonNamed, deep, deepAll, deepText, fill, freshApi, mountConsole, requestSession, signIn, unmountAll, until } from './support.js';

afterEach(async () => {
  unmountAll();
  document.documentElement.style.colorScheme = '';
  await setViewport({ width: 800, height: 600 });
});

function activeElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const editor = (element: KapConsole) => deep<ConsoleFormEditor>(element, 'console-form-editor')!;

/** The questions' headings of page `page`, in order. */
const headings = (element: KapConsole, page = 0) => deepAll(element, `[id^="item-${page}-"][id$="-heading"]`).map((heading) => heading.textContent!.trim());

/** Signs in as a marketer, opens Forms and makes a form from `template`; answers the console on its editor. */
async function newForm(api: string, id: string, template: 'blank' | 'pre-consultation' | 'kap-intake', lang = 'en'): Promise<KapConsole> {
  const element = await mountConsole(api, lang);
  await signIn(element, await addStaff(api, 'marketer', { factor: false }));
  buttonNamed(element, 'Forms').click();
  await until(() => deep(element, '#new-form-id'), 'the forms screen');
  fill(element, 'Title clients see', 'Check-in');
  fill(element, 'Form id', id);
  deep<HTMLInputElement>(element, `#template-${template}`)!.click();
  buttonNamed(element, 'Make the form').click();
  await until(() => deep(element, 'console-form-editor') && deepText(element).includes('Saved'), 'the editor opens');
  return element;
}

describe('<kap-console> form studio', () => {
  it('a marketer: Forms lists the clinic’s forms; a bad id is refused; a form made from the short template opens in the editor; no client data', async () => {
    const api = freshApi();
    await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deepAll(element, 'nav button').length > 0, 'the console');
    expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).to.deep.equal(['Embed code', 'Forms', 'Theme']);
    buttonNamed(element, 'Forms').click();
    await until(() => deepText(element).includes('kap-demo-intake'), 'the forms are listed');
    expect(deepText(element)).to.include('Before your consultation');
    expect(deepText(element)).to.match(/Version 2026-11-1 \(1 published\)/);
    expect(deepText(element)).not.to.include('Robin');
    await expect(element).to.be.accessible();

    fill(element, 'Title clients see', 'Before we talk');
    fill(element, 'Form id', 'Kap Demo!');
    buttonNamed(element, 'Make the form').click();
    await until(() => deepText(element).includes('Enter a form id of lowercase letters'), 'the id is refused');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    expect(deep(element, '#new-form-id')!.getAttribute('aria-invalid')).to.equal('true');
    fill(element, 'Form id', 'kap-demo-intake');
    buttonNamed(element, 'Make the form').click();
    await until(() => deepText(element).includes('A form with this id exists already'), 'a taken id is refused');
    await expect(element).to.be.accessible();

    fill(element, 'Form id', 'before-we-talk');
    deep<HTMLInputElement>(element, '#template-pre-consultation')!.click();
    buttonNamed(element, 'Make the form').click();
    await until(() => deepText(element).includes('Edit form: Before we talk'), 'the editor opens');
    expect(activeElement()?.id).to.equal('editor-heading');
    await until(() => deepText(element).includes('No problems: this form can be published.'), 'the template has no problems');
    expect(headings(element)).to.deep.equal([
      'Question 1, Short text: Full name',
      'Question 2, Email address: Email address',
      'Question 3, One choice: What brings you to us?',
      'Question 4, Long text: Tell us a little about it',
      'Question 5, Yes or no: Have you had treatment for this before?',
    ]);
    expect(deep(element, '#save-status')!.getAttribute('aria-live')).to.equal('polite');
    expect(deepText(element)).not.to.include('Robin');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Back to forms').click();
    await until(() => deepText(element).includes('before-we-talk'), 'the new form is listed');
    expect(deepText(element)).to.include('Not published yet');
    expect(deepText(element)).to.include('Changes waiting, to publish as version 1');
  });

  it('with the keyboard alone: add questions, move one, set its condition on an earlier question, publish; the server serves it', async () => {
    const api = freshApi();
    const element = await newForm(api, 'keyboard-form', 'blank');
    deep(element, '#page-0-title')!.focus();
    await sendKeys({ type: 'Medicines' });

    const add = async (downs: number, wording: string, id: string) => {
      deep(element, '#add-type-0')!.focus();
      await sendKeys({ press: 'Home' });
      for (let i = 0; i < downs; i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(activeElement()?.textContent?.trim()).to.equal('Add a question');
      await sendKeys({ press: 'Enter' });
      await until(() => activeElement()?.id === `${id}-label`, `the wording of ${id} has focus`);
      await sendKeys({ type: wording });
    };
    await add(8, 'Do you take lithium?', 'q1');
    await add(0, 'Which dose?', 'q2');
    await add(4, 'Your weight', 'q3');
    expect(headings(element)).to.deep.equal([
      'Question 1, Yes or no: Do you take lithium?',
      'Question 2, Short text: Which dose?',
      'Question 3, Number: Your weight',
    ]);

    deep(element, '#q3-up')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => headings(element)[1] === 'Question 2, Number: Your weight', 'the weight moved up');
    expect(activeElement()?.id).to.equal('q3-up');
    await expect(element).to.be.accessible();

    deep(element, '#q2-edit')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deep(element, '#q2-add-condition'), 'the dose question is open');
    deep(element, '#q2-add-condition')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deep(element, '#q2-cond-0-item'), 'a condition row');
    // Only the questions before it, and the value picked from the question's own options.
    expect(deepAll<HTMLOptionElement>(element, '#q2-cond-0-item option').map((option) => option.textContent!.trim())).to.deep.equal([
      'Do you take lithium?',
      'Your weight',
    ]);
    expect(deepAll<HTMLOptionElement>(element, '#q2-cond-0-value option').map((option) => option.textContent!.trim())).to.deep.equal(['Yes', 'No']);
    expect(deepAll<HTMLOptionElement>(element, '#q2-cond-0-operator option').map((option) => option.textContent!.trim())).to.deep.equal([
      'is',
      'is not',
      'is answered',
    ]);
    expect(deep<HTMLSelectElement>(element, '#q2-cond-0-value')!.value).to.equal('yes');
    await until(() => deepText(element).includes('Shown only when its condition holds.'), 'the condition is set');
    await expect(element).to.be.accessible();

    deep(element, '#publish-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'publish-confirm-heading', 'the confirmation has focus');
    expect(deepText(element)).to.include('Publish version 1?');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('Publish version 1');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Version 1 is published.'), 'published');
    expect(activeElement()?.id).to.equal('publish-result');
    await expect(element).to.be.accessible();

    const served = await (await fetch(`${api}forms/keyboard-form`)).json();
    expect(served.version).to.equal('1');
    expect(served.pages[0].items.map((item: { id: string }) => item.id)).to.deep.equal(['q1', 'q3', 'q2']);
    expect(served.pages[0].items[2].when).to.deep.equal({ item: 'q1', equals: 'yes' });
    expect(served.title).to.equal('Check-in');

    buttonNamed(element, 'Back to forms').click();
    await until(() => deepText(element).includes('keyboard-form'), 'the list');
    const row = deepAll(element, 'tbody tr').find((candidate) => candidate.textContent!.includes('keyboard-form'))!;
    expect(row.textContent).to.include('Version 1 (1 published)');
    expect(row.textContent).to.include('No changes since the last version');
  });

  it('problems are shown at their question in plain words; Publish is refused with the summary taking focus; a deletion is undone', async () => {
    const api = freshApi();
    const element = await newForm(api, 'problem-form', 'blank');
    const type = deep<HTMLSelectElement>(element, '#add-type-0')!;
    type.value = 'choice';
    buttonNamed(element, 'Add a question').click();
    await until(() => deepText(element).includes('Write the wording of the question.'), 'the missing wording is said');
    const item = deep(element, '#item-0-0')!;
    expect(item.textContent).to.include('Write the wording of the question.');
    expect(item.textContent).to.include('Every option needs wording.');
    expect(deep(element, '#problems')!.textContent).to.include('Page 1, question 1: Write the wording of the question.');
    expect(deep(element, '#problems')!.textContent).to.include('Page 1: Give it a title.');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Publish').click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'the error summary takes focus');
    expect(deep(element, '.error-summary')!.textContent).to.include('Fix these problems before publishing');
    expect(deepText(element)).not.to.include('Publish version');
    await expect(element).to.be.accessible();

    fill(element, 'Question (English)', 'How did you hear of us?');
    fill(element, 'Option 1 (English)', 'A friend');
    fill(element, 'Option 2 (English)', 'The web');
    fill(element, 'Page title (English)', 'About you');
    await until(() => deepText(element).includes('No problems: this form can be published.'), 'the problems are gone');
    // The live preview beside the editor follows the draft as it is typed, before any save.
    await until(() => deepText(deep(element, 'studio-form-preview')!).includes('How did you hear of us?'), 'the preview shows the new question');
    expect(deepText(deep(element, 'studio-form-preview')!)).to.include('A friend');

    deep<HTMLButtonElement>(element, '#q1-delete')!.click();
    await until(() => activeElement()?.id === 'undo-button', 'Undo has focus');
    expect(deepText(element)).to.include('Deleted Question 1, One choice: How did you hear of us?');
    expect(headings(element)).to.deep.equal([]);
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Undo').click();
    await until(() => headings(element).length === 1, 'the question is back');
    expect(headings(element)).to.deep.equal(['Question 1, One choice: How did you hear of us?']);
    expect(deep(element, '#undo-button')).to.equal(undefined);

    // Crisis lines for a country: a line without a name is a problem there.
    fill(element, 'Country code', 'gb');
    buttonNamed(element, 'Add the country').click();
    await until(() => deepText(element).includes('Lines for country GB'), 'the country’s lines');
    await until(() => deep(element, '#problems')!.textContent!.includes('Crisis resources: Every line needs a name.'), 'the nameless line is a problem');
    expect(deep(element, '#crisis-heading')!.closest('section')!.textContent).to.include('Every line needs a name.');
    await expect(element).to.be.accessible();
    fill(element, 'Line 1: name (English)', 'Samaritans');
    const phone = deep<HTMLInputElement>(element, '#crisis-GB-0-phone')!;
    phone.value = '116 123';
    phone.dispatchEvent(new Event('change'));
    await until(() => deepText(element).includes('No problems: this form can be published.'), 'the line is complete');
    expect(editor(element).definition!['crisis']).to.deep.equal({ countries: { GB: { resources: [{ name: 'Samaritans', phone: '116 123' }] } } });
  });

  it('the server’s own limit is checked too: answers that could be larger than the server takes are a problem, and Publish is refused', async () => {
    const api = freshApi();
    const element = await newForm(api, 'long-form', 'blank');
    fill(element, 'Page title (English)', 'Your story');
    for (let n = 1; n <= 5; n++) {
      deep<HTMLSelectElement>(element, '#add-type-0')!.value = 'textarea';
      buttonNamed(element, 'Add a question').click();
      await until(() => deep(element, `#q${n}-label`), `question ${n}`);
      fill(element, 'Question (English)', `Part ${n}`);
      const most = deep<HTMLInputElement>(element, `#q${n}-maxLength`)!;
      most.value = '20000';
      most.dispatchEvent(new Event('change'));
    }
    await until(() => deepText(element).includes('Its longest possible answers would be more than the server accepts'), 'the size is a problem');
    expect(deep(element, '#problems')!.textContent).to.include('The form: Its longest possible answers');
    expect(deep(element, '#form-heading')!.closest('section')!.textContent).to.include('Its longest possible answers');
    buttonNamed(element, 'Publish').click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'Publish is refused');
    expect(deepText(element)).not.to.include('Publish version 1');
    await expect(element).to.be.accessible();

    const most = deep<HTMLInputElement>(element, '#q5-maxLength')!;
    most.value = '2000';
    most.dispatchEvent(new Event('change'));
    await until(() => deepText(element).includes('No problems: this form can be published.'), 'the form fits');
  });

  it('conditions offer the earlier question’s own options, "is any of" as boxes, "more than" by score; drag and drop reorders; the draft is told to a preview', async () => {
    const api = freshApi();
    const element = await newForm(api, 'talk-form', 'pre-consultation');
    const changes: unknown[] = [];
    editor(element).addEventListener('studio-draft-change', (event) => changes.push((event as CustomEvent).detail.definition));

    deep<HTMLButtonElement>(element, '#reason-other-edit')!.click();
    await until(() => deep(element, '#reason-other-cond-0-item'), 'the condition of the fourth question');
    expect(deepAll<HTMLOptionElement>(element, '#reason-other-cond-0-item option').map((option) => option.value)).to.deep.equal([
      'full-name',
      'email',
      'reason',
    ]);
    expect(deepAll<HTMLOptionElement>(element, '#reason-other-cond-0-value option').map((option) => option.textContent!.trim())).to.deep.equal([
      'Low mood or depression',
      'Anxiety or worry',
      'Trauma or PTSD',
      'Something else',
    ]);
    const operator = deep<HTMLSelectElement>(element, '#reason-other-cond-0-operator')!;
    operator.value = 'anyOf';
    operator.dispatchEvent(new Event('change'));
    await until(() => deep(element, '#reason-other-cond-0-any-0'), 'a box per option');
    deep<HTMLInputElement>(element, '#reason-other-cond-0-any-1')!.click();
    await until(() => changes.length > 0, 'the change is told');
    deep<HTMLInputElement>(element, '#reason-other-cond-0-any-3')!.click();
    await until(
      () => JSON.stringify(editor(element).definition!.pages[0]!.items![3]!['when']) === JSON.stringify({ item: 'reason', anyOf: ['anxiety', 'other'] }),
      'is any of',
    );
    expect((changes.at(-1) as { pages: { items: { when?: unknown }[] }[] }).pages[0]!.items[3]!.when).to.deep.equal({
      item: 'reason',
      anyOf: ['anxiety', 'other'],
    });
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Add a condition').click();
    await until(() => deep(element, '#reason-other-combine'), 'two conditions are combined');
    const second = deep<HTMLSelectElement>(element, '#reason-other-cond-1-item')!;
    second.value = 'email';
    second.dispatchEvent(new Event('change'));
    await until(() => deepAll<HTMLOptionElement>(element, '#reason-other-cond-1-operator option').length === 4, 'the operators of a text');
    const combine = deep<HTMLSelectElement>(element, '#reason-other-combine')!;
    combine.value = 'any';
    combine.dispatchEvent(new Event('change'));
    await editor(element).updateComplete;
    const secondOperator = deep<HTMLSelectElement>(element, '#reason-other-cond-1-operator')!;
    secondOperator.value = 'answered';
    secondOperator.dispatchEvent(new Event('change'));
    await until(() => !deep(element, '#reason-other-cond-1-value'), 'no value for "is answered"');
    expect(editor(element).definition!.pages[0]!.items![3]!['when']).to.deep.equal({
      any: [
        { item: 'reason', anyOf: ['anxiety', 'other'] },
        { item: 'email', answered: true },
      ],
    });
    await expect(element).to.be.accessible();

    // With the mouse: the yes/no question dragged onto the first.
    const from = deep(element, '#item-0-4 .item-head')!;
    const to = deep(element, '#item-0-0')!;
    const data = new DataTransfer();
    from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: data }));
    to.dispatchEvent(new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
    to.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
    await until(() => headings(element)[0] === 'Question 1, Yes or no: Have you had treatment for this before?', 'the dragged question is first');
    expect(editor(element).definition!.pages[0]!.items!.map((item) => item.id)).to.deep.equal([
      'tried-treatment',
      'full-name',
      'email',
      'reason',
      'reason-other',
    ]);
  });

  it('texts in Spanish; a failed save says so and Retry saves; locked blocks say why; a later question read by a moved one is a problem', async () => {
    const api = freshApi();
    const element = await newForm(api, 'spanish-form', 'pre-consultation');
    deep<HTMLInputElement>(element, '#text-lang-es')!.click();
    deep<HTMLButtonElement>(element, '#full-name-edit')!.click();
    await until(() => deep<HTMLInputElement>(element, '#full-name-label')?.value === 'Nombre y apellidos', 'the Spanish wording');
    expect(deep(element, '#full-name-label')!.getAttribute('lang')).to.equal('es');

    const form = editor(element);
    const save = form.api.saveFormDraft;
    form.api.saveFormDraft = () => Promise.reject(new Error('offline'));
    fill(element, 'Question (Spanish)', 'Su nombre completo');
    await until(() => deepText(element).includes('Not saved — check the connection and retry'), 'the failed save is said');
    await expect(element).to.be.accessible();
    form.api.saveFormDraft = save;
    buttonNamed(element, 'Retry saving').click();
    await until(() => deep(element, '#save-status')!.textContent!.trim() === 'Saved', 'saved again');
    const listed = await (await fetch(`${api}staff/forms`)).json();
    const draft = listed.forms.find((entry: { id: string }) => entry.id === 'spanish-form').draft;
    expect(draft.pages[0].items[0].label).to.deep.equal({ en: 'Full name', es: 'Su nombre completo' });

    deep<HTMLSelectElement>(element, '#add-block')!.value = 'phq-9';
    buttonNamed(element, 'Add the block').click();
    await until(() => deepText(element).includes('Page 2: Patient Health Questionnaire-9 (PHQ-9)'), 'the PHQ-9 block');
    expect(deep(element, '#page-1-heading')!.closest('section')!.textContent).to.include('This is a validated questionnaire: its wording cannot be changed');
    expect(deep(element, '#page-1-title')).to.equal(undefined);

    deep<HTMLButtonElement>(element, '#reason-down')!.click();
    await until(() => deepText(element).includes('Its condition reads a question that does not come before it.'), 'the condition is now on a later question');
    expect(deep(element, '#item-0-2')!.textContent).to.include('Its condition reads a question that does not come before it.');
    await expect(element).to.be.accessible();
  });

  it('the owner, dark, Spanish, 320 px: the KAP intake template with its locked blocks; accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api, 'es');
    const owner = await addStaff(api, 'owner');
    await until(() => deep(element, '#email'), 'el formulario de inicio de sesión');
    fill(element, 'Correo electrónico', owner.email);
    fill(element, 'Contraseña', owner.password);
    fill(element, 'Código de su aplicación de autenticación', owner.code!);
    buttonNamed(element, 'Iniciar sesión').click();
    await until(() => deepAll(element, 'nav button').length > 0, 'la consola');
    buttonNamed(element, 'Formularios').click();
    await until(() => deep(element, '#new-form-id'), 'los formularios');
    await expect(element).to.be.accessible();
    fill(element, 'Título que ven los clientes', 'Admisión');
    fill(element, 'Identificador del formulario', 'admision');
    deep<HTMLInputElement>(element, '#template-kap-intake')!.click();
    buttonNamed(element, 'Crear el formulario').click();
    await until(() => deepText(element).includes('Sin problemas: este formulario se puede publicar.'), 'el editor sin problemas');
    expect(deepText(element)).to.include('Es un cuestionario validado');
    expect(deepText(element)).to.include('La página de evaluación médica está redactada y revisada');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('every type of question, open with its own fields, is accessible; a scale’s rows and scored options; a question moves to the next page', async () => {
    const api = freshApi();
    const element = await newForm(api, 'every-type', 'blank');
    const types = ['text', 'textarea', 'email', 'phone', 'number', 'date', 'choice', 'multi', 'yesno', 'scale', 'consent', 'display'];
    for (const [i, type] of types.entries()) {
      deep<HTMLSelectElement>(element, '#add-type-0')!.value = type;
      buttonNamed(element, 'Add a question').click();
      await until(() => activeElement()?.id === `q${i + 1}-${type === 'display' ? 'text' : 'label'}`, `the ${type} question is open`);
      const own = {
        text: 'autocomplete',
        textarea: 'maxLength',
        email: 'autocomplete',
        phone: 'autocomplete',
        number: 'unit',
        date: 'dob',
        choice: 'option-1-score',
        multi: 'option-0-exclusive',
        yesno: 'review',
        scale: 'row-0-safety',
        consent: 'signature',
        display: 'text',
      }[type];
      expect(deep(element, `#q${i + 1}-${own}`), `${type}: ${own}`).to.exist;
      await expect(element).to.be.accessible();
    }
    deep<HTMLButtonElement>(element, '#q10-edit')!.click();
    await until(() => deep(element, '#q10-row-0-label'), 'the scale is open');
    buttonNamed(element, 'Add a row').click();
    await until(() => deep(element, '#q10-row-1-label'), 'a second row');
    expect(editor(element).definition!.pages[0]!.items![9]!.options!.map((option) => option.score)).to.deep.equal([0, 1, 2, 3]);
    expect(editor(element).definition!.pages[0]!.items![9]!.rows!.map((row) => row.id)).to.deep.equal(['q10-row1', 'q10-row2']);

    buttonNamed(element, 'Add a page of questions').click();
    await until(() => deep(element, '#page-1-title'), 'a second page');
    deep<HTMLButtonElement>(element, '#q12-down')!.click();
    await until(() => editor(element).definition!.pages[1]!.items!.length === 1, 'the last question moved onto the next page');
    expect(editor(element).definition!.pages[1]!.items![0]!.id).to.equal('q12');
    expect(deep<HTMLButtonElement>(element, '#q12-down')!.disabled).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('front desk and clinician have no Forms, and the server refuses them', async () => {
    for (const role of ['front-desk', 'clinician']) {
      const api = freshApi();
      const element = await mountConsole(api);
      await signIn(element, await addStaff(api, role));
      await until(() => deepAll(element, 'nav button').length > 0, `the ${role}’s console`);
      expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).not.to.include('Forms');
      expect(deep(element, 'console-forms')).to.equal(undefined);
      expect((await fetch(`${api}staff/forms`, { credentials: 'same-origin' })).status).to.equal(403);
      unmountAll();
    }
  });
});
