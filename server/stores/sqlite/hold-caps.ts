/**
 * The per-client caps on live holds, counted inside the hold's own IMMEDIATE transaction so that
 * parallel requests (or processes) cannot overshoot them. Which caps, and the clinic day a slot
 * counts on, are the caller's (server/booking-rules.ts); the client is a hash of its address.
 */
import { StoreRefusal } from '../refusal.js';
import type { HoldClient } from '../types.js';
import type { Db } from './database.js';

interface LiveCount {
  held: number;
  /** When the first of them expires, freeing room. */
  soonest: number | null;
}

export class HoldCaps {
  readonly #statements;

  constructor(db: Db) {
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

  /** Refuses `too_many_holds` when one more live hold for `client` would pass a cap. */
  check(client: HoldClient, now: number): void {
    const all = this.#statements.all.get(client.hash, now)!;
    if (all.held >= client.perClient) throw new StoreRefusal('too_many_holds', all.soonest ?? now);
    const sameDay = this.#statements.day.get(client.hash, now, client.day.start, client.day.end)!;
    if (sameDay.held >= client.perClientPerDay) throw new StoreRefusal('too_many_holds', sameDay.soonest ?? now);
  }
}
