/**
 * Who an event goes to (its deliveries) and what it brings after it: a confirmed session's
 * reminder, checklist emails and follow-up invitation (their times: schedule.ts).
 * Destinations are names, resolved to addresses only when sent: `email:client` — the booking's
 * client; `email:staff:<id>` — one member of staff; `email:staff:<id>:escalation` — an owner, later,
 * if nobody has acknowledged a safety flag by then; `webhook:<id>` — a webhook endpoint that wants
 * the event's type (webhooks.ts).
 */
import type { NewDelivery, NewNotificationEvent, NotificationEventRecord, Stores } from '../stores/types.js';
import { bookingChecklist } from '../stores/checklist-templates.js';
import { checklistEmails, followingService, followUpInvitation, reminderAt } from './schedule.js';
import { webhookDestination } from './webhooks.js';

export interface RoutingSettings {
  /** How long a safety flag may wait unacknowledged before the owner is told (`KAP_SAFETY_ESCALATION`). */
  escalationMs: number;
}

export const DEFAULT_ESCALATION_MS = 2 * 60 * 60_000;

const CLIENT_EVENTS = new Set([
  'booking.requested',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  'reminder.due',
  'links.requested',
  'checklist.due',
  'follow_up.invited',
]);

export const CLIENT = 'email:client';

export function staffDestination(staffId: string, escalation = false): string {
  return `email:staff:${staffId}${escalation ? ':escalation' : ''}`;
}

/** The staff id and whether it is an escalation, for a staff destination. */
export function parseStaffDestination(destination: string): { staffId: string; escalation: boolean } | undefined {
  const match = /^email:staff:([^:]+)(:escalation)?$/.exec(destination);
  return match ? { staffId: match[1]!, escalation: match[2] !== undefined } : undefined;
}

export async function routeEvent(
  stores: Stores,
  event: NotificationEventRecord,
  settings: RoutingSettings,
  now: number,
): Promise<{ deliveries: NewDelivery[]; followUps: NewNotificationEvent[] }> {
  const deliveries: NewDelivery[] = [];
  const followUps: NewNotificationEvent[] = [];
  const booking = event.bookingId === undefined ? undefined : await stores.bookings.findBooking(event.bookingId);
  if (booking && CLIENT_EVENTS.has(event.type)) deliveries.push({ destination: CLIENT, notBefore: now });

  const active = (await stores.staff.list()).filter((staff) => staff.state === 'active');
  const withRole = (role: string) => active.filter((staff) => staff.role === role);
  const owners = withRole('owner');
  if (event.type === 'booking.requested') {
    const frontDesk = withRole('front-desk');
    for (const staff of frontDesk.length ? frontDesk : owners) deliveries.push({ destination: staffDestination(staff.id), notBefore: now });
  }
  if (event.type === 'safety.flagged') {
    const clinicians = withRole('clinician');
    for (const staff of clinicians.length ? clinicians : owners) deliveries.push({ destination: staffDestination(staff.id), notBefore: now });
    for (const owner of owners) deliveries.push({ destination: staffDestination(owner.id, true), notBefore: event.occurredAt + settings.escalationMs });
  }
  for (const endpoint of await stores.webhooks.subscribed(event.type)) deliveries.push({ destination: webhookDestination(endpoint.id), notBefore: now });
  if (booking && booking.status === 'confirmed' && (event.type === 'booking.confirmed' || event.type === 'booking.rescheduled')) {
    followUps.push(...(await sessionFollowUps(stores, booking, now)));
  }
  return { deliveries, followUps };
}

/** A confirmed session's later emails, as scheduled at `now` (which `route` writes as their `occurredAt`). */
async function sessionFollowUps(
  stores: Stores,
  booking: { id: string; serviceId: string; start: number; end: number },
  now: number,
): Promise<NewNotificationEvent[]> {
  const events: NewNotificationEvent[] = [];
  const reminder = await reminderAt(stores, booking);
  if (reminder !== undefined && reminder > now) events.push({ type: 'reminder.due', bookingId: booking.id, dueAt: reminder });
  const items = await bookingChecklist(stores, booking, now, false);
  const timeZone = await clientTimeZone(stores, booking.id);
  for (const email of checklistEmails(items, booking.start, timeZone, now)) events.push({ type: 'checklist.due', bookingId: booking.id, dueAt: email.at });
  const following = await followingService(stores, booking.serviceId);
  if (following) {
    const invitation = followUpInvitation(following.followUp, booking.end);
    if (invitation.window.end > now) events.push({ type: 'follow_up.invited', bookingId: booking.id, dueAt: Math.max(now, invitation.at) });
  }
  return events;
}

/** The zone a client's days are counted in: theirs when they gave it, else the clinic's. */
export async function clientTimeZone(stores: Stores, bookingId: string): Promise<string> {
  return (await stores.bookings.bookingDetail(bookingId))?.timeZone ?? (await stores.clinic.schedulingRules()).timeZone;
}
