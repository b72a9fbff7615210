/**
 * How an intake form is served, checked with `parseFormDefinition()`, so a broken definition stops
 * the server at start-up rather than reaching a client, and so does one whose longest possible
 * answers would not fit the server's largest intake body; and a form store over definitions in code.
 */
import { parseFormDefinition } from '../../src/forms/index.js';
import { MAX_INTAKE_BODY_BYTES, answersTooLarge, worstSubmissionBytes } from '../../src/forms/submission-size.js';
import { DEMO_FORMS } from '../demo/intake-form.js';
import type { FormStore, PublishedVersion, ServedForm } from './types.js';

/** The largest intake body this server takes (`src/forms/submission-size.ts`, where the form studio reads it too). */
export { MAX_INTAKE_BODY_BYTES };

/**
 * A definition as served: checked with `parseFormDefinition()`, and refused when its longest
 * possible answers would not fit the server's largest intake body. Throws, naming the problems.
 */
export function servedForm(definition: Record<string, unknown>): ServedForm {
  const parsed = parseFormDefinition(definition);
  if (!parsed.ok) throw new Error(`Intake form "${String(definition['id'])}" is not valid:\n${parsed.problems.join('\n')}`);
  const tooLarge = answersTooLarge(parsed.form);
  if (tooLarge) throw new Error(tooLarge);
  return { definition, form: parsed.form };
}

/** Forms from definitions in code, unchanging: for tools and tests that need no database. */
export class CodeFormStore implements FormStore {
  readonly #forms = new Map<string, ServedForm>();
  readonly #maxSubmissionBytes: number;

  constructor(definitions: readonly Record<string, unknown>[] = DEMO_FORMS) {
    for (const definition of definitions) {
      const served = servedForm(definition);
      this.#forms.set(served.form.id, served);
    }
    // The body limit of `POST intake-responses`: every answer a served form allows fits.
    this.#maxSubmissionBytes = Math.max(0, ...[...this.#forms.values()].map((served) => worstSubmissionBytes(served.form)));
  }

  async find(id: string): Promise<ServedForm | undefined> {
    return this.#forms.get(id);
  }

  async findVersion(id: string, version: string): Promise<ServedForm | undefined> {
    const served = this.#forms.get(id);
    return served && (served.form.version ?? '') === version ? served : undefined;
  }

  async saveDraft(): Promise<void> {
    throw new Error('Forms written in code have no drafts.');
  }

  async publish(): Promise<void> {
    throw new Error('Forms written in code are published by changing the code.');
  }

  async history(id: string): Promise<PublishedVersion[]> {
    const served = this.#forms.get(id);
    // Code has no publishing time: the version counts from the epoch.
    return served ? [{ version: served.form.version ?? '1', publishedAt: 0, definition: served.definition }] : [];
  }

  async maxSubmissionBytes(): Promise<number> {
    return this.#maxSubmissionBytes;
  }
}
