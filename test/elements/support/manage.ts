/**
 * Bookings made straight through the reference backend's API, as an earlier visit (or the
 * clinic's staff) would have made them, for `<kap-booking>` to manage or to book after.
 */
import { expect } from '@open-wc/testing';
import type { AvailabilityResponse, Booking, BookingCreatedResponse, Slot } from '../../../src/api/schemas.js';
import { MAX_AVAILABILITY_DAYS } from '../../../src/scheduling/slots.js';
import { toInstant } from '../../../src/scheduling/zones.js';
import { backendRecords, postBooking } from './harness.js';

const DAY = 86_400_000;

/** Availability in [fromMs, toMs), asked in pieces as long as the backend allows. */
export async function availability(
  api: string,
  realFetch: typeof fetch,
  query: { service: string; fromMs: number; toMs: number; after?: string },
  token?: string,
): Promise<AvailabilityResponse> {
  let answer: AvailabilityResponse | undefined;
  for (let from = query.fromMs; from < query.toMs; from += MAX_AVAILABILITY_DAYS * DAY) {
    const to = Math.min(query.toMs, from + MAX_AVAILABILITY_DAYS * DAY);
    const params = new URLSearchParams({ service: query.service, from: toInstant(from), to: toInstant(to) });
    if (query.after) params.set('after', query.after);
    const response = await realFetch(`${api}availability?${params}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    expect(response.status, `availability of ${query.service}`).to.equal(200);
    const part: AvailabilityResponse = await response.json();
    answer = answer ? { ...answer, slots: [...answer.slots, ...part.slots] } : part;
  }
  return answer!;
}

/** Free slots of `service` between `fromDays` and `toDays` days from now. */
export async function freeSlots(
  api: string,
  realFetch: typeof fetch,
  service: string,
  fromDays = 0,
  toDays = 21,
): Promise<{ slots: Slot[]; timeZone: string }> {
  const now = Date.now();
  const answer = await availability(api, realFetch, { service, fromMs: now + fromDays * DAY, toMs: now + toDays * DAY });
  return { slots: answer.slots, timeZone: answer.timeZone };
}

/** Who made the bookings made through the API: none of it may reach an event. */
export const EARLIER_CLIENT = { name: 'Robin Earlier-Visit', email: 'robin.earlier@example.org', phone: '+1 212 555 0142' };

/** Books `start` (default: the first free slot) through the API; returns the booking and its token. */
export async function bookThroughApi(api: string, realFetch: typeof fetch, service = 'consultation', start?: string): Promise<BookingCreatedResponse> {
  const chosen = start ?? (await freeSlots(api, realFetch, service)).slots[0]!.start;
  return postBooking(api, realFetch, { service, start: chosen, client: EARLIER_CLIENT });
}

/** `GET bookings/{id}` with the token, as the backend now has it. */
export async function bookingOnServer(api: string, realFetch: typeof fetch, id: string, token: string): Promise<Booking> {
  const response = await realFetch(`${api}bookings/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, 'GET booking').to.equal(200);
  return ((await response.json()) as { booking: Booking }).booking;
}

/**
 * A booking's status as the backend's records hold it: a cancelled booking's token opens nothing
 * any more (server/booking-access.ts), so this does not ask with it.
 */
export async function statusOnServer(api: string, realFetch: typeof fetch, id: string): Promise<string | undefined> {
  return (await backendRecords(api, realFetch)).bookings.find((booking) => booking.id === id)?.status;
}

/** The weekday (0 = Sunday) of `instant` on a wall clock in `timeZone`. */
export function weekdayIn(instant: string, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(Date.parse(instant));
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/** Puts `fragment` (without `#`) on the address bar, as opening a manage link would. */
export function openLink(fragment: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${fragment}`);
}

export const START_ADDRESS = `${location.pathname}${location.search}`;
