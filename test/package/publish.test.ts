/**
 * The package as npm would publish it and a consumer would install it, with no network and no
 * npm login:
 *
 * - `npm publish --dry-run` passes (offline, with an empty user config, so no token is read), and
 *   npm has nothing in package.json to correct;
 * - the packed tarball holds every file package.json's `exports` points at;
 * - a scratch TypeScript project installs the tarball (`npm install --offline`, its dependencies
 *   linked from this repository's node_modules as `file:` dependencies, so nothing is fetched) and
 *   type-checks a consumer's imports of every entry with a real `tsc`, under `moduleResolution`
 *   `bundler` and `node16`, the shipped declarations included (`skipLibCheck: false`).
 *
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface PackageJson {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
let scratch: string;
let tarball: string;

/** npm with no user config (so no login) and no network. */
function npm(args: string[], cwd: string) {
  const userconfig = join(scratch, 'empty.npmrc');
  return spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_userconfig: userconfig, npm_config_update_notifier: 'false' },
    timeout: 120_000,
  });
}

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist', 'index.js')), 'run `npm run build` first');
  scratch = mkdtempSync(join(tmpdir(), 'kap-publish-'));
  writeFileSync(join(scratch, 'empty.npmrc'), '');
  const packed = npm(['pack', '--json', '--pack-destination', scratch], ROOT);
  assert.equal(packed.status, 0, packed.stderr);
  const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = join(scratch, filename);
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm publish --dry-run', () => {
  it('passes with no network and no login, and npm corrects nothing in package.json', () => {
    const result = npm(['publish', '--dry-run', '--json'], ROOT);
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /auto-corrected|errors corrected/, 'package.json needs no `npm pkg fix`');
    const published = (JSON.parse(result.stdout) as Record<string, { id: string; files: { path: string }[] }>)[pkg.name];
    assert.equal(published?.id, `${pkg.name}@${pkg.version}`);
    assert.ok(
      published.files.some((file) => file.path === 'CHANGELOG.md'),
      'the CHANGELOG ships',
    );
  });
});

describe('the packed tarball', () => {
  it('holds every file package.json exports', () => {
    const listed = new Set(
      execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((path) => path.replace(/^package\//, '')),
    );
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    assert.deepEqual(
      targets.map((target) => target.replace(/^\.\//, '')).filter((target) => !listed.has(target)),
      [],
    );
  });
});

describe('the types, installed from the tarball into a TypeScript project', () => {
  const CONSUMER = `import 'kap-elements/kap-booking.js';
import 'kap-elements/kap-intake.js';
import 'kap-elements/kap-prep-checklist.js';
import 'kap-elements/i18n/es.js';
import { KapBooking, KapIntake, type KapBookingConfirmEvent, type KapErrorEvent } from 'kap-elements';
import { KapApiClient } from 'kap-elements/api.js';
import { scorePhq9, type FormDefinition } from 'kap-elements/forms.js';

const booking: KapBooking | null = document.querySelector('kap-booking');
if (booking) {
  booking.api = 'https://api.your-clinic.example/kap/';
  booking.addEventListener('kap-booking-confirm', (event: KapBookingConfirmEvent) => console.log(event.detail.bookingId));
  booking.addEventListener('kap-error', (event: KapErrorEvent) => console.log(event.detail.kind));
}
const intake: KapIntake | null = document.querySelector('kap-intake');
const checklist = document.querySelector('kap-prep-checklist');
checklist?.addEventListener('kap-checklist-complete', (event) => console.log(event.detail));
const total: number | null = scorePhq9({ q1: 1 }).total;
const definition: FormDefinition | undefined = undefined;
console.log(intake, total, definition, KapApiClient);
`;

  let project: string;
  before(() => {
    project = join(scratch, 'consumer');
    execFileSync('mkdir', ['-p', project]);
    // The package's dependencies as links to this repository's copies: `npm install --offline`
    // then needs nothing from the registry, and the tarball's own files are what tsc reads.
    const dependencies = Object.fromEntries(Object.keys(pkg.dependencies).map((name) => [name, `file:${join(ROOT, 'node_modules', name)}`]));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }));
    writeFileSync(join(project, 'consumer.ts'), CONSUMER);
    const installed = npm(['install', tarball], project);
    assert.equal(installed.status, 0, installed.stderr);
    assert.ok(existsSync(join(project, 'node_modules', 'kap-elements', 'package.json')), 'the tarball is installed');
  });

  for (const [moduleResolution, module] of [
    ['bundler', 'esnext'],
    ['node16', 'node16'],
  ] as const) {
    it(`resolve under moduleResolution ${moduleResolution}`, () => {
      const config = join(project, `tsconfig.${moduleResolution}.json`);
      const compilerOptions = { target: 'ES2022', module, moduleResolution, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], strict: true, noEmit: true };
      writeFileSync(config, JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck: false }, files: ['consumer.ts'] }));
      const checked = spawnSync(process.execPath, [TSC, '-p', config], { cwd: project, encoding: 'utf8', timeout: 120_000 });
      assert.equal(checked.status, 0, `tsc (${moduleResolution}):\n${checked.stdout}${checked.stderr}`);
      // The check can fail: a path the package does not export is refused.
      writeFileSync(join(project, 'private.ts'), "import 'kap-elements/dist/kap-booking.js';\n");
      writeFileSync(config, JSON.stringify({ compilerOptions, files: ['private.ts'] }));
      const refused = spawnSync(process.execPath, [TSC, '-p', config], { cwd: project, encoding: 'utf8', timeout: 120_000 });
      assert.notEqual(refused.status, 0, 'an unexported path does not resolve');
      assert.match(refused.stdout, /kap-elements\/dist\/kap-booking\.js/);
    });
  }
});
