/**
 * The clinic's theme (versions 60–69, clear of the access links' 50–59): one row holding the draft
 * the marketer edits and the theme published last, which `GET clinic` serves.
 */
import type { Migration } from './migration.js';

export const THEME_MIGRATIONS: readonly Migration[] = [
  {
    version: 60,
    description: "the clinic's theme: a draft and the published one",
    apply(db) {
      db.exec(`
        -- One row. draft and published are JSON (src/api/theme.ts Theme); NULL until there is one.
        -- A published theme passed the contrast checks (src/theme/theme-tokens.ts) when it was published.
        CREATE TABLE clinic_theme (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          draft TEXT,
          draft_updated_at_ms INTEGER,
          published TEXT,
          published_at_ms INTEGER,
          CHECK ((published IS NULL) = (published_at_ms IS NULL))
        );
        INSERT INTO clinic_theme (id) VALUES (1);
      `);
    },
  },
];
