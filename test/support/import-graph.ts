/**
 * The repository's static imports, read from the source text (type-only imports and re-exports
 * included; `import()` left out: a dynamic import loads later and closes no cycle), for the tests of
 * the code's shape (test/repo/import-cycles.test.ts, test/server/layout.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every `.ts` file under `directory` (absolute paths). */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? (entry.name === 'node_modules' ? [] : sourceFiles(path)) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports (types included), as repository paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gms)].map((match) => match[1]!);
  return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(ROOT, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier));
}

/** Repository path → what it imports, for every `.ts` file under the given folders of the repository. */
export function importGraph(...folders: string[]): Map<string, string[]> {
  const files = folders.flatMap((folder) => sourceFiles(join(ROOT, folder)));
  return new Map(files.map((file) => [relative(ROOT, file), importsOf(file)]));
}

/** Each import cycle of `graph`, as `a → b → a`. */
export function importCycles(graph: Map<string, string[]>): string[] {
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
  return cycles;
}
