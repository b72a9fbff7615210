/**
 * Intake forms in SQLite: each form's draft, and its published versions, which the database itself
 * keeps immutable (triggers in clinic-migrations.ts). A published version is checked
 * (`servedForm`) once and remembered: it cannot change under the memory.
 */
import type { ConfiguredForm } from '../../../src/api/clinic-config.js';
import { worstSubmissionBytes } from '../../../src/forms/submission-size.js';
import { servedForm } from '../code-forms.js';
import { StoreRefusal } from '../refusal.js';
import type { FormStore, PublishedVersion, ServedForm } from '../types.js';
import type { Db } from './database.js';

interface VersionRow {
  form_id: string;
  version: string;
  definition: string;
  published_at_ms: number;
}

export class SqliteFormStore implements FormStore {
  readonly #db: Db;
  readonly #statements;
  /** Checked versions by `form id \n version`, with the largest body their answers can make. */
  readonly #served = new Map<string, { served: ServedForm; worstBytes: number }>();

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      latest: db.prepare<[string], VersionRow>(
        `SELECT form_id, version, definition, published_at_ms FROM intake_form_versions WHERE form_id = ?
         ORDER BY rowid DESC LIMIT 1`,
      ),
      version: db.prepare<[string, string], VersionRow>(
        'SELECT form_id, version, definition, published_at_ms FROM intake_form_versions WHERE form_id = ? AND version = ?',
      ),
      versions: db.prepare<[], VersionRow>('SELECT form_id, version, definition, published_at_ms FROM intake_form_versions ORDER BY rowid'),
      forms: db.prepare<[], { id: string; draft: string | null }>('SELECT id, draft FROM intake_forms ORDER BY position, id'),
      form: db.prepare<[string], { id: string }>('SELECT id FROM intake_forms WHERE id = ?'),
      upsertForm: db.prepare(
        `INSERT INTO intake_forms (id, position, draft, draft_updated_at_ms)
         VALUES (@id, (SELECT IFNULL(MAX(position) + 1, 0) FROM intake_forms), @draft, @now)
         ON CONFLICT (id) DO UPDATE SET draft = excluded.draft, draft_updated_at_ms = excluded.draft_updated_at_ms`,
      ),
      setPosition: db.prepare('UPDATE intake_forms SET position = ? WHERE id = ?'),
      insertVersion: db.prepare('INSERT INTO intake_form_versions (form_id, version, definition, published_at_ms) VALUES (?, ?, ?, ?)'),
      publishVersion: db.prepare('INSERT INTO intake_form_versions (form_id, version, definition, published_at_ms, published_by) VALUES (?, ?, ?, ?, ?)'),
      history: db.prepare<[string], VersionRow & { published_by: string | null }>(
        'SELECT form_id, version, definition, published_at_ms, published_by FROM intake_form_versions WHERE form_id = ? ORDER BY rowid',
      ),
    };
  }

  async find(id: string): Promise<ServedForm | undefined> {
    const row = this.#statements.latest.get(id);
    return row && this.#checked(row);
  }

  async findVersion(id: string, version: string): Promise<ServedForm | undefined> {
    const row = this.#statements.version.get(id, version);
    return row && this.#checked(row);
  }

  async maxSubmissionBytes(): Promise<number> {
    return Math.max(0, ...this.#statements.versions.all().map((row) => this.#entry(row).worstBytes));
  }

  async saveDraft(id: string, draft: Record<string, unknown>, now: number): Promise<void> {
    this.#statements.upsertForm.run({ id, draft: JSON.stringify(draft), now });
  }

  async publish(id: string, definition: Record<string, unknown> & { version: string }, now: number, publishedBy?: string): Promise<void> {
    this.#db
      .transaction(() => {
        if (!this.#statements.form.get(id)) throw new StoreRefusal('form_not_found');
        if (this.#statements.version.get(id, definition.version)) throw new StoreRefusal('form_version_conflict');
        this.#statements.publishVersion.run(id, definition.version, JSON.stringify(definition), now, publishedBy ?? null);
      })
      .immediate();
  }

  async history(id: string): Promise<PublishedVersion[]> {
    return this.#statements.history.all(id).map((row) => ({
      version: row.version,
      publishedAt: row.published_at_ms,
      ...(row.published_by !== null ? { publishedBy: row.published_by } : {}),
      definition: JSON.parse(row.definition) as Record<string, unknown>,
    }));
  }

  /** Every form with its draft and versions, oldest version first (ClinicStore.configuration). */
  configuredForms(): ConfiguredForm[] {
    const versions = this.#statements.versions.all();
    return this.#statements.forms.all().map((form) => ({
      id: form.id,
      ...(form.draft !== null ? { draft: JSON.parse(form.draft) as Record<string, unknown> } : {}),
      versions: versions
        .filter((row) => row.form_id === form.id)
        .map((row) => ({
          version: row.version,
          publishedAt: new Date(row.published_at_ms).toISOString(),
          definition: JSON.parse(row.definition) as Record<string, unknown>,
        })),
    }));
  }

  /**
   * Within the caller's transaction: each form's draft replaced, its new versions added, its
   * order the given one. A version already published must be exactly as published.
   */
  replaceForms(forms: readonly ConfiguredForm[]): void {
    forms.forEach((form, position) => {
      this.#statements.upsertForm.run({ id: form.id, draft: form.draft ? JSON.stringify(form.draft) : null, now: Date.now() });
      this.#statements.setPosition.run(position, form.id);
      for (const version of form.versions) {
        const stored = this.#statements.version.get(form.id, version.version);
        const text = JSON.stringify(version.definition);
        if (stored) {
          if (!sameJson(stored.definition, text)) throw new StoreRefusal('form_version_conflict');
          continue;
        }
        this.#statements.insertVersion.run(form.id, version.version, text, Date.parse(version.publishedAt));
      }
    });
  }

  /** Throws, naming the problem, when a published version is not a form this server can serve. */
  assertFormsValid(): void {
    for (const row of this.#statements.versions.all()) this.#checked(row);
  }

  /** Publishes definitions from code (the `forms` option) that are not published yet. */
  publishFromCode(definitions: readonly Record<string, unknown>[], now: number): void {
    for (const definition of definitions) {
      const { form } = servedForm(definition);
      const version = form.version ?? '1';
      const stored = this.#statements.version.get(form.id, version);
      if (stored) {
        if (!sameJson(stored.definition, JSON.stringify(definition))) {
          throw new Error(`Intake form "${form.id}" version ${version} is published already, with another definition: give it a new version.`);
        }
        continue;
      }
      if (!this.#statements.form.get(form.id)) this.#statements.upsertForm.run({ id: form.id, draft: null, now });
      this.#statements.insertVersion.run(form.id, version, JSON.stringify(definition), now);
    }
  }

  #checked(row: VersionRow): ServedForm {
    return this.#entry(row).served;
  }

  #entry(row: VersionRow): { served: ServedForm; worstBytes: number } {
    const key = `${row.form_id}\n${row.version}`;
    let entry = this.#served.get(key);
    if (!entry) {
      const served = servedForm(JSON.parse(row.definition) as Record<string, unknown>);
      entry = { served, worstBytes: worstSubmissionBytes(served.form) };
      this.#served.set(key, entry);
    }
    return entry;
  }
}

/** Whether two JSON texts hold the same value (key order aside). */
function sameJson(a: string, b: string): boolean {
  return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
