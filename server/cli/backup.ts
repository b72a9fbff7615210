/**
 * `npm run backup -- FILE`: a consistent copy of the live database (KAP_DB) in FILE, made while the
 * server runs (SQLite's online backup), then checked. The copy's client data stays encrypted: keep
 * the data key (KAP_DATA_KEY, or the key file beside the database) safe too, and apart from it.
 */
import { pathToFileURL } from 'node:url';
import { keyFileFor } from '../encryption/data-keys.js';
import { backupDatabase } from '../stores/sqlite/backup.js';
import { databasePath, runTool } from './open-stores.js';

export async function backupCommand(args: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const [destination, ...rest] = args;
  if (!destination || rest.length > 0) throw new Error('Usage: npm run backup -- FILE');
  const source = databasePath(env);
  const result = await backupDatabase(source, destination);
  if (result.integrity !== 'ok') throw new Error(`The copy in ${destination} failed its integrity check: ${result.integrity}`);
  print(`Backed up ${source} to ${destination} (${result.pages} pages, integrity ok).`);
  print(
    env.KAP_DATA_KEY
      ? 'Client data in it is encrypted under KAP_DATA_KEY: keep that key safe, and apart from the backup.'
      : `Client data in it is encrypted under the key in ${keyFileFor(source)}: keep a copy of that key safe, and apart from the backup.`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTool(() => backupCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)));
}
