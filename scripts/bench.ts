/**
 * `npm run bench` (after `npm run build`): the performance targets (README.md, "Speed"), measured
 * in headless Chromium with the CDN bundle a clinic would load (dist/cdn/kap-elements.js). Not part of `npm test`.
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
 * 3. The peers ("compared side by side in the same run"), printed in one table at the end:
 *    - SurveyJS (survey-core + survey-js-ui, devDependencies, their browser builds served from
 *      node_modules) on the same generated 300-item form converted to SurveyJS JSON, rendered and
 *      answered the same way; plus the gzip size of its JS and default CSS next to our bundle.
 *    - For booking, a vendor's iframe embed cannot be fetched here (no network), so the cost of an
 *      iframe itself is measured: our booking inside a cross-site iframe, and, for comparison, the
 *      booking with its bundle's script tag added to the page together with the element.
 *    Chromium runs with every host name unresolvable: nothing leaves the machine.
 *
 * "cold" runs load a fresh page each time (first render of the tag on a page, nothing warmed up);
 * "warm" runs render a new element again and again on one page.
 *
 *   npm run bench -- --runs 30
 *   npm run bench -- --only intake      (or booking)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
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

/**
 * The booking page. "inline": the bundle is loaded by the page and `renderOnce()` is called by the
 * bench. "lazy": no bundle yet; `renderOnce({ loadScript: true })` adds the bundle's script tag and
 * the element together, so the time includes fetching and running the bundle. "frame": the page an
 * iframe embed would load; it renders one element by itself and tells its parent (`postMessage`) when
 * the times are in the DOM and when the next frame has been painted.
 */
function bookingPage(mode: 'inline' | 'lazy' | 'frame'): string {
  return /* html */ `<!doctype html>
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

  /**
   * Renders one element; resolves with [ms to time buttons in the DOM, ms to the next painted frame,
   * times, days]. With loadScript, the bundle's script tag is added at the same moment as the element.
   */
  window.renderOnce = ({ loadScript = false, onInDom } = {}) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const element = document.createElement('kap-booking');
    element.setAttribute('api', API);
    element.setAttribute('time-zone', '${ZONE}');
    const started = performance.now();
    const timeout = setTimeout(() => fail(new Error('no time buttons after 10 s')), 10_000);
    if (loadScript) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/kap-elements.js';
      document.head.append(script);
    }
    stage.append(element);
    const observer = new MutationObserver(() => check());
    const check = () => {
      const times = element.shadowRoot.querySelectorAll('[part~="time"]').length;
      if (!times) return;
      observer.disconnect();
      const inDom = performance.now() - started;
      onInDom?.();
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, times, element.shadowRoot.querySelectorAll('[part~="day"]').length]);
      }));
    };
    const start = () => {
      observer.observe(element.shadowRoot, { childList: true, subtree: true });
      check();
    };
    if (customElements.get('kap-booking')) start();
    else customElements.whenDefined('kap-booking').then(start);
  });
</script>
${mode === 'lazy' ? '' : '<script type="module" src="/kap-elements.js"></script>'}
${
  mode === 'frame'
    ? `<script type="module">
  const [, , times, days] = await window.renderOnce({ onInDom: () => parent.postMessage({ type: 'times' }, '*') });
  parent.postMessage({ type: 'painted', times, days }, '*');
</script>`
    : ''
}
</body>
</html>`;
}

/**
 * The embed a clinic's page would hold: an iframe from another origin (and site, so Chromium gives it
 * its own renderer process) whose page is the booking. Timed from appending the iframe until the
 * frame reports the times in its DOM, and until it reports its next painted frame.
 */
function embedPage(frameOrigin: string): string {
  return /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kap-booking in an iframe, benchmark</title></head>
<body>
<main id="stage"></main>
<script type="module">
  let run = 0;
  window.embedOnce = () => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const frame = document.createElement('iframe');
    frame.title = 'Book an appointment';
    frame.style.cssText = 'width: 100%; height: 900px; border: 0';
    frame.src = '${frameOrigin}/frame?run=' + run++;
    let inDom;
    const timeout = setTimeout(() => fail(new Error('no times from the frame after 10 s')), 10_000);
    const listen = (event) => {
      if (event.origin !== '${frameOrigin}' || event.source !== frame.contentWindow) return;
      if (event.data.type === 'times') inDom = performance.now() - started;
      if (event.data.type !== 'painted') return;
      clearTimeout(timeout);
      removeEventListener('message', listen);
      done([inDom, performance.now() - started, event.data.times, event.data.days]);
    };
    addEventListener('message', listen);
    const started = performance.now();
    stage.append(frame);
  });
