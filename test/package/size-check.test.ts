/**
 * The size check that ends `npm run build` (and so `npm start`) speaks only of files a reader of
 * the repository can open: it once said "DESIGN BUDGET NOT MET", naming a DESIGN.md that is not in
 * the repository. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Words that look like file names: `README.md`, `dist/cdn/kap-elements.js`. */
const FILE_NAME = /(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.(?:md|json|js|mjs|ts|html|css))(?![\w/-])/g;

describe('the size check', () => {
  it('names only files that are in the repository (or built into dist/)', () => {
    assert.ok(existsSync(join(ROOT, 'dist', 'cdn', 'kap-elements.js')), 'run `npm run build` first');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-size.ts'], { cwd: ROOT, encoding: 'utf8' });
    const output = `${run.stdout}\n${run.stderr}`;
    console.log(output);
    assert.equal(run.status, 0, 'the size check passes');
    const named = [...new Set([...output.matchAll(FILE_NAME)].map((match) => match[1]!))];
    assert.ok(named.includes('README.md'), 'the budget verdict points to the README');
    const missing = named.filter((name) => !existsSync(join(ROOT, name)));
    assert.deepEqual(missing, [], `the size check names files that do not exist here: ${missing.join(', ')}`);
  });
});
