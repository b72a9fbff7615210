/**
 * Random identifiers, access tokens and the hashes that stand in for them in the database.
 * A token is shown to its client once, in the 201 of `POST /bookings`; only its SHA-256 is kept.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An opaque, unguessable id such as `bk_Hh3…`; safe in URLs (it carries no client data). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** 32 random bytes, base64url: the bearer token for one booking. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Whether `token` hashes to `expectedSha256`, compared in constant time. When there is no stored
 * hash (unknown booking) a dummy comparison still runs, so timing does not tell the two apart.
 */
export function tokenMatches(token: string, expectedSha256: string | undefined): boolean {
  const actual = Buffer.from(sha256Hex(token), 'hex');
  const expected = Buffer.from(expectedSha256 ?? DUMMY_HASH, 'hex');
  const equal = expected.length === actual.length && timingSafeEqual(actual, expected);
  return equal && expectedSha256 !== undefined;
}

const DUMMY_HASH = sha256Hex('no booking has this token');

/**
 * What a booking's client address is found by ("Email me my links"): a hash of the address as
 * typed, trimmed and lower-cased — the address itself is kept only encrypted.
 */
export function clientEmailHash(email: string): string {
  return sha256Hex(`client email ${email.trim().toLowerCase()}`);
}
