/**
 * The reference backend as a Hono app over one SQLite database: `createApp()` opens (creating,
 * migrating and seeding) the database and wires middleware and routes. It serves at its root and
 * works as well when a host server strips a prefix (`/api/…`) before calling `app.fetch`.
 *
 * Middleware order matters: the request log and CORS wrap everything (so errors, 404s and 429s
 * are logged and readable cross-origin), then security headers, who the client is (through trusted
 * proxies only), the read and write rate limits, the body limit and JSON parsing, then the routes
 * (idempotency is per route).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isTimeZone } from '../src/api/schemas.js';
import { ApiError, internalError, notFound } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { ChecklistStore } from './stores/sqlite/checklists.js';
import { clientIdentity, parseTrustProxy } from './middleware/client-address.js';
import { ClinicStore } from './stores/sqlite/bookings.js';
import { corsAllowList } from './middleware/cors.js';
import { openDatabase, type Db } from './stores/sqlite/database.js';
import { DEFAULT_HOLD_LIMITS, type HoldLimits } from './stores/sqlite/hold-limits.js';
import { IntakeStore } from './stores/sqlite/intake.js';
import { readJsonBody } from './middleware/json-body.js';
import { DEFAULT_READS_PER_WINDOW, rateLimit, type RateLimitOptions } from './middleware/rate-limit.js';
import { requestLog, type Logger } from './middleware/request-log.js';
import { registerRoutes } from './routes/bookings.js';

export type Database = Db;

export interface AppOptions {
  /** SQLite file path, or `':memory:'`. The file is created, migrated and seeded if needed. */
  db: string;
  /** The clinic's IANA time zone, in which opening hours are read. Default `America/New_York`. */
  clinicTimeZone?: string;
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
}

export interface KapApp {
  app: Hono<AppEnv>;
  db: Database;
  store: ClinicStore;
  checklists: ChecklistStore;
  /** Closes the database. */
  close(): void;
}

export const DEFAULT_CLINIC_TIME_ZONE = 'America/New_York';
export const DEFAULT_HOLD_MINUTES = 5;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { writes: 30, reads: DEFAULT_READS_PER_WINDOW, windowMs: 60_000 };
/** Largest accepted request body, but for intake answers (whose limit the served forms set: `IntakeStore`). */
export const MAX_BODY_BYTES = 32 * 1024;

export function createApp(options: AppOptions): KapApp {
  const timeZone = options.clinicTimeZone ?? DEFAULT_CLINIC_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new Error(`Unknown clinic time zone: ${timeZone}`);
  const trustProxy = parseTrustProxy(options.trustProxy);
  const clock = options.now ?? (() => new Date());
  const now = () => clock().getTime();
  const logger: Logger = options.logger ?? (() => {});

  const db = openDatabase(options.db);
  const store = new ClinicStore(db, timeZone);
  const checklists = new ChecklistStore(db);
  let intake: IntakeStore;
  try {
    // A broken template or form is the clinic's configuration error: refuse to start, naming each problem.
    checklists.assertTemplatesValid();
    intake = new IntakeStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const app = new Hono<AppEnv>();

  app.use(requestLog(logger, now));
  app.use(corsAllowList(options.allowedOrigins ?? []));
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  });
  app.use(clientIdentity(trustProxy));
  app.use(rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, now));
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The request body is larger than ${Math.ceil(maxSize / 1024)} KB.`);
      },
    });
  const smallBody = limit(MAX_BODY_BYTES);
  // Intake answers may be long (free text, in any script): their limit fits every answer the forms allow.
  const intakeBody = limit(intake.maxSubmissionBytes);
  app.use((c, next) => (c.req.path === '/intake-responses' ? intakeBody : smallBody)(c, next));
  app.use(readJsonBody);

  registerRoutes(app, {
    db,
    store,
    checklists,
    intake,
    now,
    holdMinutes: options.holdMinutes ?? DEFAULT_HOLD_MINUTES,
    holdLimits: options.holdLimits ?? DEFAULT_HOLD_LIMITS,
  });

  app.notFound(() => notFound('There is nothing at this address.').toResponse());
  app.onError((error) => {
    if (error instanceof ApiError) return error.toResponse();
    // Name and stack frames only: a message could quote data from the request.
    const frames = error.stack?.split('\n').slice(1).join(' | ') ?? '';
    logger(`internal_error ${error.name}${'code' in error ? ` ${String(error.code)}` : ''} ${frames}`);
    return internalError().toResponse();
  });

  return {
    app,
    db,
    store,
    checklists,
    close() {
      if (db.open) db.close();
    },
  };
}
