/**
 * The clinic's theme in SQLite (table clinic_theme, theme-migrations.ts): the draft and the
 * published theme. Whether a theme may be published (its contrast) is the caller's to check.
 */
import type { ConfiguredTheme, Theme } from '../../../src/api/theme.js';
import type { ThemeStore } from '../types.js';
import type { Db } from './database.js';

interface ThemeRow {
  draft: string | null;
  published: string | null;
  published_at_ms: number | null;
}

export class SqliteThemeStore implements ThemeStore {
  readonly #statements;

  constructor(db: Db) {
    this.#statements = {
      get: db.prepare<[], ThemeRow>('SELECT draft, published, published_at_ms FROM clinic_theme WHERE id = 1'),
      saveDraft: db.prepare('UPDATE clinic_theme SET draft = ?, draft_updated_at_ms = ? WHERE id = 1'),
      publish: db.prepare('UPDATE clinic_theme SET published = ?, published_at_ms = ? WHERE id = 1'),
    };
  }

  async theme(): Promise<ConfiguredTheme> {
    return this.configuredTheme();
  }

  async saveDraft(theme: Theme, now: number): Promise<void> {
    this.#statements.saveDraft.run(JSON.stringify(theme), now);
  }

  async publish(theme: Theme, now: number): Promise<void> {
    this.#statements.publish.run(JSON.stringify(theme), now);
  }

  /** Synchronous, for ClinicStore.configuration's transaction. */
  configuredTheme(): ConfiguredTheme {
    const row = this.#statements.get.get();
    return {
      ...(row?.draft ? { draft: JSON.parse(row.draft) as Theme } : {}),
      ...(row?.published && row.published_at_ms !== null
        ? { published: { theme: JSON.parse(row.published) as Theme, publishedAt: new Date(row.published_at_ms).toISOString() } }
        : {}),
    };
  }

  /** Within the caller's transaction (an import): the draft and the published theme, replaced. */
  replaceTheme(theme: ConfiguredTheme): void {
    this.#statements.saveDraft.run(theme.draft ? JSON.stringify(theme.draft) : null, theme.draft ? Date.now() : null);
    this.#statements.publish.run(
      theme.published ? JSON.stringify(theme.published.theme) : null,
      theme.published ? Date.parse(theme.published.publishedAt) : null,
    );
  }
}
