/**
 * Runs every story of the built Storybook (`npm run build-storybook` first) in headless Chromium:
 * each story's `play` function must finish without throwing, and axe-core must then find no
 * violations in the story (shadow DOM included). Exits 1 on any failure. Stories run several at a
 * time (`STORIES_JOBS`, default 2) in one browser, against the real reference backend in memory
 * (test/support/reference-backend.js); each worker starts Storybook's preview once and switches
 * stories in it, as its sidebar does, with the page's storage cleared between them.
 *
 *   node .storybook/check-stories.mjs [story-id-filter]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { builtIndex, serveBuilt } from './serve-built.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const filter = process.argv[2] ?? '';
// Stories only: the elements' Docs pages are checked by check-docs.mjs.
const ids = Object.entries(builtIndex().entries)
  .filter(([id, entry]) => entry.type === 'story' && id.includes(filter))
  .map(([id]) => id);

// The stories' clinics: the real reference backend in memory, as in `npm run storybook`.
const served = await serveBuilt();
const origin = served.origin;

/**
 * Runs before the page's own scripts: waits for the story's render to end (its phase), and keeps
 * the first failure Storybook's channel reports on the way. What an earlier page of the same
 * context left in the origin's storage is cleared first.
 */
function watchStory() {
  localStorage.clear();
  window.__kapStory = new Promise((done) => {
    let failure;
    const watch = setInterval(() => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (channel && !channel.kapWatched) {
        channel.kapWatched = true;
        channel.on('playFunctionThrewException', (error) => (failure ??= `play threw: ${error?.message ?? JSON.stringify(error)}`));
        channel.on('storyThrewException', (error) => (failure ??= `story threw: ${error?.message ?? JSON.stringify(error)}`));
        channel.on('storyErrored', (error) => (failure ??= `story errored: ${JSON.stringify(error)}`));
      }
      // The render's own phase, so a story that ends before the channel is watched is not missed.
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      const ended = ['completed', 'afterEach', 'finished'].includes(phase);
      if (failure || ended || phase === 'errored' || phase === 'aborted') {
        clearInterval(watch);
        setTimeout(() => done(failure ?? (ended ? 'ok' : `story ${phase}`)), 50);
      }
    }, 20);
  });
}

/**
 * In a page whose preview has already run a story: shows story `id` the way Storybook's sidebar
 * does (`setCurrentStory`), with the origin's storage cleared first, and resolves as `watchStory`
 * does once its render has ended. Starting Storybook's preview costs a page about 1.5 s of CPU;
 * switching costs a fraction of that, so each worker starts it once.
 */
async function showStory(id) {
  sessionStorage.clear();
  localStorage.clear();
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  const preview = window.__STORYBOOK_PREVIEW__;
  let failure;
  const listeners = {
    playFunctionThrewException: (error) => (failure ??= `play threw: ${error?.message ?? JSON.stringify(error)}`),
    storyThrewException: (error) => (failure ??= `story threw: ${error?.message ?? JSON.stringify(error)}`),
    storyErrored: (error) => (failure ??= `story errored: ${JSON.stringify(error)}`),
  };
  for (const [event, listener] of Object.entries(listeners)) channel.on(event, listener);
  channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  try {
    return await new Promise((done) => {
      const watch = setInterval(() => {
        // The new story's render only: the previous one has ended already.
        const render = preview.currentRender;
        const phase = render?.id === id ? render.phase : undefined;
        const ended = ['completed', 'afterEach', 'finished'].includes(phase);
        if (failure || ended || phase === 'errored' || phase === 'aborted') {
          clearInterval(watch);
          setTimeout(() => done(failure ?? (ended ? 'ok' : `story ${phase}`)), 50);
        }
      }, 20);
    });
  } finally {
    for (const [event, listener] of Object.entries(listeners)) channel.off(event, listener);
  }
}

/** Runs story `id` in `page` (loading Storybook there first when `fresh`), then axe on what it shows. */
async function checkStory(page, id, fresh, pageErrors) {
  const started = Date.now();
  // The a11y addon's own run is switched off (manual): this check runs axe itself, once.
  let timer;
  const timeout = new Promise((done) => (timer = setTimeout(done, STORY_TIMEOUT_MS, `timed out after ${STORY_TIMEOUT_MS / 1000} s`)));
  const shown = fresh
    ? page
        .goto(`${origin}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'commit', timeout: STORY_TIMEOUT_MS })
        .then(() => page.evaluate(() => window.__kapStory))
    : page.evaluate(showStory, id);
  const outcome = await Promise.race([shown.catch((error) => `did not load: ${String(error).split('\n')[0]}`), timeout]);
  clearTimeout(timer);
  if (outcome !== 'ok') return { id, outcome, violations: [], pageErrors, ms: Date.now() - started };
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const results = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
        return results.violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.nodes
              .slice(0, 3)
              .map((node) => JSON.stringify(node.target))
              .join(' ')}`,
        );
      } catch (error) {
        // Should the a11y addon run after all, wait for it rather than collide.
        if (!String(error).includes('already running')) throw error;
        await new Promise((retry) => setTimeout(retry, 50));
      }
    }
    return ['axe stayed busy'];
  });
  return { id, outcome, violations, pageErrors, ms: Date.now() - started };
}

const STORY_TIMEOUT_MS = 60_000;
const jobs = Math.max(1, Number(process.env.STORIES_JOBS) || 2);
const started = Date.now();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
let failures = 0;
try {
  // One browser; `jobs` workers, each with its own context and page, taking stories from one
  // queue. A worker starts Storybook in its page for its first story and after any failure (so one
  // broken story cannot spoil the next); otherwise it switches stories in the running preview.
  const queue = [...ids];
  const worker = async () => {
    const context = await browser.newContext();
    let page;
    let pageErrors = [];
    let fresh = true;
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (fresh) {
        await page?.close();
        page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(String(error)));
        await page.addInitScript(watchStory);
      }
      pageErrors = [];
      const result = await checkStory(page, id, fresh, pageErrors);
      const passed = result.outcome === 'ok' && result.violations.length === 0 && result.pageErrors.length === 0;
      fresh = !passed;
      if (!passed) failures++;
      console.log(`${passed ? 'ok  ' : 'FAIL'} ${id} (${result.ms} ms)`);
      if (result.outcome !== 'ok') console.log(`     ${result.outcome.split('\n')[0]}`);
      for (const violation of result.violations) console.log(`     axe: ${violation}`);
      for (const error of result.pageErrors) console.log(`     page error: ${error}`);
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: Math.min(jobs, ids.length) }, worker));
} finally {
  await browser.close();
  served.close();
}
console.log(
  `\n${ids.length - failures}/${ids.length} stories passed their play functions and axe (${jobs} at a time, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
);
process.exit(failures ? 1 : 0);
