/**
 * `POST safety-signals`: the moment a client answers a safety item above zero in an intake linked
 * to a booking, `<kap-intake>` tells the clinic, so a disclosure of thoughts of self-harm reaches
 * a person even if the form is never sent. The request names the booking, the form, its version
 * and which safety items — no answer, no score — and carries the booking's bearer token (a wrong
 * or missing token and an unknown booking all answer the same 401). It needs an Idempotency-Key
 * like every write, and is idempotent by content too: the same booking, form, version and items
 * are one row, whatever key a reload sends them with. The intake response later stored for the
 * same booking, form and version is linked to the row (`IntakeStore`).
 */
import type { Hono } from 'hono';
import { SafetySignalRequest, type SafetySignal, type SafetySignalCreated } from '../../src/api/schemas.js';
import { safetyFields } from '../../src/forms/flags.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { authorizedBooking } from './booking-auth.js';
import type { ClinicStore } from '../stores/sqlite/bookings.js';
import type { Db } from '../stores/sqlite/database.js';
import { idempotency } from '../middleware/idempotency.js';
import type { IntakeStore } from '../stores/sqlite/intake.js';
import { newId } from '../secrets.js';
import { parseRequest } from './validation.js';

export interface SafetySignalRouteDependencies {
  db: Db;
  store: ClinicStore;
  intake: IntakeStore;
  now: () => number;
}

export function registerSafetySignalRoutes(app: Hono<AppEnv>, { db, store, intake, now }: SafetySignalRouteDependencies): void {
  const signals = new SafetySignalStore(db, intake);
  app.post('/safety-signals', idempotency({ db, now, required: true }), (c) => {
    const request = parseRequest(SafetySignalRequest, c.var.body);
    authorizedBooking(store, request.booking, c.req.header('Authorization'));
    let created: SafetySignalCreated | undefined;
    signals.record(request, now(), (signal) => {
      created = { signal };
      c.var.idempotency?.record(201, created);
    });
    return c.json(created!, 201);
  });
}

interface SignalRow {
  id: string;
  received_at_ms: number;
}

export class SafetySignalStore {
  readonly #db: Db;
  readonly #intake: IntakeStore;

  constructor(db: Db, intake: IntakeStore) {
    this.#db = db;
    this.#intake = intake;
  }

  /**
   * Records the signal, or finds the one already recorded for the same booking, form, version and
   * items, in one transaction; `withinTransaction` runs there (the idempotency record goes in it).
   * Throws `422 validation_failed` for an unknown form or an item that is not one of its safety items.
   */
  record(
    request: SafetySignalRequest,
    now: number,
    withinTransaction: (signal: SafetySignal) => void,
  ): SafetySignal {
    const form = this.#intake.form(request.form);
    if (!form) throw validationFailed({ form: 'There is no intake form with this id.' });
    const allowed = safetyFields(form).map((field) => field.key);
    const fields: Record<string, string> = {};
    request.items.forEach((item, i) => {
      if (!allowed.includes(item)) fields[`items.${i}`] = 'Not a safety item of this form.';
    });
    if (Object.keys(fields).length) throw validationFailed(fields);
    // Form order, each once: the same set is the same row whatever order it came in.
    const items = JSON.stringify(allowed.filter((key) => request.items.includes(key)));
    const version = request.version ?? null;
    return this.#db
      .transaction((): SafetySignal => {
        let row = this.#db
          .prepare<[string, string, string, string], SignalRow>(
            `SELECT id, received_at_ms FROM safety_signals
             WHERE booking_id = ? AND form_id = ? AND IFNULL(form_version, '') = ? AND items = ?`,
          )
          .get(request.booking, request.form, version ?? '', items);
        if (!row) {
          row = { id: newId('ss'), received_at_ms: now };
          this.#db
            .prepare(
              `INSERT INTO safety_signals (id, booking_id, form_id, form_version, items, received_at_ms)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(row.id, request.booking, request.form, version, items, now);
        }
        const signal = { id: row.id, receivedAt: new Date(row.received_at_ms).toISOString().replace(/\.\d{3}Z$/, 'Z') };
        withinTransaction(signal);
        return signal;
      })
      .immediate();
  }
}
