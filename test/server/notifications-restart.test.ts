/**
 * The outbox survives `kill -9`: a server process is killed right after the change commits (before
 * any delivery), or while a claimed delivery is being sent; a new process on the same SQLite file
 * then delivers the client's confirmation exactly once — at once in the first case, after the dead
 * process's lease runs out in the second — and never again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApp } from '../../server/app.js';
import { smtpTransport } from '../../server/notifications/smtp.js';
import { mailSink, recipient, type MailSink } from './notifications-support.js';
import { entryArgs } from '../support/node-entry.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');
let sink: MailSink;
let dir: string;

before(async () => {
  sink = await mailSink();
  dir = mkdtempSync(join(tmpdir(), 'kap-outbox-'));
});
after(async () => {
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it prints `line`, then kills it with SIGKILL. */
function killAfter(path: string, mode: 'change' | 'sending', line: string): Promise<void> {
  const child = spawn(process.execPath, [...entryArgs('test/server/notifications-child.ts'), path, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`${line}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${errors}`))));
  });
}

async function restartAndDeliver(path: string, at: number): Promise<void> {
  const kap = createApp({ db: path, now: () => new Date(at) });
  const worker = kap.startNotifications({
    email: smtpTransport({ url: sink.url, from: 'clinic@harbor.example' }),
    siteUrl: 'http://site.test/',
    consoleUrl: 'http://kap.test/console/',
    leaseMs: 60_000,
    pollMs: 3_600_000,
  });
  await worker.stop();
  await worker.runOnce();
  await worker.runOnce();
  await kap.close();
}

for (const [mode, line, after] of [
  ['change', 'committed', 0],
  ['sending', 'sending', 60_000],
] as const) {
  test(`killed with -9 ${mode === 'change' ? 'between the change and its delivery' : 'while sending'}: delivered exactly once after a restart`, async () => {
    const path = join(dir, `${mode}.sqlite`);
    const from = sink.messages.length;
    await killAfter(path, mode, line);
    if (after > 0) {
      await restartAndDeliver(path, NOW + after - 1);
      assert.equal(sink.messages.length, from, 'not while the dead process still holds its lease');
    }
    await restartAndDeliver(path, NOW + after);
    await sink.waitFor(from + 1);
    await restartAndDeliver(path, NOW + after + 10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const received = sink.messages.slice(from);
    assert.deepEqual(received.map(recipient), ['rosalind.vance@example.com'], 'exactly once');
    assert.match(received[0]!.subject!, /^Your appointment at /);
  });
}
