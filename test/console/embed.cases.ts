/**
 * The Embed code in `<kap-console>`, in Chromium against the real reference backend over a small
 * stand-in build (`elements=fixture`): a marketer lands on it and sees no client data; a source
 * tag that is not one is refused in the error summary, which takes focus; the code made names the
 * versioned file, whose bytes match its integrity, and the element with its attributes escaped;
 * Copy says "Copied", or selects the code when the browser will not copy; the whole screen works
 * with the keyboard alone; dark, Spanish, 320 px; a server without a build says so. Front desk and
 * clinician have no Embed code. Every state passes axe.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
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

function code(element: KapConsole): string {
  return deep<HTMLTextAreaElement>(element, '#embed-code')?.value ?? '';
}

async function sha384(url: string): Promise<string> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** Replaces `navigator.clipboard.writeText` for one test; answers what it was asked to write. */
function clipboard(works: boolean): { written: string[]; restore(): void } {
  const written: string[] = [];
  const original = Object.getOwnPropertyDescriptor(navigator.clipboard, 'writeText');
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: async (text: string) => {
      if (!works) throw new DOMException('Write permission denied.', 'NotAllowedError');
      written.push(text);
    },
  });
  return {
    written,
    restore: () =>
      original ? Object.defineProperty(navigator.clipboard, 'writeText', original) : delete (navigator.clipboard as { writeText?: unknown }).writeText,
  };
}

describe('<kap-console> embed code', () => {
  it('a marketer: lands on it, no client data; a bad source tag refused; the code names the versioned file with its integrity; Copy', async () => {
    const api = freshApi({ elements: 'fixture' });
    await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deep(element, '#embed-service'), 'the marketer’s console opens on the embed code');
    expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).to.deep.equal(['Embed code', 'Forms']);
    expect(deepText(element)).not.to.include('Robin');
    const services = deepAll<HTMLOptionElement>(element, '#embed-service option').map((option) => option.value);
    expect(services).to.include('consultation');
    expect(services).not.to.include('integration');
    await expect(element).to.be.accessible();

    fill(element, 'Campaign source tag (optional)', 'Robin "Queue" <b>');
    buttonNamed(element, 'Make the code').click();
    await until(() => deepText(element).includes('Use only letters, digits, dots, hyphens and underscores'), 'the source tag is refused');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    expect(deep(element, '#embed-source')!.getAttribute('aria-invalid')).to.equal('true');
    expect(code(element)).to.equal('');
    await expect(element).to.be.accessible();

    fill(element, 'Campaign source tag (optional)', 'spring-newsletter');
    deep<HTMLInputElement>(element, '#embed-lang-es')!.click();
    buttonNamed(element, 'Make the code').click();
    await until(() => code(element), 'the code shows');
    expect(activeElement()?.id).to.equal('embed-code-heading');
    const base = new URL(api, location.href).href;
    const lines = code(element).trim().split('\n');
    const scripts = lines.slice(0, 2).map((line) => /^<script type="module" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"><\/script>$/.exec(line));
    expect(scripts[0]?.[1]).to.match(new RegExp(`^${base}elements/[0-9a-f]{16}/kap-booking\\.js$`));
    expect(scripts[1]?.[1]).to.match(new RegExp(`^${base}elements/[0-9a-f]{16}/i18n/es\\.js$`));
    for (const script of scripts) expect(script![2]).to.equal(await sha384(script![1]!));
    expect(lines.at(-1)).to.equal(`<kap-booking api="${base}" service="consultation" lang="es" source="spring-newsletter"></kap-booking>`);
    expect(deep(element, '#embed-csp')!.textContent).to.equal(`script-src ${location.origin}\nconnect-src ${location.origin}\ntrusted-types lit-html`);
    for (const platform of ['WordPress', 'Webflow', 'Squarespace', 'A React app']) expect(deepText(element)).to.include(platform);
    expect(deep(element, '#embed-code')!.hasAttribute('readonly')).to.equal(true);
    await expect(element).to.be.accessible();

    const refused = clipboard(false);
    try {
      buttonNamed(element, 'Copy').click();
      await until(() => deep(element, '#embed-copied')!.textContent!.includes('Could not copy automatically'), 'the fallback is said');
      const field = deep<HTMLTextAreaElement>(element, '#embed-code')!;
      expect(activeElement()).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    } finally {
      refused.restore();
    }
    const works = clipboard(true);
    try {
      buttonNamed(element, 'Copy').click();
      await until(() => deep(element, '#embed-copied')!.textContent === 'Copied.', 'Copied is said');
      expect(works.written).to.deep.equal([code(element)]);
      expect(deep(element, '#embed-copied')!.getAttribute('aria-live')).to.equal('polite');
    } finally {
      works.restore();
    }
    await expect(element).to.be.accessible();
  });

  it('with the keyboard alone: the intake element chosen with the arrow keys, its form, the code made with Enter', async () => {
    const api = freshApi({ elements: 'fixture' });
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deep(element, '#embed-element-booking'), 'the embed code');
    deep(element, '#embed-element-booking')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => deep(element, '#embed-form'), 'the intake’s options');
    expect(activeElement()?.id).to.equal('embed-element-intake');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('embed-form');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('embed-lang-en');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('Make the code');
    await sendKeys({ press: 'Enter' });
    await until(() => code(element), 'the code shows');
    expect(activeElement()?.id).to.equal('embed-code-heading');
    expect(code(element).trim().split('\n').at(-1)).to.equal(`<kap-intake api="${new URL(api, location.href).href}" form="kap-demo-intake"></kap-intake>`);
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.id).to.equal('embed-code');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('Copy');
    await expect(element).to.be.accessible();
  });

  it('the owner, dark, Spanish, 320 px wide: the checklist’s code; accessible, nothing wider than the screen', async () => {
    const api = freshApi({ elements: 'fixture' });
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
    buttonNamed(element, 'Código para insertar').click();
    await until(() => deep(element, '#embed-element-checklist'), 'el código para insertar');
    deep<HTMLInputElement>(element, '#embed-element-checklist')!.click();
    await until(() => deepText(element).includes('no tiene opciones propias'), 'la lista no tiene opciones');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Crear el código').click();
    await until(() => code(element), 'el código');
    expect(code(element)).to.match(/<kap-prep-checklist api="[^"]+"><\/kap-prep-checklist>\n$/);
    expect(deepText(element)).to.include('Dónde pegarlo');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('a server without a build says so, and gives no code', async () => {
    const api = freshApi({ elements: 'missing' });
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deepText(element).includes('This server has no built elements yet'), 'the missing build is said');
    expect(deep(element, '#embed-code')).to.equal(undefined);
    expect(deep(element, 'form')).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('front desk and clinician have no embed code', async () => {
    for (const role of ['front-desk', 'clinician']) {
      const api = freshApi({ elements: 'fixture' });
      const element = await mountConsole(api);
      await signIn(element, await addStaff(api, role));
      await until(() => deepAll(element, 'nav button').length > 0, `the ${role}’s console`);
      expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).not.to.include('Embed code');
      expect(deep(element, 'console-embed')).to.equal(undefined);
      unmountAll();
    }
  });
});
