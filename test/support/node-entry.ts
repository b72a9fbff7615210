/**
 * The node arguments that run one of the repository's TypeScript entry points in a child process:
 * its compiled `.js` beside it when the tests run from a compiled copy (`scripts/node-test.mjs`),
 * which starts a server in about half the CPU, else the `.ts` itself through tsx.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** `entry` relative to `cwd`, the child's working folder, e.g. `server/main.ts`. */
export function entryArgs(entry: string, cwd = process.cwd()): string[] {
  const compiled = entry.replace(/\.ts$/, '.js');
  return compiled !== entry && existsSync(resolve(cwd, compiled)) ? [compiled] : ['--import', 'tsx', entry];
}
