/**
 * The Theme screen in `<kap-console>` (issue 12 §4), in Chromium against the real reference
 * backend: a marketer sees no client data; a colour that fails contrast is named in plain words as
 * it is typed, Publish says why it is off and, pressed, is refused in the error summary, which
 * takes focus; with the keyboard alone a fixed colour is published and `GET clinic` serves it; the
 * owner, dark, Spanish, 320 px. Every state passes axe.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import { addStaff, buttonNamed, deep, deepAll, deepText, fill, freshApi, mountConsole, signIn, unmountAll, until } from './support.js';

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

/** Types `value` into the colour field `id` as input events (the field's own label is the same for every colour). */
function typeColour(element: KapConsole, id: string, value: string): void {
  const field = deep<HTMLInputElement>(element, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openTheme(element: KapConsole, name = 'Theme'): Promise<void> {
  await until(() => deepAll(element, 'nav button').length > 0, 'the navigation');
  buttonNamed(element, name).click();
  await until(() => deep(element, '#theme-light-text'), 'the theme screen');
}

describe('<kap-console> theme', () => {
  it('a marketer: a failing pair is named as it is typed; Publish says why it is off, and is refused', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await openTheme(element);
    expect(deepText(element)).to.include('No theme is published yet');
    expect(deepText(element)).to.include('Every colour pair has enough contrast to be read.');
    expect(deep(element, '#theme-publish')!.getAttribute('aria-disabled')).to.equal('false');
    await expect(element).to.be.accessible();

    typeColour(element, 'theme-light-text', '#aaaaaa');
    await until(() => deepText(element).includes('Text on background (light pages): 2.3:1, needs 4.5:1'), 'the failing pair named');
    expect(deep(element, '#theme-contrast-summary')!.textContent).to.include('Colour pairs without enough contrast: 3');
    const publish = deep<HTMLButtonElement>(element, '#theme-publish')!;
    expect(publish.getAttribute('aria-disabled')).to.equal('true');
    expect(deep(element, `#${publish.getAttribute('aria-describedby')}`)!.textContent).to.include(
      'Publish is off until every colour pair has enough contrast.',
    );
    await expect(element).to.be.accessible();

    publish.click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'the summary takes focus');
    expect(deep(element, '.error-summary')!.textContent).to.include('Text on background (light pages): 2.3:1, needs 4.5:1');
    expect(deep(element, '#theme-light-text')!.getAttribute('aria-invalid')).to.equal('true');
    const clinic = await (await fetch(`${api}clinic`)).json();
    expect(clinic.theme, 'nothing published').to.equal(undefined);
    await expect(element).to.be.accessible();

    typeColour(element, 'theme-light-brand', 'purple');
    buttonNamed(element, 'Save draft').click();
    await until(() => deep(element, '.error-summary')?.textContent?.includes('enter a hex code such as #1b5e63'), 'a colour that is not one');
    await expect(element).to.be.accessible();
  });

  it('with the keyboard alone: the failing colour fixed, the theme published, and GET clinic serves it', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await openTheme(element);
    typeColour(element, 'theme-light-text', '#aaaaaa');
    await until(() => deep(element, '#theme-publish')!.getAttribute('aria-disabled') === 'true', 'Publish off');
    deep(element, '#theme-heading')!.focus();
    for (let presses = 0; presses < 40 && activeElement()?.id !== 'theme-light-text'; presses++) await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('theme-light-text');
    // Tabbing into a text field selects what it holds: typing replaces it.
    await sendKeys({ type: '#222222' });
    await until(() => deepText(element).includes('Every colour pair has enough contrast to be read.'), 'every pair passes');
    for (let presses = 0; presses < 40 && activeElement()?.id !== 'theme-publish'; presses++) await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('theme-publish');
    await sendKeys({ press: 'Enter' });
    await until(() => deep(element, '#theme-saved')!.textContent?.includes('Published'), 'published');
    const clinic = await (await fetch(`${api}clinic`)).json();
    expect(clinic.theme.tokens['color-text']).to.equal('light-dark(#222222, #eef3f4)');
    await expect(element).to.be.accessible();
  });

  it('the owner, dark, Spanish, 320 px wide: the screen and its preview; accessible, nothing wider than the screen', async () => {
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
    await openTheme(element, 'Tema');
    expect(deepText(element)).to.include('Vista previa');
    expect(getComputedStyle(deep(element, '#theme-preview-dark')!).backgroundColor, 'the dark half of the draft').to.equal('rgb(17, 26, 29)');
    expect(getComputedStyle(deep(element, '#theme-preview-light')!).backgroundColor, 'the light half of the draft').to.equal('rgb(255, 255, 255)');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
