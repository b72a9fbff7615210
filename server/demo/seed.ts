/**
 * The demo journey's starting point: an `administration` booking "made by staff" for a fictional
 * client, so that a visitor of the demo page can open its checklist and book integration in its
 * window. `npm start` calls this on every start unless `KAP_DEMO_SEED=0` (set that on a real
 * deployment: it writes a booking and prints its access token).
 *
 * Timing rule: the first free administration slot starting at 10:00 or later (clinic time) on a
 * day at least three days after today (clinic time), within three weeks, whose follow-up window
 * (integration, 24–48 hours after it ends) holds at least four free slots. With the seeded hours
 * (Mon–Fri 09:00–17:00) that is a Monday to Thursday morning; a Friday's window falls on the
 * weekend and is skipped.
 *
 * On a restart the same booking is reused while it is active and its window still has a free,
 * bookable slot (its checklist state survives); otherwise a new one is made. Tokens are stored
 * hashed, so each start mints a fresh token for it (earlier links stop working) and returns it.
 * The clinic keeps the booking under a name (`DEMO_BOOKING_SETTING`); two processes seeding at
 * once race for the name, and the one that loses reuses the winner's booking.
 */
import type { Booking, Service } from '../../src/api/schemas.js';
import { followUpWindow } from '../../src/scheduling/follow-up.js';
import { addDays, dayOf, startOfDay, zoneOffsetMinutes } from '../../src/scheduling/zones.js';
import { offeredSlots } from '../booking-rules.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { checklistCopyIfValid } from '../stores/checklist-templates.js';
import { toBooking } from '../stores/records.js';
import { isRefusal } from '../stores/refusal.js';
import type { BookingRecord, Stores } from '../stores/types.js';

/** The name the clinic keeps the demo booking under. */
export const DEMO_BOOKING_SETTING = 'demo_administration_booking';
export const DEMO_SERVICE = 'administration';
export const DEMO_CLIENT = { name: 'Demo Client', email: 'demo.client@example.com', phone: '+1 555 0100' } as const;
export const DEMO_SOURCE = 'staff:demo-seed';

const DAYS_AHEAD = 3;
const SEARCH_DAYS = 21;
const EARLIEST_WALL_MINUTE = 10 * 60;
const MIN_FREE_FOLLOW_UP_SLOTS = 4;
/** Seeding again after losing a race to another process: it then finds the winner's booking. */
const ATTEMPTS = 3;
const MINUTE = 60_000;

export interface DemoBooking {
  booking: Booking;
  /** A fresh bearer token for it; only its hash is stored. */
  accessToken: string;
  /** Whether this call made the booking (false: an earlier one was reused). */
  created: boolean;
}

/**
 * Makes sure the demo administration booking exists and mints a token for it. `undefined` when the
 * clinic has no administration service, no service following it, or no suitable time.
 */
export async function ensureDemoAdministrationBooking({ stores }: { stores: Stores }, now: number): Promise<DemoBooking | undefined> {
  const service = await stores.clinic.findService(DEMO_SERVICE);
  const followUp = service && (await stores.clinic.listServices()).find((candidate) => candidate.followUp?.after === service.id);
  if (!service || !followUp) return undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const earlierId = await stores.bookings.namedBooking(DEMO_BOOKING_SETTING);
    const earlier = earlierId === undefined ? undefined : await stores.bookings.findBooking(earlierId);
    const accessToken = newAccessToken();
    if (earlier && (await reusable(stores, earlier, service, followUp, now))) {
      await stores.bookings.replaceAccessToken(earlier.id, sha256Hex(accessToken));
      return { booking: toBooking(earlier), accessToken, created: false };
    }
    const start = await chooseDemoStart(stores, service, followUp, now);
    if (start === undefined) return undefined;
    try {
      const record = await stores.bookings.createBooking({
        serviceId: service.id,
        slot: { start, end: start + service.durationMinutes * MINUTE },
        // Made by staff: confirmed, though clients only request this service.
        status: 'confirmed',
        client: { ...DEMO_CLIENT },
        consent: {},
        source: DEMO_SOURCE,
        tokenHash: sha256Hex(accessToken),
        checklist: await checklistCopyIfValid(stores.clinic, service.id),
        name: { name: DEMO_BOOKING_SETTING, replacing: earlierId },
        now,
      });
      return { booking: toBooking(record), accessToken, created: true };
    } catch (error) {
      // Another process seeded (or took the time) meanwhile: look again.
      if (!isRefusal(error, 'name_taken', 'slot_unavailable') || attempt === ATTEMPTS) throw error;
    }
  }
  return undefined;
}

async function reusable(stores: Stores, booking: BookingRecord, service: Service, followUp: Service, now: number): Promise<boolean> {
  return booking.serviceId === service.id && booking.status !== 'cancelled' && (await freeFollowUps(stores, followUp, booking.end, now)) > 0;
}

/** The start the timing rule picks (see the file comment), or `undefined`. */
export async function chooseDemoStart(stores: Stores, service: Service, followUp: Service, now: number): Promise<number | undefined> {
  const { timeZone } = await stores.clinic.schedulingRules();
  const firstDay = addDays(dayOf(new Date(now), timeZone), DAYS_AHEAD);
  const from = Date.parse(startOfDay(firstDay, timeZone));
  const to = Date.parse(startOfDay(addDays(firstDay, SEARCH_DAYS), timeZone));
  for (const slot of await offeredSlots(stores, service, { start: from, end: to }, now)) {
    if (wallMinute(slot.start, timeZone) < EARLIEST_WALL_MINUTE) continue;
    if ((await freeFollowUps(stores, followUp, slot.end, now)) >= MIN_FREE_FOLLOW_UP_SLOTS) return slot.start;
  }
  return undefined;
}

/** How many follow-up slots are free and bookable at `now` in the window after a session ending at `endMs`. */
async function freeFollowUps(stores: Stores, followUp: Service, endMs: number, now: number): Promise<number> {
  const window = followUpWindow(followUp.followUp!, endMs);
  return (await offeredSlots(stores, followUp, { start: window.start, end: window.end + 1 }, now, window)).length;
}

/** Minutes after midnight on the wall clock in `timeZone` at `ms`. */
function wallMinute(ms: number, timeZone: string): number {
  const wall = ms + zoneOffsetMinutes(new Date(ms), timeZone) * MINUTE;
  return Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE);
}
