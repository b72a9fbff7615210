/** The shape of a migration (database.ts runs them; each part of the schema writes its own). */
import type Database from 'better-sqlite3';
import type { FieldCipher } from '../../encryption/field-cipher.js';

export type Db = Database.Database;

export interface Migration {
  version: number;
  description: string;
  apply(db: Db, context: MigrationContext): void;
}

/** What a migration may need besides the connection. */
export interface MigrationContext {
  /** The cipher of the database's data key (named in settings, or the keyring's first for a new database). */
  cipher(): FieldCipher;
}
