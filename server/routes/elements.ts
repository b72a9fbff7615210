/**
 * `GET elements/<file>` and `GET elements/<version>/<file>`: the built drop-in elements
 * (elements-files.ts), so a clinic's site loads them from its own backend and need not host files.
 *
 * - `elements/<version>/kap-booking.js` — what the console's embed code gives: the build's content
 *   hash in the address, so `Cache-Control: public, max-age=31536000, immutable`. Its lazy chunks
 *   are imported relative to the module's own URL (`import('./chunks/…')`), so they load from
 *   `elements/<version>/chunks/…`, cached the same way; an older version answers 404 with what to do.
 * - `elements/kap-booking.js` — the current build at a fixed address, revalidated on every use
 *   (`no-cache` with an `ETag`): for trying things out, not for `integrity`.
 *
 * Any origin may load them as module scripts (`Access-Control-Allow-Origin: *`, no credentials;
 * `Cross-Origin-Resource-Policy: cross-origin`). Only files of the build answer: a path is looked
 * up, whole, among the build's own, never joined to a folder. Without a build: 503 saying so.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { NOT_BUILT_MESSAGE, VERSION_PATTERN, type ElementFiles } from '../elements-files.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function registerElementRoutes(app: Hono<AppEnv>, elements: ElementFiles): void {
  app.get('/elements/*', async (c) => {
    const build = await elements.current();
    if (!build) return answer(c.text(NOT_BUILT_MESSAGE, 503, { 'Retry-After': '60' }));
    const rest = c.req.path.slice(c.req.path.indexOf('/elements/') + '/elements/'.length);
    const [first = '', ...others] = rest.split('/');
    const versioned = VERSION_PATTERN.test(first);
    if (versioned && first !== build.version) {
      return answer(
        c.text(
          `This version of the elements (${first}) is no longer served here: the server now has ${build.version}. Copy the embed code again from the console.`,
          404,
        ),
      );
    }
    const path = versioned ? others.join('/') : rest;
    const file = build.files.get(path);
    if (!file) return answer(c.text('Not found: no such file in the elements’ build.', 404));
    if (!versioned && c.req.header('If-None-Match') === file.etag) {
      return answer(new Response(null, { status: 304, headers: { ETag: file.etag, 'Cache-Control': REVALIDATE } }));
    }
    return answer(
      new Response(new Uint8Array(file.body), {
        headers: {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': versioned ? IMMUTABLE : REVALIDATE,
          ETag: file.etag,
        },
      }),
    );
  });
}

/** Every answer here is readable from any origin: public files, no credentials. */
function answer(response: Response): Response {
  response.headers.set('Access-Control-Allow-Origin', '*');
  response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}
