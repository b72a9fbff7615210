/** Mounting `<kap-booking>` against a fresh reference backend, and reading what it rendered. */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/kap-booking.js';
import type { KapBooking } from '../../../src/elements/kap-booking/kap-booking.js';

let counter = 0;

/** A fresh clinic on the test server: `/api/<unique>/`, with optional backend options. */
export function freshApi(options: Record<string, string | number> = {}): string {
  counter += 1;
  const id = `t${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const suffix = Object.entries(options)
    .map(([key, value]) => `~${key}=${encodeURIComponent(String(value))}`)
    .join('');
  return `/api/${id}${suffix}/`;
}

const mounted: HTMLElement[] = [];

/** Mounts a `<kap-booking>` with `attributes` (and optional light-DOM children). */
export async function mountBooking(
  attributes: Record<string, string>,
  setup?: (element: KapBooking) => void,
): Promise<KapBooking> {
  const host = document.createElement('div');
  const element = document.createElement('kap-booking');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setup?.(element);
  host.append(element);
  document.body.append(host);
  mounted.push(host);
  await element.updateComplete;
  return element;
}

export function unmountAll(): void {
  for (const host of mounted.splice(0)) host.remove();
}

export function $<T extends Element = HTMLElement>(element: KapBooking, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(element: KapBooking, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

export function text(element: KapBooking): string {
  return (element.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
}

/** The button whose visible text is `label`. */
export function button(element: KapBooking, label: string | RegExp): HTMLButtonElement {
  const match = $$<HTMLButtonElement>(element, 'button').find((b) => {
    const content = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof label === 'string' ? content.includes(label) : label.test(content);
  });
  if (!match) throw new Error(`No button "${String(label)}" in: ${text(element)}`);
  return match;
}

export async function settle(element: KapBooking): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

export function until(predicate: () => unknown, message: string, timeout = 8000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

/**
 * Waits for the first week to load and, when it has no free times (the demo clinic opens on
 * weekdays and needs 12 hours' notice), moves on week by week until one has.
 */
export async function showWeekWithTimes(element: KapBooking): Promise<void> {
  for (let week = 0; week < 4; week += 1) {
    await until(() => $(element, '.day') || $(element, '.empty'), 'the week to load');
    if ($(element, '.day')) return;
    $<HTMLButtonElement>(element, '[data-week="next"]')!.click();
    await settle(element);
  }
  throw new Error('No week with free times');
}

export function dayButtons(element: KapBooking): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(element, 'button.day');
}

export function timeButtons(element: KapBooking): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(element, 'button.time');
}

/** Chooses the first free time shown and waits for the details step. */
export async function chooseFirstTime(element: KapBooking): Promise<HTMLButtonElement> {
  await showWeekWithTimes(element);
  const time = timeButtons(element)[0]!;
  time.click();
  await until(() => $(element, '#kap-name'), 'the details step');
  return time;
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

/** The focused element inside the shadow root. */
export function focused(element: KapBooking): Element | null {
  return element.shadowRoot!.activeElement;
}

/** Every value of `value`, deeply, as strings (for scanning event details). */
export function deepStrings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.values(value).flatMap(deepStrings);
  return [String(value)];
}

export function expectNoPhi(value: unknown, details: Details = CLIENT): void {
  const strings = deepStrings(value).join('\n');
  for (const secret of [details.name, details.email, details.phone, details.name.split(' ')[1]!, details.reason ?? 'ptsd']) {
    expect(strings, `"${secret}" leaked`).not.to.include(secret);
  }
}

/** Records every kap-* event that reaches the document during a test. */
export function recordEvents(): { events: CustomEvent[]; stop(): void } {
  const events: CustomEvent[] = [];
  const names = ['kap-slot-select', 'kap-booking-confirm', 'kap-error'] as const;
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of names) document.addEventListener(name, listener);
  return {
    events,
    stop: () => {
      for (const name of names) document.removeEventListener(name, listener);
    },
  };
}

/** Books `start` for someone else through the backend directly, as a second browser would. */
export async function bookAsSomeoneElse(api: string, start: string, realFetch: typeof fetch, service = 'consultation') {
  const response = await realFetch(`${api}bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      service,
      start,
      client: { name: 'Someone Else', email: 'someone@example.org', phone: '+1 212 555 0100' },
      consent: { privacy: true },
    }),
  });
  expect(response.status, 'the other booking').to.equal(201);
  return response.json();
}

/** The start instant a time button stands for. */
export function startOf(time: HTMLButtonElement): string {
  return time.dataset['roving']!;
}
