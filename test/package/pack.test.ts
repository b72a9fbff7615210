/**
 * What `npm publish` would ship, from `npm pack --dry-run --json`: only the built package (dist/,
 * the manifest, package.json and the README), no source maps, a custom-elements.json a consumer's
 * tools can use (public API only, paths that exist in the package), and a size under a ceiling.
 * The file list with sizes is printed in the test output. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const KB = 1000;

/**
 * Ceilings a little above today's figures (npm's sizes are bytes; 1 kB = 1000 B, as npm prints):
 * 1,870 kB unpacked and 521 kB packed since issue 9's drop-in file per element (three
 * self-contained files beside kap-elements.js, each with Lit and zod/mini) and the lazy chunks;
 * 1,994 kB and 558 kB after the clinic's side came into the README (103 kB) and the manifest gave
 * every event its type (83 kB); 2,107 kB and 589 kB at the merge of issue 11 (the README's console,
 * notifications and access-link sections), over the unpacked ceiling; 2,114 kB and 591 kB with the
 * CHANGELOG, the example apps' snippets and the deployment pointers (issue 13); 2,216 kB and 600 kB
 * with the framework typings, the React components and the editor data (VS Code, JetBrains: 107 kB
 * of it, issue 13); 2,302 kB and 627 kB once the calendar-file writer became a lazy chunk of each
 * drop-in file that offers a file, and the booking's manage words a chunk of their own (issue 9:
 * less for a page to load, a copy more in the package); 631 kB packed once the booking's details
 * step and its words became chunks, 637 kB with the intake's answer checks as one (issue 9 again);
 * 2,350 kB and 644 kB with the booking's writes as chunks (each a copy in two drop-in files); 2,369 kB
 * and 649 kB with the intake's sending in the checks' chunk and more of the words beside their views;
 * 2,375 kB and 652 kB with managing's actions, Confirm, Send's steps, the checklist's reminders and
 * the intake's language warnings in the chunks of what uses them (after the README's size history
 * moved to docs/, 3 kB less); 2,380 kB and 655 kB once the contact details' checks, the submissions'
 * endpoints and the modules only check-your-answers and sending use were split off for their chunks
 * (each split a module more in every build); 2,400 kB and 665 kB with the intake's draft and what a
 * failed sending shows, and the booking's later views' styles, as chunks of their own; 2,420 kB and
 * 670 kB with the render path's lenient definition validators beside the full ones (the full ones
 * now only in the authoring checks' chunk of each drop-in file with the intake, and in forms.js);
 * 2,440 kB and 675 kB with the write status a chunk of the files whose views write, and the self-contained
 * Trusted Types explainer beside the four drop-in files; 2,460 kB and 685 kB with the intake's date
 * and consent questions and the markdown parser as chunks of the files that show them; 695 kB
 * packed with the crisis panel, the resolving of an included page and the parts' words as chunks too;
 * 2,480 kB unpacked with the templates of emphasis, links and lists a chunk beside the parser's, and
 * the checklist's reminders' words one of their own; 2,490 kB with the hold's notice rule in the
 * README and the CHANGELOG, and the intake's answers that leave the page as it is; 700 kB packed
 * with the `missing_locale` wording a chunk of each drop-in file (each file's own header in the
 * tarball) and the README's account of the options drawn into the DOM; 2,510 kB and 710 kB with
 * the words for an unusable `api` attribute a chunk of each drop-in file and of the npm build;
 * 2,520 kB unpacked with the README's account of the first page's chunks in fewer round trips;
 * 2,545 kB and 715 kB with the focus rescue's search for where focus lands a chunk of each drop-in
 * file and a module of the npm build, and the README's account of the intake's choice groups drawn
 * straight into the DOM; 2,555 kB and 720 kB with the README's and the CHANGELOG's account of the
 * intake's options copied from a group of the same shape.
 */
const UNPACKED_CEILING = 2_555 * KB;
const PACKED_CEILING = 720 * KB;
const MANIFEST_CEILING = 90 * KB;

