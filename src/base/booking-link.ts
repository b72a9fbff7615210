/**
 * The booking an element works on and the token that opens it: from the element's properties (or
 * its attribute), else from the page's link `#booking=…&token=…` (see `fragment-token.ts`). One
 * rule for every element: the link's booking stands in for a missing id, and the link's token is
 * used only for the booking the link names (or when it names none) — a page's `booking="A"` never
 * sends the token of a link to booking B.
 *
 * A link's token is exchanged for a credential kept for the tab (tab-credential.ts: sessionStorage,
 * expiring, refreshed while the tab is used), so a reload in the same tab opens the same booking
 * while the link's token is kept nowhere but this page's memory. A page keeps one token for its
 * life (the link's, or after a reload the tab's credential, which refreshing keeps the same).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readBookingFragment, type BookingFragment } from './fragment-token.js';
import { keepTabCredential, readTabCredential, type TabCredential } from './tab-credential.js';

/** A credential with less than this left is refreshed on the host's next update (the server gives 30 minutes). */
const REFRESH_WITHIN_MS = 20 * 60_000;

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
  /**
   * `POST booking-access/exchange` (`exchangeBookingAccess`, src/api/endpoints.ts), or `undefined` while
   * there is no client: without it nothing is kept for the tab.
   */
  exchange?(bookingId: string, token: string): Promise<{ credential: string; expiresAt: string }> | undefined;
}

/**
 * Reads the link the first time it is needed — on connecting or before an update, when the link
 * counts and the page did not give both id and token — and forgets it on leaving the page (the
 * page may carry another link on return). Add it before any Task that reads it.
 */
export class BookingLink implements ReactiveController {
  #options: BookingLinkOptions;
  #link: BookingFragment | undefined;
  /** The tab's credential for the booking in use, once there is one. */
  #kept: TabCredential | undefined;
  #exchanging = false;
  /** After a failed exchange, none is tried again before this moment. */
  #retryAt = 0;

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
    this.#kept = undefined;
  }

  get #enabled(): boolean {
    return this.#options.enabled?.() ?? true;
  }

  #readWhenNeeded(): void {
    if (!this.#enabled) return;
    if (!this.#link) {
      if (this.#options.id()?.trim() && this.#options.token()) return;
      this.#link = readBookingFragment();
      if (!this.#link.token) {
        // No link on this page: a reload in a tab that had one keeps its credential.
        const kept = readTabCredential();
        if (kept && (!this.#link.booking || this.#link.booking === kept.booking)) {
          this.#link = { booking: kept.booking, token: kept.credential };
          this.#kept = kept;
        }
      }
    }
    this.#keepForTab();
  }

  /**
   * Exchanges the link's token for the tab's credential once, then refreshes the credential while
   * the host updates (the client is using it). Only for the link's token in use: a token the page
   * gave is the page's own business. Failures are left to the requests, which say what the link can do.
   */
  #keepForTab(): void {
    const { bookingId, token } = this.#resolved;
    if (this.#exchanging || Date.now() < this.#retryAt || !bookingId || !token || token !== this.#link?.token) return;
    if (this.#kept && (this.#kept.booking !== bookingId || this.#kept.expiresAt - Date.now() > REFRESH_WITHIN_MS)) return;
    const exchanging = this.#options.exchange?.(bookingId, this.#kept?.credential ?? token);
    if (!exchanging) return;
    this.#exchanging = true;
    exchanging
      .then(({ credential, expiresAt }) => {
        this.#kept = { booking: bookingId, credential, expiresAt: Date.parse(expiresAt) };
        keepTabCredential(this.#kept);
      })
      .catch(() => {
        this.#retryAt = Date.now() + 60_000;
      })
      .finally(() => {
        this.#exchanging = false;
      });
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
