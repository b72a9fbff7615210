/**
 * When a confirmed booking's later emails go out — one home for each rule, read by the routing
 * that writes the events (routing.ts) and by the composing that checks, at sending, that an event
 * is still the one the booking would have now (compose.ts): a session moved or cancelled since
 * leaves its old events stale, and they are skipped.
 *
 * - **Reminder** (`reminder.due`): its service's `reminderHours` before the start; none for 0.
 * - **Checklist items coming due** (`checklist.due`): the timed items due by the session (offset 0
 *   or before; one after it is a restriction that lasts, not a deadline) are grouped by the day
 *   they are due on in the client's zone (the clinic's when unknown); each day's email goes out 24
 *   hours (the element's "due soon") before its first item, or at once when that time has passed
 *   — days whose time has passed go out together, in one email. Items already due when the
 *   schedule is made are left out. Done items are left out of the email when it is sent.
 * - **Follow-up invitation** (`follow_up.invited`): when a session of a service another one follows
 *   (administration → integration) ends; not once the follow-up's window has closed.
 */
import type { Service } from '../../src/api/schemas.js';
import { DUE_SOON_MINUTES, dueLasts } from '../../src/checklist/due.js';
import { followUpWindow } from '../../src/scheduling/follow-up.js';
import type { Interval } from '../../src/scheduling/opening-hours.js';
import type { Stores } from '../stores/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When the reminder of a session of `serviceId` starting at `start` goes out; `undefined`: none. */
export async function reminderAt(stores: Stores, booking: { serviceId: string; start: number }): Promise<number | undefined> {
  const hours = await stores.clinic.reminderHours(booking.serviceId);
  return hours > 0 ? booking.start - hours * HOUR : undefined;
}

export interface ChecklistEmail {
  /** When it goes out. */
  at: number;
  /** The items it is about, in the checklist's order. */
  itemIds: string[];
}

/**
 * A session's checklist emails, as scheduled at `from` (the time the schedule is made: the
 * follow-up event's `occurredAt`), soonest first. Pure: the same facts give the same schedule.
 */
export function checklistEmails(
  items: readonly { id: string; dueOffsetMinutes?: number | undefined }[],
  start: number,
  timeZone: string,
  from: number,
): ChecklistEmail[] {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = new Map<string, { first: number; itemIds: string[] }>();
  for (const item of items) {
    if (item.dueOffsetMinutes === undefined || dueLasts(item.dueOffsetMinutes)) continue;
    const due = start + item.dueOffsetMinutes * MINUTE;
    if (due <= from) continue;
    const day = dayOf.format(due);
    const group = days.get(day) ?? { first: due, itemIds: [] };
    group.first = Math.min(group.first, due);
    group.itemIds.push(item.id);
    days.set(day, group);
  }
  const emails = new Map<number, string[]>();
  for (const group of days.values()) {
    const at = Math.max(from, group.first - DUE_SOON_MINUTES * MINUTE);
    emails.set(at, [...(emails.get(at) ?? []), ...group.itemIds]);
  }
  const order = new Map(items.map((item, index) => [item.id, index]));
  return [...emails].map(([at, itemIds]) => ({ at, itemIds: itemIds.sort((a, b) => order.get(a)! - order.get(b)!) })).sort((a, b) => a.at - b.at);
}

/** The service whose window a session of `serviceId` opens (integration after administration), if any. */
export async function followingService(stores: Stores, serviceId: string): Promise<(Service & { followUp: NonNullable<Service['followUp']> }) | undefined> {
  const services = await stores.clinic.listServices();
  return services.find((service): service is Service & { followUp: NonNullable<Service['followUp']> } => service.followUp?.after === serviceId);
}

/** The follow-up invitation of a session ending at `end`: it goes out then; the window it invites to. */
export function followUpInvitation(followUp: NonNullable<Service['followUp']>, end: number): { at: number; window: Interval } {
  return { at: end, window: followUpWindow(followUp, end) };
}
