/**
 * The store suite: free slots are what the opening hours schedule, minus every active booking and
 * every live hold of any service — however the engine computes or remembers them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { overlaps, scheduledSlots, type Interval } from '../../../src/scheduling/opening-hours.js';
import type { Stores } from '../../../server/stores/types.js';
import { at, client, MINUTE, newBooking, newHold, NOW, SLOT, TUESDAY, withStores, type OpenStores } from './fixtures.js';

const WEEK = { start: Date.parse('2026-03-02T05:00:00Z'), end: Date.parse('2026-03-09T04:00:00Z') };

async function free(stores: Stores, serviceId: string, range: Interval, now = NOW): Promise<number[]> {
  const service = (await stores.clinic.findService(serviceId))!;
  const rules = await stores.clinic.schedulingRules();
  const slots = await stores.bookings.freeSlots({ serviceId, durationMinutes: service.durationMinutes, rules, from: range.start, to: range.end, now });
  return slots.map((slot) => slot.start);
}

/** The definition: scheduled slots that overlap nothing busy. */
async function expected(stores: Stores, serviceId: string, range: Interval, busy: Interval[]): Promise<number[]> {
  const service = (await stores.clinic.findService(serviceId))!;
  const rules = await stores.clinic.schedulingRules();
  return scheduledSlots(rules, service.durationMinutes, range.start, range.end)
    .filter((slot) => !busy.some((taken) => overlaps(slot, taken)))
    .map((slot) => slot.start);
}

export function availabilitySuite(open: OpenStores): void {
  describe('free slots', () => {
    test('with nothing booked, every slot the opening hours schedule, notice and horizon left to the caller', () =>
      withStores(open, async (stores) => {
        const slots = await free(stores, 'consultation', TUESDAY, TUESDAY.start + 6 * 60 * MINUTE);
        assert.equal(slots.length, 15);
        assert.deepEqual(slots, await expected(stores, 'consultation', TUESDAY, []));
      }));

    test('a booking takes every slot it overlaps, for every service; requested ones too; cancelled ones give it back', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const administration = at('2026-03-03T19:00:00Z', 120);
        await stores.bookings.createBooking(newBooking({ serviceId: 'administration', slot: administration, status: 'requested' }));
        for (const serviceId of ['consultation', 'preparation', 'administration']) {
          assert.deepEqual(await free(stores, serviceId, TUESDAY), await expected(stores, serviceId, TUESDAY, [SLOT, administration]), serviceId);
        }
        await stores.bookings.cancelBooking({ bookingId: booking.id, now: NOW });
        assert.deepEqual(await free(stores, 'consultation', TUESDAY), await expected(stores, 'consultation', TUESDAY, [administration]));
      }));

    test('a live hold takes its time until the instant it lapses', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        assert.ok(!(await free(stores, 'consultation', TUESDAY)).includes(SLOT.start));
        assert.ok(!(await free(stores, 'preparation', TUESDAY, hold.expiresAt - 1)).includes(SLOT.start - 30 * MINUTE));
        assert.ok(!(await free(stores, 'consultation', TUESDAY, hold.expiresAt - 1)).includes(SLOT.start), 'a millisecond before');
        assert.ok((await free(stores, 'consultation', TUESDAY, hold.expiresAt)).includes(SLOT.start), 'free the moment it lapses');
      }));

    test('a released hold gives its time back', () =>
      withStores(open, async (stores) => {
        const hold = await stores.bookings.placeHold(newHold());
        await stores.bookings.releaseHold(hold.id, newHold().releaseTokenHash);
        assert.ok((await free(stores, 'consultation', TUESDAY)).includes(SLOT.start));
      }));

    test('over a sequence of holds, bookings, moves, cancels and clock steps it always equals the definition', () =>
      withStores(open, async (stores) => {
        let seed = 7;
        const random = (n: number) => {
          seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
          return seed % n;
        };
        const rules = await stores.clinic.schedulingRules();
        // From Tuesday: no session starts (and becomes unchangeable) while the clock steps.
        const candidates = scheduledSlots(rules, 45, TUESDAY.start, WEEK.end);
        const bookings: { id: string; slot: Interval }[] = [];
        const holds: { slot: Interval; expiresAt: number }[] = [];
        let now = NOW;
        for (let step = 0; step < 40; step++) {
          const slot = candidates[random(candidates.length)]!;
          const kind = random(5);
          try {
            if (kind === 0) {
              const made = await stores.bookings.createBooking(newBooking({ slot, now }));
              bookings.push({ id: made.id, slot });
            } else if (kind === 1) {
              const hold = await stores.bookings.placeHold(newHold({ slot, now, expiresAt: now + 5 * MINUTE, client: client(`c${step}`) }));
              holds.push({ slot, expiresAt: hold.expiresAt });
            } else if (kind === 2 && bookings.length) {
              const [gone] = bookings.splice(random(bookings.length), 1);
              await stores.bookings.cancelBooking({ bookingId: gone!.id, now });
            } else if (kind === 3 && bookings.length) {
              const moving = bookings[random(bookings.length)]!;
              await stores.bookings.rescheduleBooking({ bookingId: moving.id, slot, asRequest: false, now });
              moving.slot = slot;
            } else {
              now += random(4) * 2 * MINUTE;
            }
          } catch (error) {
            // Taken: nothing changed, which the comparison below checks too.
            assert.equal((error as { reason?: string }).reason, 'slot_unavailable', String(error));
          }
          const busy = [...bookings.map((booking) => booking.slot), ...holds.filter((hold) => hold.expiresAt > now).map((hold) => hold.slot)];
          for (const serviceId of ['consultation', 'administration']) {
            assert.deepEqual(await free(stores, serviceId, WEEK, now), await expected(stores, serviceId, WEEK, busy), `step ${step}, ${serviceId}`);
          }
        }
      }));
  });
}
