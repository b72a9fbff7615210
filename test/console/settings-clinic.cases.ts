/**
 * The owner's Settings for the clinic's profile, services and checklists in `<kap-console>`, in
 * Chromium against the real reference backend (a fresh clinic per test): each saved change is
 * what the public `GET clinic` and `GET services` then answer; what is missing is said before
 * sending, and what the server refuses at its field, both in a GOV.UK error summary that takes
 * focus; every state passes axe, light and dark, at 320 px, in English and Spanish, with the
 * keyboard alone.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { addStaff, buttonNamed, deep, deepAll, deepText, fill, freshApi, mountConsole, signIn, unmountAll, until } from './support.js';

afterEach(async () => {
  unmountAll();
  document.documentElement.style.colorScheme = '';
  await setViewport({ width: 800, height: 600 });
});

/** The focused element, through the console's shadow roots. */
function activeElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The console signed in as the owner, on the Settings section named `section`. */
async function openSection(api: string, section: string, lang: 'en' | 'es' = 'en') {
  const element = await mountConsole(api);
  await signIn(element, await addStaff(api, 'owner'));
  element.lang = lang;
  await element.updateComplete;
  buttonNamed(element, lang === 'es' ? 'Configuración' : 'Settings').click();
  await until(() => deepAll(element, 'nav button').some((button) => button.textContent?.trim() === section), 'the settings sections show');
  deepAll<HTMLButtonElement>(element, 'nav button')
    .find((button) => button.textContent?.trim() === section)!
    .click();
  return element;
}

