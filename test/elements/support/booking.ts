/** Mounting `<kap-booking>` against a fresh reference backend, and reading what it rendered. */
import '../../../src/kap-booking.js';
import type { KapBooking } from '../../../src/elements/kap-booking/kap-booking.js';
import { $, allByRole, elementTests, expectNoLeak, mount, postBooking, settle, until, type ElementTests } from './harness.js';

export { $, $$, advanceBackendClock, allByRole, button, byRole, focused, freshApi, settle, text, unmountAll, until } from './harness.js';

/**
 * Mounts a `<kap-booking>` with `attributes`, set up as a clinic's page would be (a privacy notice
 * to link; `'privacy-url': ''` for none); `setup` runs before it joins the page.
 */
export function mountBooking(attributes: Record<string, string>, setup?: (element: KapBooking) => void): Promise<KapBooking> {
  return mount('kap-booking', { 'privacy-url': '/privacy.html', ...attributes }, setup);
}

/**
 * Waits for the first week to load and, when it has fewer days with free times than `days` (the
 * demo clinic opens on weekdays and needs 12 hours' notice), moves on week by week until one has:
 * late in the week, or the day, the current week may have one time left or none. Two days by
 * default, so that a test that takes a time away (a hold, a conflict, a move) still finds others
 * in the same week: on a Friday morning a week with a single time made such tests fail.
 */
export async function showWeekWithTimes(element: KapBooking, { days = 2 }: { days?: number } = {}): Promise<void> {
  for (let week = 0; week < 4; week += 1) {
    await until(() => dayButtons(element).length || $(element, '.empty'), 'the week to load');
    if (dayButtons(element).length >= days) return;
    $<HTMLButtonElement>(element, '[data-week="next"]')!.click();
    await settle(element);
  }
  throw new Error(`No week with ${days} days of free times`);
}

/** The group of days, in English or Spanish (`daysLabel`), and the times of the chosen day (`timesForDay`). */
const DAYS = /^(Days with free times|Días con horas libres)$/;
const TIMES = /^(Times on|Horas del) /;

/** The buttons of the days with free times shown (none while there are none). */
export function dayButtons(element: KapBooking): HTMLButtonElement[] {
  return allByRole(element, 'group', DAYS).flatMap((group) => allByRole<HTMLButtonElement>(element, 'button', undefined, group));
}

/** The buttons of the free times of the chosen day. */
export function timeButtons(element: KapBooking): HTMLButtonElement[] {
  return allByRole(element, 'group', TIMES).flatMap((group) => allByRole<HTMLButtonElement>(element, 'button', undefined, group));
}

/** Chooses the first free time shown and waits for the details step. */
export async function chooseFirstTime(element: KapBooking): Promise<HTMLButtonElement> {
  await showWeekWithTimes(element);
  const time = timeButtons(element)[0]!;
  time.click();
  await until(() => $(element, '#kap-name'), 'the details step');
  return time;
}

/**
 * Chooses the first free time starting at least `marginMs` after the first one shown, and waits for the
 * details step. A test that moves the backend's clock on by up to `marginMs` can still book it: the first
 * time may lie only minutes past the clinic's minimum notice, and moving the clock would make it too soon.
 */
export async function chooseTimeLaterBy(element: KapBooking, marginMs: number): Promise<HTMLButtonElement> {
  await showWeekWithTimes(element);
  const earliest = Date.parse(startOf(timeButtons(element)[0]!)) + marginMs;
  for (let week = 0; week < 4; week += 1) {
    for (const day of dayButtons(element)) {
      day.click();
      await settle(element);
      const time = timeButtons(element).find((candidate) => Date.parse(startOf(candidate)) >= earliest);
      if (!time) continue;
      time.click();
      await until(() => $(element, '#kap-name'), 'the details step');
      return time;
    }
    $<HTMLButtonElement>(element, '[data-week="next"]')!.click();
    await settle(element);
    await until(() => dayButtons(element).length || $(element, '.empty'), 'the next week to load');
  }
  throw new Error(`No free time ${marginMs} ms after the first one`);
}

export interface Details {
  name: string;
  email: string;
  phone: string;
  reason?: string;
  privacy?: boolean;
  contact?: boolean;
}

export const CLIENT: Details = {
  name: 'Ada Quintessa Lovelace',
  email: 'ada.quintessa@example.com',
  phone: '+1 212 555 0187',
  reason: 'ptsd',
  privacy: true,
  contact: true,
};

export async function fillDetails(element: KapBooking, details: Partial<Details>): Promise<void> {
  for (const field of ['name', 'email', 'phone'] as const) {
    const value = details[field];
    if (value === undefined) continue;
    const input = $<HTMLInputElement>(element, `#kap-${field}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  if (details.reason) $<HTMLInputElement>(element, `#kap-reason-${details.reason}`)!.click();
  for (const field of ['privacy', 'contact'] as const) {
    const wanted = details[field];
    const box = $<HTMLInputElement>(element, `#kap-${field}`)!;
    if (wanted !== undefined && box.checked !== wanted) box.click();
  }
  await element.updateComplete;
}

export function confirmButton(element: KapBooking): HTMLButtonElement {
  return $<HTMLButtonElement>(element, 'button.confirm')!;
}

export async function confirmed(element: KapBooking): Promise<void> {
  await until(() => $(element, '[data-focus="done"]'), 'the confirmation');
}

export function expectNoPhi(value: unknown, details: Details = CLIENT): void {
  expectNoLeak(value, [details.name, details.email, details.phone, details.name.split(' ')[1]!, details.reason ?? 'ptsd']);
}

export const BOOKING_EVENTS = ['kap-slot-select', 'kap-booking-confirm', 'kap-error'] as const;

/**
 * The per-test set-up of a `<kap-booking>` test file (see `elementTests`); after each test,
 * `after` runs, then no event may carry `client`'s details.
 */
export function bookingTests(options: { client?: Details; after?: () => void | Promise<void> } = {}): ElementTests {
  const tests = elementTests({
    events: BOOKING_EVENTS,
    after: async () => {
      await options.after?.();
      expectNoPhi(
        tests.recorder.events.map((event) => event.detail),
        options.client,
      );
    },
  });
  return tests;
}

/** Books `start` for someone else through the backend directly, as a second browser would. */
export function bookAsSomeoneElse(api: string, start: string, realFetch: typeof fetch, service = 'consultation') {
  return postBooking(api, realFetch, {
    service,
    start,
    client: { name: 'Someone Else', email: 'someone@example.org', phone: '+1 212 555 0100' },
  });
}

/** The start instant a time button stands for. */
export function startOf(time: HTMLButtonElement): string {
  return time.dataset['roving']!;
}
