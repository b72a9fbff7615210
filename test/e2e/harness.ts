/**
 * Starts the real reference backend and demo page (server/main.ts) on free ports over a fresh
 * SQLite file, and a headless Chromium driven by playwright-core, as a person would use them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { dataKeysBeside } from '../../server/encryption/data-keys.js';
import { FieldCipher } from '../../server/encryption/field-cipher.js';
import { databaseKeyId, ENCRYPTED_COLUMNS, fieldContext } from '../../server/stores/sqlite/encrypted-columns.js';
import { entryArgs } from '../support/node-entry.js';

export { launchBrowser } from './chromium.js';

export interface RunningDemo {
  apiUrl: string;
  demoUrl: string;
  /** A printed line's URL, e.g. `printedUrl('Demo checklist')` for the seeded staff booking. */
  printedUrl(label: string): string;
  dbPath: string;
  /** Every line the server printed, to check that logs carry no client data. */
  output: string[];
  query<T>(sql: string, ...params: unknown[]): T[];
  /**
   * Rows of `table` with their encrypted columns (client details, answers) opened with the key file
   * beside the database, as the clinic reads them; each row must carry its id.
   */
  queryOpened<T>(table: string, sql: string, ...params: unknown[]): T[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `env` adds to the server's environment, e.g. `KAP_ALLOWED_ORIGINS` for pages on another origin. */
export async function startDemo(options: { env?: Record<string, string> } = {}): Promise<RunningDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'kap-e2e-'));
  const dbPath = join(dir, 'kap.sqlite');
  // Port 0: the servers take free ports as they listen and print their URLs (a port found free
  // beforehand could be taken by another lane of `npm test` before the server binds it).
  const child: ChildProcess = spawn(process.execPath, entryArgs('server/main.ts'), {
    env: { ...process.env, PORT: '0', DEMO_PORT: '0', KAP_DB: dbPath, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const urls = await new Promise<{ apiUrl: string; demoUrl: string }>((resolve, reject) => {
    let apiUrl = '';
    let demoUrl = '';
    // Ends only a start that hangs: a machine busy with another lane of `npm test` may take many seconds.
    const timer = setTimeout(() => reject(new Error(`server did not start within a minute:\n${output.join('\n')}`)), 60_000);
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        apiUrl ||= /^API: (\S+)/.exec(line)?.[1] ?? '';
        demoUrl ||= /^Demo clinic page: (\S+)/.exec(line)?.[1] ?? '';
        if (apiUrl && demoUrl) {
          clearTimeout(timer);
          resolve({ apiUrl, demoUrl });
        }
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('\n')}`)));
  });
  return {
    ...urls,
    dbPath,
    output,
    printedUrl(label: string): string {
      const line = output.find((candidate) => candidate.startsWith(`${label}: `));
      if (!line) throw new Error(`the server printed no "${label}:" line:\n${output.join('\n')}`);
      return line.slice(label.length + 2).trim();
    },
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    queryOpened<T>(table: string, sql: string, ...params: unknown[]): T[] {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        const keys = dataKeysBeside(dbPath).keyring;
        const cipher = new FieldCipher(keys.find(databaseKeyId(db)!)!, keys);
        const entry = ENCRYPTED_COLUMNS.find((candidate) => candidate.table === table)!;
        return (db.prepare(sql).all(...params) as Record<string, unknown>[]).map((row) => {
          const opened = { ...row };
          for (const column of entry.columns) {
            const value = row[column];
            if (typeof value === 'string') opened[column] = cipher.open(value, fieldContext(table, column, row[entry.idColumn] as string));
          }
          return opened as T;
        });
      } finally {
        db.close();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PageWatch {
  /** Every URL the page requested. */
  requests: string[];
  /** Console messages and page errors, including CSP and Trusted Types violations. */
  problems: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { requests: [], problems: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(message.text());
  });
  page.on('pageerror', (error) => watch.problems.push(String(error)));
  return watch;
}

/**
 * Answers every request for the chunks `pattern` names with a 404, as a site that copied a drop-in
 * file without its `chunks/` folder does (`page.unroute(pattern)` serves them again).
 */
export async function refuseChunks(page: Page, pattern: string): Promise<void> {
  await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'Not found' }));
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every axe violation on the page as `rule: target`, shadow DOM included. The page's context must
 * bypass its CSP (`bypassCSP: true`), which otherwise (rightly) refuses the injected script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  });
}

/**
 * Waits for `<kap-booking>`'s week, then moves on week by week (its Next week button) until one
 * offers at least `days` days with free times; returns how many weeks it moved. The demo clinic
 * opens on weekdays and needs 12 hours' notice, so late in the week, or at a weekend, the current
 * week offers one day or none: a test that waited for a day there, or took a second one, would
 * pass or fail with the day of the week.
 */
export async function showBookableWeek(booking: Locator, days = 1): Promise<number> {
  for (let moved = 0; moved < 5; moved++) {
    await booking.locator('[part~="day"], .empty').first().waitFor();
    if ((await booking.locator('[part~="day"]').count()) >= days) return moved;
    await nextWeek(booking);
  }
  throw new Error(`no week in the next five offers ${days} days with free times`);
}

/**
 * Chooses a time on `<kap-booking>` for a test that goes on to book it: the last time of the last
 * day in the first week with free times on two days or more, so a day or more clear of the
 * clinic's notice. The first time can come inside the notice between being shown and being chosen
 * (a test checking the page with axe in between), and holding it would then be refused.
 */
export async function chooseLatestTime(booking: Locator): Promise<void> {
  await showBookableWeek(booking, 2);
  await booking.locator('[part~="day"]').last().click();
  await booking.locator('[part~="time"]').last().click();
}

/** Moves `<kap-booking>` on to its next week (Next week), once the week shown has loaded. */
export async function nextWeek(booking: Locator): Promise<void> {
  await booking.locator('[part~="day"], .empty').first().waitFor();
  const range = (await booking.locator('.week-range').textContent()) ?? '';
  await booking.locator('[data-week="next"]').click();
  // The new week's range shows with its "Loading" message: the days found next are its own.
  await booking.locator('.week-range').filter({ hasNotText: range }).waitFor();
}

/**
 * Collects the code of every `kap-error` the page hears in `window.kapErrors`: give it to
 * `page.evaluate` for the page as it is, or to `page.addInitScript` before it loads.
 */
export function recordKapErrors(): void {
  const codes: string[] = [];
  (window as unknown as { kapErrors: string[] }).kapErrors = codes;
  document.addEventListener('kap-error', (event) => codes.push(String((event as CustomEvent<{ code?: string }>).detail.code)));
}

/** The codes `recordKapErrors` collected on `page`. */
export function kapErrorsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { kapErrors: string[] }).kapErrors);
}
