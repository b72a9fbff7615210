/**
 * Two library builds from one config (see the `build` script in package.json):
 *
 * - `vite build` — the npm build: one ES module per public entry in `dist/`, every runtime
 *   dependency (Lit, @lit/task, zod) left external so an app's bundler dedupes them; shared code
 *   goes to `dist/chunks/`. Not minified (the app's bundler minifies), so readable as shipped.
 * - `vite build --mode cdn` — the drop-in build: `dist/cdn/kap-booking.js`, `kap-intake.js`,
 *   `kap-prep-checklist.js` and `kap-elements.js` (all three), each a self-contained, minified ES
 *   module with Lit inside (and no zod: it checks with the validators generated from the zod schemas, `npm run generate`), for a plain `<script type="module">` (a page loads the one it
 *   needs); what a file needs only sometimes is in `dist/cdn/chunks/`, imported dynamically from the
 *   script's own origin; plus `dist/cdn/i18n/es.js`, the Spanish strings as their own self-contained
 *   module (it registers into a `globalThis`-symbol registry, so it works beside any drop-in file
 *   without sharing a chunk with it). `scripts/check-size.ts` holds each file to its budget.
 *
 * Neither pass writes source maps: `dist/` is what the npm package ships (see
 * test/package/pack.test.ts), the npm modules are readable as they are, and a map of the CDN file
 * would publish a megabyte of embedded sources beside a file meant for clinics' sites.
 *
 * Each pass cleans only its own output: the npm pass never touches `dist/cdn/`, the cdn pass only
 * `dist/cdn/`. Class fields compile to assignments (tsconfig.json's `useDefineForClassFields:
 * false`, which Vite's Oxc transform reads for every file under `src/`), so an element's field
 * initialisers set its reactive properties rather than hide them. The elements declare those
 * properties with `static get properties()`, not decorators, so no file carries decorator helpers.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, normalizePath, type Plugin, type UserConfig } from 'vite';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** Every runtime and peer dependency (React, for `react.js`) and its subpaths, plus the Lit packages `lit` itself re-exports. */
const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
];
function isExternal(id: string): boolean {
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

const npmEntries = {
  index: 'src/index.ts',
  'kap-booking': 'src/kap-booking.ts',
  'kap-intake': 'src/kap-intake.ts',
  'kap-prep-checklist': 'src/kap-prep-checklist.ts',
  api: 'src/api/index.ts',
  // The intake's domain with no Lit and no DOM (scoring, definitions, validation): for Node too.
  forms: 'src/forms/index.ts',
  'i18n/es': 'src/es.ts',
  // React components through @lit/react (React and @lit/react external, like Lit).
  react: 'src/react/index.ts',
};

/** What the npm pass writes; `cdn/` is the other pass's, `types/` and `openapi.json` are rewritten by later build steps. */
const NPM_PASS_KEEPS = new Set(['cdn']);

/**
 * Removes the npm pass's previous output before it writes, leaving `dist/cdn/` alone. It acts only
 * when the resolved config is this library build: Storybook loads this file too (keeping our plugins
 * but dropping `build`), and must not delete anything in `dist/`.
 */
function cleanNpmOutput(): Plugin {
  let outDir: string | undefined;
  return {
    name: 'kap:clean-npm-output',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.lib ? resolve(config.root, config.build.outDir) : undefined;
    },
    buildStart() {
      if (!outDir) return;
      let names: string[];
      try {
        names = readdirSync(outDir);
      } catch {
        return;
      }
      for (const name of names) {
        if (!NPM_PASS_KEEPS.has(name)) rmSync(resolve(outDir, name), { recursive: true, force: true });
      }
    },
  };
}

/**
 * package.json's `sideEffects` describes the published `dist/` files to an app's bundler; Rolldown
 * also applies it to our own `src/` files, which match none of its patterns, and would then drop
 * the side effects that are the point of an entry (`defineElement('kap-booking', …)`, the Spanish
 * module registering itself). Our source is taken as written: statements with effects are kept.
 */
function keepSourceSideEffects(): Plugin {
  const source = `${normalizePath(resolve(root, 'src'))}/`;
  return {
    name: 'kap:keep-source-side-effects',
    transform: {
      order: 'post',
      filter: { id: /\.ts$/ },
      handler(code, id) {
        return id.startsWith(source) ? { code, map: null, moduleSideEffects: true } : undefined;
      },
    },
  };
}

/**
 * Collapses the whitespace inside our `html` and `css` template literals, which JavaScript
 * minifiers leave alone: Lit templates are written indented for people, and the CDN file goes
 * straight to browsers. (The npm build leaves them readable; an app's bundler may do the same.)
 */
