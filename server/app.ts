/**
 * The reference backend as a Hono app over the clinic's stores: `createApp()` wires middleware and
 * routes over any engine's `Stores` (stores/types.ts), or opens the built-in SQLite engine at `db`
 * (creating, migrating and seeding the file). It serves at its root and works as well when a host
 * server strips a prefix (`/api/…`) before calling `app.fetch`.
 *
 * Middleware order matters: the request log and CORS wrap everything (so errors, 404s and 429s
 * are logged and readable cross-origin), then security headers, who the client is (through trusted
 * proxies only), the read and write rate limits, the body limits and JSON parsing, then the routes
 * (idempotency is per route).
 */
import { Hono } from 'hono';
import { ApiError, internalError, notFound } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { DEFAULT_SESSION_LIMITS, staffAuth } from './auth/staff-auth.js';
import { DEFAULT_HOLD_LIMITS, type HoldLimits } from './booking-rules.js';
import { ElementFiles } from './elements-files.js';
import { bodyLimits } from './middleware/body-limits.js';
import { clientIdentity, parseTrustProxy } from './middleware/client-address.js';
import { corsAllowList } from './middleware/cors.js';
import { readJsonBody } from './middleware/json-body.js';
import { DEFAULT_READS_PER_WINDOW, rateLimit, type RateLimitOptions } from './middleware/rate-limit.js';
import { requestLog, type Logger } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { NotificationWorker, type NotificationWorkerOptions } from './notifications/worker.js';
import { registerRoutes } from './routes/index.js';
import { registerDevMailRoutes } from './routes/dev-mail.js';
import { registerNotificationRoutes } from './routes/notifications.js';
import { registerWebhookRoutes } from './routes/webhooks.js';
import type { DataKeyring } from './encryption/data-keys.js';
import { openSqliteStores, type SqliteStores } from './stores/sqlite/index.js';
import type { SessionLimits, Stores } from './stores/types.js';

export { MAX_BODY_BYTES } from './middleware/body-limits.js';

export interface AppOptions {
  /**
   * Origins allowed to call the API from a browser (`http://localhost:8080`). Read on every
   * request, so the array may be filled after the app is created. Default: none (same-origin only).
   */
  allowedOrigins?: string[];
  /** The clock; inject one in tests. Default: the system clock. */
  now?: () => Date;
  /** How long a hold keeps a slot. Default 5 minutes. */
  holdMinutes?: number;
  /** Live holds one client may keep, in all and on one clinic day. Default 4 and 2. */
  holdLimits?: HoldLimits;
  /** Writes (POST, PUT, DELETE) and reads (GET) allowed per client per window. Default 30 writes and 300 reads per minute. */
  rateLimit?: RateLimitOptions;
  /**
   * The proxies in front of the server, as `KAP_TRUST_PROXY` gives them: a hop count (`1`) or
   * addresses and CIDR ranges (`127.0.0.1,::1`). Clients are then told apart by `X-Forwarded-For`;
   * without it, by the socket's address only. Default: none.
   */
  trustProxy?: string | number;
  /** Receives one line per request (method, route pattern, status, duration) and internal errors; never client data. Default: silent. */
  logger?: (line: string) => void;
  /**
   * The API's public base URL (`KAP_PUBLIC_URL`, e.g. `https://api.clinic.example/`), for the
   * set-up links of staff accounts. Default: the origin the request was made to.
   */
  publicUrl?: string;
  /** Staff sessions' idle and absolute limits. Default 30 minutes and 12 hours. */
  sessionLimits?: SessionLimits;
  /** The issuer an authenticator app shows for staff accounts. Default `KAP clinic`. */
  totpIssuer?: string;
  /**
   * Development: the owner sees development's mailbox at `/console/dev-mail` (refused otherwise).
   * Default false (`npm start` sets it unless `NODE_ENV=production`).
   */
  development?: boolean;
  /**
   * `KAP_WEBHOOK_ALLOW_PRIVATE=1`: webhook endpoints may be plain http and on loopback or private
   * addresses (notifications/webhook-address.ts). Default false. The worker has its own
   * (`startNotifications({ webhooks })`).
   */
  allowPrivateWebhooks?: boolean;
  /**
   * The built drop-in elements served at `elements/` (routes/elements.ts) and named by the
   * console's embed code. Default `dist/cdn/` in the repository (`npm run build`).
   */
  elementsDir?: string;
}

/** What the outbox worker needs beyond the app's stores and clock (notifications/worker.ts). */
export type NotificationSettings = Omit<NotificationWorkerOptions, 'stores' | 'now'>;

