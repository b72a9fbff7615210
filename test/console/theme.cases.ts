/**
 * The Theme screen in `<kap-console>` (issue 12 §4), in Chromium against the real reference
 * backend: a marketer sees no client data; a colour that fails contrast is named in plain words as
 * it is typed, Publish says why it is off and, pressed, is refused in the error summary, which
 * takes focus; with the keyboard alone a fixed colour is published and `GET clinic` serves it; the
 * owner, dark, Spanish, 320 px. The preview is the real elements in their key states, in the
 * draft's colours (a new brand colour changes the booking's primary button), answering in the page:
 * nothing is sent. A failing draft hides it behind "show anyway". Every state passes axe.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import type { ConsoleThemePreview } from '../../console/views/theme-preview.js';
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

/** Waits for the preview's elements to be driven into their key states. */
async function previewDriven(element: KapConsole): Promise<ConsoleThemePreview> {
  await until(() => deep(element, 'console-theme-preview'), 'the preview');
  const preview = deep<ConsoleThemePreview>(element, 'console-theme-preview')!;
  await preview.driven;
  return preview;
}

/** The first `selector` inside the preview element `id`'s shadow root. */
function inPreview<T extends Element = HTMLElement>(preview: ConsoleThemePreview, id: string, selector: string): T | null {
  return preview.shadowRoot!.getElementById(id)!.shadowRoot!.querySelector<T>(selector);
}

/** The preview's bookings in their key states: free times, details with errors, the confirmation. */
function expectBookingStates(preview: ConsoleThemePreview): void {
  expect(inPreview(preview, 'preview-times', 'button.time'), 'free times').to.exist;
  expect(inPreview(preview, 'preview-details', '.error-summary')!.textContent, 'details with errors').to.include('Enter your full name');
  expect(inPreview(preview, 'preview-confirmed', '[data-focus="done"]'), 'the confirmation').to.exist;
}

describe('<kap-console> theme', () => {
  it('a marketer: a failing pair is named as it is typed; Publish says why it is off, and is refused', async function () {
    // The preview's six elements and axe over them take time on a shared machine.
    this.timeout(60_000);
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
    expect(deep(element, 'console-theme-preview'), 'the preview hides failing colours').to.equal(undefined);
    expect(deep(element, '#theme-preview-hidden')!.textContent).to.include('The preview is hidden while a colour pair fails');
    await expect(element).to.be.accessible();
    deep<HTMLInputElement>(element, '#theme-preview-anyway')!.click();
    const picture = await previewDriven(element);
    expect((deep(element, '#theme-previews') as HTMLElement).inert, 'shown anyway: an inert picture').to.equal(true);
    expect(getComputedStyle(inPreview(picture, 'preview-times', 'h2, h3, h4, h5, h6, p')!).color, 'the failing text colour, as on the site').to.equal(
      'rgb(170, 170, 170)',
    );
    await expect(element).to.be.accessible();
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

  it('with the keyboard alone: the failing colour fixed, the theme published, and GET clinic serves it', async function () {
    // The preview's six elements and axe over them take time on a shared machine.
    this.timeout(60_000);
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

    // The preview's pages switch with the keyboard too: Tab to the light/dark choice, an arrow to dark.
    const preview = await previewDriven(element);
    for (let presses = 0; presses < 40 && activeElement()?.id !== 'theme-preview-light'; presses++) await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('theme-preview-light');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => preview.shadowRoot!.getElementById('preview-checklist')!.getAttribute('theme') === 'dark', 'the preview on dark pages');
    await expect(element).to.be.accessible();
  });

  it('the owner, dark, Spanish, 320 px wide: the screen and its preview; accessible, nothing wider than the screen', async function () {
    // The preview's six elements and axe over them take time on a shared machine.
    this.timeout(60_000);
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
    const preview = await previewDriven(element);
    expect(inPreview(preview, 'preview-details', '.error-summary')!.textContent, 'the elements speak Spanish').to.include('Escriba');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    deep<HTMLInputElement>(element, '#theme-preview-dark')!.click();
    await until(() => preview.shadowRoot!.getElementById('preview-times')!.getAttribute('theme') === 'dark', 'the dark pages');
    await until(
      () =>
        getComputedStyle(inPreview(preview, 'preview-times', 'button.time')!).color !==
        getComputedStyle(inPreview(preview, 'preview-times', 'button.time')!).backgroundColor,
      'the dark half of the draft',
    );
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('the preview: the real elements in their key states, in the draft’s colours, answering in the page — nothing is sent', async function () {
    // The preview's six elements and axe over them take time on a shared machine.
    this.timeout(60_000);
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url} ${typeof init?.body === 'string' ? init.body : ''}`);
      return realFetch(input, init);
    };
    try {
      await openTheme(element);
      const preview = await previewDriven(element);
      expectBookingStates(preview);
      expect(inPreview(preview, 'preview-intake', '.error-summary'), 'an intake page with its error summary').to.exist;
      expect(inPreview(preview, 'preview-crisis', '[part="crisis"]'), 'the crisis panel').to.exist;
      expect(preview.shadowRoot!.getElementById('preview-checklist')!.shadowRoot!.querySelectorAll('input[type="checkbox"]').length, 'the checklist').to.equal(
        3,
      );
      await expect(element).to.be.accessible();

      const confirm = () => getComputedStyle(inPreview(preview, 'preview-details', 'button.confirm')!).backgroundColor;
      const before = confirm();
      typeColour(element, 'theme-light-brand', '#7a1f5c');
      await until(() => confirm() === 'rgb(122, 31, 92)', 'the booking’s primary button in the new brand colour');
      expect(before).not.to.equal('rgb(122, 31, 92)');

      const asked = ['preview-times', 'preview-confirmed', 'preview-checklist'].flatMap(
        (id) => (preview.shadowRoot!.getElementById(id) as unknown as { asked: string[] }).asked,
      );
      expect(asked, 'the elements asked, and were answered in the page').to.include.members([
        'GET services',
        'POST bookings',
        'GET bookings/preview-booking/checklist',
      ]);
      expect(
        sent.filter((line) => /preview|Sample Person|sample@example\.com|availability|bookings|intake-responses|safety-signals/.test(line)),
        'nothing of the preview sent',
      ).to.deep.equal([]);
      await expect(element).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });

  it('late on a Sunday, when the week shown has no times left: the preview moves on to the next week’s free times', async function () {
    // The preview's six elements and axe over them take time on a shared machine.
    this.timeout(60_000);
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    // The booking shows a calendar week, Monday to Sunday, in the browser's zone; the sample schedule
    // has times on weekdays only. The page's clock runs on from the coming Sunday, 23:00 there.
    const realNow = Date.now;
    const sunday = new Date();
    sunday.setDate(sunday.getDate() + ((7 - sunday.getDay()) % 7));
    sunday.setHours(23, 0, 0, 0);
    const ahead = sunday.getTime() - realNow();
    Date.now = () => realNow() + ahead;
    try {
      await openTheme(element);
      const preview = await previewDriven(element);
      expectBookingStates(preview);
      await expect(element).to.be.accessible();
    } finally {
      Date.now = realNow;
    }
  });
});
