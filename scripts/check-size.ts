/**
 * The last step of `npm run build`: measures what a page pays to load the elements, and fails the
 * build when the single-file CDN bundle passes its growth ceiling (the budget is in README.md,
 * "Size") or when the built code breaks a rule the source must keep (full zod in the browser, HTML
 * sinks). Its messages name only files in the repository (test/package/size-check.test.ts).
 *
 * Sizes are gzip at level 9, in KiB (1 KiB = 1024 bytes); the budget of 35 KB is read as 35 KiB.
 *
 * The budget is NOT met since the intake and checklist joined the bundle (all three elements are
 * about 67 KiB; zod/mini and Lit alone are 16). Until that is decided (per-element files loaded
 * from the script's own origin, or a smaller forms domain), the build says so on every run and
 * fails only past CDN_CEILING, a guard against further growth set just above today's size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'vite';

const KIB = 1024;
const CDN_BUDGET = 35 * KIB;
const CDN_AIM = 25 * KIB;
// Interim, until issue 9's per-element files: the clinical fixes and set-up diagnostics of issues 7–8.
// 85 since issue 8's texts per language joined issue 7's work: 81.1 KiB after that merge (main was 76.6).
const CDN_CEILING = 85 * KIB;

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const cdnBundle = join(dist, 'cdn', 'kap-elements.js');
const cdnModules = [cdnBundle, join(dist, 'cdn', 'i18n', 'es.js')];

const failures: string[] = [];

function gzipSize(code: string | Buffer): number {
  return gzipSync(code, { level: 9 }).length;
}

function kib(bytes: number): string {
  return (bytes / KIB).toFixed(2);
}

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The npm entry modules, taken from package.json `exports` so a new entry is measured without edits here. */
function npmEntries(): string[] {
  const pkg = JSON.parse(read(join(root, 'package.json'))) as { exports: Record<string, unknown> };
  const targets = Object.values(pkg.exports).map((target) =>
    typeof target === 'string' ? target : (target as { default?: string }).default,
  );
  return targets
    .filter((target): target is string => !!target && /^\.\/dist\/.*\.js$/.test(target) && !target.startsWith('./dist/cdn/'))
    .map((target) => join(root, target));
}

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** An entry and every local chunk it imports statically or dynamically (Lit and zod stay external). */
function localGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of read(file).matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), match[1]!));
  };
  visit(entry);
  return [...seen];
}

// ---- sizes ---------------------------------------------------------------------------------

interface Row {
  file: string;
  raw: number;
  gzip: number;
  withChunks?: number;
  /** As an app's bundler would ship it: each module minified, then gzipped together. */
  minifiedWithChunks?: number;
}

function minified(file: string): string {
  const result = minifySync(file, read(file), { compress: true, mangle: true });
  if (result.errors.length) throw new Error(`${relative(root, file)} does not minify: ${result.errors[0]!.message}`);
  return result.code;
}

const rows: Row[] = [];
for (const file of cdnModules) {
  if (!existsSync(file)) {
    failures.push(`${relative(root, file)} is missing: run \`vite build --mode cdn\` first.`);
    continue;
  }
  const code = readFileSync(file);
  rows.push({ file: relative(root, file), raw: code.length, gzip: gzipSize(code) });
}

const entries = npmEntries();
const npmFiles = new Set<string>();
for (const file of entries) {
  if (!existsSync(file)) {
    failures.push(`${relative(root, file)} is missing: run \`vite build\` first.`);
    continue;
  }
  const graph = localGraph(file);
  graph.forEach((chunk) => npmFiles.add(chunk));
  const code = readFileSync(file);
  rows.push({
    file: relative(root, file),
    raw: code.length,
    gzip: gzipSize(code),
    withChunks: gzipSize(graph.map(read).join('\n')),
    minifiedWithChunks: gzipSize(graph.map(minified).join('\n')),
  });
}

