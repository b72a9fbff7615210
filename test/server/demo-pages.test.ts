/**
 * The demo clinic's site in two languages: every page in `demo/` has its Spanish counterpart in
 * `demo/es/`, in `lang="es"`, loading the Spanish module, with the same elements set up the same
 * way (its own pages linked), and each page offers the other language with a switch that reloads
 * it. The demo server serves both.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createDemoApp } from '../../server/demo/site.js';

const DEMO = new URL('../../demo/', import.meta.url);
const pages = readdirSync(DEMO).filter((name) => name.endsWith('.html'));
const read = (path: string) => readFileSync(new URL(path, DEMO), 'utf8');

/** `<kap-…>` tags with their attributes, in order. */
function elements(html: string): { tag: string; attributes: Record<string, string> }[] {
  return [...html.matchAll(/<(kap-[a-z-]+)\b([^>]*)>/g)].map(([, tag, raw]) => ({
    tag: tag!,
    attributes: Object.fromEntries([...raw!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? ''])),
  }));
}

const switchTo = (html: string) => /<p class="language"><a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)">([^<]+)<\/a><\/p>/.exec(html);

describe('the demo site in Spanish', () => {
  test('has every page, more than one', () => {
    assert.ok(pages.length >= 6, pages.join());
    assert.deepEqual(
      readdirSync(new URL('es/', DEMO))
        .filter((name) => name.endsWith('.html'))
        .sort(),
      [...pages].sort(),
    );
  });

  for (const page of pages) {
    const path = page === 'index.html' ? '' : page;
    test(`${page}: a Spanish twin with the same elements, and a switch each way that reloads the other`, () => {
      const english = read(page);
      const spanish = read(`es/${page}`);
      assert.match(english, /<html lang="en">/);
      assert.match(spanish, /<html lang="es">/);
      const spanishModule = '<script type="module" src="/elements/i18n/es.js"></script>';
      assert.equal(spanish.includes(spanishModule), english.includes('/elements/kap-elements.js'), 'the Spanish module goes with the elements');
      const toSpanish = switchTo(english);
      const toEnglish = switchTo(spanish);
      assert.deepEqual(toSpanish?.slice(1), [`/es/${path}`, 'es', 'es', 'Español']);
      assert.deepEqual(toEnglish?.slice(1), [`/${path}`, 'en', 'en', 'English']);
      const ownPages = (html: string, prefix: string) =>
        elements(html).map(({ tag, attributes }) => ({
          tag,
          attributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, value.replace(prefix, '/')])),
        }));
      assert.deepEqual(ownPages(spanish, '/es/'), ownPages(english, '/'), 'the same elements, set up the same way, linking its own pages');
      for (const [, href] of spanish.matchAll(/href="(\/[^"]*)"/g)) {
        const asset = /\.(css|svg|js)$/.test(href!) || href === `/${path}`;
        assert.ok(asset || href!.startsWith('/es/'), `${page}: ${href} keeps a Spanish reader on Spanish pages`);
      }
    });
  }

  test('the demo server serves the Spanish pages, the index of /es/ included', async () => {
    const app = createDemoApp({ apiUrl: 'http://localhost:8787/' });
    const response = await app.request('/es/');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<html lang="es">/);
    assert.match(html, /api="http:\/\/localhost:8787\/"/);
  });
});
