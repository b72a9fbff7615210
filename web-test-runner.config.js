// Browser tests of the elements, against the real reference backend in memory: every request to
// `/api/<namespace>/…` on the test server reaches a fresh clinic of its own (see
// test/support/reference-backend.js for the namespace options and the test-only routes).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { referenceBackends } from './test/support/reference-backend.js';

const backends = referenceBackends();

/** @type {import('@web/dev-server-core').Middleware} */
async function referenceBackend(ctx, next) {
  if (!/^\/api(-records|-setup|-staff|-clock|-outbox)?\//.test(ctx.url)) return next();
  ctx.respond = false;
  if (!(await backends.handle(ctx.req, ctx.res))) {
    ctx.respond = true;
    return next();
  }
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/console/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [referenceBackend],
  plugins: [
    // The plugin hands esbuild the file's raw text and does not follow `extends`, so point it at
    // the file that holds the decorator settings (experimentalDecorators, useDefineForClassFields).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    {
      // `executeServerCommand('emulate-forced-colors', { active })`: Windows High Contrast, as
      // Chromium emulates it (colours forced to the system palette), for the forced-colours tests.
      name: 'emulate-forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'emulate-forced-colors') return undefined;
        const page = session.browser.getPage(session.id);
        await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
        return true;
      },
    },
    {
      // `executeServerCommand('accessibility-tree')`: every node of Chromium's own accessibility
      // tree (what a screen reader is given), with its role, name and states such as `required`
      // and `invalid` — groups included, which the pruned `a11ySnapshot` leaves out.
      name: 'accessibility-tree',
      async executeCommand({ command, session }) {
        if (command !== 'accessibility-tree') return undefined;
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        try {
          const { nodes } = await cdp.send('Accessibility.getFullAXTree');
          return nodes
            .filter((node) => !node.ignored)
            .map((node) => ({
              role: node.role?.value ?? '',
              name: node.name?.value ?? '',
              ...Object.fromEntries((node.properties ?? []).map((property) => [property.name, property.value.value])),
            }));
        } finally {
          await cdp.detach();
        }
      },
    },
    {
      name: 'close-reference-backends',
      serverStop() {
        backends.close();
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
