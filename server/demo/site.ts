/**
 * The demo clinic's web site, on its own origin: static files from `demo/` at `/` and the built
 * CDN bundle from `dist/cdn/` at `/elements/`, under a strict Content Security Policy, so the
 * elements are exercised as a real clinic site would embed them (cross-origin API, no inline
 * script, Trusted Types enforced). The API's base URL reaches the page by rewriting the
 * placeholder `__KAP_API__` in HTML files as they are served.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { closeServer, listen } from '../listen.js';

export const API_PLACEHOLDER = '__KAP_API__';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface DemoAppOptions {
  /** The API's base URL, e.g. `http://localhost:8787/`; written into the pages and the CSP. */
  apiUrl: string;
  /** Folder served at `/`. Default `demo/` in the repository. */
  demoDir?: string;
  /** Folder served at `/elements/`. Default `dist/cdn/` in the repository. */
  elementsDir?: string;
}

export interface DemoServerOptions extends DemoAppOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default `127.0.0.1`. */
  hostname?: string;
}

export interface DemoServer {
  /** `http://localhost:<port>/` */
  url: string;
  port: number;
  server: ServerType;
  close(): Promise<void>;
}

/** The policy every demo response carries; `connect-src` admits the API's origin only. */
export function demoContentSecurityPolicy(apiUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "img-src 'self' data:",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function createDemoApp(options: DemoAppOptions): Hono {
  const demoDir = resolve(options.demoDir ?? resolve(REPO_ROOT, 'demo'));
  const elementsDir = resolve(options.elementsDir ?? resolve(REPO_ROOT, 'dist', 'cdn'));
  const csp = demoContentSecurityPolicy(options.apiUrl);
  const apiUrlInHtml = escapeHtmlAttribute(new URL(options.apiUrl).href);
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-cache');
  });

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = decodePath(c.req.path);
    if (path === undefined) return c.text('Not found', 404);
    const [root, relative] = path.startsWith('/elements/') ? [elementsDir, path.slice('/elements/'.length)] : [demoDir, path.slice(1)];
    const file = await findFile(root, relative);
    if (file === undefined) {
      const hint = root === elementsDir ? ' Run `npm run build` to build the elements.' : '';
      return c.text(`Not found.${hint}`, 404);
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const content = await readFile(file);
    const body = type.startsWith('text/html') ? content.toString('utf8').replaceAll(API_PLACEHOLDER, apiUrlInHtml) : content;
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers: { 'Content-Type': type } });
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { Allow: 'GET, HEAD' }));
  return app;
}

/** Starts the demo site; resolves once it listens, with its real port. */
export function createDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const app = createDemoApp(options);
  return listen(app.fetch, options.port ?? 8080, options.hostname ?? '127.0.0.1').then(({ server, port }) => ({
    server,
    port,
    url: `http://localhost:${port}/`,
    close: () => closeServer(server),
  }));
}

function decodePath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
    return decoded;
  } catch {
    return undefined;
  }
}

/** The file for a request path inside `root` (a folder means its `index.html`), never outside it. */
async function findFile(root: string, relative: string): Promise<string | undefined> {
  let candidate = resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = resolve(candidate, 'index.html');
      info = await stat(candidate);
    }
    return info.isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function escapeHtmlAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
