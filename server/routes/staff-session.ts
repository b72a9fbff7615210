/**
 * Signing in and out of the console: `POST staff/session` (email, password and, where the account
 * has one, the second factor's code) sets a new session cookie — a new id on every sign-in, the
 * browser's earlier session ended — and answers who is signed in with the session's CSRF token;
 * `GET staff/me` answers the same; `DELETE staff/session` signs this browser out and
 * `DELETE staff/sessions` every browser of this account.
 */
import type { Context, Hono } from 'hono';
import type { StaffSessionResponse } from '../../src/api/staff.js';
import { SignInRequest } from '../../src/api/staff.js';
import { permissionsOf } from '../../src/staff/roles.js';
import { csrfTokenFor, clearedSessionCookie, newSessionToken, sessionCookie, sessionTokenOf } from '../auth/session-cookie.js';
import { attemptSignIn, signInFailed } from '../auth/sign-in.js';
import { toStaffMember } from '../auth/staff-accounts.js';
import type { AppEnv } from '../app-env.js';
import { sha256Hex } from '../secrets.js';
import { toInstant } from '../stores/records.js';
import type { SessionLimits, SessionRecord, StaffRecord, Stores } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

export function registerStaffSessionRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  app.post('/staff/session', auth.sameOrigin, async (c) => {
    const request = parseRequest(SignInRequest, c.var.body);
    const at = now();
    const outcome = await attemptSignIn(stores, { ...request, client: c.var.client, now: at });
    if (!outcome.ok) {
      await auth.audit(c, 'session.sign_in_failed', outcome.staff && { type: 'staff', id: outcome.staff.id });
      throw signInFailed();
    }
    const earlier = sessionTokenOf(c, c.var.secure);
    const token = newSessionToken();
    const session = await stores.sessions.create({
      tokenHash: sha256Hex(token),
      staffId: outcome.staff.id,
      secondFactor: outcome.secondFactor,
      now: at,
      ...(earlier ? { replacing: sha256Hex(earlier) } : {}),
    });
    await auth.audit(c, 'session.sign_in', { type: 'session', id: session.id }, { type: 'staff', id: outcome.staff.id });
    c.header('Set-Cookie', sessionCookie(token, c.var.secure));
    return c.json(await sessionResponse(stores, outcome.staff, session, token, auth.limits), 201);
  });

  app.get('/staff/me', auth.requireStaff('signed-in'), async (c) => {
    const { staff, record, token } = c.var.session;
    return c.json(await sessionResponse(stores, staff, record, token, auth.limits));
  });

  app.delete('/staff/session', auth.requireStaff('signed-in'), async (c) => {
    await stores.sessions.end(c.var.session.record.tokenHash);
    await auth.audit(c, 'session.sign_out', { type: 'session', id: c.var.session.record.id });
    return signedOut(c, c.var.secure);
  });

  app.delete('/staff/sessions', auth.requireStaff('signed-in'), async (c) => {
    await stores.sessions.endAll(c.var.staff.id);
    await auth.audit(c, 'session.sign_out_everywhere', { type: 'staff', id: c.var.staff.id });
    return signedOut(c, c.var.secure);
  });
}

function signedOut(c: Context, secure: boolean): Response {
  c.header('Set-Cookie', clearedSessionCookie(secure));
  return c.body(null, 204);
}

async function sessionResponse(
  stores: Stores,
  staff: StaffRecord,
  session: SessionRecord,
  token: string,
  limits: SessionLimits,
): Promise<StaffSessionResponse> {
  return {
    staff: { ...toStaffMember(staff), permissions: permissionsOf(staff.role) },
    csrfToken: csrfTokenFor(token),
    session: {
      id: session.id,
      expiresAt: toInstant(session.createdAt + limits.absoluteMs),
      idleTimeoutSeconds: Math.round(limits.idleMs / 1000),
      ...(staff.totp ? { recoveryCodesLeft: await stores.staff.recoveryCodesLeft(staff.id) } : {}),
    },
  };
}
