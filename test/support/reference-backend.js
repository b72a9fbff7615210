// The real reference backend (`server/app.ts`), in memory, behind a development server: the
// browser tests (web-test-runner.config.js), the stories in `npm run storybook`
// (.storybook/main.ts) and the stories check (.storybook/check-stories.mjs) all use it.
//
// Every request to `/api/<namespace>/…` is handed to a fresh in-memory instance of the app for that
// namespace, so each test or story gets its own clinic, same origin, no CORS, and the real server
// logic (availability, holds, idempotency, no double booking). A namespace may carry options after
// `~`: `/api/t1~holdSeconds=3~now=2100-01-01T00:00:00Z/`.
//
// Two test-only routes sit beside it:
// - `GET /api-records/<namespace>` answers what that namespace's database holds, so a test can
//   prove "one booking, not two" on the server itself rather than through the element;
// - `POST /api-setup/<namespace>` with `{ forms?, checklists?, closed? }` opens that clinic with
//   these intake forms, these checklist templates by service (`null`: none) and, with
//   `closed: true`, no opening hours. It must come before the namespace's first request;
// - `POST /api-clock/<namespace>` with `{ advanceMs }` moves that clinic's clock on (a hold
//   expires, a deadline passes) without the test waiting in real time; not for a `now=` clinic;
// - `POST /api-staff/<namespace>/<role>` adds a staff account to that namespace's clinic — set up
//   (password, and a TOTP secret unless `?factor=0`) — and answers its email, password and current
//   code; with `?invite=1`, an account still to set up and its set-up token: what the owner's CLI
//   and the set-up link do, without a browser in between (the console's tests).
// - `POST /api-staff/<namespace>/<role>/as/<path>` with a JSON body: a new account of that role,
//   signed in on the server's side, sends it to that clinic's staff route `POST /<path>` (`PUT` with
//   `?method=PUT`) and the route's answer is passed on — a console action for the elements' tests, without a session
//   cookie in the browser (which would sign out a console test running in another page).
// - `POST /api-outbox/<namespace>` runs one round of that clinic's outbox worker without an email
//   transport: each email delivery fails for good (`no_email_transport`), as on a server without
//   SMTP outside development — the failed deliveries the console's owner sees.
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { tsImport } from 'tsx/esm/api';

const { createApp } = await tsImport('../../server/app.ts', import.meta.url);
const { inviteStaff } = await tsImport('../../server/auth/staff-accounts.ts', import.meta.url);
const { hashPassword } = await tsImport('../../server/auth/passwords.ts', import.meta.url);
const { newTotpSecret, totpCode } = await tsImport('../../server/auth/totp.ts', import.meta.url);
const { sha256Hex } = await tsImport('../../server/secrets.ts', import.meta.url);
const { NotificationWorker } = await tsImport('../../server/notifications/worker.ts', import.meta.url);

/**
 * `elements=fixture`: a small stand-in build of the elements (test/support/elements-build/), so a
 * test does not depend on `npm run build` (which `npm test` runs beside the browser tests);
 * `elements=missing`: none at all. Default: the repository's dist/cdn/.
 */
const ELEMENTS_BUILDS = {
  fixture: fileURLToPath(new URL('./elements-build/', import.meta.url)),
  missing: fileURLToPath(new URL('./no-elements-build/', import.meta.url)),
};

/**
 * `name~holdSeconds=3~now=…~clinicTimeZone=…~writes=…~elements=…` → createApp options. The clock is real
 * time plus `offset()` (what `/api-clock/` added), or fixed with `now=`.
 */
function optionsFor(namespace, offset) {
  const [, ...pairs] = namespace.split('~');
  /** @type {Record<string, unknown>} */
  const options = { db: ':memory:', now: () => new Date(Date.now() + offset()) };
  for (const pair of pairs) {
    const [key, raw = ''] = pair.split('=');
    const value = decodeURIComponent(raw);
    if (key === 'holdSeconds') options.holdMinutes = Number(value) / 60;
    else if (key === 'now') {
      const fixed = new Date(value);
      options.now = () => fixed;
    } else if (key === 'clinicTimeZone') options.clinicTimeZone = value;
    else if (key === 'writes') options.rateLimit = { writes: Number(value), windowMs: 60_000 };
    else if (key === 'elements') options.elementsDir = ELEMENTS_BUILDS[value];
    else throw new Error(`Unknown backend option ${key}`);
  }
  return options;
}

/** Reads a request's JSON body. */
async function jsonBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * A set of in-memory clinics by namespace. `handle(request, response)` answers the routes above
 * and returns false for any other request, so it fits a connect/Koa/node:http server alike.
 */