</script>
</body>
</html>`;
}

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

// ---- SurveyJS, the peer for forms ----------------------------------------------------------------

/** SurveyJS's own browser builds from node_modules (devDependencies only), served from this origin. */
const surveyDir = (pkg: string) => join(root, 'node_modules', pkg);
const SURVEY_FILES = {
  '/survey/survey.core.min.js': join(surveyDir('survey-core'), 'survey.core.min.js'),
  '/survey/survey-js-ui.min.js': join(surveyDir('survey-js-ui'), 'survey-js-ui.min.js'),
  '/survey/survey-core.min.css': join(surveyDir('survey-core'), 'survey-core.min.css'),
} as const;
const SURVEY_VERSION = existsSync(join(surveyDir('survey-js-ui'), 'package.json'))
  ? (JSON.parse(readFileSync(join(surveyDir('survey-js-ui'), 'package.json'), 'utf8')) as { version: string }).version
  : undefined;

type Condition = { item: string; answered?: boolean; equals?: unknown } | { any: Condition[] } | { all: Condition[] };

/** Our `when` as a SurveyJS `visibleIf` expression (the forms the generated intake uses). */
function surveyExpression(condition: Condition): string {
  if ('any' in condition) return condition.any.map((part) => `(${surveyExpression(part)})`).join(' or ');
  if ('all' in condition) return condition.all.map((part) => `(${surveyExpression(part)})`).join(' and ');
  if (condition.answered !== undefined) return `{${condition.item}} ${condition.answered ? 'notempty' : 'empty'}`;
  if (typeof condition.equals === 'string') return `{${condition.item}} = '${condition.equals}'`;
  throw new Error(`no SurveyJS expression for ${JSON.stringify(condition)}`);
}

type Option = { value: string; label: string; help?: string; exclusive?: boolean };

/**
 * The same item as a SurveyJS question. choice → radiogroup (an option's hint joins its text: SurveyJS
 * has no per-option hint); yesno → boolean shown as two radios with the values "yes"/"no", as ours;
 * textarea → comment; text → text; number → text with inputType "number", the unit in the title;
 * multi → checkbox, the exclusive option as SurveyJS's "None" item; date → multipletext with three
 * fields, day / month / year, as our three fields. `when` → `visibleIf`; required unless
 * `required: false`, as ours. Review flags and the date's `max` are not rendered, so not carried over.
 */
function surveyQuestion(item: Record<string, unknown>): Record<string, unknown> {
  const common = {
    name: item['id'],
    title: item['label'],
    isRequired: item['required'] !== false,
    ...(item['help'] ? { description: item['help'] } : {}),
    ...(item['when'] ? { visibleIf: surveyExpression(item['when'] as Condition) } : {}),
  };
  const options = (item['options'] as Option[] | undefined) ?? [];
  const choices = (list: Option[]) => list.map((option) => ({ value: option.value, text: option.help ? `${option.label} (${option.help})` : option.label }));
  switch (item['type']) {
    case 'choice':
      return { type: 'radiogroup', ...common, choices: choices(options) };
    case 'yesno':
      return { type: 'boolean', ...common, renderAs: 'radio', valueTrue: 'yes', valueFalse: 'no', labelTrue: 'Yes', labelFalse: 'No' };
    case 'textarea':
      return { type: 'comment', ...common, ...(item['maxLength'] ? { maxLength: item['maxLength'] } : {}) };
    case 'text':
      return { type: 'text', ...common };
    case 'number':
      return { type: 'text', ...common, title: `${String(item['label'])} (${String(item['unit'])})`, inputType: 'number', min: item['min'], max: item['max'] };
    case 'multi': {
      const none = options.find((option) => option.exclusive);
      return {
        type: 'checkbox',
        ...common,
        choices: choices(options.filter((option) => !option.exclusive)),
        ...(none ? { showNoneItem: true, noneText: none.label } : {}),
      };
    }
    case 'date':
      return { type: 'multipletext', ...common, colCount: 3, items: ['Day', 'Month', 'Year'].map((title) => ({ name: title.toLowerCase(), title })) };
    default:
      throw new Error(`no SurveyJS question for item type ${String(item['type'])}`);
  }
}

/** The generated definition as SurveyJS JSON: the same pages, questions, titles and conditions. */
function surveyDefinition(definition: Record<string, unknown>): Record<string, unknown> {
  const pages = definition['pages'] as { id: string; title: string; items: Record<string, unknown>[] }[];
  return {
    title: definition['title'],
    description: String(definition['intro']).replace(/\*\*/g, ''),
    // Our labels carry their own numbers ("1.1 ..."); answers update the model on input, as ours.
    showQuestionNumbers: 'off',
    textUpdateMode: 'onTyping',
    pages: pages.map((page) => ({ name: page.id, title: page.title, elements: page.items.map(surveyQuestion) })),
  };
}

const SURVEY_PAGE = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>SurveyJS benchmark</title>
<link rel="stylesheet" href="/survey/survey-core.min.css">
<script src="/survey/survey.core.min.js"></script>
<script src="/survey/survey-js-ui.min.js"></script>
</head>
<body>
<main id="stage"></main>
<script>
  const definitions = ${JSON.stringify(Object.fromEntries(Object.entries(INTAKES).map(([name, intake]) => [name, JSON.stringify(surveyDefinition(intake.definition))]))).replace(/</g, '\\u003c')};
  const paint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  let current;

  /**
   * Renders one survey with the named definition, as SurveyJS's vanilla-JS guide does:
   * new Survey.Model(json), model.render(container). Timed from parsing the JSON text (as ours reads
   * its child script) until every question of the first page is in the DOM, and to the next painted
   * frame. The survey rendered before is unmounted and disposed first, outside the timing.
   */
  window.renderSurvey = (name, expected) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    if (current) {
      SurveyUI.unmountComponentAtNode(current.host);
      current.model.dispose();
    }
    stage.replaceChildren();
    const host = document.createElement('div');
    stage.append(host);
    const questions = () => host.querySelectorAll('[data-name]').length;
    const timeout = setTimeout(() => fail(new Error('after 10 s, ' + questions() + ' of ' + expected + ' questions shown')), 10_000);
    const observer = new MutationObserver(() => check());
    observer.observe(host, { childList: true, subtree: true });
    let inDom;
    const check = () => {
      if (inDom !== undefined || questions() < expected) return;
      inDom = performance.now() - started;
      observer.disconnect();
      paint().then(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, questions(), host.querySelectorAll('input:not([type="button"]), textarea').length]);
      });
    };
    const started = performance.now();
    const model = new Survey.Model(JSON.parse(definitions[name]));
    model.render(host);
    current = { host, model };
    check();
  });

  /**
   * Answers one question as answerIntake does ours (a radio clicked, a character typed). SurveyJS has
   * no updateComplete: "updated" is the later of the event's handlers returning and the last DOM
   * change that follows before the next painted frame (its view updates in microtasks after the
   * model changes), and the answer must then be in the model (and a clicked option shown checked).
   */
  window.answerSurvey = async (kind, id, run) => {
    const { host, model } = current;
    const question = host.querySelector('[data-name="' + id + '"]');
    await paint();
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(host, { childList: true, subtree: true, attributes: true, characterData: true });
    let started;
    let expected;
    let radio;
    if (kind === 'radio') {
      const radios = [...question.querySelectorAll('input[type="radio"]')];
      radio = radios[(run + 1) % radios.length];
      if (radio.checked) radio = radios[(run + 2) % radios.length];
      expected = radio.value;
      started = performance.now();
      radio.click();
    } else {
      const input = question.querySelector('input');
      expected = input.value + String.fromCharCode(97 + (run % 26));
      started = performance.now();
      input.value = expected;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: expected.at(-1) }));
    }
    const handled = performance.now();
    await paint();
    const painted = performance.now() - started;
    observer.disconnect();
    if (model.getValue(id) !== expected) throw new Error('the answer to ' + id + ' did not reach the SurveyJS model');
    if (radio && !(radio.checked && radio.closest('.sd-item').className.includes('--checked'))) throw new Error('the option clicked in ' + id + ' is not shown checked');
    return [Math.max(handled, last) - started, painted];
  };
</script>
</body>
</html>`;

