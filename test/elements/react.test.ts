/**
 * The elements in React, rendered by react-dom in real Chromium against the reference backend:
 * the `kap-elements/react` components (@lit/react, for React 18) and the tags as React 19 renders
 * them, as `kap-elements/react-jsx` types them (objects as properties, `onkap-…` listeners).
 */
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { KapBooking } from '../../src/react/index.js';
import type { KapBooking as KapBookingElement } from '../../src/kap-booking.js';
import { KapBookingConfirmEvent, KapSlotSelectEvent } from '../../src/events/index.js';
import { $, CLIENT, chooseFirstTime, confirmButton, confirmed, fillDetails, freshApi, until } from './support/booking.js';

let root: Root | undefined;
let host: HTMLElement | undefined;

function render(element: ReturnType<typeof createElement>): KapBookingElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(element));
  return host.querySelector('kap-booking')!;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = host = undefined;
});

describe('kap-elements/react (@lit/react)', () => {
  it('books through <KapBooking>: prefill reaches the element as a property and onBookingConfirm gets the typed event', async () => {
    const confirmations: KapBookingConfirmEvent[] = [];
    const el = render(
      createElement(KapBooking, {
        api: freshApi(),
        timeZone: 'America/New_York',
        prefill: { name: CLIENT.name },
        onBookingConfirm: (event) => confirmations.push(event),
      }),
    );
    expect(el.prefill).to.deep.equal({ name: CLIENT.name });
    expect(el.timeZone).to.equal('America/New_York');
    await chooseFirstTime(el);
    expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal(CLIENT.name);
    await fillDetails(el, { email: CLIENT.email, phone: CLIENT.phone, privacy: true });
    confirmButton(el).click();
    await confirmed(el);
    await until(() => confirmations.length > 0, 'onBookingConfirm');
    expect(confirmations).to.have.length(1);
    expect(confirmations[0]).to.be.instanceOf(KapBookingConfirmEvent);
    expect(confirmations[0]!.detail.status).to.equal('confirmed');
    expect(confirmations[0]!.detail.bookingId).to.be.a('string');
  });
});

describe('React 19 rendering the tag itself', () => {
  it('sets objects as properties, attributes by their names, and listens with onkap-…', async () => {
    const selections: Event[] = [];
    const el = render(
      createElement('kap-booking', {
        api: freshApi(),
        'time-zone': 'America/Chicago',
        prefill: { name: CLIENT.name },
        'onkap-slot-select': (event: Event) => selections.push(event),
      }),
    );
    expect(el.getAttribute('time-zone')).to.equal('America/Chicago');
    expect(el.prefill).to.deep.equal({ name: CLIENT.name });
    await chooseFirstTime(el);
    expect(el.timeZone).to.equal('America/Chicago');
    expect($<HTMLInputElement>(el, '#kap-name')!.value).to.equal(CLIENT.name);
    await until(() => selections.length > 0, 'onkap-slot-select');
    expect(selections[0]).to.be.instanceOf(KapSlotSelectEvent);
  });
});
