/**
 * The headless Chromium the end-to-end tests drive: Debian's `/usr/bin/chromium` (`CHROME_PATH`
 * overrides), never a downloaded one. `npm run test:e2e` starts one for the whole run
 * (`test/e2e/shared-browser.ts`) and every test file connects to it; a file run alone starts its own.
 */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where `shared-browser.ts` tells the test files to find the browser it started. */
export const SHARED_BROWSER_ENV = 'KAP_E2E_BROWSER';

export const CHROMIUM_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * The run's shared browser when there is one, else a new one. Either way `close()` ends what the
 * file made: on a shared browser it closes the file's contexts and pages and disconnects. Starting
 * Chromium costs about 1.5 core-seconds, paid once instead of once per file (docs/test-time.md).
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  return shared ? chromium.connect(shared) : chromium.launch(CHROMIUM_OPTIONS);
}
