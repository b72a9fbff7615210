/**
 * A consistent copy of a live SQLite database, through SQLite's online backup API
 * (better-sqlite3's `backup()`). The pages are copied in one step, inside one read transaction:
 * in WAL mode the server's writers carry on meanwhile, and the copy is the database as of one
 * moment — every transaction in it whole, or not at all. (Copied in several steps, a write by
 * another connection between two steps would restart the copy, which a busy clinic could keep
 * restarting; a clinic's database is small enough to copy at once.)
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The most pages one backup step may copy: all of them. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  pages: number;
  /** `PRAGMA integrity_check` of the copy: `ok`. */
  integrity: string;
}

export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(destination)) throw new Error(`${destination} exists; choose a new file name (a backup never overwrites).`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(destination, { progress: () => ALL_PAGES });
    // One self-contained file: the copy leaves WAL mode (no -wal or -shm beside it), then is checked.
    const copy = new Database(destination);
    try {
      copy.pragma('journal_mode = DELETE');
      return { pages: totalPages, integrity: String(copy.pragma('integrity_check', { simple: true })) };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}
