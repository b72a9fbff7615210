/**
 * `npm run bench` (after `npm run build`): the speed targets (README.md, "Speed"), as ratios to a
 * plain-DOM floor rendered in the same run, in headless Chromium, with the CDN bundle a clinic would
 * load (dist/cdn/kap-elements.js). Not part of `npm test`. Absolute times on a shared machine are
 * noise; the ratio of two things measured side by side in one run is not.
 *
 * - The floor (`floor-intake.js`, `floor-booking.js`): the same content — the same questions from
 *   the same resolved definition, the same slots from the same stand-in backend — rendered with
 *   `document.createElement` in one pass, with no framework and only the markup an accessible form
 *   needs. It is the lower bound.
 * - `<kap-intake>` on four forms (`forms.ts`): PHQ-9 + GAD-7, a 30-item page, 300 items on one page
 *   and on 30 pages. First render from `appendChild` until every input of page 1 and the Continue
 *   button are in the DOM; answering an item from the click (or the typed character) until
 *   `updateComplete`. Targets: first render of PHQ-9 + GAD-7 and of the 30-item page ≤ 2× the floor;
 *   answering an item ≤ 2× the floor and ≤ 2 ms.
 * - `<kap-booking>`: first render of two weeks of 15-minute slots (1,344) until the time buttons are
 *   in the DOM. Target ≤ 2× the floor.
 * - SurveyJS (survey-core + survey-js-ui, devDependencies) on the same forms, beside them.
 * - DOM nodes (every node in the element's shadow root, or the floor's container) on screen.
 *
 * "cold": a fresh page each run (the first render of the tag on a page); "warm": a new element again
 * and again on one page, the element's and its floor's pages taking turns (`warmRuns`). Chromium
 * runs with every host name unresolvable: nothing leaves the machine.
 *
 *   npm run bench -- --runs 30
 *   npm run bench -- --only intake           (or booking)
 *   npm run bench -- --forms phq-gad,page30  (a subset of the forms)
 *   npm run bench -- --embed                 (also: booking with its bundle loaded, and in a cross-site iframe)
 *   npm run bench -- --latency 100           (every request 100 ms longer, as on a real network)
 *   npm run bench -- --bundle /path/to/kap-elements.js   (another build, e.g. main's, for a before/after)
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { FORTNIGHT_SLOTS, NOW, ZONE, bookingPage, embedPage } from './booking-page.js';
import { FORMS, type FormName } from './forms.js';
import { intakePage, type FormPeer } from './intake-page.js';
import { first, formatTable, ms, painted, ratio } from './stats.js';
import { SURVEY_FILES, SURVEY_PAGE, SURVEY_VERSION, surveyDefinition } from './surveyjs.js';

const here = import.meta.dirname;
const root = resolve(here, '..', '..');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const RUNS = Number(option('runs') ?? 15);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
const WARMUP = 3;
/** Warm renders are cheap: each run of a warm figure renders this many times. */
const WARM_RENDERS = 5;
const ONLY = option('only');
if (ONLY !== undefined && ONLY !== 'booking' && ONLY !== 'intake') throw new Error('--only must be "booking" or "intake"');
const FORM_NAMES = (option('forms')?.split(',') ?? Object.keys(FORMS)) as FormName[];
for (const name of FORM_NAMES) if (!(name in FORMS)) throw new Error(`--forms: no form "${name}" (${Object.keys(FORMS).join(', ')})`);
const EMBED = process.argv.includes('--embed');
/**
 * `--latency MS`: every request of the pages takes MS longer (Chromium's network emulation), as on a
 * real network rather than this machine's loopback: a cold render then shows each round trip it
 * waits for (the intake's chunks). Warm renders and answers fetch nothing.
 */
