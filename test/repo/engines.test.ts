/**
 * The Node versions package.json states are true of every installed package.
 *
 * - `engines.node` is what a consumer of the published package needs: it ships browser modules
 *   (and `api.js`, which also runs in Node), so it is checked against the runtime dependency tree
 *   (Lit, @lit/task, zod and what they pull in), with no exceptions.
 * - `devEngines.runtime` is what this repository's toolchain needs (build, tests, Storybook, the
 *   reference backend); npm refuses `install` and `run` outside it. The lowest version of each of
 *   its ranges (`^20.20.0 || >=22.13.0`: 20.20.0 and 22.13.0) must satisfy every package in
 *   package-lock.json, except the reviewed packages below.
 *
 * CI (`.ci/run`) runs the whole `npm test` on Node 20.20, the Node this machine has.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Packages that declare Node ≥ 22 but run on Node 20.20, where `npm test` exercises each of them
 * in CI. Reviewed 2026-12-02: their Node-side code uses no API newer than Node 20 (no
 * `Promise.withResolvers`, `Array.fromAsync`, `fs.glob`, `process.getBuiltinModule`, iterator
 * helpers or global `WebSocket`; the hits are browser-side code). Keyed by the range they declare:
 * when a new version declares something else, this test fails and the package is reviewed again.
 * npm prints `EBADENGINE` warnings for them on install.
 */
export const REVIEWED_ON_NODE_20: Record<string, { declares: string; why: string }> = {
  // @web/test-runner 1.0 is required by the project (`npm run test:browser`); its family moved to
  // `>=22.0.0` with 1.0 without using Node 22 APIs.
  '@web/test-runner': { declares: '>=22.0.0', why: 'test:browser (required at 1.0)' },
  '@web/test-runner-core': { declares: '>=22.0.0', why: 'part of @web/test-runner' },
  '@web/test-runner-chrome': { declares: '>=22.0.0', why: 'launches /usr/bin/chromium for test:browser' },
  '@web/test-runner-commands': { declares: '>=22.0.0', why: 'part of @web/test-runner' },
  '@web/test-runner-coverage-v8': { declares: '>=22.0.0', why: 'part of @web/test-runner' },
  '@web/test-runner-mocha': { declares: '>=22.0.0', why: 'part of @web/test-runner' },
  '@web/dev-server': { declares: '>=22.0.0', why: 'serves test:browser' },
  '@web/dev-server-core': { declares: '>=22.0.0', why: 'serves test:browser' },
  '@web/dev-server-esbuild': { declares: '>=22.0.0', why: 'compiles TypeScript for test:browser' },
  '@web/dev-server-rollup': { declares: '>=22.0.0', why: 'part of @web/dev-server' },
  '@web/config-loader': { declares: '>=22.0.0', why: 'reads web-test-runner.config.js' },
  '@web/browser-logs': { declares: '>=22.0.0', why: 'part of @web/test-runner' },
  '@web/parse5-utils': { declares: '>=22.0.0', why: 'part of @web/dev-server' },
  // Through @web/test-runner-chrome; drives the system Chromium and never downloads a browser.
  'puppeteer-core': { declares: '>=22.12.0', why: 'drives Chromium for test:browser' },
  '@puppeteer/browsers': { declares: '>=22.12.0', why: 'a dependency of puppeteer-core; no download happens' },
  // The CDN build's minifier for Lit's html`` and css`` templates (`vite build --mode cdn`).
  'minify-literals': { declares: '>=22.0.0', why: 'minifies the CDN file’s templates' },
  'html-minifier-next': { declares: '>=22.13', why: 'used by minify-literals' },
  commander: { declares: '>=22.12.0', why: 'html-minifier-next’s CLI parser (its CLI is never run)' },
};

interface LockedPackage {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

interface PackageJson {
  engines?: { node?: string };
  devEngines?: { runtime?: { name?: string; version?: string; onFail?: string } };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

/** `node_modules/a/node_modules/@b/c` → `@b/c` */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

function nodeRange(entry: LockedPackage): string | undefined {
  return Array.isArray(entry.engines) ? undefined : entry.engines?.node;
}

/** The lowest version each alternative of `range` admits: `^20.20.0 || >=22.13.0` → 20.20.0, 22.13.0. */
function floors(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(new semver.Range(comparators.map(String).join(' ')))!.version);
}

/** Every locked package whose declared Node range refuses one of `versions`. */
function refusing(versions: string[], include: (entry: LockedPackage) => boolean): { name: string; declares: string; refuses: string }[] {
  const found: { name: string; declares: string; refuses: string }[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const declares = path === '' ? undefined : nodeRange(entry);
    if (!declares || !include(entry)) continue;
    const refuses = versions.find((version) => !semver.satisfies(version, declares));
    if (refuses) found.push({ name: nameOf(path), declares, refuses });
  }
  return found;
}

describe('the Node versions package.json states', () => {
  const published = pkg.engines?.node;
  const development = pkg.devEngines?.runtime;

  it('states both: engines for consumers, devEngines for the toolchain, which npm enforces', () => {
    assert.ok(published && semver.validRange(published), 'engines.node is a valid range');
    assert.equal(development?.name, 'node');
    assert.ok(development?.version && semver.validRange(development.version), 'devEngines.runtime.version is a valid range');
    assert.equal(development?.onFail, 'error');
  });

  it('the Node running the tests (20.20 in CI) is inside devEngines', () => {
    assert.ok(semver.satisfies(process.version, development!.version!), `${process.version} satisfies ${development!.version}`);
  });

  it('every runtime dependency accepts the lowest Node that engines.node admits', () => {
    const found = refusing(floors(published!), (entry) => !entry.dev);
    assert.deepEqual(found, [], `runtime dependencies that refuse engines.node "${published}"`);
  });

  it('every package accepts the lowest Node of each devEngines range, apart from the reviewed ones', () => {
    const found = refusing(floors(development!.version!), () => true);
    const unreviewed = found.filter(({ name, declares }) => REVIEWED_ON_NODE_20[name]?.declares !== declares);
    const report = found.map(({ name, declares, refuses }) => `${name} declares "${declares}", refusing ${refuses}`);
    console.log(`Packages declaring more than devEngines "${development!.version}" admits:\n  ${report.join('\n  ')}`);
    assert.deepEqual(unreviewed, [], 'a package refuses a Node that devEngines admits: fix the range, or review it and list it');
  });

  it('the reviewed list names only packages that are installed and still need it', () => {
    const needing = new Set(refusing(floors(development!.version!), () => true).map(({ name }) => name));
    const stale = Object.keys(REVIEWED_ON_NODE_20).filter((name) => !needing.has(name));
    assert.deepEqual(stale, [], 'listed packages that no longer refuse a devEngines Node: remove them from the list');
  });
});
