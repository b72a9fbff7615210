/**
 * The studio's live preview (`<studio-form-preview>`, console/studio/) in Chromium: the real intake
 * element shows the definition, at phone and desktop width, light and dark, English and Spanish; a
 * marketer steps through its pages, a condition shows its question, a safety answer its crisis
 * panel; and what is typed and sent goes nowhere: no request carries it (fetch, XHR, beacons and
 * every resource the page loads are watched). In the console, a marketer previews a form's draft
 * from Forms. Keyboard alone; axe 0 in every state.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ConsoleApi } from '../../console/api-client.js';
import { words } from '../../console/i18n/index.js';
import '../../console/studio/form-preview.js';
import type { StudioFormPreview } from '../../console/studio/form-preview.js';
import { addStaff, buttonNamed, deep, deepAll, deepText, freshApi, mountConsole, signIn, unmountAll, until } from './support.js';

const SECRET = 'Zebracorn Quillfeather';
const REFERRER = 'Dr Marmalade Okonkwo';

const CHECK_IN = {
  id: 'check-in',
  title: { en: 'Check-in', es: 'Registro' },
  pages: [
    {
      id: 'about',
      title: { en: 'About you', es: 'Sobre usted' },
      items: [
        { type: 'text', id: 'name', label: { en: 'Your name', es: 'Su nombre' }, maxLength: 100 },
        { type: 'yesno', id: 'first', label: { en: 'Is this your first visit?', es: '¿Es su primera visita?' } },
        {
          type: 'text',
          id: 'referrer',
          label: { en: 'Who referred you?', es: '¿Quién le recomendó?' },
          required: false,
          maxLength: 100,
          when: { item: 'first', equals: 'yes' },
        },
      ],
    },
    {
      id: 'today',
      title: { en: 'Today', es: 'Hoy' },
      items: [{ type: 'yesno', id: 'harm', label: { en: 'Have you had thoughts of harming yourself?', es: '¿Ha pensado en hacerse daño?' }, safety: true }],
    },
  ],
};

const mounted: HTMLElement[] = [];

afterEach(async () => {
  for (const element of mounted.splice(0)) element.remove();
  unmountAll();
  document.documentElement.style.colorScheme = '';
  await setViewport({ width: 800, height: 600 });
});

function activeElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function mountPreview(api: string, lang: 'en' | 'es' = 'en'): Promise<StudioFormPreview> {
  const element = document.createElement('studio-form-preview') as StudioFormPreview;
  element.api = new ConsoleApi(api);
  element.t = words(lang);
  element.lang = lang;
  element.definition = CHECK_IN;
  document.body.append(element);
  mounted.push(element);
  await until(() => deep(element, 'studio-preview-intake') && deep(element, '#f-name'), 'the preview shows the form');
  return element;
}

/** Every request the page makes from now on, with its body when it has one: fetch, XHR, beacons, and the resources loaded. */
function watchRequests(): { seen(): string[]; stop(): void } {
  const seen: string[] = [];
  const fetch = window.fetch;
  const send = XMLHttpRequest.prototype.send;
  const open = XMLHttpRequest.prototype.open;
  const beacon = navigator.sendBeacon;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(`${request.method} ${request.url} ${await request.clone().text()}`);
    return fetch(input, init);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest & { url?: string }, method: string, url: string | URL, ...rest: unknown[]) {
    this.url = `${method} ${url}`;
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest & { url?: string }, body?: Document | XMLHttpRequestBodyInit | null) {
    seen.push(`${this.url} ${String(body ?? '')}`);
    return send.call(this, body);
  };
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    seen.push(`BEACON ${url} ${String(data ?? '')}`);
    return beacon.call(navigator, url, data);
  };
  performance.clearResourceTimings();
  return {
    seen: () => [...seen, ...performance.getEntriesByType('resource').map((entry) => entry.name)],
    stop() {
      window.fetch = fetch;
      XMLHttpRequest.prototype.send = send;
      XMLHttpRequest.prototype.open = open;
      navigator.sendBeacon = beacon;
    },
  };
}

/** Focuses `selector` (inside the preview) and types `text` as keys. */
async function typeInto(root: Element, selector: string, text: string): Promise<void> {
  deep(root, selector)!.focus();
  await sendKeys({ type: text });
}

function radio(root: Element, name: string, value: string): HTMLInputElement {
  return deepAll<HTMLInputElement>(root, 'input[type="radio"]').find((input) => input.name === name && input.value === value)!;
}

