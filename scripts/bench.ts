/**
 * `npm run bench` (after `npm run build`): DESIGN.md's "Performance" targets, measured in headless
 * Chromium with the CDN bundle a clinic would load (dist/cdn/kap-elements.js). Not part of `npm test`.
 *
 * 1. `<kap-booking>`: how long it takes to show a calendar built from two weeks of 15-minute slots.
 *    Target: under 20 ms.
 *
 *    The backend is an in-page `fetch` stand-in that answers at once from a prepared fortnight of
 *    slots (round the clock, every 15 minutes: 1344 slots), so the time measured is the element's own
 *    work: parsing and validating the answers with the contract's schemas, grouping the slots by day
 *    in the client's zone and rendering the week — from `appendChild` until the time buttons are in
 *    the DOM, and until the next frame has been painted. The page's `Date` runs from a Monday
 *    morning so the week on screen is always a full one.
 *
 * 2. `<kap-intake>`: an intake of 300 items renders in under 50 ms; answering one item updates in
 *    under 4 ms. Two generated definitions, each given as a child `<script type="application/json">`
 *    (no network): 300 items on one page, and the same 300 items on 30 pages of 10. Render: from
 *    `appendChild` until every question of the first page is in the DOM (and until the next painted
 *    frame) — reading the child script, checking the definition with `parseFormDefinition()`,
 *    rendering. Update: a radio is clicked (or a character typed into a text field) on the page
 *    shown, timed from the event until the element's `updateComplete` resolves (and until the next
 *    painted frame); each run answers a different question, so every run is a real change.
 *
 * "cold" runs load a fresh page each time (first render of the tag on a page, nothing warmed up);
 * "warm" runs render a new element again and again on one page.
 *
 *   npm run bench -- --runs 30
 *   npm run bench -- --only intake      (or booking)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'cdn', 'kap-elements.js');
const TARGET_MS = 20;
const INTAKE_RENDER_TARGET_MS = 50;
const INTAKE_UPDATE_TARGET_MS = 4;
const ZONE = 'America/New_York';
/** Monday 2 March 2026, 06:00 in New York. */
const NOW = '2026-03-02T11:00:00Z';
const FORTNIGHT_SLOTS = 14 * 24 * 4;
const INTAKE_ITEMS = 300;
const INTAKE_PAGES = 30;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const RUNS = argument('runs', 20);
const WARMUP = 3;
const onlyIndex = process.argv.indexOf('--only');
const ONLY = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
if (ONLY !== undefined && ONLY !== 'booking' && ONLY !== 'intake') throw new Error('--only must be "booking" or "intake"');

