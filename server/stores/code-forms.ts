/**
 * The intake forms a clinic serves, from definitions in code (the demo clinic's, until forms live
 * in the database). Each is checked with `parseFormDefinition()` when the store is made, so a
 * broken definition stops the server at start-up rather than reaching a client, and so is one
 * whose longest possible answers would not fit the server's largest intake body.
 */
import { parseFormDefinition } from '../../src/forms/index.js';
import { longestTextItems, worstSubmissionBytes } from '../../src/forms/submission-size.js';
import { DEMO_FORMS } from '../demo/intake-form.js';
import type { FormStore, ServedForm } from './types.js';

/**
 * The largest intake body this server takes. A form whose longest possible answers could need
 * more is refused at start-up, so no client can ever meet a `413` on an answer the form allows.
 */
export const MAX_INTAKE_BODY_BYTES = 512 * 1024;

export class CodeFormStore implements FormStore {
  readonly #forms = new Map<string, ServedForm>();
  readonly #maxSubmissionBytes: number;

  constructor(definitions: readonly Record<string, unknown>[] = DEMO_FORMS) {
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
    // The body limit of `POST intake-responses`: every answer a served form allows fits.
    this.#maxSubmissionBytes = Math.max(0, ...[...this.#forms.values()].map((served) => worstSubmissionBytes(served.form)));
  }

  async find(id: string): Promise<ServedForm | undefined> {
    return this.#forms.get(id);
  }

  async maxSubmissionBytes(): Promise<number> {
    return this.#maxSubmissionBytes;
  }
}
