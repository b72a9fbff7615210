// Browser tests of the elements, against the real reference backend.
//
// Every request to `/api/<namespace>/…` on the test server is handed to a fresh in-memory
// instance of `server/app.ts` for that namespace, so each test gets its own clinic, same origin,
// no CORS, and the real server logic (availability, holds, idempotency, no double booking).
// A namespace may carry options after `~`: `/api/t1~holdSeconds=3~now=2100-01-01T00:00:00Z/`.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { getRequestListener } from '@hono/node-server';
import { tsImport } from 'tsx/esm/api';

const { createApp } = await tsImport('./server/app.ts', import.meta.url);
const { inviteStaff } = await tsImport('./server/auth/staff-accounts.ts', import.meta.url);
const { hashPassword } = await tsImport('./server/auth/passwords.ts', import.meta.url);
const { newTotpSecret, totpCode } = await tsImport('./server/auth/totp.ts', import.meta.url);
const { sha256Hex } = await tsImport('./server/secrets.ts', import.meta.url);

/** @type {Map<string, { app: import('hono').Hono, close(): void, listener: ReturnType<typeof getRequestListener> }>} */
const backends = new Map();

/** `name~holdSeconds=3~now=…~clinicTimeZone=…~writes=…` → createApp options. */
function optionsFor(namespace) {
  const [, ...pairs] = namespace.split('~');
  /** @type {Record<string, unknown>} */
  const options = { db: ':memory:' };
  for (const pair of pairs) {
    const [key, raw = ''] = pair.split('=');
    const value = decodeURIComponent(raw);
    if (key === 'holdSeconds') options.holdMinutes = Number(value) / 60;
    else if (key === 'now') {
      const fixed = new Date(value);
      options.now = () => fixed;
    } else if (key === 'clinicTimeZone') options.clinicTimeZone = value;
    else if (key === 'writes') options.rateLimit = { writes: Number(value), windowMs: 60_000 };
    else throw new Error(`Unknown backend option ${key}`);
  }
  return options;
}

function backendFor(namespace) {
  let backend = backends.get(namespace);
  if (!backend) {
    const created = createApp(optionsFor(namespace));
    backend = { ...created, listener: getRequestListener(created.app.fetch) };
    backends.set(namespace, backend);
  }
  return backend;
}

/** @type {import('@web/dev-server-core').Middleware} */
async function referenceBackend(ctx, next) {
  const match = /^\/api\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(ctx.url);
  if (!match) return next();
  const [, namespace, path = '/', query = ''] = match;
  const backend = backendFor(decodeURIComponent(namespace));
  ctx.respond = false;
  ctx.req.url = `${path}${query}`;
  await backend.listener(ctx.req, ctx.res);
}

/**
 * Test-only: `GET /api-records/<namespace>` answers what that namespace's database holds, so a
 * test can prove "one booking, not two" on the server itself rather than through the element.
 * @type {import('@web/dev-server-core').Middleware}
 */
async function backendRecords(ctx, next) {
  const match = /^\/api-records\/([^/?]+)$/.exec(ctx.url);
  if (!match) return next();
  const { stores } = backendFor(decodeURIComponent(match[1]));
  // Client details and answers are encrypted at rest: read them back through the stores.
  const bookings = stores.db.prepare('SELECT id, status, start_ms AS startMs FROM bookings ORDER BY created_at_ms').all();
  const responses = stores.db.prepare('SELECT id FROM intake_responses ORDER BY received_at_ms').all();
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({
    bookings: await Promise.all(bookings.map(async (row) => ({ ...row, name: (await stores.bookings.bookingDetail(row.id)).client.name }))),
    intakeResponses: await Promise.all(
      responses.map(async ({ id }) => ({ id, answers: JSON.stringify((await stores.intake.findResponse(id)).submission.answers) })),
    ),
  });
}

/**
 * Test-only, for the console's tests: `POST /api-staff/<namespace>/<role>` adds a staff account to
 * that namespace's clinic — set up (password, and a TOTP secret unless `?factor=0`) — and answers
 * its email, password and current code; with `?invite=1`, an account still to set up and its
 * set-up token. What the owner's CLI and the set-up link do, without a browser in between.
 * @type {import('@web/dev-server-core').Middleware}
 */
let staffMade = 0;
async function backendStaff(ctx, next) {
  const match = /^\/api-staff\/([^/?]+)\/([a-z-]+)(\?.*)?$/.exec(ctx.url);
  if (!match || ctx.method !== 'POST') return next();
  const { stores } = backendFor(decodeURIComponent(match[1]));
  const role = match[2];
  const query = new URLSearchParams(match[3] ?? '');
  const now = Date.now();
  const email = `${role}-${++staffMade}@clinic.example`;
  const invited = await inviteStaff(stores, { email, role, now, publicUrl: 'http://localhost/' });
  const token = `setup-${staffMade}-${now}`;
  await stores.staff.reset(invited.staff.id, { tokenHash: sha256Hex(token), expiresAt: now + 3_600_000 }, now);
  ctx.type = 'application/json';
  if (query.get('invite') === '1') {
    ctx.body = JSON.stringify({ email, token });
    return;
  }
  const password = 'lantern orchard velvet 42';
  const secret = query.get('factor') === '0' ? undefined : newTotpSecret();
  await stores.staff.completeSetup({
    staffId: invited.staff.id,
    tokenHash: sha256Hex(token),
    passwordHash: await hashPassword(password),
    ...(secret ? { totp: { secret, step: 0, recoveryCodeHashes: [] } } : {}),
    now,
  });
  ctx.body = JSON.stringify({ email, password, ...(secret ? { secret, code: totpCode(secret, now) } : {}) });
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/console/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [referenceBackend, backendRecords, backendStaff],
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
        for (const backend of backends.values()) backend.close();
        backends.clear();
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