const LATENCY = Number(option('latency') ?? 0);
if (!Number.isFinite(LATENCY) || LATENCY < 0) throw new Error('--latency must be a number of milliseconds');
const bundle = resolve(option('bundle') ?? join(root, 'dist', 'cdn', 'kap-elements.js'));
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// ---- the servers: origin A serves the pages; origin B (another address, so another site) the iframe's page.
let frameOrigin = '';
const SCRIPTS: Record<string, string> = {
  '/kap-elements.js': bundle,
  '/floor-intake.js': join(here, 'floor-intake.js'),
  '/floor-booking.js': join(here, 'floor-booking.js'),
  ...SURVEY_FILES,
};
/**
 * The pages are cross-origin isolated, so `performance.now()` counts in steps of 5 µs rather than
 * 100 µs: a floor of a tenth of a millisecond is then measured, not rounded. Not the embed's two
 * pages, whose cross-site iframe is the point (they time tens of milliseconds).
 */
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const ISOLATION_EXEMPT = new Set(['/embed', '/frame']);
const handler = (request: IncomingMessage, response: ServerResponse) => {
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  const isolation = ISOLATION_EXEMPT.has(path) ? {} : ISOLATED;
  const html = (body: string) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolation }).end(body);
  if (path === '/') html(bookingPage('inline'));
  else if (path === '/lazy') html(bookingPage('lazy'));
  else if (path === '/frame') html(bookingPage('frame'));
  else if (path === '/booking-floor') html(bookingPage('floor'));
  else if (path === '/embed') html(embedPage(frameOrigin));
  else if (path === '/intake') html(intakePage('kap'));
  else if (path === '/intake-floor') html(intakePage('floor'));
  else if (path === '/survey') html(SURVEY_PAGE);
  else if (SCRIPTS[path]) {
    response.writeHead(200, { 'Content-Type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(readFileSync(SCRIPTS[path]));
  } else if (/^\/chunks\/[\w.-]+\.js$/.test(path) && existsSync(join(dirname(bundle), path))) {
    // The bundle's lazy chunks (the built-in instruments, the medical screening page…), fetched from beside it.
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(dirname(bundle), path)));
  } else response.writeHead(404).end();
};
const server = createServer(handler);
const frameServer = createServer(handler);
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
await new Promise<void>((done) => frameServer.listen(0, '127.0.0.2', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
frameOrigin = `http://127.0.0.2:${(frameServer.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium',
  // No network: every host name fails to resolve (the servers are IP addresses). SurveyJS's default
  // CSS asks Google Fonts for Open Sans; that request fails at once and the text keeps a fallback font.
  args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2'],
});
const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-US' });

/** [to DOM, to paint, shown (times, or inputs), other (days) or nodes, nodes]. */
type Sample = number[];

/**
 * Moves the page's `Date` to `NOW` while letting it run on; unlike Playwright's fake clock this
 * leaves `performance.now()` alone, at full resolution. (A string, not a function: tsx would
 * decorate a function with helpers the page does not have.) Playwright runs it in child frames too.
 */
const SHIFT_CLOCK = `{
  const RealDate = Date;
  const offset = ${Date.parse(NOW)} - RealDate.now();
  globalThis.Date = class extends RealDate {
    constructor(...args) { args.length ? super(...args) : super(RealDate.now() + offset); }
    static now() { return RealDate.now() + offset; }
  };
}`;

/** A new page at `path`, once the expression `ready` (run in the page) is true. */
async function freshPage(path: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: SHIFT_CLOCK });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  if (LATENCY) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await page.goto(origin + path);
  await page.waitForFunction(ready);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (!ISOLATION_EXEMPT.has(path) && !(await page.evaluate(() => crossOriginIsolated)))
    throw new Error(`${path} is not cross-origin isolated: its timers would count in 100 µs steps`);
  return page;
}

/** What renders one thing (an element, its floor, SurveyJS) once on a page at `path`, ready when `ready` holds. */
interface Peer {
  path: string;
  ready: string;
  once: (page: Page) => Promise<Sample>;
}

/** Cold runs: a fresh page each. */
async function coldRuns({ path, ready, once }: Peer): Promise<Sample[]> {
  const cold: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage(path, ready);
    cold.push(await once(page));
    await page.close();
  }
  return cold;
}

/**
 * Warm runs of `peers` side by side, one page each: after the warm-up, each run renders every peer
 * `WARM_RENDERS` times in turn, so that a change in the host's load falls on the element and its
 * floor alike (one after the other, a busier minute for one of them moved a ratio by half).
 * Resolves with each peer's samples and its page, left open for more runs (the caller closes it).
 */
async function warmRuns(peers: Peer[]): Promise<{ warm: Sample[]; page: Page }[]> {
  const pages = await Promise.all(peers.map(({ path, ready }) => freshPage(path, ready)));
  const warm: Sample[][] = peers.map(() => []);
  for (let run = -WARMUP; run < RUNS; run++) {
    for (const [i, { once }] of peers.entries()) {
      // The page in front: Chromium holds back the frames of a tab behind another.
      await pages[i]!.bringToFront();
      for (let render = 0; render < WARM_RENDERS; render++) {
        const sample = await once(pages[i]!);
        if (run >= 0) warm[i]!.push(sample);
      }
    }
  }
  return peers.map((_, i) => ({ warm: warm[i]!, page: pages[i]! }));
}

const out: string[] = [];

// ---- booking --------------------------------------------------------------------------------------

interface BookingWindow {
  renderOnce(options?: { loadScript?: boolean }): Promise<Sample>;
  renderFloorOnce(): Promise<Sample>;
  embedOnce(): Promise<Sample>;
}
const booking = (page: Page) => page.evaluate(() => (window as unknown as BookingWindow).renderOnce());

async function benchBooking(): Promise<void> {
  const kapPeer: Peer = { path: '/', ready: `customElements.get('kap-booking') !== undefined`, once: booking };
  const floorPeer: Peer = {
    path: '/booking-floor',
    ready: 'typeof window.renderFloorOnce === "function"',
    once: (page) => page.evaluate(() => (window as unknown as BookingWindow).renderFloorOnce()),
  };
  const [kapCold, floorCold] = [await coldRuns(kapPeer), await coldRuns(floorPeer)];
  const [kapWarm, floorWarm] = await warmRuns([kapPeer, floorPeer]);
  const kap = { cold: kapCold, warm: kapWarm!.warm };
  const floor = { cold: floorCold, warm: floorWarm!.warm };
  await kapWarm!.page.close();
  await floorWarm!.page.close();
  const [, , times, days, nodes] = kap.warm[0]!;
  const [, , floorTimes, floorDays, floorNodes] = floor.warm[0]!;
  if (times !== floorTimes || days !== floorDays)
    throw new Error(`the floor shows ${floorDays} days and ${floorTimes} times, <kap-booking> ${days} and ${times}`);
  out.push(
    '',
    `<kap-booking>, first render of ${FORTNIGHT_SLOTS} slots (two weeks, every 15 minutes): ${days} days and ${times} times on screen, ${nodes} DOM nodes (floor ${floorNodes})`,
    ...formatTable(
      ['', 'floor', '<kap-booking>', 'ratio', 'target'],
      (['cold', 'warm'] as const).map((when) => [
        `first render, ${when} (to DOM / to paint)`,
        `${ms(first(floor[when]))} / ${ms(painted(floor[when]))}`,
        `${ms(first(kap[when]))} / ${ms(painted(kap[when]))}`,
        ratio(first(kap[when]), first(floor[when])),
        first(kap[when]) <= 2 * first(floor[when]) ? 'meets ≤ 2×' : 'MISSES ≤ 2×',
      ]),
    ),
  );
  if (!EMBED) return;
  const lazy: Sample[] = [];
  const framed: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    let page = await freshPage('/lazy', 'true');
    lazy.push(await page.evaluate(() => (window as unknown as BookingWindow).renderOnce({ loadScript: true })));
    await page.close();
    page = await freshPage('/embed', `typeof window.embedOnce === 'function'`);
    framed.push(await page.evaluate(() => (window as unknown as BookingWindow).embedOnce()));
    await page.close();
  }
  out.push(
    `  with its bundle's <script type="module"> added together with the element: ${ms(first(lazy))} to DOM, ${ms(painted(lazy))} to paint`,
    `  in a cross-site iframe (its own renderer process; a vendor's hosted embed would also fetch its page): ${ms(first(framed))} to DOM, ${ms(painted(framed))} to paint`,
  );
}

