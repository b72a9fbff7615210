/**
 * The owner's "Revoke this booking's links" on a booking's detail in `<kap-console>`, in Chromium
 * against the real reference backend: a confirmation step that says what revoking does, then
 * `POST staff/bookings/{id}/revoke-links` — after which the client's own link answers 401 — by mouse
 * and by keyboard alone, axe in every state, dark and 320 px wide, in Spanish; a clinician and the
 * front desk are not offered it (the server refuses them too: test/server/staff-matrix.test.ts).
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import { addStaff, buttonNamed, deepAll, deepText, freshApi, mountConsole, requestSession, signIn, unmountAll, until } from './support.js';

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

/** What the client's own link gets from `GET bookings/{id}`: 200 while it opens the booking. */
async function clientLinkStatus(api: string, booking: { id: string; token: string }): Promise<number> {
  return (await fetch(`${api}bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } })).status;
}

async function openBooking(api: string, role: string, lang?: 'en' | 'es'): Promise<{ element: KapConsole; booking: { id: string; token: string } }> {
  const booking = await requestSession(api);
  const element = await mountConsole(api, lang);
  const account = await addStaff(api, role);
  // Signed in in English (the helper reads English labels), then in the language asked for.
  element.lang = 'en';
  await signIn(element, account);
  if (lang) element.lang = lang;
  await until(() => deepText(element).includes(lang === 'es' ? 'Solicitada' : 'Requested'), 'the schedule shows the request');
  buttonNamed(element, lang === 'es' ? /^Abrir la reserva: Ketamine session, / : /^Open booking: Ketamine session, /).click();
  await until(() => deepText(element).includes('robin.queue@example.com'), 'the booking opens');
  return { element, booking };
}

const REVOKE = 'Revoke this booking’s links…';

describe('<kap-console>: revoking a booking’s links', () => {
  it('the owner: a step that says what it does; “No” changes nothing; “Yes” stops the client’s link at once', async () => {
    const api = freshApi();
    const { element, booking } = await openBooking(api, 'owner');
    await expect(element).to.be.accessible();

    buttonNamed(element, REVOKE).click();
    await until(() => activeElement()?.id === 'revoke-heading', 'focus on the question');
    expect(deepText(element)).to.include('Every link to this booking stops working at once');
    expect(deepText(element)).to.include('“Email me my links”');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'No, keep them').click();
    await until(() => activeElement()?.id === 'booking-heading', 'back to the booking');
    expect(await clientLinkStatus(api, booking)).to.equal(200);

    buttonNamed(element, REVOKE).click();
    await until(() => activeElement()?.id === 'revoke-heading', 'the question again');
    buttonNamed(element, 'Yes, revoke the links').click();
    await until(() => deepText(element).includes('The booking’s links are revoked.'), 'revoked');
    expect(activeElement()?.id).to.equal('booking-heading');
    expect(await clientLinkStatus(api, booking)).to.equal(401);
    await expect(element).to.be.accessible();
  });

  it('keyboard alone: Tab to the button, Enter, Tab to “Yes”, Enter', async () => {
    const api = freshApi();
    const { element, booking } = await openBooking(api, 'owner');
    const tabTo = async (label: string) => {
      for (let presses = 0; presses < 80; presses++) {
        await sendKeys({ press: 'Tab' });
        if (activeElement()?.textContent?.trim() === label) return;
      }
      throw new Error(`Tab never reached ${label}`);
    };
    await tabTo(REVOKE);
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'revoke-heading', 'focus on the question');
    await tabTo('Yes, revoke the links');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('The booking’s links are revoked.'), 'revoked');
    expect(await clientLinkStatus(api, booking)).to.equal(401);
  });

  it('dark, Spanish and 320 px wide: accessible in both states', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const { element } = await openBooking(api, 'owner', 'es');
    buttonNamed(element, 'Revocar los enlaces de esta reserva…').click();
    await until(() => activeElement()?.id === 'revoke-heading', 'la pregunta');
    expect(deepText(element)).to.include('¿Revocar los enlaces de esta reserva?');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    buttonNamed(element, 'Sí, revocar los enlaces').click();
    await until(() => deepText(element).includes('Los enlaces de la reserva están revocados.'), 'revocados');
    await expect(element).to.be.accessible();
  });

  for (const role of ['clinician', 'front-desk']) {
    it(`${role}: the booking opens with no revoke button`, async () => {
      const api = freshApi();
      const { element, booking } = await openBooking(api, role);
      expect(deepAll<HTMLButtonElement>(element, 'button').map((b) => b.textContent?.trim())).not.to.include(REVOKE);
      expect(deepText(element)).not.to.include('Revoke');
      expect(await clientLinkStatus(api, booking)).to.equal(200);
    });
  }
});
