/**
 * The store suite: a booking's checklist — its own copy, made once, in its language with each
 * item's translations as given, ticks that keep their first time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChecklistCopy } from '../../../server/stores/types.js';
import { at, HOUR, newBooking, NOW, refused, withStores, type OpenStores } from './fixtures.js';

const COPY: ChecklistCopy = {
  checklistId: 'prep',
  lang: 'en',
  items: [
    {
      id: 'first',
      text: 'First',
      details: 'With **details**',
      group: 'Before',
      dueOffsetMinutes: -240,
      required: true,
      translations: { es: { text: 'Primero', details: 'Con **detalles**', group: 'Antes' }, fr: { text: 'Premier' } },
    },
    { id: 'second', text: 'Second', group: 'Before', required: false },
    { id: 'third', text: 'Third', group: 'After', dueOffsetMinutes: 60, required: true },
  ],
};

export function checklistSuite(open: OpenStores): void {
  describe('checklists', () => {
    test('a booking has none until one is made; it is made once, in the copy’s order', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        assert.equal(await stores.checklists.items(booking.id), undefined);
        await stores.checklists.create(booking.id, COPY, NOW);
        assert.deepEqual(await stores.checklists.items(booking.id), COPY.items);
        await stores.checklists.create(booking.id, { checklistId: 'other', lang: 'es', items: [{ id: 'x', text: 'X', group: 'G', required: true }] }, NOW);
        assert.deepEqual(await stores.checklists.items(booking.id), COPY.items, 'the first copy stays');
        assert.equal(await stores.checklists.language(booking.id), 'en', 'and its language');
      }));

    test('an empty copy is a checklist with no items', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        await stores.checklists.create(booking.id, { checklistId: undefined, lang: 'en', items: [] }, NOW);
        assert.deepEqual(await stores.checklists.items(booking.id), []);
      }));

    test('it keeps the copy’s language and returns each item’s translations as given', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        assert.equal(await stores.checklists.language(booking.id), undefined, 'no checklist, no language');
        const spanish: ChecklistCopy = {
          checklistId: 'preparacion',
          lang: 'es',
          items: [{ id: 'ayuno', text: 'Deje de comer', group: 'Antes', required: true, translations: { en: { text: 'Stop eating', group: 'Before' } } }],
        };
        await stores.checklists.create(booking.id, spanish, NOW);
        assert.equal(await stores.checklists.language(booking.id), 'es');
        assert.deepEqual(await stores.checklists.items(booking.id), spanish.items);
        const made = await stores.bookings.createBooking(newBooking({ slot: at('2026-03-04T15:00:00Z', 45), checklist: COPY }));
        assert.equal(await stores.checklists.language(made.id), 'en', 'a copy made with its booking keeps its language too');
        assert.deepEqual(
          await stores.checklists.setDone({ bookingId: made.id, itemId: 'first', done: true, now: NOW }),
          { ...COPY.items[0], doneAt: NOW },
          'a ticked item keeps its translations',
        );
      }));

    test('ticking keeps when an item was first done; unticking forgets it', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking({ checklist: COPY }));
        const done = await stores.checklists.setDone({ bookingId: booking.id, itemId: 'second', done: true, now: NOW });
        assert.deepEqual(done, { ...COPY.items[1], doneAt: NOW });
        assert.deepEqual(await stores.checklists.setDone({ bookingId: booking.id, itemId: 'second', done: true, now: NOW + HOUR }), done);
        assert.deepEqual(await stores.checklists.setDone({ bookingId: booking.id, itemId: 'second', done: false, now: NOW + HOUR }), COPY.items[1]);
        assert.deepEqual(await stores.checklists.items(booking.id), COPY.items);
      }));

    test('an item the checklist does not have is undefined, and changes nothing', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking({ checklist: COPY }));
        assert.equal(await stores.checklists.setDone({ bookingId: booking.id, itemId: 'nope', done: true, now: NOW }), undefined);
        assert.deepEqual(await stores.checklists.items(booking.id), COPY.items);
      }));

    test('a cancelled booking’s checklist can be read but not changed', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking({ checklist: COPY }));
        await stores.checklists.setDone({ bookingId: booking.id, itemId: 'first', done: true, now: NOW });
        await stores.bookings.cancelBooking({ bookingId: booking.id, now: NOW });
        await refused(stores.checklists.setDone({ bookingId: booking.id, itemId: 'second', done: true, now: NOW }), 'booking_cancelled');
        assert.deepEqual(await stores.checklists.items(booking.id), [{ ...COPY.items[0], doneAt: NOW }, COPY.items[1], COPY.items[2]]);
      }));
  });
}