const header = ['file', 'raw KiB', 'gzip KiB', 'gzip KiB with its chunks', '… minified'];
const table = [
  header,
  ...rows.map((row) => [
    row.file,
    kib(row.raw),
    kib(row.gzip),
    row.withChunks === undefined ? '' : kib(row.withChunks),
    row.minifiedWithChunks === undefined ? '' : kib(row.minifiedWithChunks),
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
const formatLine = (line: string[]) =>
  line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');

const out: string[] = ['', 'Bundle sizes (gzip -9; 1 KiB = 1024 B; npm modules exclude Lit, @lit/task and zod, which stay external)'];
out.push(formatLine(table[0]!), widths.map((width) => '-'.repeat(width)).join('  '));
for (const line of table.slice(1)) out.push(formatLine(line));

const cdnRow = rows.find((row) => row.file === relative(root, cdnBundle));
if (cdnRow) {
  const verdict =
    cdnRow.gzip > CDN_BUDGET ? 'SIZE BUDGET NOT MET (README.md, "Size")' : cdnRow.gzip > CDN_AIM ? 'within budget, above the aim' : 'within the aim';
  out.push(
    '',
    `CDN bundle: ${kib(cdnRow.gzip)} KiB gzip (${cdnRow.gzip} B); budget ${kib(CDN_BUDGET)} KiB, aim ${kib(CDN_AIM)} KiB: ${verdict}.`,
  );
  if (cdnRow.gzip > CDN_BUDGET) {
    out.push(
      `  Over the budget of ${kib(CDN_BUDGET)} KiB by ${kib(cdnRow.gzip - CDN_BUDGET)} KiB, a known gap; the build fails past the growth ceiling of ${kib(CDN_CEILING)} KiB.`,
    );
  }
  if (cdnRow.gzip > CDN_CEILING) {
    failures.push(
      `dist/cdn/kap-elements.js is ${kib(cdnRow.gzip)} KiB gzip, past the growth ceiling of ${kib(CDN_CEILING)} KiB (the budget is ${kib(CDN_BUDGET)} KiB; README.md, "Size").`,
    );
  }
}
console.log(out.join('\n'));

// ---- rules the built code must keep --------------------------------------------------------

// Classic zod names its constructors `ZodType`, `ZodString`…; zod/mini's are `ZodMiniType`…. The
// names are string literals, so they survive minification.
const FULL_ZOD = /["'`]Zod(?:Type|String|Object)["'`]/;
// Lit's unsafe directives carry their name as a string (`directiveName="unsafeHTML"`); Lit's own
// use of innerHTML on <template> elements is not flagged.
const UNSAFE_DIRECTIVE = /["'`]unsafe(?:HTML|SVG|MathML)["'`]/;
const UNSAFE_DIRECTIVE_IMPORT = /["'](?:lit|lit-html)\/directives\/unsafe-(?:html|svg|mathml)\.js["']/;
// The npm modules hold only our code (Lit is external), so any HTML sink there is ours.
const HTML_SINK = /\.(?:innerHTML|outerHTML)\s*=|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(/;
const CONSOLE_LOG = /\bconsole\.log\s*\(/;
const ANY_IMPORT = /(?:^|[^\w$.])import\s*(?:[\w$*{][^"'`;]*?from\s*)?["'][^"']+["']|(?:^|[^\w$.])import\s*\(/;

for (const file of cdnModules.filter(existsSync)) {
  const code = read(file);
  const name = relative(root, file);
  if (FULL_ZOD.test(code)) failures.push(`${name} contains full zod; browser code must import 'zod/mini' only.`);
  if (UNSAFE_DIRECTIVE.test(code)) failures.push(`${name} contains Lit's unsafeHTML/unsafeSVG directive; render text through templates.`);
  if (ANY_IMPORT.test(code)) failures.push(`${name} imports another module; the CDN files must be self-contained.`);
}

for (const file of npmFiles) {
  const code = read(file);
  const name = relative(root, file);
  if (/["']zod["']/.test(code)) failures.push(`${name} imports full 'zod'; browser code must import 'zod/mini' only.`);
  if (UNSAFE_DIRECTIVE_IMPORT.test(code)) failures.push(`${name} imports an unsafe Lit directive (unsafeHTML/unsafeSVG).`);
  if (HTML_SINK.test(code)) failures.push(`${name} writes HTML through an innerHTML-style sink.`);
  if (CONSOLE_LOG.test(code)) failures.push(`${name} calls console.log.`);
}

if (failures.length > 0) {
  console.error(`\nBuild check failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('Build checks passed: size ceiling, zod/mini only, no HTML sinks, self-contained CDN files.\n');
