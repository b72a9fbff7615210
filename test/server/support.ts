/**
 * Shared fixtures for the server tests: an app over a fresh `:memory:` database with a clock the
 * test moves by hand, and small helpers to send JSON the way the elements do.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createApp, type KapApp, type SqliteAppOptions } from '../../server/app.js';
import { ENCRYPTED_COLUMNS, fieldContext } from '../../server/stores/sqlite/encrypted-columns.js';
import type { Db, SqliteStores } from '../../server/stores/sqlite/index.js';
import { entryArgs } from '../support/node-entry.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 2 March 2026, 07:00 in New York: earliest bookable start is Tuesday 3 March 00:00Z. */
export const MONDAY_MORNING = '2026-03-02T12:00:00Z';

export class TestClock {
  ms: number;
  constructor(start: string = MONDAY_MORNING) {
    this.ms = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  set(instant: string): void {
    this.ms = Date.parse(instant);
  }
}

export interface TestApp extends KapApp<SqliteStores> {
  /** The SQLite connection: to arrange what no route can (a clinic's settings, a broken template). */
  db: Db;
  clock: TestClock;
  logs: string[];
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  book(body: Partial<BookingBody> & { start: string }, headers?: Record<string, string>): Promise<Response>;
  availability(service: string, from: string, to: string): Promise<{ status: number; slots: { start: string; end: string }[]; body: any }>;
}

export interface BookingBody {
  service: string;
  start: string;
  holdId?: string;
  client: { name: string; email: string; phone: string };
  consent: { privacy: boolean; contact?: boolean };
  reason?: string;
  source?: string;
}

export const CLIENT = { name: 'Rosalind Vance', email: 'rosalind.vance@example.com', phone: '+1 212 555 0147' };

export function bookingBody(overrides: Partial<BookingBody> & { start: string }): BookingBody {
  return { service: 'consultation', client: { ...CLIENT }, consent: { privacy: true, contact: false }, ...overrides };
}

export function testApp(options: Partial<SqliteAppOptions> & { start?: string } = {}): TestApp {
  const clock = new TestClock(options.start);
  const logs: string[] = [];
  const kap = createApp({
    db: ':memory:',
    now: clock.now,
    logger: (line) => logs.push(line),
    rateLimit: { writes: 10_000, reads: 10_000, windowMs: MINUTE },
    ...options,
  });
  const request = async (path: string, init?: RequestInit) => kap.app.request(path, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    ...kap,
    db: kap.stores.db,
    clock,
    logs,
    request,
    postJson,
    book: (body, headers = {}) => postJson('/bookings', bookingBody(body), { 'Idempotency-Key': randomUUID(), ...headers }),
    async availability(service, from, to) {
      const response = await request(`/availability?service=${encodeURIComponent(service)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const body = await response.json();
      return { status: response.status, slots: body.slots ?? [], body };
    },
  };
}

export const starts = (slots: { start: string }[]): string[] => slots.map((slot) => slot.start);

export function countRows(kap: { stores: SqliteStores }, table: 'bookings' | 'holds' | 'idempotency_keys', where = '1 = 1'): number {
  return (kap.stores.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

/**
 * A row of `table` as the clinic reads it: its encrypted columns (encrypted-columns.ts) opened with
 * the database's key. The row must carry its id column.
 */
export function openRow<T extends Record<string, unknown>>(kap: { stores: SqliteStores }, table: string, row: T): T {
  const entry = ENCRYPTED_COLUMNS.find((candidate) => candidate.table === table);
  if (!entry) return row;
  const id = row[entry.idColumn] as string;
  const opened: Record<string, unknown> = { ...row };
  for (const column of entry.columns) {
    const value = row[column];
    if (typeof value === 'string') opened[column] = kap.stores.cipher.open(value, fieldContext(table, column, id));
  }
  return opened as T;
}

/** The rows `sql` selects from `table`, encrypted columns opened (see `openRow`). */
export function openRows<T extends Record<string, unknown>>(kap: { stores: SqliteStores }, table: string, sql: string, ...params: unknown[]): T[] {
  return (kap.stores.db.prepare(sql).all(...params) as T[]).map((row) => openRow(kap, table, row));
}

export interface RunningMain {
  apiUrl: string;
  demoUrl: string;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `server/main.ts` as a child process and waits for the two URLs it prints. */
export function startMain(env: Record<string, string>): Promise<RunningMain> {
  const child = spawn(process.execPath, entryArgs('server/main.ts', REPO_ROOT), {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', DEMO_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    // Generous: it only ends a start that hangs, and a start on a machine busy with other steps can take 20 s.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server/main.ts did not print its URLs within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const api = /^API: (\S+)$/m.exec(output)?.[1];
      const demo = /^Demo clinic page: (\S+)$/m.exec(output)?.[1];
      if (api && demo) {
        clearTimeout(timer);
        resolve({
          apiUrl: api,
          demoUrl: demo,
          output: () => output,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server/main.ts exited with ${code}:\n${output}`));
    });
  });
}
