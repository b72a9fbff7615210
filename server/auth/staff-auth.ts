/**
 * The guards of the staff routes, made once per app over its stores and clock:
 *
 * - `requireStaff(access)`: a live session (cookie) whose staff member is active and whose role
 *   holds the permission; on a state-changing request also the session's `X-CSRF-Token` and a
 *   same-origin request. Sets `c.var.staff` ({ id, role, sessionId }) and `c.var.actor`.
 * - `requireStaffOrKey(permission)`: the same, or an integration API key (`Authorization: Bearer`)
 *   whose scopes grant the permission; sets `c.var.apiKey` or `c.var.staff`, and `c.var.actor`.
 * - `sameOrigin`: for the state-changing routes that have no session yet (sign-in, set-up).
 * - `audit(c, action, record)`: appends who did what to which record, from where, now.
 *
 * No session answers `401 unauthorized`; a session whose role may not `403 forbidden`; a missing
 * or wrong CSRF token, or a request from another origin, `403 csrf_refused`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CSRF_HEADER } from '../../src/api/staff.js';
import { roleMay, scopesGrant, type ApiKeyScope, type Permission, type StaffRole } from '../../src/staff/roles.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { bearerToken } from '../routes/booking-auth.js';
import { sha256Hex } from '../secrets.js';
import type { AuditActor, SessionLimits, SessionRecord, StaffRecord, Stores } from '../stores/types.js';
import { clearedSessionCookie, csrfTokenMatches, sessionTokenOf } from './session-cookie.js';

export interface StaffPrincipal {
  id: string;
  role: StaffRole;
  /** The session's public id. */
  sessionId: string;
}

export interface ApiKeyPrincipal {
  id: string;
  scopes: ApiKeyScope[];
}

/** What `requireStaff` gives the route after it. */
export interface StaffEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    staff: StaffPrincipal;
    actor: AuditActor;
    /** The signed-in session and its cookie's secret (for sign-out and the CSRF token). */
    session: { record: SessionRecord; token: string; staff: StaffRecord };
  };
}

/** What `requireStaffOrKey` gives the route after it: a staff member or an API key. */
export interface StaffOrKeyEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    staff: StaffPrincipal | undefined;
    apiKey: ApiKeyPrincipal | undefined;
    actor: AuditActor;
  };
}

/** Sessions end 30 minutes after their last request, and 12 hours after sign-in. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AuditRecordRef = { type: string; id: string };

/** A route's context, whatever its guards added to it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = Context<any, any, any>;

export interface StaffAuth {
  readonly limits: SessionLimits;
  requireStaff(access: 'signed-in' | Permission): MiddlewareHandler<StaffEnv>;
  requireStaffOrKey(permission: Permission): MiddlewareHandler<StaffOrKeyEnv>;
  sameOrigin: MiddlewareHandler<AppEnv>;
  /**
   * Appends an audit entry: `c.var.actor` (set by the guards; `anonymous` without one, or `actor`
   * when given), the action, the record, `c.var.address` and the time.
   */
  audit(c: AnyContext, action: string, record?: AuditRecordRef, actor?: AuditActor): Promise<void>;
}

export function staffAuth(stores: Stores, now: () => number, limits: SessionLimits = DEFAULT_SESSION_LIMITS): StaffAuth {
  /** The live session this request's cookie opens, with its active staff member; or 401. */
  async function signedIn(c: AnyContext): Promise<{ record: SessionRecord; token: string; staff: StaffRecord }> {
    const secure = c.get('secure') as boolean;
    const token = sessionTokenOf(c, secure);
    const record = token === undefined ? undefined : await stores.sessions.resume(sha256Hex(token), now(), limits);
    const staff = record && (await stores.staff.find(record.staffId));
    if (!token || !record || !staff || staff.state !== 'active') {
      // A cookie that opens nothing (ended, expired, disabled) is removed.
      throw new ApiError(401, 'unauthorized', 'Please sign in.', token ? { headers: { 'Set-Cookie': clearedSessionCookie(secure) } } : {});
    }
    return { record, token, staff };
  }

  async function asStaff(c: AnyContext, access: 'signed-in' | Permission) {
    const session = await signedIn(c);
    if (UNSAFE_METHODS.has(c.req.method)) {
      refuseCrossOrigin(c);
      if (!csrfTokenMatches(session.token, c.req.header(CSRF_HEADER))) throw csrfRefused();
    }
    if (access !== 'signed-in' && !roleMay(session.staff.role, access)) throw forbidden('Your role does not allow this.');
    const staff: StaffPrincipal = { id: session.staff.id, role: session.staff.role, sessionId: session.record.id };
    return { session, staff };
  }

  return {
    limits,

    requireStaff(access) {
      return createMiddleware<StaffEnv>(async (c, next) => {
        const { session, staff } = await asStaff(c, access);
        c.set('session', session);
        c.set('staff', staff);
        c.set('actor', { type: 'staff', id: staff.id });
        await next();
      });
    },

    requireStaffOrKey(permission) {
      return createMiddleware<StaffOrKeyEnv>(async (c, next) => {
        const authorization = c.req.header('Authorization');
        if (authorization === undefined) {
          const { staff } = await asStaff(c, permission);
          c.set('staff', staff);
          c.set('apiKey', undefined);
          c.set('actor', { type: 'staff', id: staff.id });
          return next();
        }
        const secret = bearerToken(authorization);
        const key = secret === undefined || c.req.method !== 'GET' ? undefined : await stores.apiKeys.use(sha256Hex(secret), now());
        if (!key) {
          throw new ApiError(401, 'unauthorized', 'This API key is not valid, or has been revoked.', { headers: { 'WWW-Authenticate': 'Bearer' } });
        }
        if (!scopesGrant(key.scopes, permission)) throw forbidden('This API key’s scopes do not allow this.');
        c.set('staff', undefined);
        c.set('apiKey', { id: key.id, scopes: key.scopes });
        c.set('actor', { type: 'api_key', id: key.id });
        await next();
      });
    },

    sameOrigin: createMiddleware<AppEnv>(async (c, next) => {
      if (UNSAFE_METHODS.has(c.req.method)) refuseCrossOrigin(c);
      await next();
    }),

    async audit(c, action, record, actor) {
      const who = actor ?? (c.get('actor') as AuditActor | undefined) ?? { type: 'anonymous' };
      await stores.audit.append({ at: now(), actor: who, action, ...(record ? { record } : {}), address: c.get('address') as string });
    },
  };
}

/**
 * Refuses a request another site or origin sent: `Sec-Fetch-Site` must be `same-origin` when the
 * browser sends it (every current browser does); otherwise `Origin`, when present, must be this
 * server's own. A request with neither comes from no browser, and the CSRF token still applies.
 */
function refuseCrossOrigin(c: AnyContext): void {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined) {
    if (site !== 'same-origin') throw csrfRefused();
    return;
  }
  const origin = c.req.header('Origin');
  if (origin === undefined) return;
  const own = `${c.get('secure') ? 'https' : 'http'}://${new URL(c.req.url).host}`;
  if (origin !== own) throw csrfRefused();
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}

function csrfRefused(): ApiError {
  return new ApiError(403, 'csrf_refused', 'This request did not come from the clinic’s console. Reload the console and try again.');
}
