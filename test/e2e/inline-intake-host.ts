/**
 * A clinic's own site whose pages each load a drop-in file and hand `<kap-intake>` its definition
 * inline (a child `<script type="application/json">`), served beside a fresh demo backend that
 * allows the site's origin: the set-up of the e2e tests that exercise what a drop-in file does with
 * such a definition (its authoring checks, the chunks its first page waits for).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDemoServer } from '../../server/demo/site.js';
import { freePort, startDemo } from './harness.js';

const CDN = resolve(import.meta.dirname, '..', '..', 'dist', 'cdn');

export interface InlineIntakePage {
  /** The page is served as `<name>.html`. */
  name: string;
  /** The drop-in file it loads, e.g. `kap-intake` (dist/cdn/kap-intake.js). */
  file: string;
  definition: { title: string };
}

export interface InlineIntakeHost {
  /** The address of page `name`. */
  pageUrl(name: string): string;
  close(): Promise<void>;
}

export async function serveInlineIntakes(pages: readonly InlineIntakePage[]): Promise<InlineIntakeHost> {
  const dir = mkdtempSync(join(tmpdir(), 'kap-inline-'));
  for (const { name, file, definition } of pages) {
    writeFileSync(
      join(dir, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><script type="module" src="/elements/${file}.js"></script></head>` +
        `<body><main><h1>${definition.title}</h1><kap-intake api="__KAP_API__"><script type="application/json">${JSON.stringify(definition)}</script></kap-intake></main></body></html>`,
    );
  }
  const hostPort = await freePort();
  const demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: `http://localhost:${hostPort},http://127.0.0.1:${hostPort}` } });
  const host = await createDemoServer({ apiUrl: demo.apiUrl, port: hostPort, hostname: '127.0.0.1', demoDir: dir, elementsDir: CDN });
  return {
    pageUrl: (name) => new URL(`${name}.html`, host.url).href,
    async close() {
      await host.close();
      await demo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
