/**
 * `npm run build`, after `npm run analyze`: the framework typings (`dist/frameworks/*.d.ts`) and
 * the editor data (`dist/vscode.*.json`, `dist/web-types.json`), all from custom-elements.json
 * (scripts/frameworks/). test/package/frameworks.test.ts writes them again and compares.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { frameworkFiles } from './frameworks/files.js';
import type { Manifest } from './frameworks/elements.js';

const ROOT = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
const files = frameworkFiles(manifest);
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), content);
}
process.stdout.write(`framework typings and editor data: ${Object.keys(files).length} files → dist/frameworks/, dist/\n`);
