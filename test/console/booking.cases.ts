/**
 * One booking in `<kap-console>`, in Chromium against the real reference backend: opened from the
 * schedule or the requests, the client's details, history, checklist and intake as the role may
 * see them; cancelled on the client's behalf after a confirmation step — by mouse and by keyboard
 * alone — with axe in every state, and dark, Spanish, 320 px wide.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { backendRecords } from '../elements/support/harness.js';
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

/**
 * The booking's status as the backend holds it (its records: a cancelled booking's token opens
 * nothing any more, server/booking-access.ts).
 */
async function clientStatus(api: string, booking: { id: string; token: string }): Promise<string | undefined> {
  return (await backendRecords(api, fetch)).bookings.find((record) => record.id === booking.id)?.status;
}

describe('<kap-console>: one booking', () => {
  it('front desk opens a booking from the schedule, sees the client, and cancels it after confirming', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    await until(() => deepText(element).includes('Requested'), 'the schedule shows the request');
    buttonNamed(element, /^Open booking: Ketamine session, /).click();
    await until(() => deepText(element).includes('robin.queue@example.com'), 'the booking opens with the client’s details');
    const text = deepText(element);
    expect(text).to.include('+1 212 555 0123');
    expect(text).to.include('Status: Requested');
    expect(text).to.match(/Booked /);
    expect(text).to.include('not done');
    expect(text).to.include('Not sent');
    expect(location.href).not.to.include(booking.id, 'the booking is not in the URL');
    expect(activeElement()?.id).to.equal('booking-heading');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Cancel booking…').click();
    await until(() => deepText(element).includes('Cancel this booking for the client?'), 'the confirmation step');
    expect(activeElement()?.id).to.equal('cancel-heading');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'No, keep it').click();
    await until(() => !deepText(element).includes('Cancel this booking for the client?'), 'kept');
    expect(await clientStatus(api, booking)).to.equal('requested');

    buttonNamed(element, 'Cancel booking…').click();
    await until(() => deepText(element).includes('Yes, cancel it'), 'the confirmation step again');
    buttonNamed(element, 'Yes, cancel it').click();
    await until(() => deepText(element).includes('The booking is cancelled.'), 'cancelled');
    expect(deepText(element)).to.include('Status: Cancelled');
    expect(deepText(element)).to.match(/Cancelled \w{3}, /);
    expect(deepText(element)).not.to.include('Cancel booking…');
    expect(await clientStatus(api, booking)).to.equal('cancelled');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Back').click();
    await until(() => deep(element, 'console-schedule'), 'back to the schedule');
    expect(activeElement()?.textContent?.trim()).to.equal('Schedule');
  });

  it('keyboard alone: Tab to Requests, open the booking, cancel it and confirm', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
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
    await until(() => deepText(element).includes('Reason for declining'), 'the requests show');
    await tabTo('Open');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('robin.queue@example.com'), 'the booking opens');
    await tabTo('Cancel booking…');
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'cancel-heading', 'focus on the confirmation step');
    await tabTo('Yes, cancel it');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('The booking is cancelled.'), 'cancelled');
    expect(await clientStatus(api, booking)).to.equal('cancelled');
  });

  it('a clinician sees the responses to open; dark, Spanish and 320 px wide, accessible', async () => {
    const api = freshApi();
    await requestSession(api);
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await mountConsole(api, 'es');
    const account = await addStaff(api, 'clinician');
    element.lang = 'en';
    await signIn(element, account);
    element.lang = 'es';
    await until(() => deepText(element).includes('Solicitada'), 'la agenda');
    buttonNamed(element, /^Abrir la reserva: Ketamine session, /).click();
    await until(() => deepText(element).includes('robin.queue@example.com'), 'la reserva');
    expect(deepText(element)).to.include('Estado: Solicitada');
    expect(deepText(element)).to.include('Cancelar la reserva…');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
