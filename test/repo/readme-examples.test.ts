/**
 * The README's snippets marked `<!-- copied from examples/… -->` are copied from the example apps,
 * which test/e2e/examples.test.ts builds and books with: each snippet's lines (indentation aside)
 * must appear, in order and together, in the file it names, so a snippet cannot drift from code
 * that works.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Whether `part` is a run of consecutive lines of `whole`. */
function containsRun(whole: string[], part: string[]): boolean {
  return whole.some((_, start) => part.every((line, i) => whole[start + i] === line));
}

describe('the README’s snippets copied from the example apps', () => {
  const snippets = [...README.matchAll(/<!-- copied from (examples\/[^ ]+) -->\n```\w*\n([\s\S]*?)\n```/g)].map((match) => ({
    file: match[1]!,
    code: match[2]!,
  }));

  it('are marked for the plain HTML, WordPress, React and Vue apps', () => {
    assert.deepEqual([...new Set(snippets.map((snippet) => snippet.file))].sort(), [
      'examples/plain-html/index.html',
      'examples/react/src/App.tsx',
      'examples/vue/src/App.vue',
      'examples/vue/vite.config.ts',
      'examples/wordpress/index.html',
    ]);
  });

  it('each appear in the file they name', () => {
    for (const { file, code } of snippets) {
      assert.ok(existsSync(join(ROOT, file)), `${file} exists`);
      assert.ok(containsRun(lines(readFileSync(join(ROOT, file), 'utf8')), lines(code)), `the README's snippet is in ${file}:\n${code}`);
    }
  });
});