describe('the studio’s live preview', () => {
  it('steps through the pages, a condition and the crisis panel; sending shows the confirmation and nothing typed is sent', async () => {
    const api = freshApi();
    const preview = await mountPreview(api);
    await expect(preview).to.be.accessible();
    expect(deep(preview, '.frame--phone')).to.exist;
    expect(deepText(preview)).to.include('nothing you type here is sent');

    const watch = watchRequests();
    try {
      await typeInto(preview, '#f-name', SECRET);
      expect(deep(preview, '#f-referrer')).to.equal(undefined, 'hidden until the condition holds');
      radio(preview, 'first', 'yes').click();
      await until(() => deep(preview, '#f-referrer'), 'the condition shows its question');
      await typeInto(preview, '#f-referrer', REFERRER);
      await expect(preview).to.be.accessible();
      buttonNamed(preview, 'Continue').click();
      await until(() => deepText(preview).includes('Have you had thoughts of harming yourself?'), 'the second page');
      radio(preview, 'harm', 'yes').click();
      await until(() => deep(preview, '[part~="crisis"]'), 'the crisis panel shows');
      await expect(preview).to.be.accessible();
      buttonNamed(preview, 'Continue').click();
      await until(() => deepText(preview).includes('Check your answers before sending them'), 'check your answers');
      expect(deepText(preview)).to.include(SECRET);
      buttonNamed(preview, 'Send my answers').click();
      await until(() => deepText(preview).includes('Your answers have been sent'), 'the confirmation');
      await until(() => deepText(preview).includes('these answers were not sent anywhere'), 'the preview says nothing was sent');
      await expect(preview).to.be.accessible();
      // Let anything late go out before looking.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      watch.stop();
    }
    const requests = watch.seen();
    const carrying = requests.filter((request) => [SECRET, REFERRER, 'Zebracorn', 'Marmalade'].some((typed) => decodeURIComponent(request).includes(typed)));
    expect(carrying).to.deep.equal([], 'no request carries what was typed');
    expect(requests.filter((request) => request.includes('intake-responses') || request.includes('safety-signals'))).to.deep.equal([]);
    const asked = (deep(preview, 'studio-preview-intake') as HTMLElement & { asked: string[] }).asked;
    expect(asked).to.include('POST intake-responses', 'the element sent to the preview’s own answerer');

    buttonNamed(preview, 'Start again').click();
    await until(() => deep<HTMLInputElement>(preview, '#f-name')?.value === '', 'an empty form again');
    expect(deepText(preview)).not.to.include('these answers were not sent anywhere');
  });

  it('desktop and phone width, dark, Spanish, 320 px: accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    const preview = await mountPreview(api, 'es');
    deep<HTMLInputElement>(preview, '#preview-width-desktop')!.click();
    await until(() => deep(preview, '.frame--desktop'), 'desktop width');
    deep<HTMLInputElement>(preview, '#preview-previewLang-es')!.click();
    await until(() => deepText(preview).includes('Sobre usted'), 'the form in Spanish');
    deep<HTMLInputElement>(preview, '#preview-scheme-dark')!.click();
    await until(() => deep(preview, 'studio-preview-intake')!.getAttribute('theme') === 'dark', 'dark');
    expect(deepText(preview)).to.include('nada de lo que escriba aquí se envía');
    await expect(preview).to.be.accessible();

    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    deep<HTMLInputElement>(preview, '#preview-width-phone')!.click();
    await until(() => deep(preview, '.frame--phone'), 'phone width');
    await expect(preview).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('with the keyboard alone: width with the arrow keys, Start again, into the form and on to its next page', async () => {
    const api = freshApi();
    const preview = await mountPreview(api);
    deep(preview, '#preview-width-phone')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => deep(preview, '.frame--desktop'), 'desktop width by keyboard');
    expect(activeElement()?.id).to.equal('preview-width-desktop');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('preview-scheme-light');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('preview-previewLang-en');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('Start again');
    for (let presses = 0; presses < 10 && activeElement()?.id !== 'f-name'; presses++) await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('f-name');
    await sendKeys({ type: 'Sam' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => radio(preview, 'first', 'yes').checked || radio(preview, 'first', 'no').checked, 'an answer chosen by keyboard');
    for (let presses = 0; presses < 10 && activeElement()?.textContent?.trim() !== 'Continue'; presses++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(preview).includes('Have you had thoughts of harming yourself?'), 'the next page by keyboard');
    await expect(preview).to.be.accessible();
  });

  it('a marketer previews a form’s draft from Forms in the console; no client data', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deepAll(element, 'nav button').length > 0, 'the marketer’s console');
    buttonNamed(element, 'Forms').click();
    await until(() => deepText(element).includes('kap-demo-intake'), 'the forms are listed');
    await expect(element).to.be.accessible();
    // The preview sits beside the form's editor, and follows its draft.
    buttonNamed(element, 'Edit: Before your consultation').click();
    await until(
      () => deep(element, 'studio-preview-intake') && deepText(deep(element, 'studio-form-preview')!).includes('Full name'),
      'the preview of the form',
    );
    buttonNamed(element, 'Go to the preview').click();
    await until(() => activeElement()?.id === 'preview-heading', 'focus on the preview');
    await expect(element).to.be.accessible();
  });
});
