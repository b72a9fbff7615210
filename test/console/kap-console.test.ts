/**
 * `<kap-console>` in Chromium against the real reference backend (a fresh clinic per test): each
 * role's console, every state checked with axe, light and dark, at 320 px, in English and Spanish,
 * driven as a person would (labels, buttons, focus), and a session that ends brings back sign-in.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../console/views/setup.js';
import type { ConsoleSetup } from '../../console/views/setup.js';
import { ConsoleApi } from '../../console/api-client.js';
import { words } from '../../console/i18n/index.js';
import { en } from '../../console/i18n/en.js';
import { es } from '../../console/i18n/es.js';
import {
  addStaff,
  buttonNamed,
  deep,
  deepAll,
  deepText,
  fill,
  freshApi,
  inviteStaff,
  mountConsole,
  requestSession,
  sendSafetySignal,
  signIn,
  unmountAll,
  until,
} from './support.js';
// The console's other cases run in this file's page, one after another: the session cookie is the
// origin's (Path=/), so console tests in two pages at once would sign each other out.
import './booking.cases.js';
import './booking-actions.cases.js';
import './embed.cases.js';
import './theme.cases.js';
import './form-builder.cases.js';
import './intake-inbox.cases.js';
import './settings.cases.js';
import './settings-clinic.cases.js';
import './staff-settings.cases.js';
import './webhooks.cases.js';
import './failed-deliveries.cases.js';
import './revoke-links.cases.js';
import './form-preview.cases.js';
import './form-versions.cases.js';

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

describe('<kap-console>', () => {
  it('has every English word in Spanish too', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    expect(words('es')('signInHeading')).to.equal('Iniciar sesión');
  });

  it('signed out: the sign-in form, a wrong code answered as one failure, both accessible', async () => {
    const api = freshApi();
    const account = await addStaff(api, 'clinician');
    const element = await mountConsole(api);
    await until(() => deep(element, '#email'), 'the sign-in form shows');
    await expect(element).to.be.accessible();

    fill(element, 'Email', account.email);
    fill(element, 'Password', account.password);
    fill(element, 'Code from your authenticator app', '000000');
    buttonNamed(element, 'Sign in').click();
    await until(() => deepText(element).includes('The email, password or code is not right.'), 'the failure is said');
    expect(deep(element, '[role="alert"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('a clinician: the safety queue on top with its age; opening shows the flagged item; acknowledging needs a note; the queue empties', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    await sendSafetySignal(api, booking);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'clinician'));
    await until(() => deepText(element).includes('1 waiting for a clinician'), 'the queue shows the signal');
    expect(deepText(element)).to.match(/Received (now|\d+ seconds? ago)/);
    expect(deepText(element)).to.include('Robin Queue, Ketamine session');
    await until(() => deepText(element).includes('Requested'), 'the schedule shows the request');
    await expect(element).to.be.accessible();

    buttonNamed(element, /^Open: Safety answer in an intake not sent yet/).click();
    await until(() => deep(element, '#note'), 'the entry opens');
    expect(activeElement()?.id).to.equal('safety-heading', 'focus moves to the entry’s heading');
    expect(deepText(element)).to.include('The client has not sent this intake.');
    const flagged = deepAll(element, 'dt').map((dt) => (dt.textContent ?? '').replace(/\s+/g, ' '));
    expect(flagged).to.have.length(1);
    expect(flagged[0]).to.include('Thoughts that you would be better off dead');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Acknowledge').click();
    await until(() => deepText(element).includes('Write what you did before acknowledging.'), 'a note is asked for');
    expect(activeElement()?.id).to.equal('note');
    await expect(element).to.be.accessible();

    fill(element, 'What did you do?', 'Called Robin; safe, plan in place.');
    buttonNamed(element, 'Acknowledge').click();
    await until(() => deepText(element).includes('Nothing waiting'), 'the queue is empty');
    expect(deepText(element)).to.include('Called Robin; safe, plan in place.');
    await expect(element).to.be.accessible();

    // A new safety answer while the console is open is on top again at the next view.
    await sendSafetySignal(api, await requestSession(api));
    buttonNamed(element, 'Requests').click();
    await until(() => deepText(element).includes('1 waiting for a clinician'), 'the new entry is on top');
  });

  it('front desk: no safety queue; the schedule says only "Needs a clinician"; a request confirmed leaves the list', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    await sendSafetySignal(api, booking);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    await until(() => deepText(element).includes('Needs a clinician'), 'the schedule shows the intake status');
    expect(deep(element, 'console-safety-queue')).to.equal(undefined);
    // Bookings open; responses do not (the safety queue's "Open: …" and a booking's "Open the response …").
    expect(
      deepAll(element, 'button').some((button) => /^Open(:| the response)/.test(button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '')),
    ).to.equal(false);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Requests').click();
    // Not the client's name: the schedule shows it too, before the requests have loaded.
    await until(() => deepText(element).includes('Reason for declining'), 'the request is listed');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Decline').click();
    await until(() => deepText(element).includes('Choose a reason before declining.'), 'a reason is asked for');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Confirm').click();
    await until(() => deepText(element).includes('No requests are waiting.'), 'the list empties');
    expect(deepText(element)).to.match(/Confirmed: Ketamine session/);
    const status = await (await fetch(`${api}bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } })).json();
    expect(status.booking.status).to.equal('confirmed');
  });

  it('keyboard alone: Tab to Requests, Enter, Tab to Confirm, Enter', async () => {
    const api = freshApi();
    await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 40; presses++) {
        await sendKeys({ press: 'Tab' });
        if ((activeElement()?.textContent ?? '').trim() === name) return;
      }
      throw new Error(`Tab never reached "${name}"`);
    };
    await tabTo('Requests');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Robin Queue'), 'the requests show');
    await tabTo('Confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('No requests are waiting.'), 'the request is confirmed');
    expect(activeElement()?.id).to.equal('requests-heading', 'focus goes to the list’s heading, not the page');
  });

  it('a marketer: no client data and no way to open a response', async () => {
    const api = freshApi();
    await sendSafetySignal(api, await requestSession(api));
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'marketer', { factor: false }));
    await until(() => deep(element, '#embed-heading'), 'the marketer’s console: the embed code');
    expect(deepText(element)).not.to.include('Robin');
    expect(deep(element, 'console-safety-queue')).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('dark, Spanish and 320 px wide: accessible, nothing wider than the screen', async () => {
    const api = freshApi();
    await sendSafetySignal(api, await requestSession(api));
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api, 'es');
    const account = await addStaff(api, 'clinician');
    await until(() => deep(element, '#email'), 'el formulario de inicio de sesión');
    await expect(element).to.be.accessible();
    fill(element, 'Correo electrónico', account.email);
    fill(element, 'Contraseña', account.password);
    fill(element, 'Código de su aplicación de autenticación', account.code!);
    buttonNamed(element, 'Iniciar sesión').click();
    await until(() => deepText(element).includes('1 esperando a un profesional clínico'), 'la cola de seguridad');
    await until(() => deepText(element).includes('Solicitada'), 'la agenda');
    expect(document.documentElement.lang).to.equal('es');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('a session that ends elsewhere brings back sign-in, saying why', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    const other = new ConsoleApi(api);
    await other.me();
    await fetch(`${api}staff/sessions`, { method: 'DELETE', headers: { 'X-CSRF-Token': other.csrfToken! } });
    buttonNamed(element, 'Requests').click();
    await until(() => deepText(element).includes('Your session ended. Sign in again to continue.'), 'the console says the session ended');
    expect(activeElement()?.tagName).to.equal('H1');
    await expect(element).to.be.accessible();
  });

  it('set-up: the secret as text and as a QR code, the code required for a clinician; the recovery codes once', async () => {
    const api = freshApi();
    const { token } = await inviteStaff(api, 'clinician');
    const setup = document.createElement('console-setup') as ConsoleSetup;
    setup.api = new ConsoleApi(api);
    setup.t = words('en');
    setup.token = token;
    document.body.append(setup);
    try {
      await until(() => deep(setup, '[data-secret]'), 'the set-up form shows');
      const qr = deep(setup, 'console-qr-code');
      expect(qr?.shadowRoot?.querySelector('svg[role="img"] path')?.getAttribute('d')).to.match(/^M\d/);
      expect(deep(setup, '[data-secret]')?.textContent).to.match(/^[A-Z2-7]{16,}$/);
      await expect(setup).to.be.accessible();
      fill(setup, 'New password', 'lantern orchard velvet 42');
      buttonNamed(setup, 'Finish set-up').click();
      await until(() => deep(setup, '#code-error'), 'the code is asked for');
      await expect(setup).to.be.accessible();
    } finally {
      setup.remove();
    }
  });
});
