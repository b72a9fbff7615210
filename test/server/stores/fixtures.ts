/** What the store suite's tests share: opening an engine, the demo clinic's times, new records. */
import assert from 'node:assert/strict';
import { isRefusal, type RefusalReason } from '../../../server/stores/refusal.js';
import type { BookingRecord, HoldClient, NewBooking, NewHold, Stores } from '../../../server/stores/types.js';
import { sha256Hex } from '../../../server/secrets.js';

export interface StoreHarness {
  stores: Stores;
  /** Another connection to the same database, where the engine has such a thing. */
  connect?(): Promise<Stores>;
  /** Closes what `open` and `connect` opened and removes what they made. */
  dispose(): Promise<void>;
}

/** A fresh database seeded with the demo clinic. */
export type OpenStores = () => Promise<StoreHarness>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 2 March 2026, 07:00 in New York (the demo clinic's zone). */
export const NOW = Date.parse('2026-03-02T12:00:00Z');
/** Tuesday 3 March 2026 10:00 New York: a consultation slot (45 minutes). */
export const SLOT = at('2026-03-03T15:00:00Z', 45);
/** Tuesday 3 March 2026 09:00–17:00 New York. */
export const TUESDAY = { start: Date.parse('2026-03-03T14:00:00Z'), end: Date.parse('2026-03-03T22:00:00Z') };

export function at(start: string, minutes: number): { start: number; end: number } {
  const ms = Date.parse(start);
  return { start: ms, end: ms + minutes * MINUTE };
}

/** Runs `use` on a fresh database, disposing of it however `use` ends. */
export async function withStores<T>(open: OpenStores, use: (stores: Stores, harness: StoreHarness) => Promise<T>): Promise<T> {
  const harness = await open();
  try {
    return await use(harness.stores, harness);
  } finally {
    await harness.dispose();
  }
}

let tokens = 0;

/** A consultation booking at `SLOT` as a client makes it; override what the test is about. */
export function newBooking(overrides: Partial<NewBooking> = {}): NewBooking {
  return {
    serviceId: 'consultation',
    slot: SLOT,
    status: 'confirmed',
    client: { name: 'Rosalind Vance', email: 'rosalind.vance@example.com', phone: '+1 212 555 0147' },
    consent: { contact: false },
    tokenHash: sha256Hex(`token ${++tokens}`),
    now: NOW,
    ...overrides,
  };
}

export function client(name = 'a', overrides: Partial<HoldClient> = {}): HoldClient {
  return {
    hash: sha256Hex(`client ${name}`),
    perClient: 4,
    perClientPerDay: 2,
    day: { start: Date.parse('2026-03-03T05:00:00Z'), end: Date.parse('2026-03-04T05:00:00Z') },
    ...overrides,
  };
}

/** A five-minute hold on a consultation at `SLOT`; override what the test is about. */
export function newHold(overrides: Partial<NewHold> = {}): NewHold {
  return {
    serviceId: 'consultation',
    slot: SLOT,
    now: NOW,
    expiresAt: NOW + 5 * MINUTE,
    releaseTokenHash: sha256Hex('release'),
    client: client(),
    ...overrides,
  };
}

/** Asserts that `work` is refused for `reason`. */
export async function refused(work: Promise<unknown>, reason: RefusalReason): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(isRefusal(error), `expected a StoreRefusal (${reason}), got ${String(error)}`);
    assert.equal(error.reason, reason);
    return true;
  });
}

/** The booking as the store has it now. */
export async function reread(stores: Stores, booking: BookingRecord): Promise<BookingRecord> {
  const found = await stores.bookings.findBooking(booking.id);
  assert.ok(found, `booking ${booking.id} is stored`);
  return found;
}
