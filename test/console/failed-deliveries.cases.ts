/**
 * The owner's Failed deliveries (in Settings) in `<kap-console>`, in Chromium against the real
 * reference backend, whose outbox round runs without an email transport (`/api-outbox/`): the
 * client's email that failed is listed — event, "Email to the client", tries, the error's code,
 * when — with no address; Try again by keyboard alone takes it off the list, saying so, and focus
 * returns to the heading. Axe in every state; dark, Spanish and 320 px wide.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import { addStaff, buttonNamed, deep, deepText, freshApi, mountConsole, requestSession, signIn, unmountAll, until } from './support.js';

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

/** A clinic whose client's "request received" email failed for good. */
async function clinicWithFailure(): Promise<string> {
  const api = freshApi();
  await requestSession(api);
  const namespace = api.split('/')[2];
  const round = await (await fetch(`/api-outbox/${namespace}`, { method: 'POST' })).json();
  expect(round.failed).to.equal(1);
  return api;
}

async function openFailed(element: KapConsole, settings: string, section: string): Promise<void> {
  buttonNamed(element, settings).click();
  await until(() => deep(element, '#settings-heading'), 'Settings shows');
  buttonNamed(element, section).click();
  await until(() => deep(element, '#failed-heading'), 'the section shows');
}

describe('<kap-console> failed deliveries (owner)', () => {
  it('lists the failed email without an address; Try again by keyboard alone takes it off the list', async () => {
    const api = await clinicWithFailure();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'owner'));
    await openFailed(element, 'Settings', 'Failed deliveries');
    await until(() => deep(element, 'tr[data-delivery]'), 'the failed delivery');
    expect(activeElement()?.id).to.equal('failed-heading');
    const row = deep(element, 'tr[data-delivery]')!.textContent!.replace(/\s+/g, ' ');
    expect(row).to.include('Booking requested');
    expect(row).to.include('Email to the client');
    expect(row).to.include('no_email_transport');
    expect(deepText(element)).not.to.include('robin.queue@example.com');
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(activeElement()?.getAttribute('aria-label')).to.equal('Try again: Booking requested, Email to the client');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Booking requested: it goes out again within a few seconds.'), 'said');
    expect(deepText(element)).to.include('Nothing has failed.');
    expect(deep(element, 'tr[data-delivery]')).to.equal(undefined);
    expect(activeElement()?.id).to.equal('failed-heading');
    await expect(element).to.be.accessible();
  });

  it('dark, Spanish and 320 px wide: accessible, nothing wider than the screen', async () => {
    const api = await clinicWithFailure();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api, 'es');
    const account = await addStaff(api, 'owner');
    element.lang = 'en';
    await signIn(element, account);
    element.lang = 'es';
    await element.updateComplete;
    await openFailed(element, 'Configuración', 'Envíos fallidos');
    await until(() => deep(element, 'tr[data-delivery]'), 'el envío fallido');
    expect(deep(element, 'tr[data-delivery]')!.textContent).to.include('Correo al cliente');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

describe('<kap-console> services: the reminder time (owner)', () => {
  it('a reminder time out of range is said in the summary and at its field; 0 is saved', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'owner'));
    buttonNamed(element, 'Settings').click();
    await until(() => deep(element, '#settings-heading'), 'Settings shows');
    buttonNamed(element, 'Services').click();
    await until(() => deep<HTMLInputElement>(element, '#service-0-reminder')?.value === '24', 'the default shows');
    const set = (value: string) => {
      const input = deep<HTMLInputElement>(element, '#service-0-reminder')!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('721');
    buttonNamed(element, 'Save services').click();
    await until(() => deep(element, '#service-0-reminder-error'), 'refused at its field');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    expect(deep(element, '.error-summary')!.textContent).to.include('Enter a whole number of hours from 0 to 720.');
    await expect(element).to.be.accessible();
    set('0');
    buttonNamed(element, 'Save services').click();
    await until(() => deepText(element).includes('Services saved.'), 'saved');
    // The saved services are what the form shows now: the server's answer.
    expect(deep<HTMLInputElement>(element, '#service-0-reminder')!.value).to.equal('0');
    await expect(element).to.be.accessible();
  });
});
