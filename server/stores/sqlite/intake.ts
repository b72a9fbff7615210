/**
 * The clinic's intake forms and the responses to them. Forms are definitions in code (the demo
 * clinic's, `DEMO_INTAKE_FORM`), checked with `parseFormDefinition()` when the store is made, so a
 * broken definition stops the server at start-up rather than reaching a client. A response is
 * stored with the server's own scores, review flags and safety flag, recomputed from the answers
 * by `checkSubmission()`; what the client computed is never stored. A response linked to a booking
 * is linked in turn to the safety signals sent for that booking, form and version (`safety-signals.ts`).
 */
import type { IntakeResponse } from '../../../src/api/schemas.js';
import { DEMO_INTAKE_FORM } from '../../../src/forms/demo-intake.js';
import { checkSubmission, parseFormDefinition, type IntakeSubmission, type ResolvedForm } from '../../../src/forms/index.js';
import { longestTextItems, worstSubmissionBytes } from '../../../src/forms/submission-size.js';
import { validationFailed } from '../../api-error.js';
import type { Db } from './database.js';
import { newId } from '../../secrets.js';

/** The demo clinic's intake, served as `GET forms/kap-demo-intake`. */
export const DEMO_INTAKE_FORM_ID = 'kap-demo-intake';

const HOUR = 3_600_000;

/**
 * The largest intake body this server takes. A form whose longest possible answers could need
 * more is refused at start-up, so no client can ever meet a `413` on an answer the form allows.
 */
export const MAX_INTAKE_BODY_BYTES = 512 * 1024;

interface ServedForm {
  /** The definition as the clinic wrote it; what `GET forms/{id}` answers. */
  definition: Record<string, unknown>;
  form: ResolvedForm;
}

export class IntakeStore {
  readonly #db: Db;
  readonly #forms = new Map<string, ServedForm>();
  /**
   * The body limit of `POST intake-responses`: the largest body any served form's answers can
   * make (see `worstSubmissionBytes`), so every answer a form allows fits.
   */
  readonly maxSubmissionBytes: number;

  constructor(db: Db, definitions: readonly Record<string, unknown>[] = [{ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID }]) {
    this.#db = db;
    for (const definition of definitions) {
      const parsed = parseFormDefinition(definition);
      if (!parsed.ok) throw new Error(`Intake form "${String(definition['id'])}" is not valid:\n${parsed.problems.join('\n')}`);
      const worst = worstSubmissionBytes(parsed.form);
      if (worst > MAX_INTAKE_BODY_BYTES) {
        throw new Error(
          `Intake form "${parsed.form.id}" allows answers of up to ${Math.ceil(worst / 1024)} KB, more than this server accepts ` +
            `(${MAX_INTAKE_BODY_BYTES / 1024} KB), so some answers the form allows would be refused. ` +
            `Lower the maxLength of its longest text questions: ${longestTextItems(parsed.form).join(', ')}.`,
        );
      }
      this.#forms.set(parsed.form.id, { definition, form: parsed.form });
    }
    this.maxSubmissionBytes = Math.max(0, ...[...this.#forms.values()].map((served) => worstSubmissionBytes(served.form)));
  }

  definition(id: string): Record<string, unknown> | undefined {
    return this.#forms.get(id)?.definition;
  }

  /** The checked form served as `id`. */
  form(id: string): ResolvedForm | undefined {
    return this.#forms.get(id)?.form;
  }

  /**
   * Checks `body` against its form and stores it, recomputed, in one transaction; `withinTransaction`
   * runs there after the insert (the idempotency record goes in it). Throws `422 validation_failed`
   * with per-answer messages. Dates are checked against "today" anywhere on earth, since the
   * client's own date may be a day either side of the server's.
   */
  store(body: IntakeSubmission, now: number, withinTransaction: (response: IntakeResponse) => void): IntakeResponse {
    const served = this.#forms.get(body.form);
    if (!served) throw validationFailed({ form: 'There is no intake form with this id.' });
    const dayAt = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString().slice(0, 10);
    let checked = checkSubmission(served.form, body, { today: dayAt(14) });
    if (!checked.ok) {
      const earliest = checkSubmission(served.form, body, { today: dayAt(-12) });
      if (earliest.ok) checked = earliest;
    }
    if (!checked.ok) throw validationFailed(checked.fields, 'Some answers need correcting.');
    const { submission } = checked;
    return this.#db
      .transaction((): IntakeResponse => {
        if (submission.booking && !this.#db.prepare('SELECT 1 FROM bookings WHERE id = ?').get(submission.booking)) {
          throw validationFailed({ booking: 'There is no booking with this id.' });
        }
        const response = { id: newId('ir'), receivedAt: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z') };
        this.#db
          .prepare(
            `INSERT INTO intake_responses
               (id, form_id, form_version, booking_id, answers, scores, flags, safety, safety_items, received_at_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            response.id,
            submission.form,
            submission.version ?? null,
            submission.booking ?? null,
            JSON.stringify(submission.answers),
            JSON.stringify(submission.scores),
            JSON.stringify(submission.flags),
            submission.safety ? 1 : 0,
            JSON.stringify(submission.safetyItems),
            now,
          );
        // The safety signals sent while this intake was being filled in now point to it.
        if (submission.booking) {
          this.#db
            .prepare(
              `UPDATE safety_signals SET response_id = ?
               WHERE booking_id = ? AND form_id = ? AND IFNULL(form_version, '') = ? AND response_id IS NULL`,
            )
            .run(response.id, submission.booking, submission.form, submission.version ?? '');
        }
        withinTransaction(response);
        return response;
      })
      .immediate();
  }
}