interface PackResult {
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

interface Manifest {
  modules: {
    path: string;
    declarations?: {
      name: string;
      tagName?: string;
      superclass?: { name: string; module?: string; package?: string };
      members?: { name: string; privacy?: string; static?: boolean; inheritedFrom?: { module?: string } }[];
      attributes?: { name: string; inheritedFrom?: { module?: string } }[];
      events?: { name: string; type?: { text: string } }[];
    }[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

interface PackageJson {
  main: string;
  module: string;
  types: string;
  customElements: string;
  'web-types': string;
  exports: Record<string, string | Record<string, string>>;
}

let pack: PackResult;
let shipped: Set<string>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

const normalize = (path: string) => path.replace(/^\.\//, '');

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist', 'index.js')), 'run `npm run build` first');
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  [pack] = JSON.parse(output) as PackResult[];
  shipped = new Set(pack.files.map((file) => file.path));
  const rows = [...pack.files].sort((a, b) => b.size - a.size).map((file) => `${String(file.size).padStart(9)}  ${file.path}`);
  console.log(
    `npm pack: ${pack.entryCount} files, ${(pack.size / KB).toFixed(1)} kB packed, ${(pack.unpackedSize / KB).toFixed(1)} kB unpacked\n` +
      `${'bytes'.padStart(9)}  file\n${rows.join('\n')}`,
  );
});

describe('the npm package', () => {
  it('ships the built package and nothing else', () => {
    const allowed = (path: string) =>
      path.startsWith('dist/') ||
      ['package.json', 'README.md', 'CHANGELOG.md', 'custom-elements.json', 'bin/kap-elements.mjs'].includes(path) ||
      /^LICEN[CS]E/.test(path);
    assert.deepEqual(
      [...shipped].filter((path) => !allowed(path)),
      [],
    );
    assert.ok(![...shipped].some((path) => path.startsWith('dist/') && path.endsWith('.ts') && !path.endsWith('.d.ts')), 'no TypeScript sources');
  });

  it('ships no source maps, and no file points at one', () => {
    assert.deepEqual(
      [...shipped].filter((path) => path.endsWith('.map')),
      [],
      'no .map files',
    );
    const pointing = [...shipped].filter((path) => /\.(?:m?js|d\.ts)$/.test(path) && readFileSync(join(ROOT, path), 'utf8').includes('sourceMappingURL'));
    assert.deepEqual(pointing, [], 'no sourceMappingURL comment to a file that is not shipped');
  });

  it('ships every file package.json points at', () => {
    const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types']];
    for (const target of Object.values(pkg.exports)) targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
    const missing = targets.map(normalize).filter((target) => !shipped.has(target));
    assert.deepEqual(missing, [], 'exports, main, types, customElements and web-types all resolve inside the package');
  });

  it('ships the framework typings, the React components and the editor data (README, "Using the elements in a framework")', () => {
    for (const name of ['react-jsx', 'preact-jsx', 'solid-jsx', 'vue', 'svelte']) {
      assert.deepEqual(pkg.exports[`./${name}`], { types: `./dist/frameworks/${name}.d.ts`, default: `./dist/frameworks/${name}.js` }, `kap-elements/${name}`);
    }
    assert.deepEqual(pkg.exports['./react'], { types: './dist/types/react/index.d.ts', default: './dist/react.js' });
    const react = readFileSync(join(ROOT, 'dist', 'react.js'), 'utf8');
    assert.match(react, /from "react"/, 'React stays external');
    assert.match(react, /from "@lit\/react"/, '@lit/react stays external');
    assert.ok(
      !/\bclass \w+ extends LitElement\b|createElement\(|function createComponent/.test(react),
      'neither Lit, React nor @lit/react is bundled into react.js',
    );
    for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'])
      assert.ok(shipped.has(`dist/${file}`), `dist/${file}`);
    assert.equal(pkg['web-types'], './dist/web-types.json');
  });

  it('exports every entry it builds: the npm modules, the drop-in files, the languages and the JSON documents', () => {
    const exported = new Set(
      Object.values(pkg.exports)
        .map((target) => (typeof target === 'string' ? target : target.default))
        .filter((target): target is string => !!target)
        .map(normalize),
    );
    // Chunks are loaded by the entries, never imported by a consumer; types go with their entry.
    const entries = [...shipped].filter((path) => /^dist\/(?:cdn\/)?(?:i18n\/)?[^/]+\.(?:js|json)$/.test(path));
    assert.ok(entries.length >= 14, `the entries are found (${entries.length})`);
    assert.deepEqual(
      entries.filter((path) => !exported.has(path)),
      [],
      'every built entry has an `exports` key',
    );
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string' || !target.default?.endsWith('.js')) continue;
      assert.ok(target.types && shipped.has(normalize(target.types)), `${key} has its types`);
    }
  });

  it('runs nothing when installed, and keeps its manifest to what a consumer needs', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'prepublishOnly', 'postpack'];
    assert.deepEqual(
      lifecycle.filter((name) => name in scripts),
      [],
      'no install or pack scripts: what is tested is what ships',
    );
    // What the shipped files import; the reference backend's own (nodemailer, Hono…) are devDependencies.
    assert.deepEqual(Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: object }).dependencies).sort(), [
      '@lit/react',
      '@lit/task',
      'lit',
      'zod',
    ]);
  });

  it('stays under its size ceilings', () => {
    assert.ok(pack.unpackedSize <= UNPACKED_CEILING, `unpacked ${pack.unpackedSize} B ≤ ${UNPACKED_CEILING} B`);
    assert.ok(pack.size <= PACKED_CEILING, `packed ${pack.size} B ≤ ${PACKED_CEILING} B`);
  });
});

