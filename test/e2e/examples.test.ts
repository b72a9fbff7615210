/**
 * The example apps in examples/, each built with its own framework's tools and driven to a
 * confirmed booking in Chromium against the real reference backend, as a clinic's web developer
 * would run them:
 *
 * - `plain-html/`: the drop-in file from a script tag;
 * - `wordpress/`: the same embed code in a page whose theme fights back (a 62.5 % root, `*` rules,
 *   global button and input styles, `all: unset` on common selectors) — the booking must still
 *   look like itself (its own type, colours and 44 px targets) and work;
 * - `react/`: React 19 + TypeScript, type-checked with `tsc` and built with Vite;
 * - `vue/`: Vue 3, type-checked with `vue-tsc` and built with Vite.
 *
 * The apps import `kap-elements` as `"kap-elements": "file:../.."` installs it: a link to this
 * package (made here when it is missing, with no network); React, Vue and their tools come from
 * the root's devDependencies, so `npm ci` at the root is all this needs. A type error or a failed
 * build fails the test. Each page is served from its own origin under the demo page's strict
 * Content Security Policy (Trusted Types included); the API address the apps are written with,
 * `https://api.your-clinic.example/kap/`, becomes the test backend's (in the HTML pages as they are
 * served, in the React and Vue builds through `VITE_KAP_API`); the Vue site's policy also admits
 * Vue's own Trusted Types policy, `vue`. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoContentSecurityPolicy } from '../../server/demo/site.js';
import { chooseLatestTime, freePort, launchBrowser, showBookableWeek, startDemo, watchPage, type RunningDemo } from './harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const SCREENSHOTS = join(ROOT, 'test-results', 'examples');
/** The API address the examples are written with. */
const EXAMPLE_API = 'https://api.your-clinic.example/kap/';
const APPS = ['plain-html', 'wordpress', 'react', 'vue'] as const;
type App = (typeof APPS)[number];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Site {
  url: string;
  server: Server;
}

let demo: RunningDemo;
let browser: Browser;
let built: string;
const sites = new Map<App, Site>();

/** What `npm install` makes of `"kap-elements": "file:../.."`: a link to this package. */
function linkPackage(app: App): void {
  const link = join(EXAMPLES, app, 'node_modules', 'kap-elements');
  try {
    lstatSync(link);
    return;
  } catch {
    mkdirSync(join(EXAMPLES, app, 'node_modules'), { recursive: true });
    symlinkSync(join('..', '..', '..'), link, 'dir');
  }
}

/** Runs a build step with node; its output is the failure message. */
function run(step: string, args: string[], env: Record<string, string> = {}): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  assert.equal(result.status, 0, `${step} failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`${step}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A static site for one example on its own port: `/elements/` is the built drop-in files. */
function serve(root: string, port: number, apiUrl: string, csp: string): Promise<Site> {
  const elements = join(ROOT, 'dist', 'cdn');
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const [base, relative] = path.startsWith('/elements/') ? [elements, path.slice('/elements/'.length)] : [root, path.slice(1)];
    let file = resolve(base, relative || 'index.html');
    if (file !== base && !file.startsWith(base + sep)) file = '';
    if (!file || !existsSync(file) || lstatSync(file).isDirectory()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') ? readFileSync(file, 'utf8').replaceAll(EXAMPLE_API, apiUrl) : readFileSync(file);
    response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' }).end(body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done({ url: `http://localhost:${port}/`, server })));
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cdn', 'kap-booking.js')), 'run `npm run build` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const ports = new Map<App, number>();
  for (const app of APPS) ports.set(app, await freePort());
  const origins = [...ports.values()].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: origins.join(',') } });

  built = mkdtempSync(join(tmpdir(), 'kap-examples-'));
  const env = { VITE_KAP_API: demo.apiUrl };
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  linkPackage('react');
  run('react: tsc', [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(EXAMPLES, 'react', 'tsconfig.json')]);
  run('react: vite build', [vite, 'build', join(EXAMPLES, 'react'), '--outDir', join(built, 'react'), '--emptyOutDir', '--logLevel', 'warn'], env);
  linkPackage('vue');
  run('vue: vue-tsc', [join(ROOT, 'scripts', 'vue-tsc.cjs'), '-p', join(EXAMPLES, 'vue', 'tsconfig.json')]);
  run('vue: vite build', [vite, 'build', join(EXAMPLES, 'vue'), '--outDir', join(built, 'vue'), '--emptyOutDir', '--logLevel', 'warn'], env);

  const roots: Record<App, string> = {
    'plain-html': join(EXAMPLES, 'plain-html'),
    wordpress: join(EXAMPLES, 'wordpress'),
    react: join(built, 'react'),
    vue: join(built, 'vue'),
  };
  // Vue's runtime makes a Trusted Types policy of its own, named `vue`: a Vue site that enforces
  // Trusted Types allows it beside Lit's (README, "With npm").
  const policy = (app: App) =>
    demoContentSecurityPolicy(demo.apiUrl).replace('trusted-types lit-html', app === 'vue' ? 'trusted-types lit-html vue' : 'trusted-types lit-html');
  for (const app of APPS) sites.set(app, await serve(roots[app], ports.get(app)!, demo.apiUrl, policy(app)));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const site of sites.values()) await new Promise((done) => site.server.close(done));
  await demo?.stop();
  if (built) rmSync(built, { recursive: true, force: true });
});