// ---- the servers -----------------------------------------------------------------------------------

/** Origin A serves the pages; origin B (another address, so another site) serves the iframe's page. */
let frameOrigin = '';
const handler = (request: IncomingMessage, response: ServerResponse) => {
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  const html = (body: string) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  if (path === '/') html(bookingPage('inline'));
  else if (path === '/lazy') html(bookingPage('lazy'));
  else if (path === '/frame') html(bookingPage('frame'));
  else if (path === '/embed') html(embedPage(frameOrigin));
  else if (path === '/intake') html(INTAKE_PAGE);
  else if (path === '/survey') html(SURVEY_PAGE);
  else if (path === '/kap-elements.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(bundle));
  else if (path in SURVEY_FILES) {
    response
      .writeHead(200, { 'Content-Type': path.endsWith('.css') ? 'text/css' : 'text/javascript' })
      .end(readFileSync(SURVEY_FILES[path as keyof typeof SURVEY_FILES]));
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

type Sample = [inDom: number, painted: number, shown: number, other: number];
type UpdateSample = [updated: number, painted: number];

/**
 * Moves the page's `Date` to `NOW` while letting it run on; unlike Playwright's fake clock this
 * leaves `performance.now()` alone, at full resolution, for the measurement. (A string, not a
 * function: tsx would decorate a function with helpers the page does not have.) Playwright runs it
 * in child frames too, so the iframe's booking sees the same Monday.
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
async function freshPage(path = '/', ready = `customElements.get('kap-booking') !== undefined`): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: SHIFT_CLOCK });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(origin + path);
  await page.waitForFunction(ready);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

interface BookingWindow {
  renderOnce(options?: { loadScript?: boolean }): Promise<Sample>;
  embedOnce(): Promise<Sample>;
}
const renderOnce = (page: Page, loadScript = false) =>
  page.evaluate((loadScript) => (window as unknown as BookingWindow).renderOnce({ loadScript }), loadScript);
const embedOnce = (page: Page) => page.evaluate(() => (window as unknown as BookingWindow).embedOnce());

type IntakeName = keyof typeof INTAKES;
type Peer = 'kap' | 'surveyjs';
interface IntakeWindow {
  renderIntake(name: IntakeName, expected: number): Promise<Sample>;
  answerIntake(kind: 'radio' | 'text', id: string, run: number): Promise<UpdateSample>;
  renderSurvey(name: IntakeName, expected: number): Promise<Sample>;
  answerSurvey(kind: 'radio' | 'text', id: string, run: number): Promise<UpdateSample>;
}
const renderForm = (page: Page, peer: Peer, name: IntakeName) =>
  page.evaluate(
    ([peer, name, expected]) => (window as unknown as IntakeWindow)[peer === 'kap' ? 'renderIntake' : 'renderSurvey'](name, expected),
    [peer, name, INTAKES[name].firstPageItems] as const,
  );
const answerForm = (page: Page, peer: Peer, kind: 'radio' | 'text', id: string, run: number) =>
  page.evaluate(
    ([peer, kind, id, run]) => (window as unknown as IntakeWindow)[peer === 'kap' ? 'answerIntake' : 'answerSurvey'](kind, id, run),
    [peer, kind, id, run] as const,
  );
const FORM_PAGES: Record<Peer, [path: string, ready: string]> = {
  kap: ['/intake', `customElements.get('kap-intake') !== undefined`],
  surveyjs: ['/survey', `typeof Survey !== 'undefined' && typeof SurveyUI !== 'undefined'`],
};

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

/** One row of the side-by-side table: medians "to DOM / to paint" per column. */
interface Row {
  name: string;
  cold?: Sample[];
  warm?: Sample[];
  radio?: UpdateSample[];
  text?: UpdateSample[];
}
const rows: Row[] = [];

async function benchBooking(): Promise<string[]> {
  const cold: Sample[] = [];
  const lazy: Sample[] = [];
  const framedCold: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    let page = await freshPage();
    cold.push(await renderOnce(page));
    await page.close();
    page = await freshPage('/lazy', 'true');
    lazy.push(await renderOnce(page, true));
    await page.close();
    page = await freshPage('/embed', `typeof window.embedOnce === 'function'`);
    framedCold.push(await embedOnce(page));
    await page.close();
  }

  let page = await freshPage();
  for (let run = 0; run < WARMUP; run++) await renderOnce(page);
  const warm: Sample[] = [];
  for (let run = 0; run < RUNS; run++) warm.push(await renderOnce(page));
  await page.close();

  page = await freshPage('/embed', `typeof window.embedOnce === 'function'`);
  for (let run = 0; run < WARMUP; run++) await embedOnce(page);
  const framedWarm: Sample[] = [];
  for (let run = 0; run < RUNS; run++) framedWarm.push(await embedOnce(page));
  await page.close();

  const [, , times, days] = warm[0]!;
  const [, , frameTimes, frameDays] = framedWarm[0]!;
  if (frameTimes !== times || frameDays !== days) throw new Error(`the iframe shows ${frameDays} days and ${frameTimes} times, the page ${days} and ${times}`);
  rows.push(
    { name: '<kap-booking> in the page', cold, warm },
    { name: '<kap-booking>, bundle loaded with it', cold: lazy },
    { name: '<kap-booking> in a cross-site iframe', cold: framedCold, warm: framedWarm },
  );
  return [
    `<kap-booking> first render, ${FORTNIGHT_SLOTS} slots (two weeks, every 15 minutes) served; ${days} days and ${times} times on screen`,
    line('cold', cold),
    line('warm', warm),
    `Target: under ${TARGET_MS} ms. Cold median to DOM ${verdict(cold, TARGET_MS)} it; warm median ${verdict(warm, TARGET_MS)} it.`,
    '',
    'The same, with the bundle\'s <script type="module"> added to a fresh page together with the element (fetching and running the bundle included)',
    line('cold', lazy),
    '',
    `The same, as an iframe embed: a page on ${origin} appends an <iframe> whose page (the booking, bundle and stand-in backend) comes from ${frameOrigin},`,
    'another site, so Chromium gives it its own renderer process; timed in the parent until the frame reports the times in its DOM (postMessage),',
    'and until it reports its next painted frame. "warm": a new iframe again and again in one parent page. The peer itself, a vendor\'s hosted embed',
    '(Calendly, Acuity, Jane and the like), could not be measured: this machine has no network. What is measured is the iframe\'s own cost,',
    'with our booking inside, a lower bound for any embed that also has to fetch its page, scripts and data from the vendor.',
    line('cold', framedCold),
    line('warm', framedWarm),
  ];
}

async function benchForm(peer: Peer, name: IntakeName, title: string): Promise<string[]> {
  const intake = INTAKES[name];
  const [path, ready] = FORM_PAGES[peer];
  const cold: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage(path, ready);
    cold.push(await renderForm(page, peer, name));
    await page.close();
  }

  const page = await freshPage(path, ready);
  for (let run = 0; run < WARMUP; run++) await renderForm(page, peer, name);
  const warm: Sample[] = [];
  for (let run = 0; run < RUNS; run++) warm.push(await renderForm(page, peer, name));

  // Answers on the last form rendered: a different question each run, radios and text fields.
  const updates: Record<'radio' | 'text', UpdateSample[]> = { radio: [], text: [] };
  for (const kind of ['radio', 'text'] as const) {
    const ids = kind === 'radio' ? intake.targets.radios : intake.targets.texts;
    for (let run = 0; run < WARMUP; run++) await answerForm(page, peer, kind, ids[run % ids.length]!, run);
    for (let run = 0; run < RUNS; run++) updates[kind].push(await answerForm(page, peer, kind, ids[(run * 7 + 3) % ids.length]!, run));
  }
  await page.close();

  const [, , fields, inputs] = warm[0]!;
  const who = peer === 'kap' ? '<kap-intake>' : `SurveyJS ${SURVEY_VERSION} (survey-core + survey-js-ui)`;
  rows.push({ name: `${peer === 'kap' ? '<kap-intake>' : 'SurveyJS'}, ${name === 'single' ? '1 page' : `${INTAKE_PAGES} pages`}`, cold, warm, ...updates });
  const until = peer === 'kap' ? 'to updateComplete' : 'to last DOM change';
  return [
    `${who} ${title}: ${fields} questions (${inputs} inputs) on screen; ` +
      (peer === 'kap' ? 'definition in a child <script type="application/json">' : 'definition converted to SurveyJS JSON, new Survey.Model(json).render(container)'),
    line('cold', cold),
    line('warm', warm),
    line('radio', updates.radio, until),
    line('text', updates.text, until),
    ...(peer === 'kap'
      ? [
          `Targets: render under ${INTAKE_RENDER_TARGET_MS} ms: cold median to DOM ${verdict(cold, INTAKE_RENDER_TARGET_MS)} it, warm ${verdict(warm, INTAKE_RENDER_TARGET_MS)} it. ` +
            `Answering one item under ${INTAKE_UPDATE_TARGET_MS} ms: radio median ${verdict(updates.radio, INTAKE_UPDATE_TARGET_MS)} it, text ${verdict(updates.text, INTAKE_UPDATE_TARGET_MS)} it.`,
        ]
      : []),
  ];
}

const KIB = 1024;
const gzipKib = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / KIB;
const rawKib = (files: string[]) => files.reduce((sum, file) => sum + readFileSync(file).length, 0) / KIB;

/** What each needs on the page, gzip -9 (as scripts/check-size.ts measures ours). */
function sizes(): string[] {
  const ours = [bundle];
  const surveyJs = Object.values(SURVEY_FILES).filter((file) => file.endsWith('.js'));
  const surveyCss = Object.values(SURVEY_FILES).filter((file) => file.endsWith('.css'));
  const size = (label: string, files: string[]) => `  ${label.padEnd(58)} ${gzipKib(files).toFixed(1).padStart(7)} KiB gzip  (${rawKib(files).toFixed(0)} KiB as served)`;
  return [
    'What each needs on the page (gzip level 9, KiB):',
    size('kap-elements.js (all three elements, Lit, schemas, CSS)', ours),
    size('SurveyJS JS: survey.core.min.js + survey-js-ui.min.js', surveyJs),
    size('SurveyJS default CSS: survey-core.min.css', surveyCss),
    size('SurveyJS, JS + default CSS', [...surveyJs, ...surveyCss]),
    '  (SurveyJS\'s CSS also loads the Open Sans web font from Google Fonts, not counted; survey-core.fontless.min.css leaves it out.)',
  ];
}

/** The side-by-side table: medians, "to DOM (or update) / to paint". */
function table(): string[] {
  const cell = (samples?: readonly (readonly number[])[]) =>
    samples ? `${median(samples.map((s) => s[0]!)).toFixed(1)} / ${median(samples.map((s) => s[1]!)).toFixed(1)}` : '–';
  const header = ['', 'first render cold', 'first render warm', 'answer a radio', 'type in a text field'];
  const body = rows.map((row) => [row.name, cell(row.cold), cell(row.warm), cell(row.radio), cell(row.text)]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => cells[column]!.length)));
  const format = (cells: string[]) => cells.map((text, column) => (column ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('   ');
  return [
    'Side by side, same run, same machine, same 300-item form (medians in ms: to DOM, or to the update, / to the next painted frame)',
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...body.map(format),
  ];
}

try {
  const sections: string[][] = [];
  if (ONLY !== 'intake') sections.push(await benchBooking());
  if (ONLY !== 'booking') {
    const surveyJs = SURVEY_VERSION !== undefined;
    for (const [name, title] of [
      ['single', `${INTAKE_ITEMS} items on one page`],
      ['paged', `${INTAKE_ITEMS} items on ${INTAKE_PAGES} pages, first page shown`],
    ] as const) {
      sections.push(await benchForm('kap', name, title));
      if (surveyJs) sections.push(await benchForm('surveyjs', name, title));
    }
    if (surveyJs) {
      sections.push([
        'SurveyJS form: the same generated items converted by type (see surveyQuestion() in this script); the date is three fields (multipletext:',
        'day, month, year) like ours; yes/no is a boolean shown as two radios. SurveyJS has no updateComplete, so its update is timed to the last DOM',
        'change before the next painted frame; "to paint" is the same measure for both.',
      ]);
      sections.push(sizes());
    } else sections.push(['SurveyJS is not installed (npm install): the peer for forms was skipped.']);
  }
  sections.push(table());
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
  frameServer.close();
}
