/**
 * The elements on hostile host pages (test/e2e/host-pages/), served like the demo — their own
 * origin, the demo's strict CSP, the real reference backend — and measured in Chromium:
 *
 * - `universal.html`: `* { color: red; font: 20px serif }`;
 * - `wordpress.html`: `html { font-size: 62.5% }`, body text set back in rem;
 * - `dark.html`: light text on a near-black page that declares no `color-scheme`;
 * - `plain.html`: no site styles, the baseline the others are compared with.
 *
 * Each element must keep its own colours, type scale (16 px text, or the root's size when that is
 * larger, never the 10 px of a 62.5 % root) and 44 px targets, lay out without overlap, and sit on
 * a dark page in its dark colours. Screenshots for people go to test-results/host-pages/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDemoServer, type DemoServer } from '../../server/demo/site.js';
import { contrastRatio, parseRgb, relativeLuminance, type Rgba } from '../../src/styles/page-scheme.js';
import { freePort, launchBrowser, showBookableWeek, startDemo, watchPage, type RunningDemo } from './harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results', 'host-pages');
const TAGS = ['kap-booking', 'kap-prep-checklist', 'kap-intake'] as const;
type Tag = (typeof TAGS)[number];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Text {
  color: string;
  background: string;
  fontSize: number;
  lineHeight: number;
}
interface Target extends Box {
  what: string;
  overflows: boolean;
}
interface Measured {
  base: Text & Box & { paddingLeft: number; paddingTop: number };
  heading: Text;
  label: Text | null;
  muted: Text | null;
  targets: Target[];
  selectedDay: Box | null;
  timeList: Box | null;
}
type Measurements = Record<Tag, Measured>;

/**
 * Runs in the page, as a string so that nothing the test compiler adds reaches it. For each
 * element: its base's colours and type, its first heading, label and muted text, every control
 * that takes a tap (with whether its text overflows it), and the booking's selected day and
 * time list.
 */
const MEASURE = `(() => {
  const text = (element) => {
    if (!element) return null;
    const style = getComputedStyle(element);
    return { color: style.color, background: style.backgroundColor, fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
  };
  const box = (element) => {
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  };
  const result = {};
  for (const tag of ${JSON.stringify(TAGS)}) {
    const root = document.querySelector('#' + { 'kap-booking': 'booking', 'kap-prep-checklist': 'checklist', 'kap-intake': 'intake' }[tag] + ' ' + tag).shadowRoot;
    const base = root.querySelector('[part~="base"]');
    const baseStyle = getComputedStyle(base);
    const targets = [...root.querySelectorAll('button, a.button, .input, .choice, select, textarea')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({
        what: element.tagName.toLowerCase() + '.' + [...element.classList].join('.') + ' "' + (element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 30) + '"',
        ...box(element),
        overflows: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      }));
    result[tag] = {
      base: { ...text(base), ...box(base), paddingLeft: parseFloat(baseStyle.paddingLeft), paddingTop: parseFloat(baseStyle.paddingTop) },
      heading: text(root.querySelector('h2')),
      label: text(root.querySelector('.label, legend')),
      muted: text(root.querySelector('.muted, .hint')),
      targets,
      selectedDay: box(root.querySelector('[part~="day"][aria-pressed="true"]')),
      timeList: box(root.querySelector('.time-list')),
    };
  }
  return result;
})()`;

let demo: RunningDemo;
let host: DemoServer;
let browser: Browser;
const baseline = new Map<number, Measurements>();

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const hostPort = await freePort();
  demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: `http://localhost:${hostPort},http://127.0.0.1:${hostPort}` } });
  host = await createDemoServer({
    apiUrl: demo.apiUrl,
    port: hostPort,
    hostname: '127.0.0.1',
    demoDir: join(ROOT, 'test', 'e2e', 'host-pages'),
    elementsDir: join(ROOT, 'dist', 'cdn'),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await demo?.stop();
});

