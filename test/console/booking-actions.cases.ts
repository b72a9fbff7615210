/**
 * The booking actions of `<kap-console>` left by issue 10 §3, in Chromium against the real
 * reference backend: moving a booking to another free time from its detail, and declining a request
 * with other times to suggest — each time picked from the service's real availability, problems in
 * an error summary that takes focus, by mouse and by keyboard alone, axe in every state, and dark,
 * Spanish, 320 px wide. What the client then reads comes from the client's own API with its token.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KapConsole } from '../../console/kap-console.js';
import type { ConsoleTimePicker } from '../../console/views/time-picker.js';
import { addStaff, buttonNamed, deep, deepAll, deepText, freshApi, mountConsole, requestSession, signIn, unmountAll, until } from './support.js';

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

async function clientBooking(api: string, booking: { id: string; token: string }) {
  const response = await fetch(`${api}bookings/${booking.id}`, { headers: { Authorization: `Bearer ${booking.token}` } });
  return (await response.json()).booking as { start: string; status: string; suggestedTimes?: string[] };
}

/** The picker's free times of the kind asked, paging to later days until some show. */
async function times(element: KapConsole, type: 'radio' | 'checkbox', later: string): Promise<HTMLInputElement[]> {
  const picker = () => deep<ConsoleTimePicker>(element, 'console-time-picker');
  for (let pages = 0; pages < 6; pages++) {
    // The days asked for, not those shown before: late on a Friday the first three have no times.
    await until(() => {
      const loaded = picker()?.loaded;
      return loaded?.name === 'ready' && loaded.data.from === picker()!.from;
    }, 'the free times load');
    const found = deepAll<HTMLInputElement>(element, `input[type="${type}"]`);
    if (found.length >= 4) return found;
    const from = picker()!.from;
    buttonNamed(element, later).click();
    await until(() => picker()!.from !== from, 'the next days are asked for');
  }
  throw new Error('No free times in the days paged through');
}

async function openRequestedBooking(api: string, role = 'front-desk'): Promise<{ element: KapConsole; booking: { id: string; token: string } }> {
  const booking = await requestSession(api);
  const element = await mountConsole(api);
  await signIn(element, await addStaff(api, role));
  await until(() => deepText(element).includes('Requested'), 'the schedule shows the request');
  buttonNamed(element, /^Open booking: Ketamine session, /).click();
  await until(() => deepText(element).includes('robin.queue@example.com'), 'the booking opens');
  return { element, booking };
}

