/**
 * The contract sits at the bottom: src/api imports nothing from the domain folders, the elements
 * or Lit, so the server, the console and every element can use it (STYLE.md, "no upward imports").
 * And src/i18n, which every element loads, does not pull in the intake's domain.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

function importsOf(folder: string): { file: string; target: string }[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(SRC, folder, file), 'utf8').matchAll(IMPORT)].map((match) => ({ file: `src/${folder}/${file}`, target: match[1]! })),
    );
}

describe('layers', () => {
  it('src/api imports only itself, src/staff and zod/mini', () => {
    const upward = importsOf('api').filter(({ file, target }) => {
      if (target === 'zod/mini') return false;
      if (!target.startsWith('.')) return true;
      const to = relative(SRC, resolve(SRC, '..', dirname(file), target));
      return !/^(?:api|staff)[\\/]/.test(to);
    });
    assert.deepEqual(upward, []);
  });

  it('src/i18n does not import src/forms', () => {
    const forms = importsOf('i18n').filter(({ target }) => /(?:^|\/)forms\//.test(target));
    assert.deepEqual(forms, []);
  });
});