if (!existsSync(bundle)) {
  console.error('dist/cdn/kap-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

const BOOKING_PAGE = /* html */ `<!doctype html>
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

// ---- the generated intakes -------------------------------------------------------------------

/** What the update runs answer: choice questions (clicked) and single-line text fields (typed into). */
interface IntakeTargets {
  radios: string[];
  texts: string[];
}

/**
 * `count` items in blocks of ten, the mix of a long medical history: single choice (one with an
 * option hint, one scored), yes/no with a follow-up shown unless the answer is "no", short and long
 * text, a number with a unit, multiple choice with "None of these", a date, an optional question.
 * Every item is visible before anything is answered.
 */
function intakeItems(count: number): { items: Record<string, unknown>[]; targets: IntakeTargets } {
  const items: Record<string, unknown>[] = [];
  const targets: IntakeTargets = { radios: [], texts: [] };
  for (let i = 0; items.length < count; i++) {
    const block = Math.floor(i / 10) + 1;
    const id = `q${i + 1}`;
    const label = (text: string) => `${block}.${(i % 10) + 1} ${text}`;
    switch (i % 10) {
      case 0:
        targets.radios.push(id);
        items.push({
          type: 'choice',
          id,
          label: label('How often do you have this symptom?'),
          options: [
            { value: 'never', label: 'Never' },
            { value: 'monthly', label: 'About once a month' },
            { value: 'weekly', label: 'About once a week', help: 'Including weekends' },
            { value: 'daily', label: 'Most days' },
          ],
        });
        break;
      case 1:
        items.push({ type: 'yesno', id, label: label('Have you ever been treated for this?'), review: { when: { equals: 'yes' }, flag: 'history' } });
        break;
      case 2:
        items.push({
          type: 'textarea',
          id,
          label: label('Tell us about the treatment'),
          required: false,
          maxLength: 2000,
          when: { any: [{ item: `q${i}`, answered: false }, { item: `q${i}`, equals: 'yes' }] },
        });
        break;
      case 3:
        targets.texts.push(id);
        items.push({ type: 'text', id, label: label('Name of the medicine, if any'), required: false, help: 'As written on the packet' });
        break;
      case 4:
        items.push({ type: 'number', id, label: label('Dose'), unit: 'mg', min: 0, max: 5000 });
        break;
      case 5:
        items.push({
          type: 'multi',
          id,
          label: label('Which of these apply?'),
          options: [
            { value: 'headaches', label: 'Headaches' },
            { value: 'dizziness', label: 'Dizziness' },
            { value: 'nausea', label: 'Nausea' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        });
        break;
      case 6:
        targets.radios.push(id);
        items.push({
          type: 'choice',
          id,
          label: label('How much does it bother you?'),
          options: ['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'].map((text, score) => ({
            value: `s${score}`,
            label: text,
            score,
          })),
        });
        break;
      case 7:
        items.push({ type: 'date', id, label: label('When did it start?'), max: 'today', required: false });
        break;
      case 8:
        targets.texts.push(id);
        items.push({ type: 'text', id, label: label('Who treated you?'), required: false });
        break;
      default:
        items.push({ type: 'yesno', id, label: label('Is it getting worse?') });
    }
  }
  return { items, targets };
}

function intakeDefinition(pages: number): { definition: Record<string, unknown>; targets: IntakeTargets; firstPageItems: number } {
  const { items, targets } = intakeItems(INTAKE_ITEMS);
  const size = INTAKE_ITEMS / pages;
  const definition = {
    id: `bench-${INTAKE_ITEMS}-${pages}`,
    title: 'Medical history',
    intro: 'Please answer **every** question you can.',
    pages: Array.from({ length: pages }, (_, page) => ({
      id: `page-${page + 1}`,
      title: `Medical history, part ${page + 1}`,
      items: items.slice(page * size, (page + 1) * size),
    })),
  };
  // The update runs answer questions on the page shown (the first).
  const shown = new Set(definition.pages[0]!.items.map((item) => item['id']));
  return {
    definition,
    targets: { radios: targets.radios.filter((id) => shown.has(id)), texts: targets.texts.filter((id) => shown.has(id)) },
    firstPageItems: size,
  };
}

const INTAKES = { single: intakeDefinition(1), paged: intakeDefinition(INTAKE_PAGES) };

const INTAKE_PAGE = /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kap-intake benchmark</title></head>
<body>
<main id="stage"></main>
<script type="module">
  const definitions = ${JSON.stringify(Object.fromEntries(Object.entries(INTAKES).map(([name, intake]) => [name, JSON.stringify(intake.definition)]))).replace(/</g, '\\u003c')};
  const paint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

  /**
   * Renders one <kap-intake> with the named definition in a child <script type="application/json">;
   * resolves with [ms until the first page's questions are all in the DOM, ms to the next painted
   * frame, questions on screen, inputs on screen].
   */
  window.renderIntake = (name, expected) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const element = document.createElement('kap-intake');
    // Required by every element; never called here, the definition is local.
    element.setAttribute('api', 'https://bench.kap.invalid/kap/');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = definitions[name];
    element.append(script);
    const started = performance.now();
    const timeout = setTimeout(() => {
      const shown = element.shadowRoot.querySelectorAll('[part~="field"]').length;
      const text = element.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(0, 300);
      fail(new Error('after 10 s, ' + shown + ' of ' + expected + ' questions shown: ' + text));
    }, 10_000);
    stage.append(element);
    const check = () => {
      const fields = element.shadowRoot.querySelectorAll('[part~="field"]').length;
      if (fields < expected) return;
      observer.disconnect();
      const inDom = performance.now() - started;
      paint().then(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, fields, element.shadowRoot.querySelectorAll('input, textarea').length]);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
    check();
  });

  /**
   * Answers one question on the element on screen, as a person would: clicks a radio of choice
   * question "id" (a different option each run) or types a character into text field "id".
   * Resolves with [ms until updateComplete, ms to the next painted frame].
   */
  window.answerIntake = async (kind, id, run) => {
    const element = document.querySelector('kap-intake');
    const root = element.shadowRoot;
    await paint();
    let started;
    let expected;
    if (kind === 'radio') {
      const radios = [...root.querySelectorAll('input[type="radio"]')].filter((input) => input.name === id);
      let radio = radios[(run + 1) % radios.length];
      if (radio.checked) radio = radios[(run + 2) % radios.length];
      expected = radio.value;
      started = performance.now();
      radio.click();
    } else {
      const input = root.getElementById('f-' + id);
      expected = input.value + String.fromCharCode(97 + (run % 26));
      started = performance.now();
      input.value = expected;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: expected.at(-1) }));
    }
    await element.updateComplete;
    const updated = performance.now() - started;
    if (element.flow.answers[id] !== expected) throw new Error('the answer to ' + id + ' did not reach the element');
    await paint();
    return [updated, performance.now() - started];
  };
</script>
<script type="module" src="/kap-elements.js"></script>
</body>
</html>`;

const server = createServer((request, response) => {
  if (request.url === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(BOOKING_PAGE);
  } else if (request.url === '/intake') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(INTAKE_PAGE);
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

type Sample = [inDom: number, painted: number, shown: number, other: number];
type UpdateSample = [updated: number, painted: number];

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

async function freshPage(path = '/', tag = 'kap-booking'): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: SHIFT_CLOCK });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(origin + path);
  await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

const renderOnce = (page: Page) => page.evaluate(() => (window as unknown as { renderOnce(): Promise<Sample> }).renderOnce());

type IntakeName = keyof typeof INTAKES;
interface IntakeWindow {
  renderIntake(name: IntakeName, expected: number): Promise<Sample>;
  answerIntake(kind: 'radio' | 'text', id: string, run: number): Promise<UpdateSample>;
}
const renderIntake = (page: Page, name: IntakeName) =>
  page.evaluate(([name, expected]) => (window as unknown as IntakeWindow).renderIntake(name, expected), [name, INTAKES[name].firstPageItems] as const);
const answerIntake = (page: Page, kind: 'radio' | 'text', id: string, run: number) =>
  page.evaluate(([kind, id, run]) => (window as unknown as IntakeWindow).answerIntake(kind, id, run), [kind, id, run] as const);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (name: string, samples: readonly (readonly number[])[], until = 'to DOM') => {
  const first = samples.map((sample) => sample[0]!);
  const painted = samples.map((sample) => sample[1]!);
  return `${name.padEnd(5)}  median ${ms(median(first)).padStart(8)} ${until}, ${ms(median(painted)).padStart(8)} to paint   (${until} min ${ms(Math.min(...first))}, max ${ms(Math.max(...first))})`;
};
const verdict = (samples: readonly (readonly number[])[], target: number) => (median(samples.map((s) => s[0]!)) < target ? 'meets' : 'MISSES');

async function benchBooking(): Promise<string[]> {
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

  const [, , times, days] = warm[0]!;
  return [
    `<kap-booking> first render, ${FORTNIGHT_SLOTS} slots (two weeks, every 15 minutes) served; ${days} days and ${times} times on screen`,
    line('cold', cold),
    line('warm', warm),
    `Target: under ${TARGET_MS} ms. Cold median to DOM ${verdict(cold, TARGET_MS)} it; warm median ${verdict(warm, TARGET_MS)} it.`,
  ];
}

async function benchIntake(name: IntakeName, title: string): Promise<string[]> {
  const intake = INTAKES[name];
  const cold: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage('/intake', 'kap-intake');
    cold.push(await renderIntake(page, name));
    await page.close();
  }

  const page = await freshPage('/intake', 'kap-intake');
  for (let run = 0; run < WARMUP; run++) await renderIntake(page, name);
  const warm: Sample[] = [];
  for (let run = 0; run < RUNS; run++) warm.push(await renderIntake(page, name));

  // Answers on the last element rendered: a different question each run, radios and text fields.
  const updates: Record<'radio' | 'text', UpdateSample[]> = { radio: [], text: [] };
  for (const kind of ['radio', 'text'] as const) {
    const ids = kind === 'radio' ? intake.targets.radios : intake.targets.texts;
    for (let run = 0; run < WARMUP; run++) await answerIntake(page, kind, ids[run % ids.length]!, run);
    for (let run = 0; run < RUNS; run++) updates[kind].push(await answerIntake(page, kind, ids[(run * 7 + 3) % ids.length]!, run));
  }
  await page.close();

  const [, , fields, inputs] = warm[0]!;
  return [
    `<kap-intake> ${title}: ${fields} questions (${inputs} inputs) on screen; definition in a child <script type="application/json">`,
    line('cold', cold),
    line('warm', warm),
    line('radio', updates.radio, 'to updateComplete'),
    line('text', updates.text, 'to updateComplete'),
    `Targets: render under ${INTAKE_RENDER_TARGET_MS} ms: cold median to DOM ${verdict(cold, INTAKE_RENDER_TARGET_MS)} it, warm ${verdict(warm, INTAKE_RENDER_TARGET_MS)} it. ` +
      `Answering one item under ${INTAKE_UPDATE_TARGET_MS} ms: radio median ${verdict(updates.radio, INTAKE_UPDATE_TARGET_MS)} it, text ${verdict(updates.text, INTAKE_UPDATE_TARGET_MS)} it.`,
  ];
}

try {
  const sections: string[][] = [];
  if (ONLY !== 'intake') sections.push(await benchBooking());
  if (ONLY !== 'booking') {
    sections.push(await benchIntake('single', `${INTAKE_ITEMS} items on one page`));
    sections.push(await benchIntake('paged', `${INTAKE_ITEMS} items on ${INTAKE_PAGES} pages, first page shown`));
  }
  console.log(
    [
      '',
      `Chromium ${browser.version()}, headless; ${RUNS} runs each (after ${WARMUP} warm-up runs for warm and update figures); CDN bundle dist/cdn/kap-elements.js`,
      ...sections.flatMap((section) => ['', ...section]),
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.close();
}