// ---- forms ----------------------------------------------------------------------------------------

type FormSide = FormPeer | 'surveyjs';
interface FormWindow {
  renderForm(name: FormName, expected: number): Promise<Sample>;
  answerForm(kind: 'radio' | 'text', id: string, run: number): Promise<Sample>;
  renderSurvey(name: FormName, expected: number): Promise<Sample>;
  answerSurvey(kind: 'radio' | 'text', id: string, run: number): Promise<Sample>;
}
const FORM_PAGES: Record<FormSide, [path: string, ready: string]> = {
  kap: ['/intake', `customElements.get('kap-intake') !== undefined`],
  floor: ['/intake-floor', `typeof window.renderForm === 'function'`],
  surveyjs: ['/survey', `typeof Survey !== 'undefined' && typeof SurveyUI !== 'undefined'`],
};

interface FormFigures {
  cold: Sample[];
  warm: Sample[];
  radio: Sample[];
  text: Sample[];
}

/** Renders form `name` once on `side`'s page, expecting `expected` inputs (0: whatever the floor shows). */
function formPeer(side: FormSide, name: FormName, expected: number): Peer {
  const [path, ready] = FORM_PAGES[side];
  return {
    path,
    ready,
    once: (page) =>
      page.evaluate(([side, name, expected]) => (window as unknown as FormWindow)[side === 'surveyjs' ? 'renderSurvey' : 'renderForm'](name, expected), [
        side,
        name,
        expected,
      ] as const),
  };
}

