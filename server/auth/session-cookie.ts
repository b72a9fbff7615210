/**
 * The staff session's cookie and its CSRF token. The cookie carries 32 random bytes (the server
 * keeps only their SHA-256): `HttpOnly`, `SameSite=Strict`, `Path=/`, and on https `Secure` under
 * the `__Host-` prefix, so that no other host or path can set or shadow it. The CSRF token is an
 * HMAC of the cookie's secret: the server recomputes it from the cookie and never stores it, the
 * console learns it from `POST staff/session` or `GET staff/me` and sends it as `X-CSRF-Token`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { newAccessToken } from '../secrets.js';

export const SESSION_COOKIE = 'kap_staff';
export const SECURE_SESSION_COOKIE = '__Host-kap_staff';

export const newSessionToken = newAccessToken;

/** The cookie's name for this request: the `__Host-` one on https, only that one. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token the request carries, if any. */
export function sessionTokenOf(c: Context, secure: boolean): string | undefined {
  const value = getCookie(c, sessionCookieName(secure));
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** `Set-Cookie` for a new session: a browser-session cookie (the server ends it after 12 hours at most). */
export function sessionCookie(token: string, secure: boolean): string {
  return `${sessionCookieName(secure)}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('kap-elements staff csrf').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(sent);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
