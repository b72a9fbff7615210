/**
 * `npm run clinic -- <command>`: the clinic's database from the command line.
 *
 *   export        print the clinic's whole configuration as JSON (`> clinic.json`)
 *   import FILE   check FILE with the configuration's schemas and make it the clinic's, in one
 *                 transaction: all of it, or (with every problem listed by path) nothing
 *   rotate-key    re-encrypt all client data under a new data key (rotate-key.ts)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { importConfiguration } from '../clinic-config.js';
import { openClinicDatabase, runTool } from './open-stores.js';
import { rotateKeyCommand } from './rotate-key.js';

const USAGE = 'Usage: npm run clinic -- export > clinic.json | import clinic.json | rotate-key';

export async function clinicCommand(args: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const [command, file] = args;
  if (command === 'rotate-key') return rotateKeyCommand(env, print);
  if (command === 'export' && args.length === 1) return exportCommand(env, print);
  if (command === 'import' && file !== undefined && args.length === 2) return importCommand(file, env, print);
  throw new Error(USAGE);
}

async function exportCommand(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const { stores } = openClinicDatabase(env);
  try {
    print(JSON.stringify(await stores.clinic.configuration(), null, 2));
  } finally {
    await stores.close();
  }
}

async function importCommand(file: string, env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a JSON file (${(error as Error).message}). Nothing was changed.`, { cause: error });
  }
  const { stores } = openClinicDatabase(env);
  try {
    const result = await importConfiguration(stores, input);
    if (!result.ok) {
      const lines = Object.entries(result.problems).map(([path, message]) => `  ${path}: ${message}`);
      throw new Error(`${file} is not a configuration this clinic can use. Nothing was changed.\n${lines.join('\n')}`);
    }
    const { configuration } = result;
    print(
      `Imported ${file}: ${configuration.services.length} services, ${configuration.openingHours.length} opening ranges, ` +
        `${configuration.closures.length} closures, ${Object.keys(configuration.checklists).length} checklists, ${configuration.forms.length} forms.`,
    );
  } finally {
    await stores.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTool(() => clinicCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)));
}