/** Answers on the last form rendered on `page`: a different question each run. */
async function answerRuns(side: FormSide, page: Page, name: FormName): Promise<Record<'radio' | 'text', Sample[]>> {
  const form = FORMS[name];
  const answer = (kind: 'radio' | 'text', id: string, run: number) =>
    page.evaluate(([side, kind, id, run]) => (window as unknown as FormWindow)[side === 'surveyjs' ? 'answerSurvey' : 'answerForm'](kind, id, run), [
      side,
      kind,
      id,
      run,
    ] as const);
  const updates: Record<'radio' | 'text', Sample[]> = { radio: [], text: [] };
  await page.bringToFront();
  for (const kind of ['radio', 'text'] as const) {
    const ids = kind === 'radio' ? form.targets.radios : form.targets.texts;
    if (!ids.length) continue;
    for (let run = 0; run < WARMUP; run++) await answer(kind, ids[run % ids.length]!, run);
    for (let run = 0; run < RUNS; run++) updates[kind].push(await answer(kind, ids[(run * 7 + 3) % ids.length]!, run));
  }
  return updates;
}

/** Every figure of form `name`: cold runs of each side, then warm runs side by side, then answers. */
async function benchForm(name: FormName): Promise<Partial<Record<FormSide, FormFigures>>> {
  const floorCold = await coldRuns(formPeer('floor', name, 0));
  const inputs = floorCold[0]![2]!;
  const sides: FormSide[] = SURVEY_VERSION ? ['floor', 'kap', 'surveyjs'] : ['floor', 'kap'];
  const peers = sides.map((side) =>
    formPeer(side, name, side === 'kap' ? inputs : side === 'surveyjs' ? surveyDefinition(FORMS[name]).pages[0]!.elements.length : 0),
  );
  const cold = [floorCold];
  for (const peer of peers.slice(1)) cold.push(await coldRuns(peer));
  const warm = await warmRuns(peers);
  const figures: Partial<Record<FormSide, FormFigures>> = {};
  for (const [i, side] of sides.entries()) {
    figures[side] = { cold: cold[i]!, warm: warm[i]!.warm, ...(await answerRuns(side, warm[i]!.page, name)) };
    await warm[i]!.page.close();
  }
  return figures;
}

