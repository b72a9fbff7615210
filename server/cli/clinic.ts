/**
 * `npm run clinic -- <command>`: the clinic's database from the command line.
 *
 *   rotate-key    re-encrypt all client data under a new data key (rotate-key.ts)
 */
import { pathToFileURL } from 'node:url';
import { runTool } from './open-stores.js';
import { rotateKeyCommand } from './rotate-key.js';

const USAGE = 'Usage: npm run clinic -- rotate-key';

export async function clinicCommand(args: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const [command] = args;
  if (command === 'rotate-key') return rotateKeyCommand(env, print);
  throw new Error(USAGE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTool(() => clinicCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)));
}