describe('the shipped custom-elements.json', () => {
  const read = () => JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;

  it('is small', () => {
    const size = pack.files.find((file) => file.path === 'custom-elements.json')?.size ?? Infinity;
    assert.ok(size <= MANIFEST_CEILING, `custom-elements.json is ${size} B ≤ ${MANIFEST_CEILING} B`);
  });

  it('describes the three elements at modules the package ships and exports', () => {
    const manifest = read();
    const exported = new Set(
      Object.values(pkg.exports)
        .map((target) => (typeof target === 'string' ? target : target.default))
        .filter((target): target is string => !!target)
        .map(normalize),
    );
    const definitions = manifest.modules.flatMap((mod) =>
      (mod.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition').map((entry) => ({ ...entry, path: mod.path })),
    );
    assert.deepEqual(definitions.map((entry) => entry.name).sort(), ['kap-booking', 'kap-intake', 'kap-prep-checklist']);
    for (const mod of manifest.modules) {
      assert.ok(shipped.has(mod.path), `${mod.path} is in the package`);
      assert.ok(exported.has(mod.path), `${mod.path} can be imported (package.json exports)`);
    }
    const references = JSON.stringify(manifest).match(/"module":\s*"[^"]*"/g) ?? [];
    const dangling = references.map((reference) => reference.replace(/"module":\s*"|"$/g, '')).filter((module) => !shipped.has(module));
    assert.deepEqual([...new Set(dangling)], [], 'every module reference points at a shipped file');
  });

  it('lists only the public API: no private, protected, static or underscored members', () => {
    const manifest = read();
    const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
    const hidden = declarations.flatMap((declaration) =>
      (declaration.members ?? [])
        .filter((member) => member.privacy === 'private' || member.privacy === 'protected' || member.static || /^[_#]/.test(member.name))
        .map((member) => `${declaration.name}.${member.name}`),
    );
    assert.deepEqual(hidden, []);
    const untyped = declarations.flatMap((declaration) =>
      (declaration.events ?? []).filter((event) => !event.type?.text).map((event) => `${declaration.name} ${event.name}`),
    );
    assert.deepEqual(untyped, [], 'every event names its class');
    const booking = declarations.find((declaration) => declaration.tagName === 'kap-booking');
    assert.ok(booking, 'kap-booking is described');
    for (const attribute of ['api', 'service', 'time-zone', 'theme', 'privacy-url']) {
      assert.ok(
        booking.attributes?.some((entry) => entry.name === attribute),
        `kap-booking documents ${attribute}`,
      );
    }
  });
});

describe('what the README promises the package exports', () => {
  it('kap-elements/forms.js: the scoring functions and the intake domain, importable in Node', async () => {
    const target = pkg.exports['./forms.js'];
    assert.ok(target && typeof target === 'object', 'package.json exports ./forms.js');
    for (const file of Object.values(target)) assert.ok(shipped.has(normalize(file)), `${file} is in the package`);
    const forms = (await import(pathToFileURL(join(ROOT, normalize(target.default!))).href)) as Record<string, unknown>;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const promised = [...(readme.match(/exported functions\s*\(([^)]*)\)/)?.[1] ?? '').matchAll(/`(\w+)`/g)].map((match) => match[1]!);
    assert.deepEqual(promised, ['scorePhq9', 'scoreGad7', 'scorePcl5'], 'the README names the scoring functions');
    for (const name of [...promised, 'scoreInstrument', 'scoreForm', 'parseFormDefinition', 'LOINC_NOTICE']) {
      assert.equal(typeof forms[name] === 'function' || typeof forms[name] === 'string', true, `kap-elements/forms.js exports ${name}`);
    }
    const score = (forms['scorePhq9'] as (answers: Record<string, number>) => { total: number | null; complete: boolean })(
      Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`q${i + 1}`, 1])),
    );
    assert.deepEqual([score.total, score.complete], [9, true]);
  });

  it('every shipped file that carries LOINC codes carries LOINC’s notice', () => {
    // Panel, question and answer codes of the built-in instruments, e.g. 44249-1, LA6568-5.
    const code = /["'](?:44249-1|69737-5|101697-1|LA6568-5)["']/;
    const notice = 'This material contains content from LOINC®';
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    // A chunk may take the notice from a chunk it imports (the PHQ-9's, shared with the Spanish
    // module, holds it; the GAD-7 and PCL-5 import it from there): it cannot load without that file.
    const carries = (path: string, seen = new Set<string>()): boolean => {
      if (seen.has(path)) return false;
      seen.add(path);
      const text = read(path);
      if (text.includes(notice)) return true;
      const imported = [...text.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => normalize(join(dirname(path), match[1]!)));
      return imported.some((target) => shipped.has(target) && carries(target, seen));
    };
    const withCodes = [...shipped].filter((path) => path.endsWith('.js') && code.test(read(path)));
    assert.ok(withCodes.length > 0, 'the instruments ship');
    const without = withCodes.filter((path) => !carries(path));
    assert.deepEqual(without, [], 'files with LOINC codes but no LOINC notice');
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(notice), 'README.md carries the notice');
  });
});

