/**
 * The clinic's console at `/console/` on the API origin: the files `vite build -c
 * vite.console.config.ts` writes to `dist-console/` (part of `npm run build`, so `npm start` has
 * them). Every path under /console/ that is not one of its assets answers the app's page, so the
 * set-up link (`/console/setup#token=…`) opens it too.
 *
 * Under a strict Content-Security-Policy: scripts, styles and connections from this origin only,
 * no inline script or style, Trusted Types for every HTML sink (Lit's policy alone), no framing.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

export const CONSOLE_DIR = fileURLToPath(new URL('../../dist-console/', import.meta.url));

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

export function registerConsoleAssetRoutes(app: Hono<AppEnv>, consoleDir: string = CONSOLE_DIR): void {
  app.get('/console', (c) => c.redirect('/console/', 301));

  app.get('/console/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = TYPES[name.split('.').at(-1) ?? ''];
    // A name as Vite writes it (dots between words, as a module's own name has them: `checks.styles-1a2b.js`), never `..` or a path.
    if (!type || !/^[\w-]+(?:\.[\w-]+)*\.[a-z]+$/.test(name)) return notHere(c);
    const body = await readFile(`${consoleDir}assets/${name}`).catch(() => undefined);
    if (!body) return notHere(c);
    return withPolicy(c, new Response(body, { headers: { 'Content-Type': type } }));
  });

  app.get('/console/*', async (c) => {
    const page = await readFile(`${consoleDir}index.html`, 'utf8').catch(() => undefined);
    if (page === undefined) {
      return withPolicy(c, c.text('The console is not built. Run `npm run build` (or `npx vite build -c vite.console.config.ts`), then reload.', 503));
    }
    return withPolicy(c, c.html(page));
  });
}

function notHere(c: Context<AppEnv>): Response {
  return withPolicy(c, c.text('Not found', 404));
}

function withPolicy(_c: Context<AppEnv>, response: Response): Response {
  response.headers.set('Content-Security-Policy', CONSOLE_CSP);
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return response;
}