describe('<kap-console>: moving a booking and suggesting times', () => {
  it('front desk moves a booking: a time from the real availability; no choice is an error summary that takes focus; the client reads the new time', async () => {
    const api = freshApi();
    const { element, booking } = await openRequestedBooking(api);
    buttonNamed(element, 'Move to another time…').click();
    await until(() => activeElement()?.id === 'move-heading', 'focus on the move step');
    const radios = await times(element, 'radio', 'Later days');
    expect(deepText(element)).to.include('Free times a client could book, in the clinic’s time zone (America/New_York).');
    const before = await clientBooking(api, booking);
    expect(radios.map((radio) => radio.value)).not.to.include(before.start, 'its own time is not offered');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Move it').click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'the error summary takes focus');
    expect(deepText(element)).to.include('There is a problem');
    expect(deepText(element)).to.include('Choose a new time.');
    await expect(element).to.be.accessible();
    deepAll<HTMLAnchorElement>(element, '.error-summary a')[0]!.click();
    expect(activeElement()?.getAttribute('type')).to.equal('radio', 'the summary’s link leads to the times');

    const chosen = radios.at(-1)!;
    chosen.click();
    buttonNamed(element, 'Move it').click();
    await until(() => deepText(element).includes('The booking is moved to'), 'moved');
    expect(activeElement()?.id).to.equal('booking-heading');
    expect(deep(element, 'console-time-picker')).to.equal(undefined);
    const read = await clientBooking(api, booking);
    expect([read.start, read.status]).to.deep.equal([chosen.value, 'requested']);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Move to another time…').click();
    await until(() => activeElement()?.id === 'move-heading', 'the move step again');
    buttonNamed(element, 'Keep the current time').click();
    await until(() => activeElement()?.id === 'booking-heading', 'back to the booking');
    expect((await clientBooking(api, booking)).start).to.equal(chosen.value);
  });

  it('keyboard alone: open the move step, pick a time with the keyboard, move it', async () => {
    const api = freshApi();
    const { element, booking } = await openRequestedBooking(api);
    const tabUntil = async (found: (active: Element | null) => boolean, what: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await sendKeys({ press: 'Tab' });
        if (found(activeElement())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabUntil((active) => active?.textContent?.trim() === 'Move to another time…', 'the move button');
    await sendKeys({ press: 'Enter' });
    await until(() => activeElement()?.id === 'move-heading', 'focus on the move step');
    await times(element, 'radio', 'Later days');
    await tabUntil((active) => active?.getAttribute('type') === 'radio', 'a time');
    await sendKeys({ press: 'Space' });
    const picked = (activeElement() as HTMLInputElement).value;
    expect((activeElement() as HTMLInputElement).checked).to.equal(true);
    await tabUntil((active) => active?.textContent?.trim() === 'Move it', 'Move it');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('The booking is moved to'), 'moved');
    expect((await clientBooking(api, booking)).start).to.equal(picked);
  });

  it('declining with other times: a reason is asked for in an error summary; up to three times; the client reads them', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    buttonNamed(element, 'Requests').click();
    await until(() => deepText(element).includes('Reason for declining'), 'the request is listed');
    buttonNamed(element, 'Decline').click();
    await until(() => activeElement()?.classList.contains('error-summary'), 'the error summary takes focus');
    expect(deepText(element)).to.include('Choose a reason before declining.');
    await expect(element).to.be.accessible();

    const toggle = buttonNamed(element, 'Suggest other times (optional)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    const boxes = await times(element, 'checkbox', 'Later days');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(deepText(element)).to.include('Pick up to 3.');
    for (const box of boxes.slice(0, 3)) box.click();
    await until(() => deepAll<HTMLInputElement>(element, 'input[type="checkbox"]:checked').length === 3, 'three boxes are ticked');
    expect(boxes[3]!.disabled, 'a fourth waits until one is unticked').to.equal(true);
    expect(deepText(element)).to.include('Picked: ');
    await expect(element).to.be.accessible();

    const suggested = deepAll<HTMLInputElement>(element, 'input[type="checkbox"]:checked')
      .map((box) => box.value)
      .sort();
    const select = deep<HTMLSelectElement>(element, 'select[id^="reason-"]')!;
    select.value = 'clinician-unavailable';
    buttonNamed(element, 'Decline').click();
    await until(() => deepText(element).includes('with other times suggested to the client'), 'declined');
    const read = await clientBooking(api, booking);
    expect(read.status).to.equal('cancelled');
    expect(read.suggestedTimes).to.deep.equal(suggested);
    await expect(element).to.be.accessible();

    // The booking's history says what was suggested.
    buttonNamed(element, 'Schedule').click();
    await until(() => deepText(element).includes('Cancelled'), 'the schedule shows the declined booking');
    buttonNamed(element, /^Open booking: Ketamine session, /).click();
    await until(() => deepText(element).includes('other times suggested:'), 'the history with the suggested times');
    await expect(element).to.be.accessible();
  });

  it('keyboard alone: choose a reason, open the times to suggest, tick one, decline', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    const tabUntil = async (found: (active: Element | null) => boolean, what: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await sendKeys({ press: 'Tab' });
        if (found(activeElement())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabUntil((active) => active?.textContent?.trim() === 'Requests', 'Requests');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Reason for declining'), 'the requests show');
    await tabUntil((active) => active?.tagName === 'SELECT' && active.id.startsWith('reason-'), 'the reason');
    await sendKeys({ press: 'ArrowDown' });
    expect((activeElement() as HTMLSelectElement).value).to.equal('no-availability');
    await tabUntil((active) => active?.textContent?.trim() === 'Suggest other times (optional)', 'the times to suggest');
    await sendKeys({ press: 'Enter' });
    await times(element, 'checkbox', 'Later days');
    await tabUntil((active) => active?.getAttribute('type') === 'checkbox', 'a time');
    await sendKeys({ press: 'Space' });
    const picked = (activeElement() as HTMLInputElement).value;
    await tabUntil((active) => active?.textContent?.trim() === 'Decline', 'Decline');
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('with other times suggested to the client'), 'declined');
    expect((await clientBooking(api, booking)).suggestedTimes).to.deep.equal([picked]);
  });

  it('dark, Spanish and 320 px wide: the move step and the times to suggest are accessible and fit', async () => {
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
    buttonNamed(element, 'Cambiar a otro horario…').click();
    await times(element, 'radio', 'Días siguientes');
    expect(deepText(element)).to.include('Nuevo horario');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);

    buttonNamed(element, 'Volver').click();
    buttonNamed(element, 'Solicitudes').click();
    await until(() => deepText(element).includes('Motivo del rechazo'), 'las solicitudes');
    buttonNamed(element, 'Sugerir otros horarios (opcional)').click();
    await times(element, 'checkbox', 'Días siguientes');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