function minifyTemplateLiterals(): Plugin {
  const source = `${normalizePath(resolve(root, 'src'))}/`;
  return {
    name: 'kap:minify-template-literals',
    apply: 'build',
    transform: {
      order: 'post',
      filter: { id: /\.ts$/ },
      async handler(code, id) {
        if (!id.startsWith(source)) return undefined;
        const result = await minifyHTMLLiterals(code, { fileName: id });
        return result ? { code: result.code, map: result.map, moduleSideEffects: true } : undefined;
      },
    },
  };
}

/** Where the drop-in files find the Trusted Types explainer, built on its own (`cdnBuild`). */
const TRUSTED_TYPES_EXPLAIN = 'trusted-types-explain';

/**
 * The drop-in files import `src/base/trusted-types-explain.ts` only after Lit failed in them, so
 * it must not import anything from them (importing a module whose evaluation threw throws again):
 * their `import('./trusted-types-explain.js')` points at the self-contained copy in `chunks/`.
 */
function selfContainedTrustedTypesExplain(): Plugin {
  return {
    name: 'kap:self-contained-trusted-types-explain',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== `./${TRUSTED_TYPES_EXPLAIN}.js` || !importer || !/[\\/]trusted-types-watch\.ts$/.test(importer)) return undefined;
      return { id: `./chunks/${TRUSTED_TYPES_EXPLAIN}.js`, external: true };
    },
  };
}

/**
 * One comment at the top of each drop-in file naming the packages bundled in it, their licences
 * and copyright lines (from each package's own package.json and LICENSE), in place of the
 * licence comments Lit repeats above each of its modules, which the minifier then drops.
 */
function legalBanner(): Plugin {
  /** Package directory → its name and its licence with the copyright line. */
  const packages = new Map<string, { name: string; terms: string }>();
  const packageOf = (directory: string) => {
    let known = packages.get(directory);
    if (!known) {
      const { name, license } = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name: string; license?: string };
      const licenceFile = readdirSync(directory).find((file) => /^licen[cs]e/i.test(file));
      const copyright = licenceFile
        ? /^.*copyright.*$/im
            .exec(readFileSync(join(directory, licenceFile), 'utf8'))?.[0]
            .trim()
            .replace(/\.$/, '')
        : undefined;
      known = { name, terms: [license ?? 'licence in its package', copyright].filter(Boolean).join(', ') };
      packages.set(directory, known);
    }
    return known;
  };
  return {
    name: 'kap:legal-banner',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const byTerms = new Map<string, Set<string>>();
        for (const id of chunk.moduleIds) {
          const directory = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id)?.[1];
          if (!directory || !existsSync(join(directory, 'package.json'))) continue;
          const { name, terms } = packageOf(directory);
          byTerms.set(terms, (byTerms.get(terms) ?? new Set()).add(name));
        }
        if (byTerms.size === 0) continue;
        const lines = [...byTerms].map(([terms, names]) => `${[...names].sort().join(', ')}: ${terms}`).sort();
        chunk.code = `/*! Bundled: ${lines.join('. ')}. */\n${chunk.code}`;
      }
    },
  };
}

const shared: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [keepSourceSideEffects()],
};

function npmBuild(): UserConfig {
  return {
    ...shared,
    plugins: [...(shared.plugins ?? []), cleanNpmOutput()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: false,
      minify: false,
      reportCompressedSize: false,
      lib: {
        entry: npmEntries,
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rolldownOptions: {
        external: isExternal,
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          // The Trusted Types watch must be evaluated before Lit (src/base/trusted-types-watch.ts):
          // in a chunk of its own, which every entry imports first, with what it imports once Lit
          // has failed (trusted-types-explain.ts) and the Lit-free modules that imports (the locale
          // registry among them, so `i18n/es.js` shares it). Merged into a shared chunk, it would
          // run only after that chunk's `import 'lit'` had thrown.
          codeSplitting: { groups: [{ name: 'trusted-types-watch', test: /[\\/]src[\\/]base[\\/]trusted-types-(?:watch|explain)\.ts$/ }] },
        },
      },
    },
  };
}

/**
 * The drop-in files: one per element and one with all three, each built on its own so that each is
 * self-contained (Lit inside, no static import of another file). Code a page needs only for some
 * definitions (instrument texts, the medical screening page, the authoring checks of an inline
 * definition) or some pages (`<kap-booking>`'s manage and follow-up views, its calendar-file
 * writer) is imported dynamically and lands in `dist/cdn/chunks/`, fetched from the script's
 * own origin (a relative `import()` resolves against the importing module's URL) only when used.
 */
const cdnEntries: Record<string, string> = {
  'kap-booking': 'src/kap-booking.ts',
  'kap-intake': 'src/kap-intake.ts',
  'kap-prep-checklist': 'src/kap-prep-checklist.ts',
  // The npm entry's typed API less the zod schemas (src/kap-elements.ts): the drop-in files carry no zod.
  'kap-elements': 'src/kap-elements.ts',
};