async function benchForms(): Promise<void> {
  const rows: string[][] = [];
  const answers: string[][] = [];
  const nodes: string[][] = [];
  const verdicts: string[] = [];
  for (const name of FORM_NAMES) {
    const { floor, kap, surveyjs: survey } = await benchForm(name);
    if (!floor || !kap) throw new Error(`no figures for ${name}`);
    const inputs = floor.warm[0]![2]!;
    const cell = (figures: FormFigures | undefined, when: 'cold' | 'warm') =>
      figures ? `${ms(first(figures[when]))} ${ratio(first(figures[when]), first(floor[when])).padStart(6)}` : '–';
    rows.push([name, ms(first(floor.cold)), cell(kap, 'cold'), cell(survey, 'cold'), ms(first(floor.warm)), cell(kap, 'warm'), cell(survey, 'warm')]);
    nodes.push([name, String(inputs), String(floor.warm[0]![3]), String(kap.warm[0]![3]), survey ? String(survey.warm[0]![3] ?? '–') : '–']);
    for (const kind of ['radio', 'text'] as const) {
      if (!kap[kind].length) continue;
      const update = (figures: FormFigures | undefined) =>
        figures?.[kind].length ? `${ms(first(figures[kind]))} ${ratio(first(figures[kind]), first(floor[kind])).padStart(6)}` : '–';
      answers.push([`${name}, ${kind === 'radio' ? 'click a radio' : 'type a character'}`, ms(first(floor[kind])), update(kap), update(survey)]);
      const time = first(kap[kind]);
      if (name === 'phq-gad' || name === 'page30') {
        verdicts.push(
          `  ${name}, ${kind}: ${time <= 2 * first(floor[kind]) && time <= 2 ? 'meets' : 'MISSES'} ≤ 2× the floor and ≤ 2 ms (${ratio(time, first(floor[kind]))}, ${ms(time)})`,
        );
      }
    }
    if (name === 'phq-gad' || name === 'page30') {
      for (const when of ['cold', 'warm'] as const) {
        const times = first(kap[when]) / first(floor[when]);
        verdicts.push(`  ${name}, first render ${when}: ${times <= 2 ? 'meets' : 'MISSES'} ≤ 2× the floor (${times.toFixed(1)}×)`);
      }
    }
  }
  out.push(
    '',
    'Forms, first render (median ms to DOM, and the ratio to the floor in the same run):',
    ...formatTable(['form', 'floor cold', '<kap-intake> cold', 'SurveyJS cold', 'floor warm', '<kap-intake> warm', 'SurveyJS warm'], rows),
    '',
    'Answering an item on page 1 (median ms to the update, and the ratio to the floor):',
    ...formatTable(['', 'floor', '<kap-intake>', 'SurveyJS'], answers),
    '',
    'DOM nodes on screen, page 1 (every node: elements, text, comments):',
    ...formatTable(['form', 'inputs', 'floor', '<kap-intake>', 'SurveyJS'], nodes),
    '',
    'Targets:',
    ...verdicts,
  );
  if (SURVEY_VERSION)
    out.push(
      '',
      `SurveyJS ${SURVEY_VERSION}: new Survey.Model(json).render(container); its update is timed to the last DOM change before the next painted frame.`,
    );
  else out.push('', 'SurveyJS is not installed (npm install): that column was skipped.');
}

try {
  if (ONLY !== 'intake') await benchBooking();
  if (ONLY !== 'booking') await benchForms();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    [
      '',
      `Chromium ${browser.version()}, headless; ${cpus().length} cores (${cpu}); ${RUNS} runs each (a warm run renders ${WARM_RENDERS} times, side by side with its floor; after ${WARMUP} warm-up runs for warm and update figures); pages cross-origin isolated (timers in 5 µs steps)`,
      `Bundle: ${bundle}${LATENCY ? `; every request ${LATENCY} ms longer (--latency)` : ''}`,
      ...out,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.close();
  frameServer.close();
}