/** Types `value` into the field with id `id` (when labels repeat, as in rows and items). */
function type(root: Element, id: string, value: string): void {
  const input = deep<HTMLInputElement | HTMLTextAreaElement>(root, `#${id}`);
  if (!input) throw new Error(`No field #${id} in: ${deepText(root)}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Sets a select's value as a person choosing an option. */
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function publicJson(api: string, path: string) {
  return (await fetch(`${api}${path}`)).json();
}

describe('<kap-console> settings: profile, services, checklists', () => {
  it('profile: a missing name, then an email the server refuses, each in the summary that takes focus and at its field', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Profile');
    await until(() => deep<HTMLInputElement>(element, '#profile-name')?.value === 'Harbor Light Ketamine Therapy', 'the profile shows');
    expect(activeElement()?.id).to.equal('profile-heading', 'focus moves to the new screen’s heading');
    const zone = deep<HTMLSelectElement>(element, '#profile-zone')!;
    expect(zone.value).to.equal((await publicJson(api, 'clinic')).timeZone);
    expect(zone.options.length).to.be.greaterThan(100, 'every IANA zone the browser knows');
    await expect(element).to.be.accessible();

    fill(element, 'Clinic name', '  ');
    fill(element, 'Email (optional)', 'hello@');
    buttonNamed(element, 'Save profile').click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'the summary takes focus');
    expect(deep(element, '.error-summary')!.textContent).to.include('Enter the clinic’s name');
    expect(deep(element, '#profile-name')!.getAttribute('aria-invalid')).to.equal('true');

    fill(element, 'Clinic name', 'Harbor Light Clinic');
    buttonNamed(element, 'Save profile').click();
    await until(() => deep(element, '#profile-email-error'), 'the server’s refusal is said at the email');
    expect(deep(element, '#profile-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deep(element, '.error-summary')!.textContent).to.include('Enter an email address');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    // The summary's link leads to the field.
    deep<HTMLAnchorElement>(element, '.error-summary a')!.click();
    expect(activeElement()?.id).to.equal('profile-email');
    await expect(element).to.be.accessible();
    expect((await publicJson(api, 'clinic')).name).to.equal('Harbor Light Ketamine Therapy', 'nothing was stored');
  });

  it('profile: a new name and a crisis line for Mexico, saved; GET clinic answers them', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Profile');
    await until(() => deep(element, '#crisis-1-name'), 'the profile shows');
    fill(element, 'Clinic name', 'Harbor Light Clinic');
    buttonNamed(element, 'Add a crisis line').click();
    await until(() => activeElement()?.id === 'crisis-2-country', 'focus moves to the new row');
    type(element, 'crisis-2-country', 'mx');
    type(element, 'crisis-2-name', 'Línea de la Vida');
    type(element, 'crisis-2-phone', '800 911 2000');
    buttonNamed(element, 'Save profile').click();
    await until(() => deepText(element).includes('Profile saved.'), 'the profile is saved');
    expect(activeElement()?.id).to.equal('profile-heading');
    const clinic = await publicJson(api, 'clinic');
    expect(clinic.name).to.equal('Harbor Light Clinic');
    expect(clinic.crisisResources.MX).to.deep.equal([{ name: 'Línea de la Vida', phone: '800 911 2000' }]);
    expect(clinic.crisisResources.US.length).to.equal(2, 'the other lines are kept');
    await expect(element).to.be.accessible();

    buttonNamed(element, /^Remove Crisis line 3/).click();
    await until(() => activeElement()?.id === 'crisis-heading', 'focus moves to the crisis lines');
    buttonNamed(element, 'Save profile').click();
    await until(() => activeElement()?.id === 'profile-heading', 'the profile is saved again');
    expect((await publicJson(api, 'clinic')).crisisResources.MX).to.equal(undefined);
  });

  it('profile with the keyboard alone: Tab reaches every control, Enter in a field saves', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Profile');
    await until(() => deep(element, '#profile-name'), 'the profile shows');
    const view = deep(element, 'console-profile')!;
    const controls = [...view.shadowRoot!.querySelectorAll<HTMLElement>('input, select, textarea, button')];
    const reached = new Set<Element>();
    for (let presses = 0; presses < controls.length + 30 && reached.size < controls.length; presses++) {
      await sendKeys({ press: 'Tab' });
      const active = activeElement();
      if (active && controls.includes(active as HTMLElement)) reached.add(active);
    }
    expect(controls.filter((control) => !reached.has(control)).map((control) => control.id || control.textContent?.trim())).to.deep.equal([]);
    type(element, 'profile-privacy', '');
    deep<HTMLInputElement>(element, '#profile-privacy')!.focus();
    await sendKeys({ type: '/privacy-notice.html' });
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Profile saved.'), 'the profile is saved');
    expect((await publicJson(api, 'clinic')).privacyNoticeUrl).to.equal('/privacy-notice.html');
  });

  it('services: the Ketamine session made 90 minutes and the consultation retired; GET services answers it; a window that ends before it starts is refused at its field', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Services');
    await until(() => deep<HTMLInputElement>(element, '#service-2-duration')?.value === '120', 'the services show');
    expect(deepText(element)).to.include('its bookings keep it');
    await until(() => deepAll(element, 'td[data-label="Initial consultation"]').length > 0, 'the preview shows');
    await expect(element).to.be.accessible();

    type(element, 'service-2-duration', '90');
    // The integration session's window: until 10 hours after, from 24 — only the server knows the order is wrong.
    type(element, 'service-3-followMax', '10');
    buttonNamed(element, 'Save services').click();
    await until(() => deep(element, '#service-3-followMax-error'), 'the window is refused at its field');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    expect(deep(element, '.error-summary')!.textContent).to.include('Enter more hours than in “From”.');
    await expect(element).to.be.accessible();
    expect((await publicJson(api, 'services')).services.find((service: { id: string }) => service.id === 'administration').durationMinutes).to.equal(120);

    type(element, 'service-3-followMax', '48');
    buttonNamed(element, 'Remove Initial consultation').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Initial consultation is removed when you save.'), 'the removal is said');
    expect(activeElement()?.id).to.equal('services-heading');
    buttonNamed(element, 'Save services').click();
    await until(() => deepText(element).includes('Services saved.'), 'the services are saved');
    const { services } = await publicJson(api, 'services');
    expect(services.map((service: { id: string }) => service.id)).to.deep.equal(['preparation', 'administration', 'integration']);
    expect(services.find((service: { id: string }) => service.id === 'administration').durationMinutes).to.equal(90);
    // The preview is asked again: the retired service is no longer offered.
    await until(() => deepAll(element, 'td[data-label="Initial consultation"]').length === 0, 'the preview leaves the consultation out');
    expect(deepAll(element, 'td[data-label="Ketamine session"]').length).to.be.greaterThan(0);
    await expect(element).to.be.accessible();
  });

  it('services: a new one needs an id; added and moved up, GET services offers it in that place', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Services');
    await until(() => deep(element, '#service-0-name'), 'the services show');
    buttonNamed(element, 'Add a service').click();
    await until(() => activeElement()?.id === 'service-4-id', 'focus moves to the new service’s id');
    buttonNamed(element, 'Save services').click();
    await until(() => deep(element, '#service-4-id-error'), 'the id and name are asked for');
    expect(deep(element, '#service-4-name-error')).to.exist;
    await expect(element).to.be.accessible();
    type(element, 'service-4-id', 'group-integration');
    type(element, 'service-4-name', 'Group integration circle');
    deepAll<HTMLInputElement>(element, 'input[name="service-4-location"]')
      .find((radio) => radio.value === 'in_person')!
      .click();
    // Before the integration session in the clinic's order, with the keyboard.
    await until(
      () => deepAll(element, 'button').some((button) => button.getAttribute('aria-label') === 'Move up: Group integration circle'),
      'the service is named',
    );
    buttonNamed(element, 'Move up: Group integration circle').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deep<HTMLInputElement>(element, '#service-3-id')?.value === 'group-integration', 'the service moves up');
    expect(activeElement()?.id).to.equal('service-3-up', 'focus stays on the moved service');
    buttonNamed(element, 'Save services').click();
    await until(() => deepText(element).includes('Services saved.'), 'the services are saved');
    const { services } = await publicJson(api, 'services');
    expect(services.map((service: { id: string }) => service.id)).to.deep.equal([
      'consultation',
      'preparation',
      'administration',
      'group-integration',
      'integration',
    ]);
    expect(services[3]).to.deep.include({
      id: 'group-integration',
      name: 'Group integration circle',
      durationMinutes: 60,
      location: 'in_person',
      mode: 'request',
    });
  });

  it('checklists: items moved with the keyboard, one added; a link the checklist may not have is refused at its field; saved in that order', async () => {
    const api = freshApi();
    const element = await openSection(api, 'Checklists');
    await until(() => deep(element, '#checklist-service'), 'the checklists show');
    choose(deep<HTMLSelectElement>(element, '#checklist-service')!, 'administration');
    await until(() => deep(element, '#item-1-text'), 'the checklist’s items show');
    await expect(element).to.be.accessible();
    const staffChecklist = async () =>
      (await (await fetch(`${api}staff/clinic`, { credentials: 'same-origin' })).json()).configuration.checklists.administration;
    const before = (await staffChecklist()).items.map((item: { id: string }) => item.id);

    const second = deep<HTMLInputElement>(element, '#item-1-text')!.value;
    deep<HTMLButtonElement>(element, '#item-1-up')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deep<HTMLInputElement>(element, '#item-0-text')!.value === second, 'the item moves up');
    expect(activeElement()?.id).to.equal('item-0-down', 'focus stays on the moved item');

    buttonNamed(element, 'Add an item').click();
    const last = before.length;
    await until(() => activeElement()?.id === `item-${last}-text`, 'focus moves to the new item');
    type(element, `item-${last}-text`, 'Bring your glasses');
    type(element, `item-${last}-details`, 'See [the guide](javascript:alert(1)).');
    buttonNamed(element, 'Save checklist').click();
    await until(() => deep(element, `#item-${last}-details-error`), 'the link is refused at the details');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();

    type(element, `item-${last}-details`, 'See [the guide](/guide.html).');
    buttonNamed(element, 'Save checklist').click();
    await until(() => deepText(element).includes('Checklist saved.'), 'the checklist is saved');
    const saved = await staffChecklist();
    expect(saved.items.map((item: { id: string }) => item.id)).to.deep.equal([before[1], before[0], ...before.slice(2), 'bring-your-glasses']);
    expect(saved.items.at(-1)).to.deep.include({ text: 'Bring your glasses', details: 'See [the guide](/guide.html).', required: true });
  });

  it('in Spanish, dark, at 320 px: every screen accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await openSection(api, 'Perfil', 'es');
    await until(() => deep(element, '#profile-name'), 'el perfil');
    fill(element, 'Nombre de la clínica', '');
    buttonNamed(element, 'Guardar perfil').click();
    await until(() => deepText(element).includes('Hay un problema'), 'el resumen de errores');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const [section, ready] of [
      ['Servicios', '#service-0-name'],
      ['Listas de preparación', '#checklist-service'],
    ] as const) {
      deepAll<HTMLButtonElement>(element, 'nav button')
        .find((button) => button.textContent?.trim() === section)!
        .click();
      await until(() => deep(element, ready), section);
      await expect(element).to.be.accessible();
      expect(document.documentElement.scrollWidth).to.be.at.most(320, section);
    }
  });
});
