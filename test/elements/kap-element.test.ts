/** What every kap element inherits from `KapElement`, `defineElement`, the events and i18n. */
import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/base/define-element.js';
import { formatUnit, pluralCategory } from '../../src/base/language.js';
import { KapBooking } from '../../src/elements/kap-booking/kap-booking.js';
import { KapBookingConfirmEvent } from '../../src/events/kap-booking-confirm.js';
import { KapErrorEvent } from '../../src/events/kap-error.js';
import { KapSlotSelectEvent } from '../../src/events/kap-slot-select.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/es.js';
import { esEmailLinks } from '../../src/i18n/es-email-links.js';
import { registeredStrings } from '../../src/i18n/registry.js';
import { interpolate } from '../../src/i18n/strings.js';
import '../../src/kap-booking.js';
import { $, freshApi, mountBooking, unmountAll, until } from './support/booking.js';

afterEach(unmountAll);

describe('defineElement', () => {
  it('does nothing when the tag is already defined, so loading the script twice is harmless', () => {
    const first = customElements.get('kap-booking');
    expect(first).to.equal(KapBooking);
    class Another extends KapBooking {}
    expect(() => defineElement('kap-booking', Another)).not.to.throw();
    expect(customElements.get('kap-booking')).to.equal(first);
  });
});

describe('kap events', () => {
  it('bubble out of shadow roots and carry frozen, ids-only details', () => {
    const events = [
      new KapSlotSelectEvent({ service: 's', start: 'a', end: 'b', ...({ name: 'x' } as object) } as never),
      new KapBookingConfirmEvent({ bookingId: 'b1', service: 's', start: 'a', end: 'b', status: 'confirmed', email: 'e' } as never),
      new KapErrorEvent({ kind: 'network', message: 'Ada typed this' } as never),
    ];
    expect(events.map((e) => e.type)).to.deep.equal(['kap-slot-select', 'kap-booking-confirm', 'kap-error']);
    for (const event of events) {
      expect(event.bubbles && event.composed, event.type).to.equal(true);
      expect(Object.isFrozen(event.detail)).to.equal(true);
    }
    // Extra keys handed to the constructors never reach listeners.
    expect(Object.keys(events[0]!.detail)).to.deep.equal(['service', 'start', 'end']);
    expect(Object.keys(events[1]!.detail)).to.deep.equal(['bookingId', 'service', 'start', 'end', 'status']);
    expect(events[2]!.detail).to.deep.equal({ kind: 'network' });
  });
});

describe('i18n', () => {
  it('spells units and picks plural forms per locale and unit (each Intl object made once, then reused)', () => {
    expect([formatUnit(2, 'minute', 'en'), formatUnit(2, 'second', 'en'), formatUnit(2, 'minute', 'es'), formatUnit(1, 'minute', 'en')]).to.deep.equal([
      '2 minutes',
      '2 seconds',
      '2 minutos',
      '1 minute',
    ]);
    expect([pluralCategory(1, 'en'), pluralCategory(2, 'en'), pluralCategory(0, 'fr'), pluralCategory(0, 'en')]).to.deep.equal([
      'one',
      'other',
      'one',
      'other',
    ]);
  });

  it('fills {placeholders} and leaves unknown ones alone', () => {
    expect(interpolate('Until {time}, {who}', { time: '2:35 PM' })).to.equal('Until 2:35 PM, {who}');
  });

  it('Spanish translates every English string and registers itself on the shared registry', () => {
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(es[key]), key).to.deep.equal(placeholders(en[key]));
    }
    const shared = (globalThis as Record<symbol, { locales: Map<string, unknown> }>)[Symbol.for('kap-elements.locales')]!;
    // With the words that ship with the lazily loaded "Email me my links" form (src/i18n/strings.ts).
    expect(shared.locales.get('es')).to.deep.equal({ ...es, ...esEmailLinks });
    expect(registeredStrings('es-MX').chooseTimeHeading).to.equal('Elija una hora');
  });

  it('an element picks up a locale registered later, even by another bundle', async () => {
    const el = await mountBooking({ api: freshApi(), lang: 'fr' });
    await until(() => $(el, 'h2'), 'the heading');
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Choose a time');
    // Another bundle has its own copy of the registry module, but the same global registry.
    const registry = (globalThis as Record<symbol, { locales: Map<string, object>; listeners: Set<() => void> }>)[Symbol.for('kap-elements.locales')]!;
    registry.locales.set('fr', { chooseTimeHeading: 'Choisissez un horaire' });
    for (const listener of registry.listeners) listener();
    await el.updateComplete;
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Choisissez un horaire');
    registry.locales.delete('fr');
  });

  it('follows a change of the document language', async () => {
    const el = await mountBooking({ api: freshApi() });
    await until(() => $(el, 'h2'), 'the heading');
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'es';
      await until(() => el.language === 'es', 'the new language');
      expect(el.language).to.equal('es');
    } finally {
      document.documentElement.lang = before;
    }
  });
});
