/**
 * The intake inbox of `<kap-console>` in Chromium against the real reference backend: a clinician
 * lists responses newest first, opens one (answers in the form's order and wording, scores), prints
 * it, goes back — by keyboard alone too; the same response opened from its booking; front desk has
 * no inbox and no way to open a response. axe in every state; dark, Spanish, 320 px.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { render } from 'lit';
import { answersView } from '../../console/views/answers.js';
import { words } from '../../console/i18n/index.js';
import { addStaff, buttonNamed, deep, deepAll, deepText, freshApi, mountConsole, requestSession, sendIntake, signIn, unmountAll, until } from './support.js';

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

async function tabTo(name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await sendKeys({ press: 'Tab' });
    if ((activeElement()?.textContent ?? '').trim() === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('<kap-console>: intake inbox', () => {
  it('a clinician opens the newest response from the inbox, sees its answers and scores, prints, and goes back — by keyboard alone', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    await sendIntake(api, booking);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'clinician'));
    await tabTo('Intake inbox');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Response received'), 'the inbox lists the response');
    expect(deepText(element)).not.to.include('Ann Lee', 'the list holds no answers');
    expect(deepText(element)).to.match(/Form kap-demo-intake, version \S+/, 'the list names the version answered');
    await expect(element).to.be.accessible();

    await tabTo('Open');
    // The safety queue's Open comes first when it has entries; this clinic's has none.
    expect(activeElement()?.getAttribute('aria-label')).to.match(/^Open: .+, received /);
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Ann Lee'), 'the response opens');
    expect(activeElement()?.id).to.equal('response-heading');
    const text = deepText(element);
    expect(text).to.match(/PHQ-9 : Total 8 \( Mild \)/);
    expect(text).to.match(/form version \S+/);
    const terms = deepAll(element, 'dt').map((term) => term.textContent ?? '');
    expect(terms.findIndex((term) => /Little interest/i.test(term))).to.be.greaterThan(terms.findIndex((term) => /name/i.test(term)));
    await expect(element).to.be.accessible();

    let printed = 0;
    const print = window.print;
    window.print = () => void printed++;
    try {
      buttonNamed(element, 'Print').click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    const printRule = [...(deep(element, 'console-intake-response')!.shadowRoot!.adoptedStyleSheets ?? [])]
      .flatMap((sheet) => [...sheet.cssRules])
      .find((rule) => rule instanceof CSSMediaRule && rule.conditionText === 'print');
    expect(printRule, 'a print stylesheet').to.exist;

    buttonNamed(element, 'Back').click();
    await until(() => activeElement()?.id === 'inbox-heading', 'back to the inbox, focus on its heading');
  });

  it('a clinician opens the response from its booking; front desk sees only its status and no inbox', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    await sendIntake(api, booking);
    const clinician = await mountConsole(api);
    await signIn(clinician, await addStaff(api, 'clinician'));
    await until(() => deepText(clinician).includes('Requested'), 'the schedule');
    buttonNamed(clinician, /^Open booking: /).click();
    await until(() => deepText(clinician).includes('Response received'), 'the booking lists the response');
    buttonNamed(clinician, /^Open the response received /).click();
    await until(() => deepText(clinician).includes('Ann Lee'), 'the response opens');
    await expect(clinician).to.be.accessible();
    buttonNamed(clinician, 'Back').click();
    await until(() => deepText(clinician).includes('robin.queue@example.com'), 'back to the booking');
    buttonNamed(clinician, 'Sign out').click();
    await until(() => deepText(clinician).includes('You have signed out.'), 'signed out');
    unmountAll();

    const desk = await mountConsole(api);
    await signIn(desk, await addStaff(api, 'front-desk'));
    await until(() => deepText(desk).includes('Requested'), 'the schedule');
    expect(deepText(desk)).not.to.include('Intake inbox');
    buttonNamed(desk, /^Open booking: /).click();
    await until(() => deepText(desk).includes('robin.queue@example.com'), 'the booking opens');
    expect(deepText(desk)).to.include('Submitted');
    expect(deepText(desk)).not.to.include('Response received');
    expect(() => buttonNamed(desk, /^Open the response/)).to.throw();
  });

  it('dark, Spanish and 320 px wide: the inbox and a response, accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    await sendIntake(api, await requestSession(api));
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'clinician'));
    element.lang = 'es';
    await until(() => deepText(element).includes('Bandeja de admisión'), 'en español');
    buttonNamed(element, 'Bandeja de admisión').click();
    await until(() => deepText(element).includes('Respuesta recibida'), 'la bandeja');
    await expect(element).to.be.accessible();
    buttonNamed(element, /^Abrir: /).click();
    await until(() => deepText(element).includes('Imprimir'), 'la respuesta');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('an incomplete score says how much was answered, never a total of 0', () => {
    // The demo intake requires every instrument item, so the server never stores an incomplete one
    // from it; another clinic's form may not, and this is how the console shows it.
    const host = document.createElement('div');
    render(
      answersView(words('en'), {
        questions: [],
        flags: [],
        scores: [{ instrument: 'phq-9', complete: false, total: null, answered: 7, missing: ['phq-9.q3', 'phq-9.q8'], band: null }],
      }),
      host,
    );
    expect(host.textContent?.replace(/\s+/g, ' ')).to.include('PHQ-9: Incomplete: 7 of 9 answered');
    expect(host.textContent).not.to.match(/Total/);
  });
});
