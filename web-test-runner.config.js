// Browser tests of the elements, against the real reference backend in memory: every request to
// `/api/<namespace>/…` on the test server reaches a fresh clinic of its own (see
// test/support/reference-backend.js for the namespace options and the test-only routes).
import { execFileSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { referenceBackends } from './test/support/reference-backend.js';

const backends = referenceBackends();

/**
 * React ships CommonJS only, which the dev server does not convert: for the React tests
 * (test/elements/react.test.ts) `react`, `react-dom` and `react-dom/client` resolve to ES modules re-exporting
 * one esbuild bundle of them, so that they share one React.
 */
function reactAsModules() {
  const facades = { react: ['React', 'react'], 'react-dom': ['ReactDOM', 'react-dom'], 'react-dom/client': ['ReactDOMClient', 'react-dom/client'] };
  let bundle;
  const bundled = () =>
    (bundle ??= build({
      stdin: {
        contents: "export * as React from 'react'; export * as ReactDOM from 'react-dom'; export * as ReactDOMClient from 'react-dom/client';",
        resolveDir: import.meta.dirname,
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0].text));
  const facade = ([name, id]) => {
    // Its export names, read in a process of their own (React's development build patches `console`).
    const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(id)}))))`;
    const names = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: import.meta.dirname, encoding: 'utf8' }));
    const keys = names.filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
    return `import { ${name} } from '/__react/bundle.js';\nexport default ${name};\nexport const { ${keys.join(', ')} } = ${name};\n`;
  };
  return {
    name: 'react-as-modules',
    resolveImport({ source }) {
      if (source in facades) return `/__react/${source.replace('/', '-')}.js`;
    },
    async serve(context) {
      if (context.path === '/__react/bundle.js') return { body: await bundled(), type: 'js' };
      const entry = Object.entries(facades).find(([source]) => context.path === `/__react/${source.replace('/', '-')}.js`);
      if (entry) return { body: facade(entry[1]), type: 'js' };
    },
  };
}

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
    reactAsModules(),
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
