/** `WeekPaging`, `<kap-booking>`'s week controller: the weeks offered, a follow-up window's weeks, paging held while busy. */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { showDayOf } from '../../src/elements/kap-booking/controllers/manage-flow.js';
import { WeekPaging } from '../../src/elements/kap-booking/controllers/week-paging.js';
import type { OpenWindow } from '../../src/elements/kap-booking/follow-up-window.js';
import { addDays, dayOf, weekStart } from '../../src/scheduling/zones.js';

function host(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

const ZONE = 'America/Chicago';
const thisWeek = () => weekStart(dayOf(new Date(), ZONE));

describe('WeekPaging', () => {
  it('offers `weeks-ahead` weeks from this one, and pages within them', () => {
    const updating = host();
    const paging = new WeekPaging(updating, { window: () => undefined, zone: () => ZONE, weeksAhead: () => 3, busy: () => false });
    expect(paging.week).to.equal(thisWeek());
    expect([paging.atStart, paging.atEnd, paging.lastOffset]).to.deep.equal([true, false, 2]);
    paging.move(-1);
    expect(paging.offset, 'not before the first week').to.equal(0);
    paging.selectDay(addDays(thisWeek(), 2));
    paging.move(1);
    paging.move(1);
    expect(paging.week).to.equal(addDays(thisWeek(), 14));
    expect(paging.selectedDay, 'a new week starts with no day chosen').to.equal(undefined);
    expect(paging.atEnd).to.equal(true);
    paging.move(1);
    expect(paging.offset, 'not past the last week').to.equal(2);
    expect(updating.updates).to.equal(3);
  });

  it('waits while a hold is placed or a booking sent', () => {
    let busy = true;
    const paging = new WeekPaging(host(), { window: () => undefined, zone: () => ZONE, weeksAhead: () => 12, busy: () => busy });
    paging.move(1);
    expect(paging.offset).to.equal(0);
    busy = false;
    paging.move(1);
    expect(paging.offset).to.equal(1);
  });

  it('offers a follow-up window’s weeks only, from its first', () => {
    const start = new Date(Date.now() + 20 * 86_400_000);
    const window: OpenWindow = { start: start.toISOString(), end: new Date(start.getTime() + 10 * 86_400_000).toISOString() };
    const paging = new WeekPaging(host(), { window: () => window, zone: () => ZONE, weeksAhead: () => 12, busy: () => false });
    expect(paging.week).to.equal(weekStart(dayOf(start, ZONE)));
    const lastWeek = weekStart(dayOf(window.end, ZONE));
    expect(addDays(paging.week, 7 * paging.lastOffset)).to.equal(lastWeek);
  });

  it('keeps the week chosen when the zone weeks are counted in changes, as near midnight on a Sunday', () => {
    // Monday 02:00 UTC: already Monday in Madrid, still Sunday in Chicago, whose week began six days earlier.
    const realNow = Date.now;
    Date.now = () => Date.parse('2030-01-07T02:00:00Z');
    try {
      let zone = 'Europe/Madrid';
      const paging = new WeekPaging(host(), { window: () => undefined, zone: () => zone, weeksAhead: () => 12, busy: () => false });
      expect(paging.week).to.equal('2030-01-07');
      // An in-person service: a suggested time is shown in the client's zone, then its times in the clinic's.
      showDayOf(paging, '2030-01-25T20:00:00Z', zone);
      expect([paging.week, paging.offset]).to.deep.equal(['2030-01-21', 2]);
      zone = 'America/Chicago';
      expect([paging.week, paging.offset, paging.selectedDay]).to.deep.equal(['2030-01-21', 3, '2030-01-25']);
      paging.move(1);
      expect(paging.week).to.equal('2030-01-28');
      paging.show(0);
      expect(paging.week, 'the first week is this one, in the zone of the moment').to.equal('2029-12-31');
    } finally {
      Date.now = realNow;
    }
  });
});
