/**
 * The demo clinic's pages as a clinic's site would serve them (the built CDN file, cross-origin
 * API), checked with axe in their states, light and dark: the page's own parts (its skip link,
 * its focus ring) as well as the elements in it — the English pages and their Spanish twins under
 * `/es/`. Needs `npm run build` first.
 *
 * axe is injected into a context that bypasses the page's CSP, which otherwise (rightly) refuses
 * any script that is not the site's own; the CSP itself is tested in booking.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as violations, chooseLatestTime, launchBrowser, showBookableWeek, startDemo, type RunningDemo } from './harness.js';

let demo: RunningDemo;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ timezoneId: 'America/Chicago', locale: 'en-US', bypassCSP: true, colorScheme });
  await page.goto(new URL(path, demo.demoUrl).href);
  return page;
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((value) => {
        const channel = Number(value) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The focused element's ring colour and the colour of what is behind it (its nearest painted ancestor). */
async function ringAgainstPage(page: Page): Promise<{ ring: string; behind: string; what: string }> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    let behind = 'rgb(255, 255, 255)';
    for (let node = focused.parentElement; node; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*, 0\)$|transparent/.test(background)) {
        behind = background;
        break;
      }
    }
    return { ring: getComputedStyle(focused).outlineColor, behind, what: `${focused.tagName} ${focused.className} "${focused.textContent?.trim()}"` };
  });
}

/** The demo site in each language: its pages' root. */
const SITES = [
  ['English', '/'],
  ['Spanish', '/es/'],
] as const;

for (const [language, root] of SITES) {
  describe(`the ${language} demo pages pass axe in every state`, () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`booking page (${scheme}): choosing a time, the details with their errors, the confirmation`, async () => {
        const page = await open(root, scheme);
        const booking = page.locator('kap-booking');
        await showBookableWeek(booking);
        assert.deepEqual(await violations(page), [], 'choosing a time');
        await chooseLatestTime(booking);
        await booking.locator('#kap-name').waitFor();
        // The details hold the privacy link: axe's region rule then no longer takes the skip link for one.
        assert.deepEqual(await violations(page), [], 'the details');
        await booking.locator('button.confirm').click();
        await booking.locator('.error-summary').waitFor();
        assert.deepEqual(await violations(page), [], 'the details with errors');
        await booking.locator('#kap-name').fill('Axe Checker');
        await booking.locator('#kap-email').fill('axe.checker@example.com');
        await booking.locator('#kap-phone').fill('212 555 0100');
        await booking.locator('#kap-privacy').check();
        await booking.locator('button.confirm').click();
        await booking.locator('[data-focus="done"]').waitFor();
        assert.deepEqual(await violations(page), [], 'the confirmation');
        await page.close();
      });
    }

    test('intake page: the first page, then in error; the privacy notice; pages opened without their link', async () => {
      const page = await open(`${root}intake.html`);
      const intake = page.locator('kap-intake');
      await intake.locator('#heading').waitFor();
      assert.deepEqual(await violations(page), [], 'the intake’s first page');
      await intake.locator('button[type="submit"]').click();
      await intake.locator('.error-summary').waitFor();
      assert.deepEqual(await violations(page), [], 'the intake in error');
      for (const [path, shown] of [
        [`${root}privacy.html`, 'h1'],
        [`${root}manage.html`, 'kap-booking [part~="heading"]'],
        [`${root}checklist.html`, 'kap-prep-checklist [part~="heading"]'],
        [`${root}integration.html`, 'kap-booking [part~="heading"]'],
      ] as const) {
        await page.goto(new URL(path, demo.demoUrl).href);
        await page.locator(shown).first().waitFor();
        assert.deepEqual(await violations(page), [], path);
      }
      await page.close();
    });
  });

  describe(`the ${language} demo page itself`, () => {
    test('its skip link is inside a landmark, so it never stands outside the page’s regions', async () => {
      const page = await open(root);
      const landmark = await page.locator('.skip-link').evaluate((link) => link.closest('header, nav, main, footer, aside')?.tagName ?? null);
      assert.equal(landmark, 'HEADER');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the skip link is still the first stop');
      await page.close();
    });

    test('the booking’s headings sit under its section’s heading (heading-level="3" under an h2)', async () => {
      const page = await open(root);
      const booking = page.locator('kap-booking');
      await booking.locator('[part~="heading"]').first().waitFor();
      const section = await page.locator('#book-heading').evaluate((heading) => heading.tagName);
      const own = await booking
        .locator('[part~="heading"]')
        .first()
        .evaluate((heading) => heading.tagName);
      assert.deepEqual([section, own], ['H2', 'H3']);
      await page.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`its focus ring stands out at least 3:1 against the page (${scheme})`, async () => {
        const page = await open(root, scheme);
        await showBookableWeek(page.locator('kap-booking'));
        const seen: string[] = [];
        // The skip link, then the page's own links: the three in the navigation, the language switch.
        for (let press = 0; press < 5; press++) {
          await page.keyboard.press('Tab');
          const { ring, behind, what } = await ringAgainstPage(page);
          const ratio = contrast(ring, behind);
          seen.push(`${what}: ${ratio.toFixed(2)}:1`);
          assert.ok(ratio >= 3, `${what}: ring ${ring} on ${behind} is ${ratio.toFixed(2)}:1`);
        }
        assert.equal(seen.length, 5);
        await page.close();
      });
    }
  });
}

describe('the English demo page’s booking', () => {
  test('the reason question keeps the space before "(optional)" in its accessible name, in the built CDN file', async () => {
    const page = await open('/');
    const booking = page.locator('kap-booking');
    await chooseLatestTime(booking);
    await booking.locator('#kap-name').waitFor();
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    const names = nodes.filter((node) => node.role?.value === 'radiogroup').map((node) => node.name?.value);
    assert.deepEqual(names, ['What would you like help with? (optional)']);
    await page.close();
  });
});
