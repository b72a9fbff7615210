/**
 * Serves the built Storybook (storybook-static/) on loopback with the stories' clinics: the real
 * reference backend in memory, as in `npm run storybook`. Used by check-stories.mjs and
 * check-docs.mjs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { referenceBackends } from '../test/support/reference-backend.js';

export const staticDir = join(resolve(import.meta.dirname, '..'), 'storybook-static');

/** The built index (`entries` by id); exits with a hint when Storybook has not been built. */
export function builtIndex() {
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
    process.exit(1);
  }
  return JSON.parse(readFileSync(indexFile, 'utf8'));
}

const contentTypes = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Starts the server; resolves to its origin and a `close()` for it and its backends. */
export async function serveBuilt() {
  /** Built files, read once: every story page loads the same preview bundle. */
  const files = new Map();
  function staticFile(pathname) {
    const file = join(staticDir, decodeURIComponent(pathname));
    if (!files.has(file)) files.set(file, file.startsWith(staticDir) && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);
    return { body: files.get(file), type: contentTypes[extname(file)] ?? 'application/octet-stream' };
  }
  const backends = referenceBackends();
  const server = createServer((request, response) => {
    backends
      .handle(request, response)
      .then((handled) => {
        if (handled) return;
        const { body, type } = staticFile(new URL(request.url ?? '/', 'http://x').pathname);
        if (!body) response.writeHead(404).end();
        else response.writeHead(200, { 'Content-Type': type }).end(body);
      })
      .catch((error) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.close();
      backends.close();
    },
  };
}
