/**
 * How the command-line tools open the clinic's database: the same file and keys as `npm start`
 * (`KAP_DB`, default data/kap.sqlite; `KAP_DATA_KEY`, else the key file beside the database), the
 * same migrations. The tools are for the SQLite engine, as the server's default is.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_CLINIC_TIME_ZONE } from '../app.js';
import { resolveDataKeys, type ResolvedDataKeys } from '../encryption/data-keys.js';
import { openSqliteStores, type SqliteStores } from '../stores/sqlite/index.js';

export const DEFAULT_DB = 'data/kap.sqlite';

export interface OpenedDatabase {
  stores: SqliteStores;
  path: string;
  keys: ResolvedDataKeys;
}

export function databasePath(env: NodeJS.ProcessEnv): string {
  return env.KAP_DB || DEFAULT_DB;
}

/** Opens the database the server uses; it must exist (run `npm start` once first). */
export function openClinicDatabase(env: NodeJS.ProcessEnv): OpenedDatabase {
  const path = databasePath(env);
  if (!existsSync(path)) throw new Error(`There is no database at ${path} (KAP_DB). Start the server once (npm start) to create it.`);
  const keys = resolveDataKeys(env.KAP_DATA_KEY, path);
  const stores = openSqliteStores(path, { timeZone: env.KAP_CLINIC_TZ || DEFAULT_CLINIC_TIME_ZONE, keys: keys.keyring });
  return { stores, path, keys };
}

/** The API's public base URL, for set-up links: `KAP_PUBLIC_URL`, else this machine's default. */
export function publicUrl(env: NodeJS.ProcessEnv): string {
  return env.KAP_PUBLIC_URL || `http://localhost:${env.PORT || 8787}/`;
}

/** `--name value` options after the subcommand. */
export function parseOptions(args: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument: ${arg}`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value.`);
    options[match[1]!] = value;
  }
  return options;
}

/** Runs a tool's main: its output on stdout, a problem on stderr with exit code 1. */
export async function runTool(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
