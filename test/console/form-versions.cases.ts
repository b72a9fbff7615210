/**
 * A form's versions in the studio (`<studio-form-versions>`, from Forms in `<kap-console>`) against
 * the real reference backend: a marketer sees each published version with when and by whom (their
 * own email), what changed in words (a question reworded, one added; the first version has nothing
 * before it), and restores an old version as the draft after a confirm step (No goes back to the
 * button; Yes says so, and the server's draft is that version). Keyboard alone; Spanish, dark, 320 px; axe 0.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import { CSRF_HEADER } from '../../src/api/staff.js';
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

const VERSION_1 = {
  title: { en: 'Check-in', es: 'Registro' },
  pages: [{ id: 'today', title: 'Today', items: [{ type: 'text', id: 'mood', label: { en: 'How are you?', es: '¿Cómo está?' }, maxLength: 200 }] }],
};
const VERSION_2 = {
  ...VERSION_1,
  pages: [
    {
      id: 'today',
      title: 'Today',
      items: [
        { type: 'text', id: 'mood', label: { en: 'How are you today?', es: '¿Cómo está hoy?' }, maxLength: 200 },
        { type: 'textarea', id: 'notes', label: { en: 'Anything else?', es: '¿Algo más?' }, required: false, maxLength: 500 },
      ],
    },
  ],
};

/** As the signed-in staff member: `draft` saved as form check-in's draft, then published. */
async function publish(element: KapConsole, api: string, draft: Record<string, unknown>): Promise<void> {
  const headers = { 'Content-Type': 'application/json', [CSRF_HEADER]: element.client.csrfToken! };
  const saved = await fetch(`${api}staff/forms/check-in/draft`, { method: 'PUT', headers, body: JSON.stringify({ draft }), credentials: 'same-origin' });
  if (saved.status !== 200) throw new Error(`draft: ${saved.status}`);
  const published = await fetch(`${api}staff/forms/check-in/publish`, { method: 'POST', headers, credentials: 'same-origin' });
  if (published.status !== 201) throw new Error(`publish: ${published.status}`);
}

async function checkInDraft(api: string): Promise<unknown> {
  const { forms } = await (await fetch(`${api}staff/forms`, { credentials: 'same-origin' })).json();
  return forms.find((form: { id: string }) => form.id === 'check-in').draft;
}

/** Forms → the check-in form's editor → its versions, beside the editor. */
async function openVersions(
  element: KapConsole,
  formsLabel = 'Forms',
  editLabel = 'Edit: Check-in',
  versionsLabel = 'Go to the published versions',
): Promise<void> {
  await until(() => deepAll(element, 'nav button').length > 0, 'the console');
  buttonNamed(element, formsLabel).click();
  await until(() => deepAll(element, 'button').some((button) => button.textContent?.replace(/\s+/g, ' ').trim() === editLabel), 'the forms');
  buttonNamed(element, editLabel).click();
  await until(() => deepAll(element, 'button').some((button) => button.textContent?.trim() === versionsLabel), 'the form in the studio');
  buttonNamed(element, versionsLabel).click();
  await until(() => deep(element, 'studio-form-versions') && deepAll(deep(element, 'studio-form-versions')!, 'tbody tr').length === 2, 'the versions');
}