/** Opens a host page at `width`, waits for the three elements, screenshots and measures it. */
async function measurePage(name: string, width: number): Promise<{ page: Page; measured: Measurements; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, timezoneId: 'America/Chicago', locale: 'en-US' });
  const watch = watchPage(page);
  await page.goto(new URL(`${name}.html`, host.url).href);
  await showBookableWeek(page.locator('#booking kap-booking'));
  await page.locator('#booking kap-booking [part~="time"]').first().waitFor();
  await page.locator('#checklist kap-prep-checklist [part~="item"]').first().waitFor();
  await page.locator('#intake kap-intake [part~="button"]').first().waitFor();
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  const measured = (await page.evaluate(MEASURE)) as Measurements;
  return { page, measured, problems: watch.problems };
}

async function baselineAt(width: number): Promise<Measurements> {
  if (!baseline.has(width)) {
    const { page, measured } = await measurePage('plain', width);
    await page.close();
    baseline.set(width, measured);
  }
  return baseline.get(width)!;
}

function rgb(value: string): Rgba {
  const colour = parseRgb(value);
  assert.ok(colour, `${value} is an rgb() colour`);
  return colour;
}

function overlaps(a: Box, b: Box): boolean {
  const tolerance = 0.5;
  return a.x + a.width > b.x + tolerance && b.x + b.width > a.x + tolerance && a.y + a.height > b.y + tolerance && b.y + b.height > a.y + tolerance;
}

/** The README's promise: every control is at least 44 px each way, and no text spills out of one. */
function assertTargets(tag: Tag, measured: Measured, where: string): void {
  assert.ok(measured.targets.length > 0, `${tag} has controls`);
  const small = measured.targets.filter((target) => target.height < 44 - 0.01 || target.width < 44 - 0.01);
  assert.deepEqual(
    small.map((t) => `${t.what} ${t.width.toFixed(1)}×${t.height.toFixed(1)}`),
    [],
    `${tag} on ${where}: targets under 44 px`,
  );
  const spilling = measured.targets.filter((target) => target.overflows);
  assert.deepEqual(
    spilling.map((t) => t.what),
    [],
    `${tag} on ${where}: text spills out of a control`,
  );
}

/** No two booking controls overlap, and the selected day stays clear of the time list. */
function assertNoOverlap(measured: Measured, where: string): void {
  const { selectedDay, timeList, targets } = measured;
  assert.ok(selectedDay && timeList, 'a day is selected and its times are listed');
  assert.ok(!overlaps(selectedDay, timeList), `on ${where} the selected day overlaps the time list`);
  const clashes: string[] = [];
  targets.forEach((a, i) => targets.slice(i + 1).forEach((b) => overlaps(a, b) && clashes.push(`${a.what} × ${b.what}`)));
  assert.deepEqual(clashes, [], `on ${where} controls overlap`);
}

function report(name: string, width: number, measured: Measurements): void {
  const lines = TAGS.map((tag) => {
    const m = measured[tag];
    const smallest = m.targets.reduce((min, t) => Math.min(min, t.height), Infinity);
    const time = m.targets.find((t) => t.what.startsWith('button.time'));
    return `  ${tag}: text ${m.base.fontSize}px/${m.base.lineHeight}px ${m.base.color} on ${m.base.background}, heading ${m.heading.fontSize}px ${m.heading.color}, smallest target ${smallest.toFixed(1)}px tall${time ? `, time button ${time.width.toFixed(1)}×${time.height.toFixed(1)}` : ''}`;
  });
  console.log(`${name}.html at ${width} px:\n${lines.join('\n')}`);
}

const WIDTHS = [1000, 600, 360];

