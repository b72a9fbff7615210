/**
 * `npm run clinic -- export` / `import`: the whole configuration as one file, checked by the same
 * schemas, imported in one transaction with problems reported by path; a bad file changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { ClinicConfiguration } from '../../src/api/clinic-config.js';
import { clinicCommand } from '../../server/cli/clinic.js';
import { openSqliteStores } from '../../server/stores/sqlite/index.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A clinic database on disk, as `npm start` leaves it, and a place for files. */
async function clinicDb(): Promise<{ env: NodeJS.ProcessEnv; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kap-clinic-cli-'));
  dirs.push(dir);
  const path = join(dir, 'kap.sqlite');
  await openSqliteStores(path, { timeZone: 'America/New_York' }).close();
  return { env: { KAP_DB: path }, dir };
}

async function run(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const lines: string[] = [];
  await clinicCommand(args, env, (line) => lines.push(line));
  return lines.join('\n');
}

async function exported(env: NodeJS.ProcessEnv): Promise<ClinicConfiguration> {
  return JSON.parse(await run(env, 'export')) as ClinicConfiguration;
}

function writeJson(dir: string, value: unknown): string {
  const file = join(dir, `clinic-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

describe('npm run clinic -- export / import', () => {
  test('export prints the whole configuration; importing it back changes nothing', async () => {
    const { env, dir } = await clinicDb();
    const config = await exported(env);
    assert.equal(config.profile.name, 'Harbor Light Ketamine Therapy');
    assert.deepEqual(
      config.services.map((service) => service.id),
      ['consultation', 'preparation', 'administration', 'integration'],
    );
    assert.ok(config.forms[0]!.versions.length > 0);
    assert.match(await run(env, 'import', writeJson(dir, config)), /^Imported .*: 4 services, 5 opening ranges, 0 closures, 4 checklists, 1 forms\.$/);
    assert.deepEqual(await exported(env), config);
  });

  test('an edited file is imported whole: profile, buffers, hours, a closure', async () => {
    const { env, dir } = await clinicDb();
    const config = await exported(env);
    config.profile.name = 'Harbor Light Clinic';
    config.services[2]!.bufferAfterMinutes = 30;
    config.openingHours = [
      { weekday: 2, opens: '09:00', closes: '12:00' },
      { weekday: 2, opens: '13:00', closes: '17:00' },
    ];
    config.closures = [
      { date: '2026-12-24', reason: 'Holiday' },
      { date: '2026-12-31', from: '12:00', to: '17:00' },
    ];
    await run(env, 'import', writeJson(dir, config));
    assert.deepEqual(await exported(env), config);
  });

  test("each service's reminder time is exported and imported; a file from before it (none given) means 24 hours", async () => {
    const { env, dir } = await clinicDb();
    const config = await exported(env);
    assert.deepEqual(
      config.services.map((service) => service.reminderHours),
      [24, 24, 24, 24],
    );
    config.services[0]!.reminderHours = 0;
    config.services[2]!.reminderHours = 48;
    await run(env, 'import', writeJson(dir, config));
    assert.deepEqual(await exported(env), config);
    const older = structuredClone(config);
    for (const service of older.services) delete service.reminderHours;
    await run(env, 'import', writeJson(dir, older));
    assert.deepEqual(
      (await exported(env)).services.map((service) => service.reminderHours),
      [24, 24, 24, 24],
    );
  });

  test('a bad configuration changes nothing, and every problem is named by its path', async () => {
    const { env, dir } = await clinicDb();
    const before = await exported(env);
    const bad = structuredClone(before) as ClinicConfiguration & Record<string, unknown>;
    bad.profile.name = 'Saved by nobody';
    bad.services[3]!.followUp = { after: 'massage', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 };
    (bad.services[0] as Record<string, unknown>)['colour'] = 'blue';
    bad.openingHours.push({ weekday: 1, opens: '16:00', closes: '18:00' });
    bad.closures = [{ date: '2026-02-30' }];
    bad.checklists['massage'] = bad.checklists['administration']!;
    const error = await run(env, 'import', writeJson(dir, bad)).then(
      () => assert.fail('the import was accepted'),
      (failure: Error) => failure.message,
    );
    assert.match(error, /Nothing was changed/);
    assert.match(error, /closures\.0\.date: /);
    assert.match(error, /services\.0\.colour: Unknown field/);
    assert.deepEqual(await exported(env), before, 'nothing changed');

    // With the schema problems fixed, what spans fields is still checked, and still nothing changes.
    const crossed = structuredClone(bad);
    crossed.closures = [];
    delete (crossed.services[0] as Record<string, unknown>)['colour'];
    const crossedError = await run(env, 'import', writeJson(dir, crossed)).then(
      () => assert.fail('the import was accepted'),
      (failure: Error) => failure.message,
    );
    assert.match(crossedError, /services\.3\.followUp\.after: /);
    assert.match(crossedError, /openingHours\.\d+: Overlaps/);
    assert.match(crossedError, /checklists\.massage: /);
    assert.deepEqual(await exported(env), before, 'nothing changed');
  });

  test('a changed published form version is refused, with nothing changed; a new version is added', async () => {
    const { env, dir } = await clinicDb();
    const before = await exported(env);
    const changed = structuredClone(before);
    changed.profile.name = 'Saved by nobody';
    changed.forms[0]!.versions[0]!.definition['title'] = 'Edited after publishing';
    await assert.rejects(run(env, 'import', writeJson(dir, changed)), /forms\.0\.versions\.0\.definition: This version is published already/);
    assert.deepEqual(await exported(env), before);

    const added = structuredClone(before);
    const next = { ...added.forms[0]!.versions[0]!.definition, version: '2027-1', title: 'New wording' };
    added.forms[0]!.versions.push({ version: '2027-1', publishedAt: '2026-12-02T12:00:00.000Z', definition: next });
    await run(env, 'import', writeJson(dir, added));
    assert.deepEqual(
      (await exported(env)).forms[0]!.versions.map((version) => version.version),
      [before.forms[0]!.versions[0]!.version, '2027-1'],
    );
  });

  test('a file that is not JSON, or another format, changes nothing', async () => {
    const { env, dir } = await clinicDb();
    const before = await exported(env);
    await assert.rejects(run(env, 'import', writeJson(dir, '{ not json')), /is not a JSON file.*Nothing was changed/);
    await assert.rejects(run(env, 'import', writeJson(dir, { ...before, format: 'something-else/2' })), /format: /);
    await assert.rejects(run(env, 'import'), /Usage/);
    assert.deepEqual(await exported(env), before);
  });
});
