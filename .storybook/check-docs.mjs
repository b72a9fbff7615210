/**
 * Checks the elements' Docs pages in the built Storybook (`npm run build-storybook` first): every
 * element in the manifest Storybook was built from (.storybook/generated/custom-elements.json) has
 * a Docs page, and that page, opened once in headless Chromium, lists each of the element's
 * attributes, public properties, events, slots, CSS parts and `--kap-*` tokens under its own
 * heading, shows the element's description and renders the element itself. Exits 1 on any gap.
 *
 *   node .storybook/check-docs.mjs [element-filter]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { builtIndex, serveBuilt } from './serve-built.mjs';

const manifestFile = join(resolve(import.meta.dirname), 'generated', 'custom-elements.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const filter = process.argv[2] ?? '';
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName?.includes(filter));
if (!elements.length) {
  console.error(`No element in ${manifestFile} matches "${filter}".`);
  process.exit(1);
}

/** What the manifest documents for an element, by the heading its Docs page lists it under. */
function documented(element) {
  const names = (items) => (items ?? []).map((item) => item.name);
  return {
    attributes: names(element.attributes),
    properties: names((element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy)),
    events: names(element.events),
    slots: names(element.slots),
    'css shadow parts': names(element.cssParts),
    'css custom properties': names(element.cssProperties),
  };
}

/** The Docs page's argument table, as `{ heading: [names] }`, read in the page. */
function readTable() {
  const table = {};
  let heading;
  for (const row of document.querySelectorAll('.docblock-argstable tbody tr')) {
    // A heading row is titled "Hide <heading> items" (or "Show …" when folded).
    const folding = /^(?:Hide|Show) (.+) items$/.exec(row.getAttribute('title') ?? '');
    if (folding) table[(heading = folding[1])] = [];
    else if (heading) table[heading].push(row.querySelector('td')?.textContent.replace(/\*$/, '').trim());
  }
  return table;
}

const index = builtIndex().entries;
const served = await serveBuilt();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
const started = Date.now();
let failures = 0;
try {
  for (const element of elements) {
    const tag = element.tagName;
    const problems = [];
    const docs = Object.entries(index).find(([, entry]) => entry.type === 'docs' && entry.title === `Elements/${tag}` && entry.tags?.includes('autodocs'));
    const expected = documented(element);
    if (!docs) problems.push(`no Docs page (an autodocs entry titled Elements/${tag})`);
    else {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(String(error).split('\n')[0]));
      try {
        await page.goto(`${served.origin}/iframe.html?id=${docs[0]}&viewMode=docs`, { timeout: 60_000 });
        // The table fills in once the primary story is prepared: wait for the last heading's rows.
        const table = await page
          .waitForFunction(
            ([readTable, last]) => {
              const table = new Function(`return (${readTable})()`)();
              return (table[last]?.length ?? 0) > 0 && table;
            },
            [
              readTable.toString(),
              Object.entries(expected)
                .filter(([, names]) => names.length)
                .at(-1)[0],
            ],
            { timeout: 60_000, polling: 200 },
          )
          .then((handle) => handle.jsonValue())
          .catch(() => page.evaluate(readTable));
        for (const [heading, names] of Object.entries(expected)) {
          const listed = new Set(table[heading] ?? []);
          for (const name of names) if (!listed.has(name)) problems.push(`${heading}: "${name}" is not on the page`);
        }
        const summary = (element.summary ?? element.description ?? '').split('\n')[0].slice(0, 40);
        if (summary && !(await page.evaluate((text) => document.body.textContent.includes(text), summary)))
          problems.push(`the description ("${summary}…") is not shown`);
        // The live story renders once its loaders are done (a seeded booking), which may be after the table.
        await page
          .locator(tag)
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 })
          .catch(() => {});
        if (!(await page.locator(tag).count())) problems.push(`<${tag}> is not rendered`);
        problems.push(...pageErrors.map((error) => `page error: ${error}`));
      } finally {
        await context.close();
      }
    }
    const count = Object.values(expected).flat().length;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${tag}: ${count} documented names`);
    for (const problem of problems) console.log(`     ${problem}`);
    if (problems.length) failures++;
  }
} finally {
  await browser.close();
  served.close();
}
console.log(
  `\n${elements.length - failures}/${elements.length} Docs pages list everything the manifest documents (${((Date.now() - started) / 1000).toFixed(1)} s).`,
);
process.exit(failures ? 1 : 0);