describe('the studio’s form versions', () => {
  it('a marketer: who published each version and when, what changed in words, restore as draft after a confirm step', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    const marketer = await addStaff(api, 'marketer', { factor: false });
    await signIn(element, marketer);
    await publish(element, api, VERSION_1);
    await publish(element, api, VERSION_2);

    await openVersions(element);
    expect(activeElement()?.id).to.equal('versions-heading');
    const rows = deepAll(deep(element, 'studio-form-versions')!, 'tbody tr').map((row) => row.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(rows[0]).to.include('2').and.include(marketer.email);
    expect(rows[1]).to.include('1').and.include(marketer.email);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'What changed in version 2').click();
    await until(() => deepText(element).includes('Since version 1:'), 'the changes');
    expect(activeElement()?.id).to.equal('changes-heading');
    const changes = deepAll(deep(element, 'studio-form-versions')!, 'li').map((item) => item.textContent?.trim());
    expect(changes).to.deep.equal(['Changed the question “How are you today?”: its wording.', 'Added the question “Anything else?”.']);
    await expect(element).to.be.accessible();
    buttonNamed(element, 'What changed in version 1').click();
    await until(() => deepText(element).includes('This is the first published version'), 'the first version has nothing before it');

    buttonNamed(element, 'Restore version 1 as draft').click();
    await until(() => activeElement()?.id === 'restore-confirm-heading', 'the confirm step takes focus');
    expect(deepText(element)).to.include('Restore version 1 as the draft?');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'No, keep the draft').click();
    await until(() => activeElement()?.textContent?.trim() === 'Restore version 1 as draft', 'back to the button');
    expect(await checkInDraft(api)).to.deep.equal({ ...VERSION_2, id: 'check-in' }, 'No changes nothing');

    buttonNamed(element, 'Restore version 1 as draft').click();
    await until(() => deep(element, '#restore-confirm-heading'), 'the confirm step');
    buttonNamed(element, 'Yes, restore it').click();
    await until(() => deepText(element).includes('Version 1 is now the draft.'), 'the restore is said');
    expect(await checkInDraft(api)).to.deep.equal({ ...VERSION_1, id: 'check-in' });
    expect(deepText(element)).not.to.include('Robin', 'no client data');
    await expect(element).to.be.accessible();
  });

  it('with the keyboard alone: from Forms to the versions, what changed, and a restore confirmed with Enter', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await publish(element, api, VERSION_1);
    await publish(element, api, VERSION_2);
    await until(() => deepAll(element, 'nav button').length > 0, 'the console');
    deepAll(element, 'nav button')
      .find((button) => button.textContent?.trim() === 'Forms')!
      .focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('check-in'), 'the forms');
    const label = () => activeElement()?.textContent?.replace(/\s+/g, ' ').trim();
    for (let presses = 0; presses < 20 && label() !== 'Edit: Check-in'; presses++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'editor-heading', 'the form in the studio, focus on the editor');
    // Back past the editor's Back button to the page's own jumps.
    await sendKeys({ down: 'Shift' });
    for (let presses = 0; presses < 5 && label() !== 'Go to the published versions'; presses++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'versions-heading', 'the versions, focus on their heading');
    // The heading takes focus as the view opens; its rows come with the versions' answer.
    await until(() => deepAll(element, 'button').some((button) => button.textContent?.trim() === 'What changed in version 2'), 'the versions listed');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('What changed in version 2');
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'changes-heading', 'the changes');
    for (let presses = 0; presses < 20 && activeElement()?.textContent?.trim() !== 'Restore version 1 as draft'; presses++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'restore-confirm-heading', 'the confirm step');
    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.textContent?.trim()).to.equal('Yes, restore it');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Version 1 is now the draft.'), 'restored');
    expect(activeElement()?.id).to.equal('versions-heading');
    await expect(element).to.be.accessible();
  });

  it('the owner, dark, Spanish, 320 px: the versions and their changes in Spanish, accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api, 'es');
    const owner = await addStaff(api, 'owner');
    await until(() => deep(element, '#email'), 'el inicio de sesión');
    fill(element, 'Correo electrónico', owner.email);
    fill(element, 'Contraseña', owner.password);
    fill(element, 'Código de su aplicación de autenticación', owner.code!);
    buttonNamed(element, 'Iniciar sesión').click();
    await until(() => deepAll(element, 'nav button').length > 0, 'la consola');
    await publish(element, api, VERSION_1);
    await publish(element, api, VERSION_2);
    await openVersions(element, 'Formularios', 'Editar: Registro', 'Ir a las versiones publicadas');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Qué cambió en la versión 2').click();
    await until(() => deepText(element).includes('Desde la versión 1:'), 'los cambios');
    const changes = deepAll(deep(element, 'studio-form-versions')!, 'li').map((item) => item.textContent?.trim());
    expect(changes).to.deep.equal(['Cambió la pregunta «¿Cómo está hoy?»: su texto.', 'Se añadió la pregunta «¿Algo más?».']);
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