export function referenceBackends() {
  /** @type {Map<string, { app: import('hono').Hono, stores: any, close(): void, listener: ReturnType<typeof getRequestListener> }>} */
  const backends = new Map();
  /** Milliseconds each clinic's clock is ahead of real time, by namespace. */
  const offsets = new Map();

  function backendFor(namespace, extra = {}) {
    let backend = backends.get(namespace);
    if (!backend) {
      const created = createApp({ ...optionsFor(namespace, () => offsets.get(namespace) ?? 0), ...extra });
      backend = { ...created, listener: getRequestListener(created.app.fetch) };
      backends.set(namespace, backend);
    }
    return backend;
  }

  async function records(namespace) {
    const { stores } = backendFor(namespace);
    // Client details and answers are encrypted at rest: read them back through the stores.
    const bookings = stores.db.prepare('SELECT id, status, start_ms AS startMs FROM bookings ORDER BY created_at_ms').all();
    const responses = stores.db.prepare('SELECT id FROM intake_responses ORDER BY received_at_ms').all();
    return {
      bookings: await Promise.all(bookings.map(async (row) => ({ ...row, name: (await stores.bookings.bookingDetail(row.id)).client.name }))),
      intakeResponses: await Promise.all(
        responses.map(async ({ id }) => ({ id, answers: JSON.stringify((await stores.intake.findResponse(id)).submission.answers) })),
      ),
    };
  }

  async function setUp(namespace, { forms, checklists = {}, closed = false }) {
    if (backends.has(namespace)) throw new Error(`The clinic ${namespace} is already open: set it up before its first request.`);
    const { stores } = backendFor(namespace, forms ? { forms } : {});
    const template = stores.db.prepare('UPDATE services SET checklist_template = ? WHERE id = ?');
    for (const [service, definition] of Object.entries(checklists)) template.run(definition === null ? null : JSON.stringify(definition), service);
    if (closed) stores.db.prepare('DELETE FROM opening_hours').run();
  }

  let staffMade = 0;
  /** Every account gets the same password, so it is hashed (argon2id, the production cost) once. */
  let passwordHash;
  async function addStaff(namespace, role, query) {
    const { stores } = backendFor(namespace);
    const now = Date.now();
    const email = `${role}-${++staffMade}@clinic.example`;
    const invited = await inviteStaff(stores, { email, role, now, publicUrl: 'http://localhost/' });
    const token = `setup-${staffMade}-${now}`;
    await stores.staff.reset(invited.staff.id, { tokenHash: sha256Hex(token), expiresAt: now + 3_600_000 }, now);
    if (query.get('invite') === '1') return { email, token };
    const password = 'lantern orchard velvet 42';
    const secret = query.get('factor') === '0' ? undefined : newTotpSecret();
    await stores.staff.completeSetup({
      staffId: invited.staff.id,
      tokenHash: sha256Hex(token),
      passwordHash: await (passwordHash ??= hashPassword(password)),
      ...(secret ? { totp: { secret, step: 0, recoveryCodeHashes: [] } } : {}),
      now,
    });
    return { email, password, ...(secret ? { secret, code: totpCode(secret, now) } : {}) };
  }

  async function actAs(namespace, role, path, body, method = 'POST') {
    const { app } = backendFor(namespace);
    const account = await addStaff(namespace, role, new URLSearchParams());
    const sameOrigin = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' };
    const signIn = await app.request('http://localhost/staff/session', {
      method: 'POST',
      headers: sameOrigin,
      body: JSON.stringify({ email: account.email, password: account.password, code: account.code }),
    });
    if (signIn.status !== 201) return signIn;
    const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0];
    const { csrfToken } = await signIn.json();
    return app.request(`http://localhost${path}`, {
      method,
      headers: { ...sameOrigin, Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify(body),
    });
  }

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async function handle(request, response) {
    const url = request.url ?? '/';
    const api = /^\/api\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(url);
    if (api) {
      const [, namespace, path = '/', query = ''] = api;
      const backend = backendFor(decodeURIComponent(namespace));
      request.url = `${path}${query}`;
      await backend.listener(request, response);
      return true;
    }
    const recordsPath = /^\/api-records\/([^/?]+)$/.exec(url);
    if (recordsPath && request.method === 'GET') {
      send(response, 200, await records(decodeURIComponent(recordsPath[1])));
      return true;
    }
    const setupPath = /^\/api-setup\/([^/?]+)$/.exec(url);
    if (setupPath && request.method === 'POST') {
      try {
        await setUp(decodeURIComponent(setupPath[1]), await jsonBody(request));
        send(response, 200, { ok: true });
      } catch (error) {
        send(response, 409, { error: { code: 'setup_failed', message: String(error) } });
      }
      return true;
    }
    const actingPath = /^\/api-staff\/([^/?]+)\/([a-z-]+)\/as(\/[^?]*)(?:\?method=(PUT))?$/.exec(url);
    if (actingPath && request.method === 'POST') {
      const [, namespace, role, path, method] = actingPath;
      const answer = await actAs(decodeURIComponent(namespace), role, path, await jsonBody(request), method);
      response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
      return true;
    }
    const outboxPath = /^\/api-outbox\/([^/?]+)$/.exec(url);
    if (outboxPath && request.method === 'POST') {
      const namespace = decodeURIComponent(outboxPath[1]);
      const { stores } = backendFor(namespace);
      const now = () => Date.now() + (offsets.get(namespace) ?? 0);
      const worker = new NotificationWorker({ stores, email: undefined, now, siteUrl: 'http://localhost/', consoleUrl: 'http://localhost/console/' });
      send(response, 200, await worker.runOnce());
      return true;
    }
    const clockPath = /^\/api-clock\/([^/?]+)$/.exec(url);
    if (clockPath && request.method === 'POST') {
      const namespace = decodeURIComponent(clockPath[1]);
      const { advanceMs } = await jsonBody(request);
      if (namespace.includes('~now=') || !(Number.isFinite(advanceMs) && advanceMs >= 0)) {
        send(response, 409, { error: { code: 'clock_fixed_or_bad_advance', message: 'Only a clinic on real time moves on, and only forwards.' } });
      } else {
        offsets.set(namespace, (offsets.get(namespace) ?? 0) + advanceMs);
        send(response, 200, { ok: true });
      }
      return true;
    }
    const staffPath = /^\/api-staff\/([^/?]+)\/([a-z-]+)(\?.*)?$/.exec(url);
    if (staffPath && request.method === 'POST') {
      send(response, 200, await addStaff(decodeURIComponent(staffPath[1]), staffPath[2], new URLSearchParams(staffPath[3] ?? '')));
      return true;
    }
    return false;
  }

  function close() {
    for (const backend of backends.values()) backend.close();
    backends.clear();
  }

  return { handle, close };
}
