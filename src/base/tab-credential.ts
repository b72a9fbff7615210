/**
 * The credential a tab keeps for the booking its link opened (`POST booking-access/exchange`): in
 * `sessionStorage`, which belongs to this tab alone and is cleared when it closes, so a reload in
 * the same tab keeps working while the link's token itself is stored nowhere. It expires (the
 * server says when) and is refreshed while the tab is used (booking-link.ts). Only the booking id,
 * the credential and its expiry are kept: nothing the client typed.
 */

/** A booking and the credential that opens it until `expiresAt` (epoch ms). */
export interface TabCredential {
  booking: string;
  credential: string;
  expiresAt: number;
}

const KEY = 'kap-booking-access';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage refused (a sandboxed frame, blocked site data): links work for this page only
  }
}

/** The tab's credential, if one is kept and has not expired at `now` (an expired one is removed). */
export function readTabCredential(now = Date.now()): TabCredential | undefined {
  const store = storage();
  let kept: Partial<TabCredential> | undefined;
  try {
    kept = JSON.parse(store?.getItem(KEY) ?? 'null') ?? undefined;
  } catch {
    kept = undefined;
  }
  if (kept && typeof kept.booking === 'string' && typeof kept.credential === 'string' && typeof kept.expiresAt === 'number' && kept.expiresAt > now) {
    return { booking: kept.booking, credential: kept.credential, expiresAt: kept.expiresAt };
  }
  forgetTabCredential();
  return undefined;
}

export function keepTabCredential(credential: TabCredential): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(credential));
  } catch {
    // Storage full or refused: the page goes on with what it holds in memory.
  }
}

export function forgetTabCredential(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
