/**
 * The built elements served by the backend (`GET elements/…`, routes/elements.ts) and the embed
 * code's data (`GET staff/embed`): over a build written to a temporary folder, as `vite build
 * --mode cdn` lays it out (four entries, lazy chunks importing `../<entry>`, the Spanish strings).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { embedSnippet, escapeAttribute } from '../../console/embed-snippet.js';
import { ElementFiles, NOT_BUILT_MESSAGE } from '../../server/elements-files.js';
import { testApp } from './support.js';
import { addStaff, sessionFor, staffRequest } from './staff-support.js';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A build as the cdn pass writes it; `change` alters one chunk's bytes (another build). */
function writeBuild(change = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-elements-'));
  made.push(dir);
  mkdirSync(join(dir, 'chunks'));
  mkdirSync(join(dir, 'i18n'));
  writeFileSync(join(dir, 'kap-booking.js'), 'export const a=1;const m=()=>import(`./chunks/kap-booking-manage-AbC12.js`);\n');
  writeFileSync(join(dir, 'kap-intake.js'), 'export const b=2;\n');
  writeFileSync(join(dir, 'kap-prep-checklist.js'), 'export const c=3;\n');
  writeFileSync(join(dir, 'kap-elements.js'), 'export const d=4;\n');
  writeFileSync(join(dir, 'chunks', 'kap-booking-manage-AbC12.js'), `import{a}from"../kap-booking.js";export const manage=a${change};\n`);
  writeFileSync(join(dir, 'i18n', 'es.js'), 'globalThis.es=1;\n');
  writeFileSync(join(dir, 'chunks', 'notes.txt'), 'not a script');
  return dir;
}

const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function versionOf(dir: string): Promise<string> {
  return (await new ElementFiles(dir).current())!.version;
}

