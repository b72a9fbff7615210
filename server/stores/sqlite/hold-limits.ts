/**
 * How many slots one client may keep held at once: a hold blocks a slot for everyone else, so
 * without a cap one address could hold a large part of the calendar (the audit kept about 150 of
 * 336 slots). A client (`c.var.client`: its address through trusted proxies, an IPv6 /64) may keep
 * `perClient` live holds in all and `perClientPerDay` starting on any one clinic day. A person
 * booking holds one slot at a time and gives it back when choosing another, so neither cap is
 * near what they need. The count runs inside the hold's own IMMEDIATE transaction, so parallel
 * requests (or processes) cannot overshoot it.
 */
import { clinicDay } from '../../../src/scheduling/opening-hours.js';
import { ApiError } from '../../api-error.js';
import type { Db } from './database.js';
import { sha256Hex } from '../../secrets.js';

export interface HoldLimits {
  /** Live holds one client may keep. */
  perClient: number;
  /** Live holds one client may keep on slots starting on the same clinic day. */
  perClientPerDay: number;
}

export const DEFAULT_HOLD_LIMITS: HoldLimits = { perClient: 4, perClientPerDay: 2 };

interface LiveCount {
  held: number;
  /** When the first of them expires, freeing room. */
  soonest: number | null;
}

export class HoldLimiter {
  readonly #timeZone: string;
  readonly #statements;

  constructor(db: Db, timeZone: string) {
    this.#timeZone = timeZone;
    this.#statements = {
      all: db.prepare<[string, number], LiveCount>(
        'SELECT count(*) AS held, min(expires_at_ms) AS soonest FROM holds WHERE client_sha256 = ? AND expires_at_ms > ?',
      ),
      day: db.prepare<[string, number, number, number], LiveCount>(
        `SELECT count(*) AS held, min(expires_at_ms) AS soonest FROM holds
         WHERE client_sha256 = ? AND expires_at_ms > ? AND start_ms >= ? AND start_ms < ?`,
      ),
    };
  }

  /** What is stored for `clientKey`: never the address itself. */
  clientHash(clientKey: string): string {
    return sha256Hex(`hold client ${clientKey}`);
  }

  /**
   * Throws `429 too_many_holds` (with `Retry-After`: until one of the client's holds lapses) when
   * another hold on a slot starting at `start` would pass a cap. Call inside the hold's transaction.
   */
  check(clientHash: string, start: number, now: number, limits: HoldLimits): void {
    const all = this.#statements.all.get(clientHash, now)!;
    if (all.held >= limits.perClient) throw tooManyHolds(all.soonest, now);
    const day = clinicDay(start, this.#timeZone);
    const sameDay = this.#statements.day.get(clientHash, now, day.start, day.end)!;
    if (sameDay.held >= limits.perClientPerDay) throw tooManyHolds(sameDay.soonest, now);
  }
}

function tooManyHolds(soonest: number | null, now: number): ApiError {
  const seconds = Math.max(1, Math.ceil(((soonest ?? now) - now) / 1000));
  return new ApiError(
    429,
    'too_many_holds',
    'Too many times are being held from this connection. Please wait a few minutes and try again.',
    { headers: { 'Retry-After': String(seconds) } },
  );
}
