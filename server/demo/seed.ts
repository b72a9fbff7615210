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
 */
import type { Booking, Service } from '../../src/api/schemas.js';
import { followUpWindow } from '../../src/scheduling/follow-up.js';
import type { Interval } from '../../src/scheduling/opening-hours.js';
import { addDays, dayOf, startOfDay, zoneOffsetMinutes } from '../../src/scheduling/zones.js';
import type { ChecklistStore } from '../stores/sqlite/checklists.js';
import { toBooking, toInstant, type BookingRow, type ClinicStore } from '../stores/sqlite/bookings.js';
import type { Db } from '../stores/sqlite/database.js';
import { newAccessToken, sha256Hex } from '../secrets.js';

/** The `settings` row naming the demo booking. */
export const DEMO_BOOKING_SETTING = 'demo_administration_booking';
export const DEMO_SERVICE = 'administration';
export const DEMO_CLIENT = { name: 'Demo Client', email: 'demo.client@example.com', phone: '+1 555 0100' } as const;
export const DEMO_SOURCE = 'staff:demo-seed';

const DAYS_AHEAD = 3;
const SEARCH_DAYS = 21;
const EARLIEST_WALL_MINUTE = 10 * 60;
const MIN_FREE_FOLLOW_UP_SLOTS = 4;

export interface DemoBooking {
  booking: Booking;
  /** A fresh bearer token for it; only its hash is stored. */
  accessToken: string;
  /** Whether this call made the booking (false: an earlier one was reused). */
  created: boolean;
}

export interface DemoSeedTarget {
  db: Db;
  store: ClinicStore;
  checklists: ChecklistStore;
}

/**
 * Makes sure the demo administration booking exists and mints a token for it. `undefined` when the
 * clinic has no administration service, no service following it, or no suitable time.
 */
export function ensureDemoAdministrationBooking({ db, store, checklists }: DemoSeedTarget, now: number): DemoBooking | undefined {
  const readSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const confirm = db.prepare("UPDATE bookings SET status = 'confirmed' WHERE id = ?");
  const setToken = db.prepare('UPDATE bookings SET token_sha256 = ? WHERE id = ?');

  return db
    .transaction((): DemoBooking | undefined => {
      const service = store.findService(DEMO_SERVICE);
      const followUp = service && store.listServices().find((candidate) => candidate.followUp?.after === service.id);
      if (!service || !followUp) return undefined;

      const earlierId = readSetting.get(DEMO_BOOKING_SETTING)?.value;
      const earlier = earlierId === undefined ? undefined : store.findBooking(earlierId);
      let row: BookingRow | undefined;
      let created = false;
      if (earlier && earlier.service_id === service.id && earlier.status !== 'cancelled' && freeFollowUps(store, followUp, earlier.end_ms, now) > 0) {
        row = earlier;
      } else {
        const start = chooseDemoStart(store, service, followUp, now);
        if (start === undefined) return undefined;
        const booking = store.createBooking({
          service,
          request: {
            service: service.id,
            start: toInstant(start),
            client: { ...DEMO_CLIENT },
            consent: { privacy: true },
            source: DEMO_SOURCE,
          },
          accessToken: newAccessToken(), // replaced below
          now,
          withinTransaction(made) {
            confirm.run(made.id);
            checklists.createFor(made, now);
          },
        });
        writeSetting.run(DEMO_BOOKING_SETTING, booking.id);
        row = store.findBooking(booking.id)!;
        created = true;
      }
      const accessToken = newAccessToken();
      setToken.run(sha256Hex(accessToken), row.id);
      return { booking: toBooking(row), accessToken, created };
    })
    .immediate();
}

/** The start the timing rule picks (see the file comment), or `undefined`. */
export function chooseDemoStart(store: ClinicStore, service: Service, followUp: Service, now: number): number | undefined {
  const zone = store.timeZone;
  const firstDay = addDays(dayOf(new Date(now), zone), DAYS_AHEAD);
  const from = Date.parse(startOfDay(firstDay, zone));
  const to = Date.parse(startOfDay(addDays(firstDay, SEARCH_DAYS), zone));
  for (const slot of store.availability(service, from, to, now)) {
    if (wallMinute(slot.start, zone) < EARLIEST_WALL_MINUTE) continue;
    if (freeFollowUps(store, followUp, slot.end, now) >= MIN_FREE_FOLLOW_UP_SLOTS) return slot.start;
  }
  return undefined;
}

/** How many follow-up slots are free and bookable at `now` in the window after a session ending at `endMs`. */
function freeFollowUps(store: ClinicStore, followUp: Service, endMs: number, now: number): number {
  const window: Interval = followUpWindow(followUp.followUp!, endMs);
  return store.availability(followUp, window.start, window.end + 1, now, window).length;
}

/** Minutes after midnight on the wall clock in `timeZone` at `ms`. */
function wallMinute(ms: number, timeZone: string): number {
  const wall = ms + zoneOffsetMinutes(new Date(ms), timeZone) * 60_000;
  return Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}