describe('GET elements/…', () => {
  test('a versioned entry: JavaScript, cached for a year as immutable, loadable from any origin, its bytes those the integrity names', async () => {
    const dir = writeBuild();
    const app = testApp({ elementsDir: dir });
    const version = await versionOf(dir);
    assert.match(version, /^[0-9a-f]{16}$/);
    const response = await app.request(`/elements/${version}/kap-booking.js`, { headers: { Origin: 'https://clinic-site.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.match(new TextDecoder().decode(bytes), /import\(`\.\/chunks\/kap-booking-manage-AbC12\.js`\)/);

    const embed = await embedAs(app, 'marketer');
    assert.equal(embed.elements.booking.path, `elements/${version}/kap-booking.js`);
    assert.equal(embed.elements.booking.integrity, sha384(bytes));
  });

  test('the lazy chunk a versioned entry imports (relative to its own URL) and the Spanish strings answer under the same version', async () => {
    const dir = writeBuild();
    const app = testApp({ elementsDir: dir });
    const version = await versionOf(dir);
    const entry = new URL(`https://api.clinic.example/elements/${version}/kap-booking.js`);
    const chunk = new URL('./chunks/kap-booking-manage-AbC12.js', entry);
    const chunkResponse = await app.request(chunk.pathname);
    assert.equal(chunkResponse.status, 200);
    assert.equal(chunkResponse.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    // …and what the chunk imports back is the entry's own address: one module, not two.
    assert.equal(new URL('../kap-booking.js', chunk).href, entry.href);

    const embed = await embedAs(app, 'owner');
    const spanish = await app.request(`/${embed.elements.spanish.path}`);
    assert.equal(spanish.status, 200);
    assert.equal(embed.elements.spanish.integrity, sha384(new Uint8Array(await spanish.arrayBuffer())));
  });

  test('an allowed origin gets its own origin back (the CORS allow-list), and that works for a module script too', async () => {
    const dir = writeBuild();
    const app = testApp({ elementsDir: dir, allowedOrigins: ['https://clinic-site.example'] });
    const response = await app.request(`/elements/${await versionOf(dir)}/kap-intake.js`, { headers: { Origin: 'https://clinic-site.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'https://clinic-site.example');
  });

  test('the unversioned address: the current build, revalidated every time (ETag, 304)', async () => {
    const app = testApp({ elementsDir: writeBuild() });
    const response = await app.request('/elements/kap-prep-checklist.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
    const etag = response.headers.get('ETag')!;
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    const again = await app.request('/elements/kap-prep-checklist.js', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal((await app.request('/elements/chunks/kap-booking-manage-AbC12.js')).status, 200);
  });

  test('another build is another version; an old version answers 404 and says to copy the embed code again', async () => {
    const first = writeBuild();
    const second = writeBuild(';');
    const [old, current] = [await versionOf(first), await versionOf(second)];
    assert.notEqual(old, current, 'a chunk’s change alone makes a new version');
    const app = testApp({ elementsDir: second });
    const response = await app.request(`/elements/${old}/kap-booking.js`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /no longer served here.*Copy the embed code again/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
  });

  test('404 for what is not a file of the build; no path leaves it, however written', async () => {
    const dir = writeBuild();
    writeFileSync(join(dir, '..', `secret-${made.length}.js`), 'secret');
    symlinkSync(join(dir, '..'), join(dir, 'up'));
    const app = testApp({ elementsDir: dir });
    const version = await versionOf(dir);
    for (const path of [
      'kap-unknown.js',
      'chunks/notes.txt',
      `${version}/kap-unknown.js`,
      `chunks/../../secret-${made.length}.js`,
      `%2e%2e/secret-${made.length}.js`,
      `..%2fsecret-${made.length}.js`,
      `up/secret-${made.length}.js`,
      '',
    ]) {
      const response = await app.request(`/elements/${path}`);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /secret/, path);
    }
  });

  test('without a build: 503 saying to run the build, for the files and in the embed code', async () => {
    const missing = join(tmpdir(), `kap-no-build-${process.pid}`);
    const app = testApp({ elementsDir: missing });
    const response = await app.request('/elements/kap-booking.js');
    assert.equal(response.status, 503);
    assert.equal(await response.text(), NOT_BUILT_MESSAGE);
    assert.match(NOT_BUILT_MESSAGE, /npm run build/);
    assert.equal((await embedAs(app, 'marketer')).elements, null);

    // A build made while the server runs is found at the next request.
    mkdirSync(missing);
    made.push(missing);
    const built = writeBuild();
    const { cpSync } = await import('node:fs');
    cpSync(built, missing, { recursive: true });
    assert.equal((await app.request('/elements/kap-booking.js')).status, 200);
  });
});

describe('GET staff/embed', () => {
  test('the services a page may book, the published forms, the build — no client data; the public URL when configured', async () => {
    const app = testApp({ elementsDir: writeBuild(), publicUrl: 'https://api.clinic.example/kap/' });
    await app.book({ start: '2026-03-03T15:00:00Z' });
    const response = await staffRequest(app, 'GET', '/staff/embed', { session: await sessionFor(app, (await addStaff(app, 'marketer')).record) });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.publicUrl, 'https://api.clinic.example/kap/');
    const ids = body.services.map((service: { id: string }) => service.id);
    assert.ok(ids.includes('consultation'));
    assert.ok(!ids.includes('integration'), 'a follow-up service is booked from its opening session only');
    assert.deepEqual(
      body.forms.map((form: { id: string }) => form.id),
      ['kap-demo-intake'],
    );
    assert.ok(body.forms[0].title);
    assert.deepEqual(Object.keys(body).sort(), ['elements', 'forms', 'publicUrl', 'services']);
    assert.doesNotMatch(JSON.stringify(body), /Rosalind|rosalind|555 0147/);
  });

  test('front desk and clinician may not have it', async () => {
    const app = testApp({ elementsDir: writeBuild() });
    for (const role of ['front-desk', 'clinician'] as const) {
      const response = await staffRequest(app, 'GET', '/staff/embed', { session: await sessionFor(app, (await addStaff(app, role)).record) });
      assert.equal(response.status, 403, role);
    }
  });
});

async function embedAs(app: ReturnType<typeof testApp>, role: 'marketer' | 'owner') {
  const response = await staffRequest(app, 'GET', '/staff/embed', { session: await sessionFor(app, (await addStaff(app, role)).record) });
  assert.equal(response.status, 200);
  return response.json();
}

describe('the embed code as text (console/embed-snippet.ts), from the route’s answer', () => {
  test('the script tags name the versioned files with their integrity; every attribute value is escaped; the CSP lines name the API origin', async () => {
    const app = testApp({ elementsDir: writeBuild() });
    const { elements } = await embedAs(app, 'marketer');
    const hostile = `x" onload="alert(1)'<b>&`;
    const snippet = embedSnippet(elements, 'https://api.clinic.example/kap/', {
      element: 'booking',
      service: hostile,
      lang: 'es',
      source: 'spring-newsletter',
    });
    const lines = snippet.code.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      `<script type="module" src="https://api.clinic.example/kap/${elements.booking.path}" integrity="${elements.booking.integrity}" crossorigin="anonymous"></script>`,
      `<script type="module" src="https://api.clinic.example/kap/${elements.spanish.path}" integrity="${elements.spanish.integrity}" crossorigin="anonymous"></script>`,
      '',
    ]);
    assert.equal(
      lines[3],
      '<kap-booking api="https://api.clinic.example/kap/" service="x&quot; onload=&quot;alert(1)&#39;&lt;b&gt;&amp;" lang="es" source="spring-newsletter"></kap-booking>',
    );
    assert.deepEqual(snippet.csp, ['script-src https://api.clinic.example', 'connect-src https://api.clinic.example', 'trusted-types lit-html']);
    assert.equal(escapeAttribute('a"b'), 'a&quot;b');

    const intake = embedSnippet(elements, 'https://api.clinic.example/kap/', { element: 'intake', form: 'kap-demo-intake', lang: 'en', source: 'ignored' });
    assert.equal(intake.code.trimEnd().split('\n').length, 3, 'English: one script tag');
    assert.match(intake.code, /<kap-intake api="https:\/\/api\.clinic\.example\/kap\/" form="kap-demo-intake"><\/kap-intake>\n$/);
    assert.doesNotMatch(intake.code, /source=/, 'the intake has no source attribute');
  });
});
