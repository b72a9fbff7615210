/**
 * The booking an element works on and the token that opens it: from the element's properties (or
 * its attribute), else from the page's link `#booking=…&token=…` (see `fragment-token.ts`). One
 * rule for every element: the link's booking stands in for a missing id, and the link's token is
 * used only for the booking the link names (or when it names none) — a page's `booking="A"` never
 * sends the token of a link to booking B.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readBookingFragment, type BookingFragment } from './fragment-token.js';

/** A booking and the bearer token that opens it. */
export interface BookingAccess {
  bookingId: string;
  token: string;
}

/** The id and token in use, each possibly missing. Pure; exported for tests. */
export function resolveBookingLink(
  id: string | null | undefined,
  token: string | undefined,
  link: BookingFragment | undefined,
): { bookingId?: string; token?: string } {
  const bookingId = id?.trim() || link?.booking || undefined;
  const linkToken = link && (!link.booking || link.booking === bookingId) ? link.token : undefined;
  const resolved = token || linkToken || undefined;
  return { ...(bookingId ? { bookingId } : {}), ...(resolved ? { token: resolved } : {}) };
}

export interface BookingLinkOptions {
  /** The booking id the page gave (the attribute or property); blank counts as none. */
  id(): string | null | undefined;
  /** The token the page gave as a property. */
  token(): string | undefined;
  /** Whether the link counts now (e.g. only for a follow-up service); default always. */
  enabled?(): boolean;
}

/**
 * Reads the link the first time it is needed — on connecting or before an update, when the link
 * counts and the page did not give both id and token — and forgets it on leaving the page (the
 * page may carry another link on return). Add it before any Task that reads it.
 */
export class BookingLink implements ReactiveController {
  #options: BookingLinkOptions;
  #link: BookingFragment | undefined;

  constructor(host: ReactiveControllerHost, options: BookingLinkOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#readWhenNeeded();
  }

  hostUpdate(): void {
    this.#readWhenNeeded();
  }

  hostDisconnected(): void {
    this.#link = undefined;
  }

  get #enabled(): boolean {
    return this.#options.enabled?.() ?? true;
  }

  #readWhenNeeded(): void {
    if (this.#link || !this.#enabled) return;
    if (this.#options.id()?.trim() && this.#options.token()) return;
    this.#link = readBookingFragment();
  }

  get #resolved(): { bookingId?: string; token?: string } {
    return resolveBookingLink(this.#options.id(), this.#options.token(), this.#enabled ? this.#link : undefined);
  }

  /** The booking in use, with or without a token. */
  get bookingId(): string | undefined {
    return this.#resolved.bookingId;
  }

  /** The token in use, for `bookingId` only. */
  get token(): string | undefined {
    return this.#resolved.token;
  }

  /** Both, or `undefined` while either is missing. */
  get access(): BookingAccess | undefined {
    const { bookingId, token } = this.#resolved;
    return bookingId && token ? { bookingId, token } : undefined;
  }
}