/** Books the first free time of the second day shown, as a person would, and returns the stored booking's id. */
async function book(page: Page, email: string): Promise<string> {
  const booking = page.locator('kap-booking');
  await chooseLatestTime(booking);
  await booking.getByRole('heading', { name: 'Your details' }).waitFor();
  await booking.getByLabel('Full name').fill('Grace Example');
  await booking.getByLabel('Email address').fill(email);
  await booking.getByLabel('Phone number').fill('+1 212 555 0199');
  await booking.getByLabel('I agree to the privacy notice').check();
  await booking.getByRole('button', { name: 'Confirm booking' }).click();
  await booking.locator('#done-heading').waitFor();
  assert.match((await booking.locator('#done-heading').textContent()) ?? '', /booked|confirmed/i);
  const rows = demo
    .queryOpened<{ id: string; status: string; service_id: string; client_email: string }>(
      'bookings',
      'select id, status, service_id, client_email from bookings',
    )
    .filter((row) => row.client_email === email);
  assert.equal(rows.length, 1, 'one booking is in the SQLite file');
  assert.deepEqual([rows[0]!.service_id, rows[0]!.status], ['consultation', 'confirmed']);
  return rows[0]!.id;
}

async function open(app: App): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 }, timezoneId: 'America/Chicago', locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(sites.get(app)!.url);
  return { page, problems: watch.problems };
}

describe('the example apps', () => {
  test('plain HTML: the script tag’s booking is confirmed', async () => {
    const { page, problems } = await open('plain-html');
    await book(page, 'plain.example@example.com');
    assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });

  test('React 19 + TypeScript: type-checked, built, booked, and the app hears the typed event', async () => {
    const { page, problems } = await open('react');
    const id = await book(page, 'react.example@example.com');
    assert.equal(await page.getByRole('status').textContent(), `Thank you. Your booking reference is ${id}.`, 'onkap-booking-confirm reached the app');
    assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });

  test('Vue 3: type-checked with vue-tsc, built, booked, and the app hears the event', async () => {
    const { page, problems } = await open('vue');
    const id = await book(page, 'vue.example@example.com');
    assert.equal(await page.getByRole('status').textContent(), `Thank you. Your booking reference is ${id}.`, '@kap-booking-confirm reached the app');
    assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });

  test('WordPress-style page: the theme’s rules do not reach the booking, which looks like itself and books', async () => {
    const { page, problems } = await open('wordpress');
    const booking = page.locator('kap-booking');
    await showBookableWeek(booking);
    await booking.locator('[part~="time"]').first().waitFor();
    const theme = await page.evaluate(() => {
      const button = getComputedStyle(document.querySelector('.search-form button')!);
      return { background: button.backgroundColor, textTransform: getComputedStyle(document.querySelector('.entry-content p')!).textTransform };
    });
    assert.deepEqual(theme, { background: 'rgb(255, 62, 142)', textTransform: 'uppercase' }, 'the theme’s rules are in force on the page');
    const looks = await booking.evaluate((host) => {
      const root = host.shadowRoot!;
      const base = getComputedStyle(root.querySelector('[part~="base"]')!);
      const targets = [...root.querySelectorAll('[part~="day"], [part~="time"]')].map((element) => {
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        return { height: rect.height, width: rect.width, background: style.backgroundColor, border: style.borderStyle, font: style.fontFamily };
      });
      return {
        width: host.getBoundingClientRect().width,
        fontSize: base.fontSize,
        textTransform: base.textTransform,
        textAlign: base.textAlign,
        letterSpacing: base.letterSpacing,
        color: base.color,
        targets,
      };
    });
    assert.ok(looks.width >= 300, `the booking takes the content's width (${looks.width} px)`);
    assert.deepEqual(
      { fontSize: looks.fontSize, textTransform: looks.textTransform, textAlign: looks.textAlign, letterSpacing: looks.letterSpacing },
      { fontSize: '16px', textTransform: 'none', textAlign: 'start', letterSpacing: 'normal' },
      'its own type, not the theme’s 62.5 % root, capitals, centring or spacing',
    );
    assert.notEqual(looks.color, 'rgb(91, 42, 134)', 'its own text colour, not the theme’s');
    assert.ok(looks.targets.length > 0, 'days and times are shown');
    for (const target of looks.targets) {
      assert.ok(target.height >= 44 && target.width >= 44, `a 44 px target (${target.width} × ${target.height})`);
      assert.notEqual(target.background, 'rgb(255, 62, 142)', 'not the theme’s button colour');
      assert.notEqual(target.border, 'dashed', 'not the theme’s button border');
      assert.doesNotMatch(target.font, /Impact/, 'not the theme’s button font');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'wordpress.png'), fullPage: true });
    await book(page, 'wordpress.example@example.com');
    assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });
});
