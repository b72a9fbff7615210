/** Mounting `<kap-prep-checklist>` against a booking made through the real reference backend. */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/kap-prep-checklist.js';
import type { KapPrepChecklist } from '../../../src/elements/kap-prep-checklist/kap-prep-checklist.js';
import type { Fault } from './network.js';

export { freshApi } from './booking.js';

/** Who booked: none of it may ever reach an event, a URL or the calendar file. */
export const CLIENT = { name: 'Ada Quintessa Lovelace', email: 'ada.quintessa@example.com', phone: '+1 212 555 0187' };

export interface BookedSession {
  api: string;
  bookingId: string;
  token: string;
  start: string;
  end: string;
}

/**
 * Books the first free `service` slot in the next weeks through the API, as `<kap-booking>` would,
 * and returns the booking's id and access token. `realFetch` bypasses any injected faults.
 */
export async function bookSession(api: string, realFetch: typeof fetch, service = 'administration'): Promise<BookedSession> {
  const from = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const to = new Date(Date.now() + 40 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const availability = await (await realFetch(`${api}availability?service=${service}&from=${from}&to=${to}`)).json();
  const slot = availability.slots?.[0];
  expect(slot, 'a free slot to book').to.exist;
  const response = await realFetch(`${api}bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ service, start: slot.start, client: CLIENT, consent: { privacy: true } }),
  });
  expect(response.status, 'the booking').to.equal(201);
  const created = await response.json();
  return { api, bookingId: created.booking.id, token: created.accessToken, start: created.booking.start, end: created.booking.end };
}

/** The checklist as the backend holds it: item id → done. */
export async function serverStates(session: BookedSession, realFetch: typeof fetch): Promise<Record<string, boolean>> {
  const response = await realFetch(`${session.api}bookings/${session.bookingId}/checklist`, {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(response.status).to.equal(200);
  const body = await response.json();
  return Object.fromEntries(body.items.map((item: { id: string; done: boolean }) => [item.id, item.done]));
}

const mounted: HTMLElement[] = [];

/** Mounts a `<kap-prep-checklist>` with `attributes`; `setup` runs before it joins the page. */
export async function mountChecklist(
  attributes: Record<string, string>,
  setup?: (element: KapPrepChecklist) => void,
): Promise<KapPrepChecklist> {
  const host = document.createElement('div');
  const element = document.createElement('kap-prep-checklist');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setup?.(element);
  host.append(element);
  document.body.append(host);
  mounted.push(host);
  await element.updateComplete;
  return element;
}

/** Mounts against `session` with its token given as the property. */
export function mountForSession(session: BookedSession, attributes: Record<string, string> = {}): Promise<KapPrepChecklist> {
  return mountChecklist({ api: session.api, booking: session.bookingId, ...attributes }, (element) => {
    element.token = session.token;
  });
}

/** Mounts a static checklist from a child JSON script. */
export function mountStatic(settings: unknown, attributes: Record<string, string> = {}): Promise<KapPrepChecklist> {
  return mountChecklist(attributes, (element) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = typeof settings === 'string' ? settings : JSON.stringify(settings);
    element.append(script);
  });
}

export function unmountAll(): void {
  for (const host of mounted.splice(0)) host.remove();
}

export function $<T extends Element = HTMLElement>(element: KapPrepChecklist, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(element: KapPrepChecklist, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

export function text(element: Element): string {
  return ((element.shadowRoot ?? element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function until(predicate: () => unknown, message: string, timeout = 10_000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

export async function loaded(element: KapPrepChecklist): Promise<void> {
  await until(() => $(element, '[part~="item"]'), 'the checklist items');
}

/** The checkbox of item `itemId`. */
export function checkbox(element: KapPrepChecklist, itemId: string): HTMLInputElement {
  const box = $<HTMLInputElement>(element, `[data-item="${itemId}"] input[type="checkbox"]`);
  if (!box) throw new Error(`No checkbox for ${itemId} in: ${text(element)}`);
  return box;
}

export function item(element: KapPrepChecklist, itemId: string): HTMLElement {
  const found = $(element, `[data-item="${itemId}"]`);
  if (!found) throw new Error(`No item ${itemId}`);
  return found;
}

export function button(element: KapPrepChecklist, label: string, within: ParentNode = element.shadowRoot!): HTMLButtonElement {
  const match = [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    (b.textContent ?? '').replace(/\s+/g, ' ').includes(label),
  );
  if (!match) throw new Error(`No button "${label}" in: ${text(element)}`);
  return match;
}

/** Records every kap-* event of the checklist that reaches the document. */
export function recordEvents(): { events: CustomEvent[]; of(type: string): unknown[]; stop(): void } {
  const events: CustomEvent[] = [];
  const names = ['kap-checklist-change', 'kap-checklist-complete', 'kap-error'] as const;
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of names) document.addEventListener(name, listener);
  return {
    events,
    of: (type) => events.filter((event) => event.type === type).map((event) => event.detail),
    stop: () => {
      for (const name of names) document.removeEventListener(name, listener);
    },
  };
}

/** A fault that holds matching requests until `release()`, then lets them reach the backend. */
export function gate(): { fault: Fault; release(): void; waiting(): number } {
  let open = false;
  const queue: (() => void)[] = [];
  return {
    fault: async (_request, passThrough) => {
      if (!open) await new Promise<void>((resolve) => queue.push(resolve));
      return passThrough();
    },
    release() {
      open = true;
      for (const resume of queue.splice(0)) resume();
    },
    waiting: () => queue.length,
  };
}
