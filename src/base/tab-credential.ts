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

/** Runs `use` on this tab's sessionStorage; storage refused (a sandboxed frame, blocked site data, full) is nothing kept. */
function withStorage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(sessionStorage);
  } catch {
    return undefined;
  }
}

/** The tab's credential, if one is kept and has not expired at `now` (an expired one is removed). */
export function readTabCredential(now = Date.now()): TabCredential | undefined {
  const kept = withStorage((storage) => JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<TabCredential> | null);
  if (typeof kept?.booking === 'string' && typeof kept.credential === 'string' && typeof kept.expiresAt === 'number' && kept.expiresAt > now) {
    return { booking: kept.booking, credential: kept.credential, expiresAt: kept.expiresAt };
  }
  withStorage((storage) => storage.removeItem(KEY));
  return undefined;
}

export function keepTabCredential(credential: TabCredential): void {
  withStorage((storage) => storage.setItem(KEY, JSON.stringify(credential)));
}