describe('the elements on hostile host pages', () => {
  for (const width of WIDTHS) {
    test(`a plain page at ${width} px: 16 px text, 24 px headings, 44 px targets, no overlap`, async () => {
      const { page, measured, problems } = await measurePage('plain', width);
      report('plain', width, measured);
      baseline.set(width, measured);
      for (const tag of TAGS) {
        assert.equal(measured[tag].base.fontSize, 16, `${tag} text`);
        assert.equal(measured[tag].heading.fontSize, 24, `${tag} heading`);
        assertTargets(tag, measured[tag], `plain.html at ${width} px`);
      }
      assertNoOverlap(measured['kap-booking'], `plain.html at ${width} px`);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await page.close();
    });
  }

  for (const name of ['universal', 'wordpress']) {
    for (const width of WIDTHS) {
      test(`${name}.html at ${width} px: the same colours, type scale and targets as on a plain page`, async () => {
        const plain = await baselineAt(width);
        const { page, measured, problems } = await measurePage(name, width);
        report(name, width, measured);
        // The text follows the root font size (the reader's setting, or the site's), never below 16 px.
        const root = Number.parseFloat(String(await page.evaluate('getComputedStyle(document.documentElement).fontSize')));
        const size = Math.max(16, root);
        for (const tag of TAGS) {
          const [own, expected] = [measured[tag], plain[tag]];
          assert.equal(own.base.fontSize, size, `${tag} text is max(16 px, the root's ${root} px)`);
          for (const part of ['base', 'heading', 'label', 'muted'] as const) {
            const [got, want] = [own[part], expected[part]];
            if (!want) continue; // this element has no such text (the booking has no label up front)
            assert.ok(got, `${tag} ${part} is shown`);
            assert.equal(got.color, want.color, `${tag} ${part} keeps its colour`);
            const scale = size / expected.base.fontSize;
            assert.equal(got.fontSize, want.fontSize * scale, `${tag} ${part} keeps its place in the type scale`);
            assert.ok(Math.abs(got.lineHeight - want.lineHeight * scale) < 0.01, `${tag} ${part} keeps its line height (${got.lineHeight} px)`);
          }
          assert.equal(own.base.background, expected.base.background, `${tag} keeps its background`);
          assertTargets(tag, own, `${name}.html at ${width} px`);
        }
        assertNoOverlap(measured['kap-booking'], `${name}.html at ${width} px`);
        assert.deepEqual(problems, [], 'no console errors or CSP violations');
        await page.close();
      });
    }
  }

  test('dark.html: a dark page that declares no color-scheme gets the dark colours, not a white slab', async () => {
    const { page, measured, problems } = await measurePage('dark', 1000);
    report('dark', 1000, measured);
    const pageBackground = rgb(await page.evaluate('getComputedStyle(document.documentElement).backgroundColor'));
    for (const tag of TAGS) {
      const m = measured[tag];
      const background = rgb(m.base.background);
      assert.ok(relativeLuminance(background) < 0.05, `${tag} has a dark background, not ${m.base.background}`);
      assert.ok(contrastRatio(background, pageBackground) < 1.5, `${tag} does not stand out as a slab from the page`);
      for (const part of ['base', 'heading', 'label', 'muted'] as const) {
        const text = m[part];
        if (!text) continue;
        const ratio = contrastRatio(rgb(text.color), background);
        assert.ok(ratio >= 4.5, `${tag} ${part} text ${text.color} on ${m.base.background}: contrast ${ratio.toFixed(2)} ≥ 4.5`);
      }
      assertTargets(tag, m, 'dark.html');
    }

    // The same element forced light stands apart from the dark page: it pads itself.
    const forced = (await page.evaluate(`(() => {
      const base = document.querySelector('#forced-light kap-prep-checklist').shadowRoot.querySelector('[part~="base"]');
      const heading = base.querySelector('h2');
      const style = getComputedStyle(base);
      const [outer, inner] = [base.getBoundingClientRect(), heading.getBoundingClientRect()];
      return { background: style.backgroundColor, color: getComputedStyle(heading).color, inset: Math.min(inner.left - outer.left, inner.top - outer.top) };
    })()`)) as { background: string; color: string; inset: number };
    assert.ok(relativeLuminance(rgb(forced.background)) > 0.9, 'theme="light" keeps the light colours');
    assert.ok(forced.inset >= 16, `theme="light" on a dark page: its text is ${forced.inset}px from the edge of its light background (≥ 16)`);
    assert.ok(contrastRatio(rgb(forced.color), rgb(forced.background)) >= 4.5);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await page.close();
  });
});