/**
 * Modules kept together in one lazy chunk of each drop-in file, so that what a form's first render
 * waits for comes in one round trip rather than a chain (a chunk's own imports are asked for only
 * once it has arrived): the markdown renderer with its parser, the crisis panel with its words (and
 * the other intake parts' words, so a form that asks a date fetches the panel's templates too), and
 * the date formats in one chunk, which `loadQuestionKinds` asks for beside the date and consent
 * questions (test/package/cdn-lazy-chunks.test.ts, test/e2e/first-render-chunks.test.ts).
 */
const LAZY_GROUPS = [
  { name: 'date-formats', test: /[\\/]src[\\/]forms[\\/](?:locale-formats|long-date)\.ts$/ },
  { name: 'markdown', test: /[\\/]src[\\/](?:base[\\/]markdown-rich|text[\\/]markdown)\.ts$/ },
  { name: 'intake-parts', test: /[\\/]src[\\/](?:elements[\\/]kap-intake[\\/]views[\\/]crisis-panel|i18n[\\/]en-intake-parts)\.ts$/ },
];

function cdnBuild(): UserConfig {
  const cdnLibrary = (entryName: string, entry: string) => ({
    target: 'es2022',
    sourcemap: false,
    // Terser with two passes, then Oxc's own minifier (below): 0.6–1.2 KiB gzip less per file than
    // Oxc alone (README.md, "Size"). Licence comments are dropped: `legalBanner` states them once.
    minify: 'terser' as const,
    terserOptions: { module: true, ecma: 2022 as const, compress: { passes: 2 }, format: { comments: false } },
    reportCompressedSize: false,
    lib: { entry: { [entryName]: entry }, formats: ['es' as const], fileName: () => `${entryName}.js` },
    rolldownOptions: {
      // A lazy chunk takes what it shares with its entry from the entry itself (already loaded),
      // rather than both importing a third file: the entry may gain exports for it.
      preserveEntrySignatures: 'allow-extension' as const,
      // No `treeshake.manualPureFunctions: ['z']` (zod's calls marked pure) any more: with it,
      // Rolldown dropped every condition check of the authoring checks from kap-intake.js's chunk,
      // silently, after unrelated changes (test/e2e/inline-definition.test.ts). The drop-in files
      // import no zod schema module now (src/api/answer-length.ts holds the one constant they read),
      // so there is nothing for it to prune; the build fails if zod reaches a drop-in file.
      // Vite's library mode keeps whitespace and pure annotations in ES output for the app's
      // bundler; these files go straight to browsers, so they are minified completely.
      output: {
        // The entry's name keeps each file's chunks apart; six characters of hash are plenty, and
        // each chunk's name is in the file (eight cost the intake's 0.04 KiB).
        chunkFileNames: `chunks/${entryName}-[name]-[hash:6].js`,
        // Everything the entry imports statically stays in the entry, Lit included. Without it,
        // Rolldown moved Lit into a chunk of its own once several lazy chunks shared a view (the
        // booking's details form), and the drop-in file then needed that chunk before it could run.
        // Then the lazy chunks kept together (`LAZY_GROUPS`).
        codeSplitting: {
          groups: [{ name: entryName, tags: ['$initial' as const] }, ...LAZY_GROUPS],
        },
        minify: true,
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
  });
  const elementEnvironments = Object.fromEntries(
    Object.entries(cdnEntries).map(([name, entry], index) => [
      index === 0 ? 'client' : `cdn_${name.replaceAll('-', '_')}`,
      {
        ...(index === 0 ? {} : { consumer: 'client' as const }),
        build: { ...cdnLibrary(name, entry), outDir: 'dist/cdn', emptyOutDir: index === 0 },
      },
    ]),
  );
  return {
    ...shared,
    plugins: [...(shared.plugins ?? []), minifyTemplateLiterals(), legalBanner(), selfContainedTrustedTypesExplain()],
    // One environment per file, built one after the other, so each is self-contained: a chunk
    // shared between entries would make a page load a second file before the element works.
    environments: {
      ...elementEnvironments,
      cdnSpanish: {
        consumer: 'client',
        build: { ...cdnLibrary('es', 'src/es.ts'), outDir: 'dist/cdn/i18n', emptyOutDir: false },
      },
      // Self-contained like the Spanish module: fetched by a file whose own evaluation has failed.
      cdnTrustedTypesExplain: {
        consumer: 'client',
        build: {
          ...cdnLibrary(TRUSTED_TYPES_EXPLAIN, `src/base/${TRUSTED_TYPES_EXPLAIN}.ts`),
          outDir: 'dist/cdn/chunks',
          emptyOutDir: false,
        },
      },
    },
    builder: {
      async buildApp(builder) {
        for (const name of Object.keys(builder.environments)) await builder.build(builder.environments[name]!);
      },
    },
  };
}

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdnBuild() : npmBuild()));
