/**
 * The built drop-in elements the backend serves to clinics' sites (routes/elements.ts): every
 * `.js` file `vite build --mode cdn` wrote to `dist/cdn/` (the four entries, their lazy chunks in
 * `chunks/`, the Spanish strings in `i18n/`), read into memory once with each file's SRI hash.
 *
 * **The version is a hash of the build's content**, not the package's version: the package stays
 * at the same version across every build made from a working copy, and a browser told to keep
 * `elements/<version>/kap-booking.js` for a year (`immutable`) must never be handed other bytes at
 * that address — which would also fail the page's `integrity` check. So any change of any file
 * (an entry or a chunk) makes a new version, and the console's embed code names it.
 *
 * The files are read on first use and kept: a server serves the build it found, whole, until it
 * restarts (a build written while it runs is not mixed in half-way). While there is no build
 * (a fresh clone before `npm run build`), each use looks again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ELEMENTS_DIR = fileURLToPath(new URL('../dist/cdn/', import.meta.url));

/** What a page loads with `<script type="module">`: one element each, or all three. */
export const ELEMENT_ENTRIES = ['kap-booking.js', 'kap-intake.js', 'kap-prep-checklist.js', 'kap-elements.js'] as const;
/** The Spanish strings, loaded beside an entry for `lang="es"`. */
export const SPANISH_FILE = 'i18n/es.js';

/** A version in a URL: the first 16 hex digits of the build's hash. */
export const VERSION_PATTERN = /^[0-9a-f]{16}$/;

export const NOT_BUILT_MESSAGE =
  'The elements are not built on this server: there is no build in dist/cdn/ (or the folder KAP_ELEMENTS_DIR names). Run `npm run build` (or `npx vite build --mode cdn`), then restart the server.';

export interface ElementFile {
  body: Buffer;
  /** `sha384-<base64>`, for the `integrity` attribute. */
  integrity: string;
  /** A strong validator for the unversioned address. */
  etag: string;
}

export interface ElementBuild {
  version: string;
  /** By path under the build, `/`-separated: `kap-booking.js`, `chunks/kap-booking-manage-….js`, `i18n/es.js`. */
  files: ReadonlyMap<string, ElementFile>;
}

export class ElementFiles {
  readonly dir: string;
  #build: Promise<ElementBuild | undefined> | undefined;

  constructor(dir: string = ELEMENTS_DIR) {
    this.dir = dir.endsWith('/') ? dir : `${dir}/`;
  }

  /** The build, or `undefined` while there is none (looked for again next time). */
  async current(): Promise<ElementBuild | undefined> {
    this.#build ??= readBuild(this.dir);
    const build = await this.#build;
    if (!build) this.#build = undefined;
    return build;
  }
}

async function readBuild(dir: string): Promise<ElementBuild | undefined> {
  const paths = await listJs(dir, '').catch(() => undefined);
  // A build has every entry and the Spanish strings; a folder without them is no build (one being written, or another thing).
  if (!paths || ![...ELEMENT_ENTRIES, SPANISH_FILE].every((entry) => paths.includes(entry))) return undefined;
  const files = new Map<string, ElementFile>();
  const whole = createHash('sha256');
  for (const path of paths.sort()) {
    const body = await readFile(join(dir, path));
    const sha256 = createHash('sha256').update(body).digest('hex');
    files.set(path, {
      body,
      integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
      etag: `"${sha256.slice(0, 32)}"`,
    });
    whole.update(`${path}\0${sha256}\n`);
  }
  return { version: whole.digest('hex').slice(0, 16), files };
}

/** The `.js` files under `dir`, as paths relative to it; symbolic links are not followed. */
async function listJs(dir: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listJs(dir, path)));
    else if (entry.isFile() && entry.name.endsWith('.js')) found.push(path);
  }
  return found;
}
