/**
 * The reference backend's shape, as a newcomer relies on it: rooms that import in one direction
 * only, no file past about 400 lines, and the stores' engine behind its interface — routes,
 * middleware, rules and the demo speak `Stores`, never SQLite.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'server');
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports (types included), as repository paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gms)].map((match) => match[1]!);
  return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(ROOT, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier));
}

const files = sourceFiles(SERVER);
const graph = new Map(files.map((file) => [relative(ROOT, file), importsOf(file)]));

describe('the shape of server/', () => {
  test(`no file is longer than ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => [relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    assert.deepEqual(long, []);
  });

  test('no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const imported of graph.get(file) ?? []) if (graph.has(imported)) visit(imported, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  test('only the SQLite engine, app.ts choosing it by default and the command-line tools opening its file know SQLite: routes, middleware, rules and the demo speak Stores', () => {
    const engine = (imported: string) => imported === 'better-sqlite3' || imported.startsWith('server/stores/sqlite/');
    const offenders = [...graph]
      .filter(([file]) => !file.startsWith('server/stores/sqlite/') && !file.startsWith('server/cli/') && file !== 'server/app.ts')
      .flatMap(([file, imports]) => imports.filter(engine).map((imported) => `${file} imports ${imported}`));
    assert.deepEqual(offenders, []);
  });

  test('the server imports no element, base class or Lit', () => {
    const offenders = [...graph].flatMap(([file, imports]) =>
      imports
        .filter(
          (imported) =>
            /^src\/(elements|base|events|styles)\//.test(imported) || imported === 'lit' || imported.startsWith('lit/') || imported.startsWith('@lit/'),
        )
        .map((imported) => `${file} imports ${imported}`),
    );
    assert.deepEqual(offenders, []);
  });
});
