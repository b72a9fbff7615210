/**
 * Who an event goes to (its deliveries) and what it brings after it (a confirmation's reminder).
 * Destinations are names, resolved to addresses only when sent: `email:client` — the booking's
 * client; `email:staff:<id>` — one member of staff; `email:staff:<id>:escalation` — an owner, later,
 * if nobody has acknowledged a safety flag by then; `webhook:<id>` — a webhook endpoint that wants
 * the event's type (webhooks.ts).
 */
import type { NewDelivery, NewNotificationEvent, NotificationEventRecord, Stores } from '../stores/types.js';
import { webhookDestination } from './webhooks.js';

export interface RoutingSettings {
  /** How long a safety flag may wait unacknowledged before the owner is told (`KAP_SAFETY_ESCALATION`). */
  escalationMs: number;
  /** How long before a session its reminder goes out. */
  reminderLeadMs: number;
}

export const DEFAULT_ESCALATION_MS = 2 * 60 * 60_000;
export const DEFAULT_REMINDER_LEAD_MS = 24 * 60 * 60_000;

const CLIENT_EVENTS = new Set([
  'booking.requested',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.rescheduled',
  'reminder.due',
  'links.requested',
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
    const dueAt = booking.start - settings.reminderLeadMs;
    if (dueAt > now) followUps.push({ type: 'reminder.due', bookingId: booking.id, dueAt });
  }
  return { deliveries, followUps };
}
