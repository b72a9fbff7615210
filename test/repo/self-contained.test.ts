/**
 * A fresh clone tests itself: no code, script, config or test names a path outside the
 * repository. Tests once read instrument records from a folder beside the clone and failed everywhere
 * else; the reference records now live in `reference/` (see its README).
 *
 * Every string literal that is a relative path (`'../x'`, `new URL('../../y', import.meta.url)`)
 * is resolved against its file's folder and must stay inside the repository; absolute paths into
 * a home or work folder are refused outright. Browser-relative URLs in the demo's HTML are not
 * file reads and are not scanned.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Generated or installed folders: not ours to scan. */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'dist-console', 'storybook-static', 'test-results', 'data', 'reference']);
const CODE = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.css']);
const SCRIPTS_WITHOUT_EXTENSION = new Set(['.ci/run']);
const NOT_SCANNED = new Set(['package-lock.json', 'custom-elements.json']);
/** This file, and its compiled copy when the tests run from one (scripts/node-test.mjs). */
const SELF = [import.meta.filename.replace(/\.js$/, '.ts'), import.meta.filename.replace(/\.ts$/, '.js')];

function sourceFiles(folder = ROOT): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const name = relative(ROOT, path);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) files.push(...sourceFiles(path));
    } else if (SELF.includes(path)) {
      continue; // its own probes below name such paths on purpose
    } else if ((CODE.has(extname(entry.name)) && !NOT_SCANNED.has(name)) || SCRIPTS_WITHOUT_EXTENSION.has(name)) {
      files.push(path);
    }
  }
  return files;
}

const RELATIVE_PATH = /(['"`])(\.\.?\/[^'"`\s]*)\1/g;
const MACHINE_PATH = /(['"`])(?:file:\/\/)?\/(?:work|home|Users|root|mnt|srv)\/[^'"`]*\1/g;

/** Each place in `code` that reaches outside the repository, as `file:line: literal`. */
export function escapes(file: string, code: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  for (const match of code.matchAll(RELATIVE_PATH)) {
    const target = resolve(dirname(file), match[2]!);
    if (target !== ROOT && !target.startsWith(ROOT + sep)) found.push(`${relative(ROOT, file)}:${lineOf(match.index)}: ${match[0]}`);
  }
  for (const match of code.matchAll(MACHINE_PATH)) found.push(`${relative(ROOT, file)}:${lineOf(match.index)}: ${match[0]}`);
  for (const match of code.matchAll(/shared\/instruments/g)) found.push(`${relative(ROOT, file)}:${lineOf(match.index)}: shared/instruments`);
  return found;
}

describe('the repository is self-contained', () => {
  const files = sourceFiles();

  it('scans the code, the tests, the scripts and the configuration', () => {
    const names = files.map((file) => relative(ROOT, file));
    for (const expected of ['src/index.ts', 'server/main.ts', 'test/forms/instruments.test.ts', 'scripts/check-size.ts', 'vite.config.ts', '.ci/run']) {
      assert.ok(names.includes(expected), `${expected} is scanned`);
    }
  });

  it('finds a path that climbs out of the repository, and one that stays in', () => {
    const probe = join(ROOT, 'test', 'forms', 'probe.test.ts');
    // A sibling of the repository, spelled in parts so this file itself names no such path.
    const sibling = ['..', '..', '..', 'elsewhere', 'x', ''].join('/');
    assert.equal(escapes(probe, `new URL('${sibling}', import.meta.url)`).length, 1);
    assert.equal(escapes(probe, "readFileSync('/work/notes/a.md')").length, 1);
    assert.deepEqual(escapes(probe, "new URL('../../reference/instruments/', import.meta.url)"), []);
  });

  it('no code or test reads a path outside the repository', () => {
    const found = files.flatMap((file) => escapes(file, readFileSync(file, 'utf8')));
    assert.deepEqual(found, [], `paths outside the repository:\n${found.join('\n')}`);
  });
});
