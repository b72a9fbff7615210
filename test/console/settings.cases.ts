/**
 * The owner's Settings in `<kap-console>`, in Chromium against the real reference backend (a fresh
 * clinic per test): only the owner is offered it; closures are listed, added (a whole day or a
 * time range) and removed through `PUT staff/clinic/closures`, and a closed day leaves the public
 * availability; every state passes axe, light and dark, at 320 px, in English and Spanish, with the
 * keyboard alone.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { nextDaysQuery } from '../support/availability-range.js';
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

/** The days (in the clinic's zone) with a free administration session in the next two weeks. */
async function openDays(api: string): Promise<string[]> {
  const { slots, timeZone } = (await (await fetch(`${api}availability?${nextDaysQuery('administration')}`)).json()) as {
    slots: { start: string }[];
    timeZone: string;
  };
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
  return [...new Set(slots.map((slot) => day.format(new Date(slot.start))))];
}

async function openSettings(api: string, lang = 'en') {
  const element = await mountConsole(api);
  await signIn(element, await addStaff(api, 'owner'));
  element.lang = lang === 'es' ? 'es' : 'en';
  await element.updateComplete;
  buttonNamed(element, lang === 'es' ? 'Configuración' : 'Settings').click();
  await until(() => deep(element, '#closure-date'), 'the closures form shows');
  return element;
}

describe('<kap-console> settings: closures', () => {
  it('is offered to the owner only', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'clinician'));
    await until(() => deepAll(element, 'nav button').length > 0, 'the navigation shows');
    expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).to.deep.equal(['Schedule', 'Requests', 'Intake inbox']);
  });

  it('the owner closes a whole day with the keyboard: it is listed, and the day leaves the availability; removing it brings the day back', async () => {
    const api = freshApi();
    const days = await openDays(api);
    const day = days[2]!;
    expect(days.length).to.be.greaterThan(3);
    const element = await openSettings(api);
    await until(() => deepText(element).includes('No closures.'), 'the empty list shows');
    // The preview shows what a client is offered that day, per service.
    const cell = () => deep(element, `tr[data-day="${day}"] td[data-label="Ketamine session"]`)?.textContent?.trim() ?? '';
    await until(() => /^\d+ times?$/.test(cell()), 'the preview shows the day’s free times');
    await expect(element).to.be.accessible();

    fill(element, 'Date', day);
    fill(element, 'Reason (optional, for staff only)', 'Staff training');
    deep<HTMLInputElement>(element, '#closure-reason')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Added: '), 'the closure is added');
    expect(deepText(element)).to.include('whole day');
    expect(deepText(element)).to.include('Staff training');
    expect(activeElement()?.id).to.equal('closures-heading', 'focus returns to the list’s heading');
    expect(await openDays(api)).not.to.include(day);
    await until(() => cell() === 'None', 'the preview shows the day closed');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Remove').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepText(element).includes('Removed: '), 'the closure is removed');
    expect(deepText(element)).to.include('No closures.');
    expect(await openDays(api)).to.include(day);
    await until(() => /^\d+ times?$/.test(cell()), 'the preview shows the day open again');
  });

  it('a part of a day: the times are asked for, an end before the start is refused at the field, then it is saved as a range', async () => {
    const api = freshApi();
    const element = await openSettings(api);
    const part = deepAll<HTMLInputElement>(element, 'input[type="radio"]').find((radio) => radio.value === 'part')!;
    part.click();
    await until(() => deep(element, '#closure-from'), 'the times show');
    fill(element, 'Date', '2030-01-15');
    fill(element, 'Closed from', '14:00');
    fill(element, 'Closed until', '13:00');
    buttonNamed(element, 'Add closure').click();
    await until(() => deepText(element).includes('The end must be after the start.'), 'the error shows');
    expect(deep(element, '#closure-to')!.getAttribute('aria-invalid')).to.equal('true');
    expect(activeElement()?.id).to.equal('closure-to', 'focus moves to the field in error');
    await expect(element).to.be.accessible();

    fill(element, 'Closed until', '17:30');
    buttonNamed(element, 'Add closure').click();
    await until(() => deepText(element).includes('Added: '), 'the closure is added');
    expect(deepText(element)).to.include('Tuesday, January 15, 2030, 14:00–17:30');
    const stored = await (await fetch(`${api}staff/clinic`, { credentials: 'same-origin' })).json();
    expect(stored.configuration.closures).to.deep.equal([{ date: '2030-01-15', from: '14:00', to: '17:30' }]);
  });

  it('in Spanish, dark, at 320 px: a date that is missing is said at the field', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const element = await openSettings(api, 'es');
    await until(() => deepText(element).includes('No hay cierres.'), 'the empty list shows in Spanish');
    buttonNamed(element, 'Añadir cierre').click();
    await until(() => deepText(element).includes('Escriba la fecha en que la clínica está cerrada.'), 'the error shows');
    expect(activeElement()?.id).to.equal('closure-date');
    const form = deep(element, 'form')!;
    expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1, 'nothing overflows at 320 px');
    await expect(element).to.be.accessible();
  });

  it('opening hours: Saturday gets two ranges, saved together, and the preview offers Saturdays; an overlap is said at the range', async () => {
    const api = freshApi();
    const element = await openSettings(api);
    const saturday = () => deepAll<HTMLFieldSetElement>(element, 'fieldset').find((set) => set.querySelector('legend')?.textContent?.trim() === 'Saturday')!;
    await until(() => saturday(), 'the weekdays show');
    expect(saturday().textContent).to.include('Closed.');
    await expect(element).to.be.accessible();

    const setRange = async (opens: string, closes: string) => {
      buttonNamed(element, 'Add a range on Saturday').click();
      await until(() => activeElement()?.matches('input[type="time"]'), 'focus moves to the new range');
      const [opensInput, closesInput] = [...saturday().querySelectorAll<HTMLInputElement>('input[type="time"]')].slice(-2);
      for (const [input, value] of [
        [opensInput!, opens],
        [closesInput!, closes],
      ] as const) {
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    };
    await setRange('10:00', '12:00');
    await setRange('13:00', '15:00');
    buttonNamed(element, 'Save opening hours').click();
    await until(() => deepText(element).includes('Opening hours saved.'), 'the hours are saved');
    const stored = await (await fetch(`${api}staff/clinic`, { credentials: 'same-origin' })).json();
    expect(stored.configuration.openingHours.filter((range: { weekday: number }) => range.weekday === 6)).to.deep.equal([
      { weekday: 6, opens: '10:00', closes: '12:00' },
      { weekday: 6, opens: '13:00', closes: '15:00' },
    ]);
    // Every Saturday after today (the preview's first row): today's times may already be past the
    // 12-hour notice; in 14 days there is always a later Saturday.
    const saturdayCells = () =>
      deepAll(element, 'tr[data-day]')
        .slice(1)
        .map((row) => row.querySelector('th[scope="row"]')!)
        .filter((th) => th.textContent?.startsWith('Sat'));
    await until(
      () => saturdayCells().length > 0 && saturdayCells().every((th) => /^\d+ times?$/.test(th.nextElementSibling?.textContent?.trim() ?? '')),
      'the preview offers Saturdays',
    );

    await setRange('11:00', '14:00');
    buttonNamed(element, 'Save opening hours').click();
    await until(() => deepText(element).includes('This range overlaps another on the same day.'), 'the overlap is said');
    expect(activeElement()?.getAttribute('aria-invalid')).to.equal('true', 'focus moves to the range in error');
    await expect(element).to.be.accessible();
  });
});
