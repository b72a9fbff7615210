/**
 * A booking's access token reaches a page in the URL fragment (`#booking=…&token=…`), which the
 * browser never sends to a server. Once read it is taken out of the address bar, so it does not
 * linger in the history entry, a bookmark, a screenshot or a link the client copies and shares.
 */

/** What a manage link carries: the booking id and its bearer token. */
export interface BookingFragment {
  booking?: string;
  token?: string;
}

const KEYS = new Set(['booking', 'token']);

/**
 * What was read on this page. The first element to read the fragment empties it, yet a page may
 * hold several that need it (a managing `<kap-booking>`, a `<kap-prep-checklist>`, an integration
 * `<kap-booking>`), so later readers get the same values from memory. Module-private: nothing is
 * written to storage.
 */
let remembered: BookingFragment = {};

/** Forgets what was read, as a reload does (for tests: a page's module state dies with it). */
export function forgetBookingFragment(): void {
  remembered = {};
}

function decode(value: string): string {
  // URLSearchParams syntax: `+` is a space, then percent-decoding; malformed escapes stay as typed.
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * Splits a fragment (without `#`) into the booking id and token it carries and everything else,
 * kept byte for byte. Pure; exported for tests.
 */
export function splitBookingFragment(fragment: string): BookingFragment & { rest: string; found: boolean } {
  const result: BookingFragment & { rest: string; found: boolean } = { rest: '', found: false };
  const kept: string[] = [];
  for (const piece of fragment.split('&')) {
    const equals = piece.indexOf('=');
    const name = decode(equals < 0 ? piece : piece.slice(0, equals));
    if (!KEYS.has(name)) {
      kept.push(piece);
      continue;
    }
    result.found = true;
    const value = equals < 0 ? '' : decode(piece.slice(equals + 1));
    // The first occurrence wins, as with URLSearchParams.get; every occurrence is removed.
    if (value && result[name as keyof BookingFragment] === undefined) result[name as keyof BookingFragment] = value;
  }
  result.rest = kept.filter((piece) => piece !== '').join('&');
  return result;
}

/**
 * Reads `booking` and `token` from `location.hash` (`#booking=…&token=…`, URLSearchParams
 * syntax) and removes just those two from the address bar with `history.replaceState`, keeping
 * the path, the query and any other fragment content. When the fragment carries neither, returns
 * what an earlier call on this page read (or `{}`).
 */
export function readBookingFragment(): BookingFragment {
  if (typeof location === 'undefined') return {};
  const split = splitBookingFragment(location.hash.replace(/^#/, ''));
  if (!split.found) return { ...remembered };
  const read: BookingFragment = {};
  if (split.booking !== undefined) read.booking = split.booking;
  if (split.token !== undefined) read.token = split.token;
  remembered = read;
  const url = `${location.pathname}${location.search}${split.rest ? `#${split.rest}` : ''}`;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // A sandboxed frame may refuse; emptying the fragment still keeps the token off the screen.
    location.hash = split.rest;
  }
  return { ...read };
}
