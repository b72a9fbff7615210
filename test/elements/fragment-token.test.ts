/** `readBookingFragment`: the manage link's booking id and token, read once and taken off the address bar. */
import { expect } from '@open-wc/testing';
import { readBookingFragment, splitBookingFragment } from '../../src/base/fragment-token.js';

const start = `${location.pathname}${location.search}`;
const path = location.pathname;
const historyLength = () => history.length;

function setAddress(suffix: string): void {
  history.replaceState(null, '', suffix);
}

afterEach(() => setAddress(start));

describe('splitBookingFragment', () => {
  it('takes the booking id and token out and keeps every other piece byte for byte', () => {
    expect(splitBookingFragment('booking=b-1&token=abc_DEF-123')).to.deep.equal({
      booking: 'b-1',
      token: 'abc_DEF-123',
      rest: '',
      found: true,
    });
    expect(splitBookingFragment('section-2&booking=b%2F1&x=a%20b+c&token=t+k')).to.deep.equal({
      booking: 'b/1',
      token: 't k',
      rest: 'section-2&x=a%20b+c',
      found: true,
    });
  });

  it('ignores fragments without them, keeps the first of repeated keys, and drops empty values', () => {
    expect(splitBookingFragment('top')).to.deep.equal({ rest: 'top', found: false });
    expect(splitBookingFragment('')).to.deep.equal({ rest: '', found: false });
    expect(splitBookingFragment('token=first&token=second&booking=')).to.deep.equal({
      token: 'first',
      rest: '',
      found: true,
    });
    // A malformed escape is kept as written rather than throwing.
    expect(splitBookingFragment('token=%E0%A4%A')).to.deep.equal({ token: '%E0%A4%A', rest: '', found: true });
    // Only exact names count: `bookings` and `access_token` are someone else's.
    expect(splitBookingFragment('bookings=1&access_token=2')).to.deep.equal({
      rest: 'bookings=1&access_token=2',
      found: false,
    });
  });
});

describe('readBookingFragment', () => {
  // Runs first in this page: nothing has been read yet.
  it('returns nothing and leaves the address alone when the fragment carries neither', () => {
    setAddress(`${path}?page=2#intro`);
    expect(readBookingFragment()).to.deep.equal({});
    expect(location.hash).to.equal('#intro');
    expect(location.search).to.equal('?page=2');
  });

  it('reads both and removes just those two, keeping path, query and the rest of the fragment', () => {
    setAddress(`${path}?utm_campaign=spring#faq&booking=bk_42&token=tok_secret_value_123&tab=2`);
    const before = historyLength();
    expect(readBookingFragment()).to.deep.equal({ booking: 'bk_42', token: 'tok_secret_value_123' });
    expect(location.pathname).to.equal(path);
    expect(location.search).to.equal('?utm_campaign=spring');
    expect(location.hash).to.equal('#faq&tab=2');
    expect(location.href).not.to.include('tok_secret_value_123');
    // Replaced, not pushed: Back does not bring the token back.
    expect(historyLength()).to.equal(before);
  });

  it('leaves no bare "#" when the fragment held only the booking and token', () => {
    setAddress(`${start}#booking=b1&token=t1`);
    expect(readBookingFragment()).to.deep.equal({ booking: 'b1', token: 't1' });
    expect(location.hash).to.equal('');
    expect(location.href.endsWith('#')).to.equal(false);
  });

  it('keeps history.state so a router on the page is not disturbed', () => {
    history.replaceState({ route: 'manage' }, '', `${start}#token=t2&booking=b2`);
    readBookingFragment();
    expect(history.state).to.deep.equal({ route: 'manage' });
  });

  it('gives later readers on the same page what the first one took out of the address bar', () => {
    setAddress(`${start}#booking=b3&token=t3`);
    expect(readBookingFragment()).to.deep.equal({ booking: 'b3', token: 't3' });
    expect(location.hash).to.equal('');
    expect(readBookingFragment()).to.deep.equal({ booking: 'b3', token: 't3' });
    // A new link opened later on the page replaces what was remembered.
    setAddress(`${start}#token=t4`);
    expect(readBookingFragment()).to.deep.equal({ token: 't4' });
    expect(readBookingFragment()).to.deep.equal({ token: 't4' });
  });

  it('hands out copies, so a caller cannot change what the next one reads', () => {
    setAddress(`${start}#booking=b5&token=t5`);
    const first = readBookingFragment();
    first.token = 'changed';
    expect(readBookingFragment()).to.deep.equal({ booking: 'b5', token: 't5' });
  });
});
