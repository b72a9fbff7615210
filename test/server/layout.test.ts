/**
 * The reference backend's shape, as a newcomer relies on it: no file past about 400 lines (rooms
 * that import in one direction only: test/repo/import-cycles.test.ts), and the stores' engine behind its interface — routes,
 * middleware, rules and the demo speak `Stores`, never SQLite.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { importGraph, ROOT, sourceFiles } from '../support/import-graph.js';

const SERVER = join(ROOT, 'server');
const MAX_LINES = 400;

const files = sourceFiles(SERVER);
const graph = importGraph('server');

describe('the shape of server/', () => {
  test(`no file is longer than ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => [relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    assert.deepEqual(long, []);
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