describe('the drop-in files (dist/cdn/)', () => {
  it('ships one file per element and one with all three, each defining its tags', () => {
    const tags: Record<string, string[]> = {
      'kap-booking.js': ['kap-booking'],
      'kap-intake.js': ['kap-intake'],
      'kap-prep-checklist.js': ['kap-prep-checklist'],
      'kap-elements.js': ['kap-booking', 'kap-intake', 'kap-prep-checklist'],
    };
    for (const [file, defined] of Object.entries(tags)) {
      const path = `dist/cdn/${file}`;
      assert.ok(shipped.has(path), `${path} is in the package`);
      const code = readFileSync(join(ROOT, path), 'utf8');
      for (const tag of ['kap-booking', 'kap-intake', 'kap-prep-checklist']) {
        const named = new RegExp(`[\`"']${tag}[\`"']`).test(code);
        assert.equal(named, defined.includes(tag), `${file} ${defined.includes(tag) ? 'defines' : 'does not carry'} <${tag}>`);
      }
    }
  });

  it('carries only its own element’s words (and the shared ones) in each single-element file', () => {
    const words = {
      'kap-booking.js': 'Choose a time',
      'kap-intake.js': 'Send my answers',
      'kap-prep-checklist.js': 'The clinic has not added anything to prepare yet.',
    };
    for (const file of Object.keys(words)) {
      const code = readFileSync(join(ROOT, 'dist', 'cdn', file), 'utf8');
      for (const [owner, text] of Object.entries(words))
        assert.equal(code.includes(text), owner === file, `${file} ${owner === file ? 'carries' : 'does not carry'} "${text}"`);
    }
    const all = readFileSync(join(ROOT, 'dist', 'cdn', 'kap-elements.js'), 'utf8');
    for (const text of Object.values(words)) assert.ok(all.includes(text), `kap-elements.js carries "${text}"`);
  });

  /** `text` (a quoted string literal) is not in `entry`'s drop-in file but in one of its chunks. */
  function inChunkOnly(entry: string, text: string): void {
    const code = readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8');
    assert.ok(!['`', "'", '"'].some((quote) => code.includes(`${quote}${text}${quote}`)), `${entry}.js does not carry "${text}"`);
    const chunks = readdirSync(join(ROOT, 'dist', 'cdn', 'chunks')).filter((name) => name.startsWith(`${entry}-`));
    assert.ok(
      chunks.some((name) => readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8').includes(text)),
      `a chunk of ${entry}.js carries "${text}"`,
    );
  }

  it('leaves the words of the booking views shown later to their chunks, in the booking file and in the file with all three', () => {
    // The manage view's heading and its cancel's progress (en-booking-later.ts), the details form's
    // heading and the calendar file's summary (en-booking-details.ts), a form error's title (en-form-errors.ts).
    for (const text of ['Your appointment', 'Cancelling your appointment…', 'Your details', '{service} appointment'])
      for (const entry of ['kap-booking', 'kap-elements']) inChunkOnly(entry, text);
    inChunkOnly('kap-booking', 'There is a problem');
  });

  it('leaves the answer checks’ words to the checks’ chunk, in the intake file and in the file with all three', () => {
    // A consent question's message (en-intake-validation.ts, from src/i18n/validation-messages.ts),
    // and check-your-answers' heading, which only the checks lead to.
    for (const entry of ['kap-intake', 'kap-elements'])
      for (const text of ['Confirm that you agree', 'Check your answers before sending them']) inChunkOnly(entry, text);
  });

  it('keeps the medical screening page out of the intake files, in a chunk they load when a definition includes it', () => {
    const text = 'Answering yes does not mean you cannot have treatment';
    for (const entry of ['kap-intake', 'kap-elements']) {
      const code = readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8');
      assert.ok(!code.includes(text), `${entry}.js does not carry the page`);
      const holder = readdirSync(join(ROOT, 'dist', 'cdn', 'chunks')).find(
        (name) => name.startsWith(`${entry}-`) && readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8').includes(text),
      );
      assert.ok(holder && code.includes(`import(\`./chunks/${holder}\`)`), `${entry}.js imports the chunk with the page dynamically`);
    }
  });

  it('keeps the instrument texts and their scoring out of the intake files, in a chunk they load when a definition uses one', () => {
    const text = 'Little interest or pleasure in doing things';
    for (const entry of ['kap-intake', 'kap-elements']) {
      const code = readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8');
      assert.ok(!code.includes(text), `${entry}.js does not carry the PHQ-9`);
      const holder = readdirSync(join(ROOT, 'dist', 'cdn', 'chunks')).find(
        (name) => name.startsWith(`${entry}-`) && readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8').includes(text),
      );
      assert.ok(holder && shipped.has(`dist/cdn/chunks/${holder}`), `a shipped chunk of ${entry}.js carries the PHQ-9`);
      assert.ok(code.includes(`import(\`./chunks/${holder}\`)`), `${entry}.js imports the chunk with the instruments dynamically`);
    }
  });

  it('keeps the authoring checks of a form definition out of the intake files, in a chunk they load only for an inline definition', () => {
    const check = 'which is display text, not a question';
    for (const entry of ['kap-intake', 'kap-elements']) {
      assert.ok(!readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8').includes(check), `${entry}.js does not carry the authoring checks`);
      const chunks = readdirSync(join(ROOT, 'dist', 'cdn', 'chunks')).filter((name) => name.startsWith(`${entry}-`));
      const holder = chunks.find((name) => readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8').includes(check));
      assert.ok(holder, `a chunk of ${entry}.js carries them`);
      assert.ok(shipped.has(`dist/cdn/chunks/${holder}`), `dist/cdn/chunks/${holder} is in the package`);
      const loads =
        readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8').includes(`import(\`./chunks/${holder}\`)`) ||
        readFileSync(join(ROOT, 'dist', 'cdn', `${entry}.js`), 'utf8').includes(`import("./chunks/${holder}")`);
      assert.ok(loads, `${entry}.js imports ./chunks/${holder} dynamically`);
      // They check an inline form with what its render loaded: a form without instruments or the screening page fetches neither.
      const imported = staticChunks(holder);
      for (const text of ['Little interest or pleasure in doing things', 'Answering yes does not mean you cannot have treatment']) {
        assert.ok(!imported.some((name) => readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8').includes(text)), `${holder} brings no "${text}"`);
      }
    }
  });
});

/** A chunk and every chunk it imports statically, by name under dist/cdn/chunks/. */
function staticChunks(name: string, seen = new Set<string>()): string[] {
  seen.add(name);
  const code = readFileSync(join(ROOT, 'dist', 'cdn', 'chunks', name), 'utf8');
  for (const [, next] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) if (!seen.has(next!)) staticChunks(next!, seen);
  return [...seen];
}

describe('npx kap-elements check-form', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kap-elements.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it("is the package's bin, and it ships", () => {
    const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> }).bin;
    assert.deepEqual(bin, { 'kap-elements': 'bin/kap-elements.mjs' }, 'as `npm pkg fix` writes it, so that npm publish corrects nothing');
    assert.ok(shipped.has('bin/kap-elements.mjs'));
  });

  it('passes a valid definition and names every problem of a broken one, with exit codes to match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-check-form-'));
    try {
      const page = (items: unknown[]) => ({ id: 'p1', title: 'About you', items });
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ id: 'intake', title: 'Intake', pages: [page([{ id: 'name', type: 'text', label: 'Your name' }])] }));
      const bad = join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({
          id: 'intake',
          title: 'Intake',
          pages: [
            page([
              { id: 'note', type: 'text', label: 'Later', when: { item: 'later', equals: 'yes' } },
              { id: 'later', type: 'yesno', label: 'Later?' },
            ]),
          ],
        }),
      );
      const passed = run('check-form', good);
      assert.equal(passed.status, 0, passed.stderr);
      assert.match(passed.stdout, /good\.json: valid form "intake"/);
      const failed = run('check-form', good, bad);
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /bad\.json: 1 problem\n {2}- pages\[0\]\.items\[0\] \("note"\)/);
      assert.equal(run('check').status, 2, 'a usage error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
