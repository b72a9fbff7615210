/**
 * `npm start`: the API and the demo clinic page, on two origins, over one SQLite file.
 *
 * Environment (all optional):
 *   PORT                 API port (default 8787; 0 picks a free one)
 *   DEMO_PORT            demo page port (default 8080; 0 picks a free one)
 *   KAP_DB               SQLite file (default data/kap.sqlite; its folder is created)
 *   KAP_ALLOWED_ORIGINS  comma-separated origins allowed to call the API
 *                        (default the demo page: http://localhost:<DEMO_PORT>,http://127.0.0.1:<DEMO_PORT>)
 *   KAP_CLINIC_TZ        the clinic's IANA time zone (default America/New_York)
 *   KAP_HOST             address both servers bind to (default 127.0.0.1)
 *   KAP_RATE_LIMIT       writes per minute per client (default 30)
 *   KAP_READ_RATE_LIMIT  reads per minute per client (default 300)
 *   KAP_TRUST_PROXY      the reverse proxies in front of the API, so clients are told apart by
 *                        X-Forwarded-For: a hop count (1) or addresses/CIDR ranges
 *                        (127.0.0.1,::1); default none (the socket address only)
 *   KAP_DATA_KEY         the key client data is encrypted under (32 bytes, base64); without it, a
 *                        key file beside the database (made if missing), with a loud warning
 *   KAP_PUBLIC_URL       the API's public base URL, for staff set-up links (default: the request's origin)
 *   KAP_SMTP_URL, KAP_MAIL_FROM, KAP_SAFETY_ESCALATION, KAP_SITE_URL: email (notifications/settings.ts);
 *                        without KAP_SMTP_URL, development keeps messages in the dev mailbox
 *                        (/console/dev-mail); NODE_ENV=production turns development off
 *   KAP_ELEMENTS_DIR     the built drop-in elements served at elements/ (default dist/cdn/, which
 *                        `npm start` builds first); without a build, a Note line says so
 *   KAP_WEBHOOK_ALLOW_PRIVATE  1: webhook endpoints may be http and on private addresses (tests, a LAN receiver)
 *   KAP_DEMO_SEED        `0` turns off the demo journey's seed (do so on a real deployment);
 *                        otherwise each start ensures a staff-made demo administration booking
 *                        (see demo/seed.ts) and prints links to it carrying a fresh access token
 *
 * Before that, without KAP_DATA_KEY, a warning block naming the key file; and while the clinic has
 * no active owner, how to add the first one (`npm run staff -- add …`).
 * Once both listen it prints, in this form (tests parse these lines); the two demo lines only
 * with the seed on, the token in the URL fragment only:
 *   Demo administration booking: http://localhost:8080/integration.html#booking=<id>&token=<token>
 *   Demo checklist: http://localhost:8080/checklist.html#booking=<id>&token=<token>
 *   Console: http://localhost:8787/console/
 *   API: http://localhost:8787/
 *   Demo clinic page: http://localhost:8080/
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createApp, DEFAULT_RATE_LIMIT } from './app.js';
import { NOT_BUILT_MESSAGE } from './elements-files.js';
import { dataKeysBeside, keyFileFor, keyFileWarning, resolveDataKeys } from './encryption/data-keys.js';
import { createDemoServer } from './demo/site.js';
import { ensureDemoAdministrationBooking } from './demo/seed.js';
import { closeServer, listen } from './listen.js';
import { emailTransportFromEnv, escalationFromEnv, webhookPolicyFromEnv } from './notifications/settings.js';

const env = process.env;
const apiPort = portFromEnv('PORT', 8787);
const demoPort = portFromEnv('DEMO_PORT', 8080);
const host = env.KAP_HOST || '127.0.0.1';
const dbPath = env.KAP_DB || 'data/kap.sqlite';
const writesPerMinute = env.KAP_RATE_LIMIT ? positiveInteger('KAP_RATE_LIMIT', env.KAP_RATE_LIMIT) : DEFAULT_RATE_LIMIT.writes;
const readsPerMinute = env.KAP_READ_RATE_LIMIT ? positiveInteger('KAP_READ_RATE_LIMIT', env.KAP_READ_RATE_LIMIT) : DEFAULT_RATE_LIMIT.reads;

if (dbPath !== ':memory:') mkdirSync(dirname(resolve(dbPath)), { recursive: true });

const development = env.NODE_ENV !== 'production';

const allowedOrigins: string[] = (env.KAP_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

let api: ReturnType<typeof createApp> | undefined;
try {
  // KAP_DATA_KEY is read first; development's key file is made with the database, once every
  // setting has been checked (a mistake leaves no file behind).
  const escalationMs = escalationFromEnv(env);
  const webhooks = webhookPolicyFromEnv(env);
  const givenKey = env.KAP_DATA_KEY?.trim() ? resolveDataKeys(env.KAP_DATA_KEY, dbPath) : undefined;
  const keyFileExisted = existsSync(keyFileFor(dbPath));
  api = createApp({
    db: dbPath,
    ...(givenKey ? { dataKeys: givenKey.keyring } : {}),
    ...(env.KAP_PUBLIC_URL ? { publicUrl: env.KAP_PUBLIC_URL } : {}),
    ...(env.KAP_CLINIC_TZ ? { clinicTimeZone: env.KAP_CLINIC_TZ } : {}),
    ...(env.KAP_ELEMENTS_DIR ? { elementsDir: resolve(env.KAP_ELEMENTS_DIR) } : {}),
    allowedOrigins,
    rateLimit: { writes: writesPerMinute, reads: readsPerMinute, windowMs: 60_000 },
    trustProxy: env.KAP_TRUST_PROXY,
    development,
    allowPrivateWebhooks: webhooks.allowPrivate,
    logger: (line) => process.stdout.write(`${line}\n`),
  });
  if (!givenKey && dbPath !== ':memory:') process.stderr.write(`${keyFileWarning({ ...dataKeysBeside(dbPath), created: !keyFileExisted })}\n`);
  const apiServer = await listen(api.app.fetch, apiPort, host);
  const apiUrl = `http://localhost:${apiServer.port}/`;
  const demo = await createDemoServer({ apiUrl, port: demoPort, hostname: host });
  if (allowedOrigins.length === 0) {
    allowedOrigins.push(`http://localhost:${demo.port}`, `http://127.0.0.1:${demo.port}`);
  }

  // The outbox worker, in this process, once both servers listen (notifications/worker.ts).
  const email = emailTransportFromEnv(env, { store: api.stores.notifications, now: Date.now, development });
  api.startNotifications({
    email,
    siteUrl: env.KAP_SITE_URL || demo.url,
    consoleUrl: new URL('console/', env.KAP_PUBLIC_URL || apiUrl).href,
    escalationMs,
    webhooks,
    logger: (line) => process.stdout.write(`${line}\n`),
  });

  // Stop cleanly from the moment both servers listen, before anything is printed or seeded.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    await Promise.all([closeServer(apiServer.server), demo.close()]);
    await api?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // `npm start` builds first; `tsx server/main.ts` on a fresh clone has nothing to serve yet.
  if (!(await api.elements.current())) {
    process.stdout.write(`Note: ${NOT_BUILT_MESSAGE} Until then GET elements/… answers 503 and the demo page cannot load the elements.\n`);
  }
  process.stdout.write(`Database: ${dbPath}\n`);
  const owners = (await api.stores.staff.list()).filter((staff) => staff.role === 'owner' && staff.state === 'active');
  if (owners.length === 0) {
    process.stdout.write(
      "No owner has set up an account yet. Create the clinic's first owner (it prints a one-time set-up link):\n" +
        '  npm run staff -- add --email you@your-clinic.example --role owner\n',
    );
  }
  if (env.KAP_DEMO_SEED !== '0') {
    const seeded = await ensureDemoAdministrationBooking(api, Date.now());
    if (seeded) {
      const fragment = `#booking=${encodeURIComponent(seeded.booking.id)}&token=${encodeURIComponent(seeded.accessToken)}`;
      process.stdout.write(`Demo administration booking: ${new URL(`integration.html${fragment}`, demo.url).href}\n`);
      process.stdout.write(`Demo checklist: ${new URL(`checklist.html${fragment}`, demo.url).href}\n`);
    } else {
      process.stdout.write('Note: no demo administration booking was made (no administration service with a follow-up, or no free time).\n');
    }
  }
  if (email?.kind === 'dev-mailbox') process.stdout.write(`Development mailbox (no KAP_SMTP_URL): ${apiUrl}console/dev-mail\n`);
  else if (!email) process.stdout.write('Warning: no KAP_SMTP_URL: emails cannot be sent; failed deliveries are listed at GET /staff/notifications/failed.\n');
  process.stdout.write(`Console: ${apiUrl}console/\n`);
  process.stdout.write(`API: ${apiUrl}\n`);
  process.stdout.write(`Demo clinic page: ${demo.url}\n`);
} catch (error) {
  await api?.close();
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not start: ${detail}\n`);
  process.exit(1);
}

function portFromEnv(name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${name} must be a port number (0–65535), not "${value}"\n`);
    process.exit(1);
  }
  return port;
}

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    process.stderr.write(`${name} must be a positive whole number, not "${value}"\n`);
    process.exit(1);
  }
  return number;
}
