/**
 * Runs `node:test` files from a compiled copy of the repository, for `npm run test:node` and
 * `test:e2e`. Under `--import tsx` every test file, and every server or worker it starts, paid
 * tsx's loader on each module it imported: about 0.7 s of CPU before the first test, 40 % of the
 * node tests' CPU in all, on a machine where `npm test` is bound by CPU.
 *
 * The copy lives in `node_modules/.cache/kap-node-test/<pid>/`, out of the way of the formatter and
 * the linters: every file of the repository hard-linked at its own path, so a test that finds files
 * from its own location finds the same ones, plus each `.ts` file compiled beside it to `.js` by
 * esbuild (tsx's own compiler, with the repository's decorator settings) with an inline source map,
 * so a failure points at the `.ts` line. `node_modules` and the build's output folders are linked,
 * not copied, so a build made meanwhile is seen. The copy is removed when the run ends.
 *
 *   node scripts/node-test.mjs [--files-per-process=N] [node --test options, as --name=value] <folder or test file>…
 *
 * `--files-per-process=N` runs up to N test files in one Node process (see `grouped` below): the
 * node tests' 88 files took 175 CPU-seconds one to a process and 86 at 30 to a process; the 16
 * end-to-end files, 170 and 138 all in one.
 *
 * A folder stands for its `*.test.ts` files. To run one file while working on it, `node --import
 * tsx --test test/…/x.test.ts` needs no copy. A test that starts one of the repository's entry
 * points in a child process runs its compiled copy too (`test/support/node-entry.ts`).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stop, transform } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const copies = join(root, 'node_modules', '.cache', 'kap-node-test');
/**
 * Written by the build or at run time, or installed: linked as folders, so the tests see them as
 * they are now (and a test that runs `node_modules/.bin/x` from the repository's root finds it).
 */
const LINKED = new Set(['dist', 'dist-console', 'storybook-static', 'data', 'test-results']);
const TS_OPTIONS = {
  loader: 'ts',
  format: 'esm',
  target: 'es2022',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true } },
};

const args = process.argv.slice(2);
const options = args.filter((arg) => arg.startsWith('--'));
const perProcess = Number(options.find((arg) => arg.startsWith('--files-per-process='))?.split('=')[1] ?? 1);
const nodeOptions = options.filter((arg) => !arg.startsWith('--files-per-process='));
const targets = args.filter((arg) => !arg.startsWith('--'));
if (targets.length === 0 || !Number.isInteger(perProcess) || perProcess < 1) {
  console.error('Usage: node scripts/node-test.mjs [--files-per-process=N, N ≥ 1] [node --test options] <folder or test file>…');
  process.exit(2);
}

removeAbandoned();
const out = join(copies, String(process.pid));
const groupsDir = `${out}.groups`;
const OWN_PROCESS = /^\/\/ node-test: own process\b/m;
const compiling = [];
copyTree(root, out);
await Promise.all(compiling);
await stop(); // esbuild's service process would otherwise idle beside the whole run

const files = targets.flatMap((target) => {
  const path = resolve(root, target);
  const names = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.test.ts'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  return names.map((name) => join(out, relative(root, name)).replace(/\.ts$/, '.js'));
});

const child = spawn(process.execPath, ['--enable-source-maps', '--test', ...nodeOptions, ...grouped(files)], { cwd: out, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(out, { recursive: true, force: true });
  rmSync(groupsDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});

/**
 * The test files, `perProcess` to a process (`--files-per-process=N`): each group is one module that
 * imports each of its files inside a suite named after it, so they share one Node and the modules
 * they load, instead of each paying for a process of its own. A file's top-level `before` and
 * `after` then belong to its suite: its set-up runs when its tests start and its clean-up when they
 * end, as in a process of its own. Files are dealt round-robin in name order, so the suites of one
 * folder, which tend to cost alike, spread over the groups. A file whose tests need a fresh process
 * (module state they check, or process-wide settings they must not see or leave) says so with a
 * line `// node-test: own process, <why>` and runs alone. The groups live beside the copy, not in
 * it, so the tests that read the repository's files do not find them.
 */
function grouped(testFiles) {
  if (perProcess <= 1) return testFiles;
  const alone = testFiles.filter((file) => OWN_PROCESS.test(readFileSync(file.replace(/\.js$/, '.ts'), 'utf8')));
  const shared = testFiles.filter((file) => !alone.includes(file));
  const groups = Array.from({ length: Math.ceil(shared.length / perProcess) }, () => []);
  shared.forEach((file, index) => groups[index % groups.length].push(file));
  mkdirSync(groupsDir, { recursive: true });
  const entries = groups.map((group, index) => {
    const entry = join(groupsDir, `group-${index + 1}.js`);
    const suites = group.map(
      (file) => `describe(${JSON.stringify(relative(out, file).replace(/\.js$/, '.ts'))}, () => import(${JSON.stringify(pathToFileURL(file).href)}));\n`,
    );
    writeFileSync(entry, `import { describe } from 'node:test';\n${suites.join('')}`);
    return entry;
  });
  return [...entries, ...alone];
}

/** Mirrors `from` at `to`: folders made, files hard-linked, `.ts` files also compiled beside. */
function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.name === '.git') continue;
    if (entry.isDirectory() && ((from === root && LINKED.has(entry.name)) || entry.name === 'node_modules')) {
      symlinkSync(source, target);
    } else if (entry.isDirectory()) {
      copyTree(source, target);
    } else if (entry.isFile()) {
      link(source, target);
      if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) compiling.push(compile(source, target.replace(/\.ts$/, '.js')));
    } else if (entry.isSymbolicLink()) {
      symlinkSync(source, target);
    }
  }
  // Built while the tests run (npm test builds beside them): the links must be there before it is.
  if (from === root) for (const name of ['dist', 'dist-console']) if (!readdirSync(to).includes(name)) symlinkSync(join(from, name), join(to, name));
}

/** A hard link, or a copy where the file system has none. */
function link(source, target) {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

async function compile(source, target) {
  const { code } = await transform(readFileSync(source, 'utf8'), { ...TS_OPTIONS, sourcefile: source });
  writeFileSync(target, code);
}

/** Copies left by runs that were killed before they could remove theirs. */
function removeAbandoned() {
  let entries;
  try {
    entries = readdirSync(copies);
  } catch {
    return; // none yet
  }
  for (const name of entries) {
    if (!isRunning(Number.parseInt(name, 10))) rmSync(join(copies, name), { recursive: true, force: true });
  }
}

function isRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
