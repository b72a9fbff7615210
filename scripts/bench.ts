/**
 * `npm run bench` (after `npm run build`): how long `<kap-booking>` takes to show a calendar built
 * from two weeks of 15-minute slots, in headless Chromium, using the CDN bundle a clinic would load.
 * Target (DESIGN.md, "Performance"): under 20 ms.
 *
 * The backend is an in-page `fetch` stand-in that answers at once from a prepared fortnight of
 * slots (round the clock, every 15 minutes: 1344 slots), so the time measured is the element's own
 * work: parsing and validating the answers with the contract's schemas, grouping the slots by day
 * in the client's zone and rendering the week — from `appendChild` until the time buttons are in
 * the DOM, and until the next frame has been painted.
 *
 * "cold" runs load a fresh page each time (first render of the tag on a page, nothing warmed up);
 * "warm" runs render a new element again and again on one page. The page's `Date` runs from a Monday
 * morning so the week on screen is always a full one.
 *
 *   npm run bench -- --runs 30
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'cdn', 'kap-elements.js');
const TARGET_MS = 20;
const ZONE = 'America/New_York';
/** Monday 2 March 2026, 06:00 in New York. */
const NOW = '2026-03-02T11:00:00Z';
const FORTNIGHT_SLOTS = 14 * 24 * 4;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const RUNS = argument('runs', 20);
const WARMUP = 3;

if (!existsSync(bundle)) {
  console.error('dist/cdn/kap-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

const PAGE = /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kap-booking benchmark</title></head>
<body>
<main id="stage"></main>
<script type="module">
  const API = 'https://bench.kap.invalid/kap/';
  const MINUTE = 60_000;
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const first = Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE;
  const slots = Array.from({ length: ${FORTNIGHT_SLOTS} }, (_, i) => ({
    start: iso(first + i * 15 * MINUTE),
    end: iso(first + i * 15 * MINUTE + 45 * MINUTE),
  }));
  const bodies = {
    services: JSON.stringify({ services: [{ id: 'consultation', name: 'Consultation', description: 'A first conversation.', durationMinutes: 45, location: 'virtual', mode: 'instant' }] }),
    availability: JSON.stringify({ service: 'consultation', timeZone: '${ZONE}', slots }),
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (!url.href.startsWith(API)) return realFetch(input, init);
    const body = bodies[url.pathname.slice(new URL(API).pathname.length)];
    return body
      ? new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
      : new Response('{"error":{"code":"not_found","message":"no"}}', { status: 404, headers: { 'Content-Type': 'application/json' } });
  };

  /** Renders one element; resolves with [ms to time buttons in the DOM, ms to the next painted frame, buttons]. */
  window.renderOnce = () => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const element = document.createElement('kap-booking');
    element.setAttribute('api', API);
    element.setAttribute('time-zone', '${ZONE}');
    const started = performance.now();
    const timeout = setTimeout(() => fail(new Error('no time buttons after 10 s')), 10_000);
    stage.append(element);
    const check = () => {
      const times = element.shadowRoot.querySelectorAll('[part~="time"]').length;
      if (!times) return;
      observer.disconnect();
      const inDom = performance.now() - started;
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, times, element.shadowRoot.querySelectorAll('[part~="day"]').length]);
      }));
    };
    const observer = new MutationObserver(check);
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
    check();
  });
</script>
<script type="module" src="/kap-elements.js"></script>
</body>
</html>`;

const server = createServer((request, response) => {
  if (request.url === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (request.url === '/kap-elements.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(bundle));
  } else {
    response.writeHead(404).end();
  }
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium' });
const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-US' });

type Sample = [inDom: number, painted: number, times: number, days: number];

/**
 * Moves the page's `Date` to `NOW` while letting it run on; unlike Playwright's fake clock this
 * leaves `performance.now()` alone, at full resolution, for the measurement. (A string, not a
 * function: tsx would decorate a function with helpers the page does not have.)
 */
const SHIFT_CLOCK = `{
  const RealDate = Date;
  const offset = ${Date.parse(NOW)} - RealDate.now();
  globalThis.Date = class extends RealDate {
    constructor(...args) { args.length ? super(...args) : super(RealDate.now() + offset); }
    static now() { return RealDate.now() + offset; }
  };
}`;

async function freshPage() {
  const page = await context.newPage();
  await page.addInitScript({ content: SHIFT_CLOCK });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(origin);
  await page.waitForFunction(() => customElements.get('kap-booking') !== undefined);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

const renderOnce = (page: Awaited<ReturnType<typeof freshPage>>) =>
  page.evaluate(() => (window as unknown as { renderOnce(): Promise<Sample> }).renderOnce());

try {
  const cold: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage();
    cold.push(await renderOnce(page));
    await page.close();
  }

  const page = await freshPage();
  for (let run = 0; run < WARMUP; run++) await renderOnce(page);
  const warm: Sample[] = [];
  for (let run = 0; run < RUNS; run++) warm.push(await renderOnce(page));
  await page.close();

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (name: string, samples: Sample[]) => {
    const inDom = samples.map((sample) => sample[0]);
    const painted = samples.map((sample) => sample[1]);
    return `${name.padEnd(5)}  median ${ms(median(inDom)).padStart(8)} to DOM, ${ms(median(painted)).padStart(8)} to paint   (to DOM min ${ms(Math.min(...inDom))}, max ${ms(Math.max(...inDom))})`;
  };
  const [, , times, days] = warm[0]!;
  const version = browser.version();
  console.log(
    [
      '',
      `<kap-booking> first render, ${FORTNIGHT_SLOTS} slots (two weeks, every 15 minutes) served; ${days} days and ${times} times on screen`,
      `Chromium ${version}, headless; ${RUNS} runs each; CDN bundle dist/cdn/kap-elements.js`,
      line('cold', cold),
      line('warm', warm),
      '',
      `Target: under ${TARGET_MS} ms. Cold median to DOM ${median(cold.map((s) => s[0])) < TARGET_MS ? 'meets' : 'MISSES'} it; warm median ${median(warm.map((s) => s[0])) < TARGET_MS ? 'meets' : 'MISSES'} it.`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.close();
}
