import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookingChangeRefusal } from '../../src/scheduling/booking-changes.js';

const START = '2026-03-03T15:00:00Z';
const at = (instant: string) => Date.parse(instant);

describe('bookingChangeRefusal', () => {
  test('a booking still to come may be changed, whether confirmed or requested', () => {
    assert.equal(bookingChangeRefusal({ status: 'confirmed', start: START }, at('2026-03-03T14:59:59Z')), undefined);
    assert.equal(bookingChangeRefusal({ status: 'requested', start: START }, at('2026-03-01T00:00:00Z')), undefined);
  });

  test('from its start on, it is the clinic’s to change', () => {
    assert.equal(bookingChangeRefusal({ status: 'confirmed', start: START }, at(START)), 'booking_started');
    assert.equal(bookingChangeRefusal({ status: 'requested', start: START }, at('2026-04-01T00:00:00Z')), 'booking_started');
  });

  test('a cancelled booking says so, before or after its time', () => {
    assert.equal(bookingChangeRefusal({ status: 'cancelled', start: START }, at('2026-03-01T00:00:00Z')), 'booking_cancelled');
    assert.equal(bookingChangeRefusal({ status: 'cancelled', start: START }, at('2026-04-01T00:00:00Z')), 'booking_cancelled');
  });
});
