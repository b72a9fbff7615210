/**
 * Runs a command with one headless Chromium started for it: `npm run test:e2e` runs its test files
 * through this, and each file connects to that browser (`launchBrowser` in `chromium.ts`) instead
 * of starting its own. Files still share nothing: each makes its own contexts, and closing its
 * connection closes them. The browser is closed when the command ends, whose exit code is kept.
 *
 *   node --import tsx test/e2e/shared-browser.ts <command> [args…]
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS, SHARED_BROWSER_ENV } from './chromium.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node --import tsx test/e2e/shared-browser.ts <command> [args…]');
  process.exit(2);
}

const server = await chromium.launchServer(CHROMIUM_OPTIONS);
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [SHARED_BROWSER_ENV]: server.wsEndpoint() } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await server.close();
process.exit(code);
