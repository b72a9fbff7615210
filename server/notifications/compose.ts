/**
 * What one delivery sends: the facts gathered from the stores at the moment of sending (the
 * booking as it is now, the clinic's profile, fresh link tokens), made into an email by
 * messages.ts — or `skip` when there is nothing to send any more (an escalation already
 * acknowledged; a reminder, checklist email or follow-up invitation for a session that moved or
 * was cancelled since — schedule.ts; checklist items all done; staff no longer active).
 */
import { translatedField } from '../../src/i18n/local-text.js';
import { accessEndsAt } from '../booking-access.js';
import { bookingChecklist } from '../stores/checklist-templates.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import type { BookingDetailRecord, ClaimedDelivery, Stores } from '../stores/types.js';
import { clientMessage, staffMessage, type ClientMessageFacts, type ClientMessageKind, type ComposedEmail } from './messages.js';
import { CLIENT, parseStaffDestination, type RoutingSettings } from './routing.js';
import { checklistEmails, followingService, followUpInvitation, reminderAt } from './schedule.js';

export interface ComposeContext extends RoutingSettings {
  stores: Stores;
  now: () => number;
  /** The clinic's site: the pages `manage.html`, `checklist.html`, `intake.html` (Spanish under `es/`) and the booking page `index.html`. */
  siteUrl: string;
  /** The console, for staff messages. */
  consoleUrl: string;
}

export type Composed = { to: string; email: ComposedEmail } | 'skip';

export async function composeDelivery(delivery: ClaimedDelivery, context: ComposeContext): Promise<Composed> {
  if (delivery.destination === CLIENT) return composeForClient(delivery, context);
  const staff = parseStaffDestination(delivery.destination);
  if (staff) return composeForStaff(delivery, staff, context);
  return 'skip';
}

async function composeForClient(delivery: ClaimedDelivery, context: ComposeContext): Promise<Composed> {
  const { stores } = context;
  const event = delivery.event;
  const booking = event.bookingId === undefined ? undefined : await stores.bookings.bookingDetail(event.bookingId);
  if (!booking) return 'skip';
  const kind = await clientKind(delivery, booking, context);
  if (kind === 'skip') return 'skip';
  const [profile, service] = await Promise.all([stores.clinic.profile(), stores.clinic.findService(booking.serviceId)]);
  const lang = booking.lang ?? profile.language;
  const now = context.now();
  let extra: Pick<ClientMessageFacts, 'checklistItems' | 'followUp' | 'links'> = {};
  if (kind === 'checklist-due') {
    const items = await comingDue(stores, booking, event, profile.timeZone, lang, now);
    if (items.length === 0) return 'skip';
    const { checklist } = await freshLinks(stores, booking.id, lang, context.siteUrl, now);
    extra = { checklistItems: items, links: { checklist } };
  }
  if (kind === 'follow-up') {
    const invitation = await followUpOf(stores, booking, event, now);
    if (!invitation) return 'skip';
    const page = await linkedPage(stores, booking.id, lang, context.siteUrl, `${encodeURIComponent(invitation.serviceId)}.html`, now);
    extra = { followUp: { ...invitation.window, page } };
  }
  const withLinks = kind !== 'cancelled' && kind !== 'declined' && kind !== 'checklist-due' && kind !== 'follow-up';
  const withCalendar = kind === 'confirmed' || kind === 'request-confirmed' || kind === 'rescheduled' || kind === 'cancelled';
  const email = clientMessage({
    kind,
    lang,
    clinic: { name: profile.name, timeZone: profile.timeZone, address: profile.address?.lines },
    clientTimeZone: booking.timeZone,
    location: service?.location ?? 'in_person',
    start: booking.start,
    end: booking.end,
    bookingId: booking.id,
    ...(withLinks ? { links: await freshLinks(stores, booking.id, lang, context.siteUrl, now) } : {}),
    ...(kind === 'declined' ? { bookingPage: sitePage(context.siteUrl, lang, 'index.html') } : {}),
    ...(withCalendar ? { calendar: { sequence: Math.floor(event.occurredAt / 1000), now } } : {}),
    ...extra,
  });
  return { to: booking.client.email, email };
}

async function clientKind(delivery: ClaimedDelivery, booking: BookingDetailRecord, context: ComposeContext): Promise<ClientMessageKind | 'skip'> {
  const event = delivery.event;
  const status = booking.status;
  switch (event.type) {
    case 'booking.requested':
      return 'request-received';
    case 'booking.confirmed':
      return (await context.stores.console.decisionOf(event.bookingId!)) ? 'request-confirmed' : 'confirmed';
    case 'booking.declined':
      return 'declined';
    case 'booking.cancelled':
      return 'cancelled';
    case 'booking.rescheduled':
      return status === 'requested' ? 'rescheduled-request' : 'rescheduled';
    case 'links.requested':
      // Only a booking whose links still open it (server/booking-access.ts) gets fresh ones.
      return (await openUntil(context.stores, event.bookingId!)) > context.now() ? 'links' : 'skip';
    case 'reminder.due':
      // A reminder for a time the session no longer has, or a session no longer confirmed, is stale.
      return status === 'confirmed' && (await reminderAt(context.stores, booking)) === event.dueAt ? 'reminder' : 'skip';
    // These two are checked further when written (comingDue, followUpOf).
    case 'checklist.due':
      return status === 'confirmed' ? 'checklist-due' : 'skip';
    case 'follow_up.invited':
      return status === 'confirmed' ? 'follow-up' : 'skip';
    default:
      return 'skip';
  }
}

