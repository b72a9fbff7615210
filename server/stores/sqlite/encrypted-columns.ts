/**
 * Which columns hold client data (and staff secrets) encrypted at rest, the key the database is
 * encrypted under (`settings.data_key_id`), and the two operations over every such value: sealing
 * the plaintext of a database made before encryption (migration 12) and rotating to a new key. One
 * list, so that a column added here is covered by both, and by the test that reads the raw file.
 */
import { DataKeyring, type DataKey } from '../../encryption/data-keys.js';
import { FieldCipher } from '../../encryption/field-cipher.js';
import type { Db } from './migration.js';

export interface EncryptedTable {
  table: string;
  /** The column that names the row in each value's context. */
  idColumn: string;
  columns: readonly string[];
}

export const ENCRYPTED_COLUMNS: readonly EncryptedTable[] = [
  { table: 'bookings', idColumn: 'id', columns: ['client_name', 'client_email', 'client_phone', 'reason'] },
  { table: 'intake_responses', idColumn: 'id', columns: ['answers', 'scores', 'flags', 'safety_items'] },
  { table: 'staff', idColumn: 'id', columns: ['totp_secret', 'setup_totp_secret'] },
  { table: 'safety_acknowledgements', idColumn: 'item_id', columns: ['note'] },
  { table: 'dev_mail', idColumn: 'id', columns: ['message'] },
  { table: 'webhook_endpoints', idColumn: 'id', columns: ['secret', 'previous_secret'] },
];

/** Where a value lives, bound into its encryption: a value moved elsewhere does not decrypt. */
export function fieldContext(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

const KEY_SETTING = 'data_key_id';

export class WrongDataKeyError extends Error {
  constructor(expected: string, given: readonly string[]) {
    super(
      `The data key does not open this database: it is encrypted under key ${expected}, and the key given is ${given.join(', ')}. ` +
        'Set KAP_DATA_KEY to the key this database was made with (or restore its key file); see README, "The key".',
    );
    this.name = 'WrongDataKeyError';
  }
}

/** The database's key id, `undefined` before its first encryption. */
export function databaseKeyId(db: Db): string | undefined {
  const tableExists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!tableExists) return undefined;
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY_SETTING) as { value: string } | undefined)?.value;
}

/**
 * The cipher that seals this database's values: under the key it names, or, for a database not yet
 * encrypted, under the keyring's first key (which it then names). Throws `WrongDataKeyError` when
 * the keyring does not hold the database's key.
 */
export function databaseCipher(db: Db, keys: DataKeyring): FieldCipher {
  const id = databaseKeyId(db);
  if (id === undefined) {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(KEY_SETTING, keys.first.id);
    return new FieldCipher(keys.first, keys);
  }
  const key = keys.find(id);
  if (!key) throw new WrongDataKeyError(id, keys.ids);
  return new FieldCipher(key, keys);
}

/** Seals every value still in plaintext (a database made before encryption): inside migration 12. */
export function sealPlaintextValues(db: Db, cipher: FieldCipher): number {
  return rewriteValues(db, (value, context) => (FieldCipher.keyIdOf(value) === undefined ? cipher.seal(value, context) : undefined));
}

/**
 * Re-encrypts every value under `to`, in one IMMEDIATE transaction, and names `to` as the
 * database's key: all of it or nothing. Answers how many values were re-encrypted.
 */
export function rotateDatabaseKey(db: Db, from: FieldCipher, to: DataKey): number {
  const next = new FieldCipher(to, new DataKeyring([to]));
  return db
    .transaction(() => {
      const count = rewriteValues(db, (value, context) => next.seal(from.open(value, context), context));
      db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(to.id, KEY_SETTING);
      return count;
    })
    .immediate();
}

/** Rewrites each non-null encrypted value that `change` answers for; returns how many. */
function rewriteValues(db: Db, change: (value: string, context: string) => string | undefined): number {
  let count = 0;
  for (const { table, idColumn, columns } of ENCRYPTED_COLUMNS) {
    // A table a later migration makes is not there yet when migration 12 seals an old database.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) continue;
    for (const column of columns) {
      const rows = db.prepare(`SELECT ${idColumn} AS id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`).all() as {
        id: string;
        value: string;
      }[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${idColumn} = ?`);
      for (const row of rows) {
        const changed = change(row.value, fieldContext(table, column, row.id));
        if (changed === undefined) continue;
        update.run(changed, row.id);
        count += 1;
      }
    }
  }
  return count;
}
