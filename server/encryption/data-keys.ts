/**
 * The keys client data is encrypted under at rest (AES-256-GCM, field-cipher.ts). A key is 32
 * random bytes, written in base64. Its id is derived from the key itself (an HMAC of a fixed label),
 * so the database can name the key it was encrypted under without revealing it, and a wrong key is
 * told apart from a right one before anything is decrypted.
 *
 * Where the keys come from:
 * - `KAP_DATA_KEY`: one key, or several separated by commas (the old and the new during a
 *   rotation); the database names the one it uses.
 * - Without it (development), a key file beside the database (`<db>.key`, mode 0600), created
 *   with a new key when missing; `npm start` says so loudly. An in-memory database gets a fresh key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

export const DATA_KEY_BYTES = 32;

export interface DataKey {
  /** 16 hex digits: HMAC-SHA256(key, label), shortened. Names the key; reveals nothing of it. */
  id: string;
  key: Buffer;
}

/** The keys at hand, found by id. */
export class DataKeyring {
  readonly #keys: Map<string, DataKey>;

  constructor(keys: readonly DataKey[]) {
    if (keys.length === 0) throw new Error('A data keyring needs at least one key.');
    this.#keys = new Map(keys.map((key) => [key.id, key]));
  }

  /** The first key given: the one a new database is encrypted under. */
  get first(): DataKey {
    return this.#keys.values().next().value!;
  }

  get ids(): string[] {
    return [...this.#keys.keys()];
  }

  find(id: string): DataKey | undefined {
    return this.#keys.get(id);
  }
}

export function dataKeyFrom(key: Buffer): DataKey {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`A data key is ${DATA_KEY_BYTES} bytes; this one is ${key.length}.`);
  const id = createHmac('sha256', key).update('kap-elements data key id').digest('hex').slice(0, 16);
  return { id, key: Buffer.from(key) };
}

export function newDataKey(): DataKey {
  return dataKeyFrom(randomBytes(DATA_KEY_BYTES));
}

export function encodeDataKey(key: DataKey): string {
  return key.key.toString('base64');
}

/**
 * Reads keys written in base64, separated by commas or new lines. `source` names where they came
 * from in the error (e.g. `KAP_DATA_KEY`), which never quotes a key.
 */
export function parseDataKeys(text: string, source: string): DataKeyring {
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error(`${source} holds no key.`);
  return new DataKeyring(
    entries.map((entry, index) => {
      const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(entry) ? Buffer.from(entry, 'base64') : Buffer.alloc(0);
      if (bytes.length !== DATA_KEY_BYTES) {
        throw new Error(
          `${source}: key ${index + 1} is not ${DATA_KEY_BYTES} bytes in base64. Make one with: node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`,
        );
      }
      return dataKeyFrom(bytes);
    }),
  );
}

/** The key file beside a database file. */
export function keyFileFor(dbPath: string): string {
  return `${dbPath}.key`;
}

export interface KeysBeside {
  keyring: DataKeyring;
  path: string;
  /** The file did not exist and was made now, with a new key. */
  created: boolean;
}

/**
 * Development's keys: the key file beside the database, made (mode 0600) with a new key when it
 * does not exist. For `:memory:`, a fresh key that lives as long as the process.
 */
export function dataKeysBeside(dbPath: string): KeysBeside {
  if (dbPath === ':memory:') return { keyring: new DataKeyring([newDataKey()]), path: ':memory:', created: true };
  const path = keyFileFor(dbPath);
  if (existsSync(path)) return { keyring: parseDataKeys(readFileSync(path, 'utf8'), path), path, created: false };
  const key = newDataKey();
  // Written whole under a name of its own, then linked into place, which fails if the file exists:
  // two processes starting on a new database at once make one key, and the other reads it whole.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${encodeDataKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return { keyring: parseDataKeys(readFileSync(path, 'utf8'), path), path, created: false };
  } finally {
    unlinkSync(draft);
  }
  return { keyring: new DataKeyring([key]), path, created: true };
}

/** Replaces a key file's keys, atomically (a new file renamed over the old), mode 0600. */
export function writeKeyFile(path: string, keys: readonly DataKey[]): void {
  const next = `${path}.next`;
  writeFileSync(next, keys.map((key) => `${encodeDataKey(key)}\n`).join(''), { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, path);
}

export type ResolvedDataKeys = { from: 'environment'; keyring: DataKeyring } | ({ from: 'file' } & KeysBeside);

/** `KAP_DATA_KEY` when set, else development's key file beside the database. */
export function resolveDataKeys(value: string | undefined, dbPath: string): ResolvedDataKeys {
  if (value !== undefined && value.trim() !== '') return { from: 'environment', keyring: parseDataKeys(value, 'KAP_DATA_KEY') };
  return { from: 'file', ...dataKeysBeside(dbPath) };
}

/** What `npm start` prints when the key is development's file: loud, so nobody runs a clinic on it unawares. */
export function keyFileWarning(keys: KeysBeside): string {
  const bar = '!'.repeat(78);
  return [
    bar,
    `!! KAP_DATA_KEY is not set. Client data is encrypted under the key in ${keys.path}`,
    keys.created ? '!! (a new key, made just now, mode 0600).' : '!! (made on an earlier start, mode 0600).',
    '!! That is for development. For a clinic, keep the key apart from the database and its',
    '!! backups and give it as KAP_DATA_KEY (README: "Running it for a clinic", "The key").',
    "!! Lose the key and the clients' details and answers cannot be read again.",
    bar,
  ].join('\n');
}
