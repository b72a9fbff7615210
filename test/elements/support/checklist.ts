/** Mounting `<kap-prep-checklist>` against a booking made through the real reference backend. */
import { expect } from '@open-wc/testing';
import '../../../src/kap-prep-checklist.js';
import type { KapPrepChecklist } from '../../../src/elements/kap-prep-checklist/kap-prep-checklist.js';
import { $, appendSettings, elementTests, mount, postBooking, text, until, type ElementTests } from './harness.js';
import { availability } from './manage.js';
import type { Fault } from './network.js';

export { $, $$, button, freshApi, text, unmountAll, until } from './harness.js';

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
  const now = Date.now();
  const { slots } = await availability(api, realFetch, { service, fromMs: now + 60_000, toMs: now + 40 * 86_400_000 });
  const slot = slots[0];
  expect(slot, 'a free slot to book').to.exist;
  const created = await postBooking(api, realFetch, { service, start: slot!.start, client: CLIENT });
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

/** Mounts a `<kap-prep-checklist>` with `attributes`; `setup` runs before it joins the page. */
export function mountChecklist(attributes: Record<string, string>, setup?: (element: KapPrepChecklist) => void): Promise<KapPrepChecklist> {
  return mount('kap-prep-checklist', attributes, setup);
}

/** Mounts against `session` with its token given as the property. */
export function mountForSession(session: BookedSession, attributes: Record<string, string> = {}): Promise<KapPrepChecklist> {
  return mountChecklist({ api: session.api, booking: session.bookingId, ...attributes }, (element) => {
    element.token = session.token;
  });
}

/** Mounts a static checklist from a child JSON script, once read (its checker is a module loaded then). */
export async function mountStatic(settings: unknown, attributes: Record<string, string> = {}): Promise<KapPrepChecklist> {
  const element = await mountChecklist(attributes, (element) => appendSettings(element, settings));
  await until(() => !$(element, '.loading'), 'the page’s checklist to be read');
  return element;
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

export const CHECKLIST_EVENTS = ['kap-checklist-change', 'kap-checklist-complete', 'kap-error'] as const;

/** The per-test set-up of a `<kap-prep-checklist>` test file (see `elementTests`); `after` runs after each test. */
export function checklistTests(after?: () => void | Promise<void>): ElementTests {
  return elementTests({ events: CHECKLIST_EVENTS, ...(after ? { after } : {}) });
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
