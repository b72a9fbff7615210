/**
 * The elements' theme on the server: the draft and publish routes (theme:manage; who may call
 * them is the matrix's, staff-matrix.test.ts), publishing refused while a contrast pair fails,
 * `GET clinic` serving the published theme, and `npm run clinic -- export / import` carrying it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ClinicConfiguration } from '../../src/api/clinic-config.js';
import { ClinicResponse } from '../../src/api/clinic.js';
import { ThemeResponse, type Theme } from '../../src/api/theme.js';
import { DEFAULT_THEME, themeTokens } from '../../src/theme/theme-tokens.js';
import { clinicCommand } from '../../server/cli/clinic.js';
import { openSqliteStores } from '../../server/stores/sqlite/index.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, type Session } from './staff-support.js';

const BRANDED: Theme = {
  ...DEFAULT_THEME,
  light: { ...DEFAULT_THEME.light, brand: '#6b2fa3' },
  font: 'system',
  baseSize: 18,
  radius: 12,
  density: 'spacious',
};
/** Light grey text on white: 2.3:1. */
const FAINT: Theme = { ...DEFAULT_THEME, light: { ...DEFAULT_THEME.light, text: '#aaaaaa' } };

async function marketer(app: TestApp): Promise<Session> {
  return sessionFor(app, (await addStaff(app, 'marketer')).record);
}

async function themeActions(app: TestApp): Promise<string[]> {
  return (await app.stores.audit.query({ limit: 50 })).entries.map((entry) => entry.action).filter((action) => action.startsWith('theme.'));
}

describe('the theme routes', () => {
  test('a marketer saves a draft, which GET clinic does not serve until it is published', async () => {
    const app = testApp();
    const session = await marketer(app);
    const empty = await staffRequest(app, 'GET', '/staff/theme', { session });
    assert.equal(empty.status, 200);
    assert.deepEqual(await empty.json(), { theme: {} });

    const saved = await staffRequest(app, 'PUT', '/staff/theme/draft', { session, body: { draft: BRANDED } });
    assert.equal(saved.status, 200);
    const body = await saved.json();
    assert.ok(ThemeResponse.safeParse(body).success);
    assert.deepEqual(body.theme, { draft: BRANDED });
    assert.equal((await (await app.request('/clinic')).json()).theme, undefined, 'a draft is never served');

    const published = await staffRequest(app, 'POST', '/staff/theme/publish', { session });
    assert.equal(published.status, 200);
    const after = (await published.json()).theme;
    assert.deepEqual(after.published.theme, BRANDED);
    assert.equal(after.published.publishedAt, new Date(app.clock.ms).toISOString());
    assert.deepEqual(await themeActions(app), ['theme.publish', 'theme.draft.update']);
  });

  test('GET clinic serves the published theme as custom properties, in the contract’s shape', async () => {
    const app = testApp();
    const session = await marketer(app);
    await staffRequest(app, 'PUT', '/staff/theme/draft', { session, body: { draft: BRANDED } });
    await staffRequest(app, 'POST', '/staff/theme/publish', { session });
    const clinic = await (await app.request('/clinic')).json();
    assert.ok(ClinicResponse.safeParse(clinic).success);
    assert.deepEqual(clinic.theme, { tokens: themeTokens(BRANDED) });
    assert.equal(clinic.theme.tokens['color-primary'], 'light-dark(#6b2fa3, #86d3d8)');
    assert.equal(clinic.theme.tokens['font-size'], 'max(1.125rem, 18px)');
  });

  test('publishing is refused while a contrast pair fails, naming it; the published theme stays', async () => {
    const app = testApp();
    const session = await marketer(app);
    await staffRequest(app, 'PUT', '/staff/theme/draft', { session, body: { draft: BRANDED } });
    await staffRequest(app, 'POST', '/staff/theme/publish', { session });
    await staffRequest(app, 'PUT', '/staff/theme/draft', { session, body: { draft: FAINT } });

    const refused = await staffRequest(app, 'POST', '/staff/theme/publish', { session });
    assert.equal(refused.status, 422);
    const { error } = await refused.json();
    assert.match(error.fields.draft, /Text on background \(light\): 2\.3:1, needs 4\.5:1\./);
    assert.equal((await (await app.request('/clinic')).json()).theme.tokens['color-primary'], 'light-dark(#6b2fa3, #86d3d8)');
    assert.deepEqual((await app.stores.theme.theme()).published?.theme, BRANDED);
    assert.deepEqual(await themeActions(app), ['theme.draft.update', 'theme.publish', 'theme.draft.update']);
  });

  test('a draft that is not a theme is 422 by field; publishing with no draft is 404', async () => {
    const app = testApp();
    const session = await marketer(app);
    const bad = await staffRequest(app, 'PUT', '/staff/theme/draft', {
      session,
      body: { draft: { ...BRANDED, light: { ...BRANDED.light, brand: 'purple' }, baseSize: 12 } },
    });
    assert.equal(bad.status, 422);
    const fields = Object.keys((await bad.json()).error.fields);
    assert.ok(fields.includes('draft.light.brand'), fields.join());
    assert.ok(fields.includes('draft.baseSize'), fields.join());
    assert.equal((await staffRequest(app, 'POST', '/staff/theme/publish', { session })).status, 404);
    assert.deepEqual(await themeActions(app), []);
  });
});

describe('the theme in npm run clinic -- export / import', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function run(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
    const lines: string[] = [];
    await clinicCommand(args, env, (line) => lines.push(line));
    return lines.join('\n');
  }

  test('export carries the draft and the published theme; import brings them in, and refuses a failing published one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-theme-cli-'));
    dirs.push(dir);
    const path = join(dir, 'kap.sqlite');
    const stores = openSqliteStores(path, { timeZone: 'America/New_York' });
    await stores.theme.saveDraft(FAINT, Date.parse('2026-03-01T10:00:00Z'));
    await stores.theme.publish(BRANDED, Date.parse('2026-03-01T10:00:00Z'));
    await stores.close();
    const env = { KAP_DB: path };

    const config = JSON.parse(await run(env, 'export')) as ClinicConfiguration;
    assert.deepEqual(config.theme, { draft: FAINT, published: { theme: BRANDED, publishedAt: '2026-03-01T10:00:00.000Z' } });

    const changed = { ...config, theme: { published: { theme: DEFAULT_THEME, publishedAt: '2026-03-02T10:00:00.000Z' } } };
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(changed));
    await run(env, 'import', file);
    const reopened = JSON.parse(await run(env, 'export')) as ClinicConfiguration;
    assert.deepEqual(reopened.theme, changed.theme);

    const failing = { ...config, theme: { published: { theme: FAINT, publishedAt: '2026-03-03T10:00:00.000Z' } } };
    const failingFile = join(dir, 'failing.json');
    writeFileSync(failingFile, JSON.stringify(failing));
    await assert.rejects(run(env, 'import', failingFile), /theme\.published\.theme.*Text on background \(light\)/s);
    assert.deepEqual((JSON.parse(await run(env, 'export')) as ClinicConfiguration).theme, changed.theme, 'a refused import changes nothing');
  });
});
