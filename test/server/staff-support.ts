/**
 * Fixtures for the staff side's tests: accounts made through the stores (one argon2id hash of a
 * known password, computed once), sign-in as the console does it, sessions made directly for the
 * route × role matrix, and requests carrying the cookie, the CSRF token and `Sec-Fetch-Site`.
 */
import assert from 'node:assert/strict';
import { hashPassword } from '../../server/auth/passwords.js';
import { newRecoveryCodes, recoveryCodeHash } from '../../server/auth/recovery-codes.js';
import { csrfTokenFor, newSessionToken, SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../server/auth/session-cookie.js';
import { inviteStaff } from '../../server/auth/staff-accounts.js';
import { newTotpSecret, totpCode, totpStep } from '../../server/auth/totp.js';
import { sha256Hex } from '../../server/secrets.js';
import type { StaffRecord } from '../../server/stores/types.js';
import type { StaffRole } from '../../src/staff/roles.js';
import type { TestApp } from './support.js';

export const PASSWORD = 'lantern orchard velvet 42';
let passwordHash: Promise<string> | undefined;

export interface TestStaff {
  record: StaffRecord;
  email: string;
  password: string;
  /** The TOTP secret, when the account has a second factor. */
  secret: string | undefined;
  recoveryCodes: string[];
}

let counter = 0;

/**
 * An active account of `role`, set up as the set-up link would (password, and a second factor
 * unless `secondFactor: false`), through the stores.
 */
export async function addStaff(app: TestApp, role: StaffRole, options: { email?: string; secondFactor?: boolean } = {}): Promise<TestStaff> {
  const email = options.email ?? `${role}-${++counter}@clinic.example`;
  const now = app.clock.ms;
  const token = `setup-${counter}-${Math.random()}`;
  const invited = await inviteStaff(app.stores, { email, role, now, publicUrl: 'http://localhost/' });
  // inviteStaff made its own token; reset to one this test knows.
  await app.stores.staff.reset(invited.staff.id, { tokenHash: sha256Hex(token), expiresAt: now + 60_000 }, now);
  const secret = options.secondFactor === false ? undefined : newTotpSecret();
  const recoveryCodes = secret ? newRecoveryCodes() : [];
  passwordHash ??= hashPassword(PASSWORD);
  const record = await app.stores.staff.completeSetup({
    staffId: invited.staff.id,
    tokenHash: sha256Hex(token),
    passwordHash: await passwordHash,
    // A step long past, so that the current code has not been used.
    ...(secret ? { totp: { secret, step: 0, recoveryCodeHashes: recoveryCodes.map(recoveryCodeHash) } } : {}),
    now,
  });
  return { record, email, password: PASSWORD, secret, recoveryCodes };
}

/** The current TOTP code of an account, at the app's clock. */
export function codeOf(app: TestApp, staff: TestStaff, offsetSteps = 0): string {
  assert.ok(staff.secret, 'the account has a second factor');
  return totpCode(staff.secret, app.clock.ms + offsetSteps * 30_000);
}

export const currentStep = (app: TestApp) => totpStep(app.clock.ms);

export interface Session {
  cookie: string;
  csrf: string;
  token: string;
}

/** A session made directly in the store (no argon2, no throttling): for the matrix. */
export async function sessionFor(app: TestApp, staff: StaffRecord, secure = false): Promise<Session> {
  const token = newSessionToken();
  await app.stores.sessions.create({ tokenHash: sha256Hex(token), staffId: staff.id, secondFactor: 'totp', now: app.clock.ms });
  return { token, cookie: `${secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${token}`, csrf: csrfTokenFor(token) };
}

export interface StaffRequest {
  session?: Session;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF token (default: sent with a session on writes). */
  csrf?: false;
  /** `http://kap.test` by default. */
  origin?: string;
}

/** A request as the console sends it: same-origin, the session cookie, the CSRF token on writes. */
export function staffRequest(app: TestApp, method: string, path: string, request: StaffRequest = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin', ...request.headers };
  if (request.session) {
    headers.Cookie = request.session.cookie;
    if (method !== 'GET' && request.csrf !== false) headers['X-CSRF-Token'] ??= request.session.csrf;
  }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  return app.request(new URL(path, request.origin ?? 'http://kap.test').href, {
    method,
    headers,
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
}

/** Signs in through `POST /staff/session`; answers the response and the session it set, if any. */
export async function signIn(
  app: TestApp,
  credentials: { email: string; password: string; code?: string },
  request: Omit<StaffRequest, 'body'> = {},
): Promise<{ response: Response; body: any; session: Session | undefined }> {
  const response = await staffRequest(app, 'POST', '/staff/session', { ...request, body: credentials });
  const body = await response.json();
  const setCookie = response.headers.get('Set-Cookie') ?? '';
  const token = /^(?:__Host-)?kap_staff=([^;]+)/.exec(setCookie)?.[1];
  const name = setCookie.startsWith('__Host-') ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  return { response, body, session: token ? { token, cookie: `${name}=${token}`, csrf: body.csrfToken } : undefined };
}

/** Signs an account in with its password and current code; asserts it worked. */
export async function signedIn(app: TestApp, staff: TestStaff): Promise<Session> {
  const { response, body, session } = await signIn(app, {
    email: staff.email,
    password: staff.password,
    ...(staff.secret ? { code: codeOf(app, staff) } : {}),
  });
  assert.equal(response.status, 201, JSON.stringify(body));
  return session!;
}
