/**
 * Where the bytes of the drop-in files come from: builds the CDN files (`vite build --mode cdn`)
 * with source maps into a temporary directory, attributes every byte of each minified file to the
 * source module it came from, and prints the largest modules of each file with their share of its
 * gzip size (each module's bytes gzipped alone, then scaled so the rows sum to the file's size).
 * `dist/` is left alone. For finding what to cut next (README.md, "Size"); not part of the build.
 *
 *   npx tsx scripts/size-breakdown.ts [kap-booking.js …] [--top N]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { createBuilder, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const only = args.filter((arg, index) => arg.endsWith('.js') && index !== topIndex + 1);

const out = mkdtempSync(join(tmpdir(), 'kap-size-'));

/** The CDN config as it is, with source maps on and every output redirected under `out`. */
const redirect: Plugin = {
  name: 'kap:size-breakdown',
  configEnvironment(_name, config) {
    const outDir = config.build?.outDir;
    if (!outDir) return;
    config.build = { ...config.build, sourcemap: true, outDir: join(out, relative(join(root, 'dist'), resolve(root, outDir))), emptyOutDir: false };
  },
};

const builder = await createBuilder({ root, configFile: join(root, 'vite.config.ts'), mode: 'cdn', logLevel: 'error', plugins: [redirect] });
await builder.buildApp();

function gzip(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

/** Source module of each byte of `code` (by its mapping segments), grouped; unmapped bytes as `(unmapped)`. */
function bytesBySource(code: string, mapText: string): Map<string, string> {
  const map = new TraceMap(mapText);
  const lines = code.split('\n');
  const segments: { line: number; column: number; source: string }[] = [];
  eachMapping(map, (mapping) => {
    segments.push({ line: mapping.generatedLine - 1, column: mapping.generatedColumn, source: mapping.source ?? '(unmapped)' });
  });
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  const parts = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    const file = resolve(join(out, 'cdn'), source);
    const name = file.includes('/node_modules/') ? file.replace(/^.*\/node_modules\//, 'node_modules/') : relative(root, file);
    parts.set(name, [...(parts.get(name) ?? []), text]);
  };
  let cursor = { line: 0, column: 0, source: '(unmapped)' };
  const flush = (line: number, column: number) => {
    if (line === cursor.line) add(cursor.source, lines[line]!.slice(cursor.column, column));
    else {
      add(cursor.source, lines[cursor.line]!.slice(cursor.column));
      for (let between = cursor.line + 1; between < line; between++) add(cursor.source, lines[between]!);
      add(cursor.source, lines[line]!.slice(0, column));
    }
  };
  for (const segment of segments) {
    flush(segment.line, segment.column);
    cursor = segment;
  }
  flush(lines.length - 1, lines.at(-1)!.length);
  return new Map([...parts].map(([name, texts]) => [name, texts.join('')]));
}

function groupOf(name: string): string {
  if (name.startsWith('node_modules/')) {
    const parts = name.slice('node_modules/'.length).split('/');
    return `node_modules/${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  return name;
}

const files = readdirSync(join(out, 'cdn'))
  .filter((name) => name.endsWith('.js'))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
for (const name of files) {
  const file = readFileSync(join(out, 'cdn', name), 'utf8');
  const total = gzip(file);
  // vite.config.ts's legal banner is the file's first line, added after its source map was made.
  const banner = /^\/\*! Bundled:.*\n/.exec(file)?.[0] ?? '';
  const code = file.slice(banner.length);
  const bySource = bytesBySource(code, readFileSync(join(out, 'cdn', `${name}.map`), 'utf8'));
  if (banner) bySource.set('(licence banner)', banner);
  const rows = [...bySource].map(([source, text]) => ({ source, raw: text.length, gzip: gzip(text) }));
  const scale = total / rows.reduce((sum, row) => sum + row.gzip, 0);
  const groups = new Map<string, { raw: number; gzip: number }>();
  for (const row of rows) {
    const group = groupOf(row.source);
    const entry = groups.get(group) ?? { raw: 0, gzip: 0 };
    groups.set(group, { raw: entry.raw + row.raw, gzip: entry.gzip + row.gzip * scale });
  }
  const kib = (bytes: number) => (bytes / 1024).toFixed(2).padStart(6);
  console.log(`\n${name}: ${kib(code.length)} KiB raw, ${kib(total)} KiB gzip -9`);
  const sorted = [...groups].sort((a, b) => b[1].gzip - a[1].gzip);
  for (const [group, { raw, gzip: share }] of sorted.slice(0, top)) console.log(`  ${kib(share)} ~gzip  ${kib(raw)} raw  ${group}`);
  const rest = sorted.slice(top);
  if (rest.length) console.log(`  ${kib(rest.reduce((sum, [, row]) => sum + row.gzip, 0))} ~gzip  in ${rest.length} more modules`);
}
rmSync(out, { recursive: true, force: true });