/** The built-in engine: SQLite through better-sqlite3. */
export interface SqliteAppOptions extends AppOptions {
  /** SQLite file path, or `':memory:'`. The file is created, migrated and seeded if needed. */
  db: string;
  /** The clinic's IANA time zone, in which opening hours are read. Default `America/New_York`. */
  clinicTimeZone?: string;
  /** The intake forms served, as written. Default: the demo intake. */
  forms?: readonly Record<string, unknown>[];
  /**
   * The keys client data is encrypted under (`KAP_DATA_KEY`). Default: the key file beside the
   * database (made when missing), or a fresh key for `:memory:`.
   */
  dataKeys?: DataKeyring;
}

/** Any engine: stores opened by the caller, closed by `close()`. */
export interface StoresAppOptions<S extends Stores> extends AppOptions {
  stores: S;
}

export interface KapApp<S extends Stores = Stores> {
  app: Hono<AppEnv>;
  stores: S;
  /**
   * Starts the outbox worker in this process (`npm start` does, once the servers listen); `close()`
   * stops it. Answers the worker (tests run rounds with `runOnce`).
   */
  startNotifications(settings: NotificationSettings): NotificationWorker;
  /** The built drop-in elements the app serves at `elements/` (elements-files.ts). */
  elements: ElementFiles;
  /** Stops the outbox worker, if started, then closes the stores. */
  close(): Promise<void>;
}

export const DEFAULT_CLINIC_TIME_ZONE = 'America/New_York';
export const DEFAULT_HOLD_MINUTES = 5;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { writes: 30, reads: DEFAULT_READS_PER_WINDOW, windowMs: 60_000 };

export function createApp(options: SqliteAppOptions): KapApp<SqliteStores>;
export function createApp<S extends Stores>(options: StoresAppOptions<S>): KapApp<S>;
export function createApp(options: SqliteAppOptions | StoresAppOptions<Stores>): KapApp {
  // Settings are checked before the database is opened, so a mistake there leaves no file behind.
  const trustProxy = parseTrustProxy(options.trustProxy);
  const cors = corsAllowList(options.allowedOrigins ?? []);
  const stores =
    'stores' in options
      ? options.stores
      : openSqliteStores(options.db, {
          timeZone: options.clinicTimeZone ?? DEFAULT_CLINIC_TIME_ZONE,
          ...(options.forms ? { forms: options.forms } : {}),
          ...(options.dataKeys ? { keys: options.dataKeys } : {}),
        });
  const clock = options.now ?? (() => new Date());
  const now = () => clock().getTime();
  const logger: Logger = options.logger ?? (() => {});
  const elements = new ElementFiles(options.elementsDir);
  const app = new Hono<AppEnv>();

  app.use(requestLog(logger, now));
  app.use(cors);
  app.use(securityHeaders);
  app.use(clientIdentity(trustProxy));
  app.use(rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, now));
  app.use(bodyLimits(stores.forms));
  app.use(readJsonBody);

  registerRoutes(app, {
    stores,
    now,
    holdMinutes: options.holdMinutes ?? DEFAULT_HOLD_MINUTES,
    holdLimits: options.holdLimits ?? DEFAULT_HOLD_LIMITS,
    auth: staffAuth(stores, now, options.sessionLimits ?? DEFAULT_SESSION_LIMITS),
    publicUrl: options.publicUrl,
    totpIssuer: options.totpIssuer ?? 'KAP clinic',
    elements,
    beforeConsole: (context) => {
      registerNotificationRoutes(app, context);
      registerWebhookRoutes(app, context, { allowPrivate: options.allowPrivateWebhooks ?? false });
      registerDevMailRoutes(app, context, options.development ?? false);
    },
  });

  app.notFound(() => notFound('There is nothing at this address.').toResponse());
  app.onError((error) => {
    if (error instanceof ApiError) return error.toResponse();
    // Name and stack frames only: a message could quote data from the request.
    const frames = error.stack?.split('\n').slice(1).join(' | ') ?? '';
    logger(`internal_error ${error.name}${'code' in error ? ` ${String(error.code)}` : ''} ${frames}`);
    return internalError().toResponse();
  });

  let worker: NotificationWorker | undefined;
  return {
    app,
    stores,
    elements,
    startNotifications(settings) {
      if (worker) return worker;
      worker = new NotificationWorker({ ...settings, stores, now });
      worker.start();
      return worker;
    },
    async close() {
      await worker?.close();
      await stores.close();
    },
  };
}