async function composeForStaff(delivery: ClaimedDelivery, target: { staffId: string; escalation: boolean }, context: ComposeContext): Promise<Composed> {
  const { stores } = context;
  const staff = await stores.staff.find(target.staffId);
  if (!staff || staff.state !== 'active') return 'skip';
  const event = delivery.event;
  const kind = event.type === 'booking.requested' ? 'request' : event.type === 'safety.flagged' ? (target.escalation ? 'escalation' : 'safety') : undefined;
  if (!kind) return 'skip';
  if (kind === 'escalation' && (await acknowledged(stores, event.bookingId, event.subjectId))) return 'skip';
  const profile = await stores.clinic.profile();
  const email = staffMessage({
    kind,
    lang: profile.language,
    clinicName: profile.name,
    consoleUrl: context.consoleUrl,
    waitedMs: context.now() - event.occurredAt,
  });
  return { to: staff.email, email };
}

/** Whether the safety entry is acknowledged: the signal's own, or the intake response it was linked to since. */
async function acknowledged(stores: Stores, bookingId: string | undefined, itemId: string | undefined): Promise<boolean> {
  if (itemId === undefined) return false;
  if ((await stores.console.safetyItem(itemId))?.acknowledgement) return true;
  const signal = bookingId === undefined ? undefined : (await stores.intake.safetySignals(bookingId)).find((candidate) => candidate.id === itemId);
  return signal?.responseId !== undefined && (await stores.console.safetyItem(signal.responseId))?.acknowledgement !== undefined;
}

/**
 * The titles of the items a `checklist.due` event is about that are not done yet, in the client's
 * language when the checklist has it; none when the event is stale (the session moved since).
 */
async function comingDue(
  stores: Stores,
  booking: BookingDetailRecord,
  event: ClaimedDelivery['event'],
  clinicZone: string,
  lang: string,
  now: number,
): Promise<{ text: string; lang: string }[]> {
  const items = await bookingChecklist(stores, booking, now, false);
  const email = checklistEmails(items, booking.start, booking.timeZone ?? clinicZone, event.occurredAt).find((candidate) => candidate.at === event.dueAt);
  if (!email) return [];
  const checklistLang = (await stores.checklists.language(booking.id)) ?? 'en';
  return items.filter((item) => email.itemIds.includes(item.id) && item.doneAt === undefined).map((item) => translatedField(item, 'text', lang, checklistLang));
}

/** The window a `follow_up.invited` event invites to, with its service; `undefined` when stale or closed. */
async function followUpOf(
  stores: Stores,
  booking: BookingDetailRecord,
  event: ClaimedDelivery['event'],
  now: number,
): Promise<{ serviceId: string; window: { start: number; end: number } } | undefined> {
  const following = await followingService(stores, booking.serviceId);
  if (!following) return undefined;
  const invitation = followUpInvitation(following.followUp, booking.end);
  if (Math.max(event.occurredAt, invitation.at) !== event.dueAt || invitation.window.end < now) return undefined;
  return { serviceId: following.id, window: invitation.window };
}

/** When the booking's tokens stop opening it. */
async function openUntil(stores: Stores, bookingId: string): Promise<number> {
  const booking = await stores.bookings.findBooking(bookingId);
  if (!booking) return -Infinity;
  const decision = booking.status === 'cancelled' ? await stores.console.decisionOf(booking.id) : undefined;
  return accessEndsAt(booking, await stores.clinic.listServices(), decision);
}

/** Links to the booking's pages, each with a token minted for this message (the fragment never reaches a server). */
async function freshLinks(
  stores: Stores,
  bookingId: string,
  lang: string,
  siteUrl: string,
  now: number,
): Promise<{ manage: string; checklist: string; intake: string }> {
  const fragment = await linkFragment(stores, bookingId, now);
  return {
    manage: sitePage(siteUrl, lang, 'manage.html') + fragment,
    checklist: sitePage(siteUrl, lang, 'checklist.html') + fragment,
    intake: sitePage(siteUrl, lang, 'intake.html') + fragment,
  };
}

/** One page of the site with a token minted for this message: the follow-up booking page opens the window of `bookingId`. */
async function linkedPage(stores: Stores, bookingId: string, lang: string, siteUrl: string, page: string, now: number): Promise<string> {
  return sitePage(siteUrl, lang, page) + (await linkFragment(stores, bookingId, now));
}

async function linkFragment(stores: Stores, bookingId: string, now: number): Promise<string> {
  const token = newAccessToken();
  await stores.bookings.addLinkToken({ bookingId, tokenHash: sha256Hex(token), now });
  return `#booking=${encodeURIComponent(bookingId)}&token=${encodeURIComponent(token)}`;
}

function sitePage(siteUrl: string, lang: string, page: string): string {
  return new URL(`${lang.toLowerCase().startsWith('es') ? 'es/' : ''}${page}`, siteUrl).href;
}
