/**
 * Signing a staff member in: password (argon2id) and, where the account has one, the second factor
 * (a TOTP code, used once, or a recovery code, used once). Every way to fail — unknown account,
 * wrong password, missing or wrong code, an account disabled or not set up — gives the one answer
 * `401 sign_in_failed` after the same work: an argon2id verification (against a dummy hash when
 * there is no usable account), a failure counted under the email and the address, an audit entry.
 */
import { secondFactorRequired } from '../../src/staff/roles.js';
import { ApiError } from '../api-error.js';
import type { SecondFactorUsed, StaffRecord, Stores } from '../stores/types.js';
import { verifyPassword } from './passwords.js';
import { looksLikeRecoveryCode, recoveryCodeHash } from './recovery-codes.js';
import { normalizeEmail } from './staff-accounts.js';
import { accountKey, ACCOUNT_POLICY, addressKey, ADDRESS_POLICY, FORGET_AFTER_MS, retryAt, type ThrottlePolicy } from './sign-in-throttle.js';
import { matchTotp } from './totp.js';

export interface SignInAttempt {
  email: string;
  password: string;
  code?: string | undefined;
  /** The client key (c.var.client) the address limit counts under. */
  client: string;
  now: number;
}

export type SignInOutcome = { ok: true; staff: StaffRecord; secondFactor: SecondFactorUsed } | { ok: false; staff: StaffRecord | undefined };

/**
 * Checks an attempt. Throws `429 too_many_attempts` (with `Retry-After`) while the account or the
 * address must wait, before looking at the password; otherwise answers the outcome, having counted
 * a failure or cleared the account's count.
 */
/** `verify`: the password check (a test watches that an unknown account gets one too). */
export async function attemptSignIn(stores: Stores, attempt: SignInAttempt, verify = verifyPassword): Promise<SignInOutcome> {
  const email = normalizeEmail(attempt.email);
  const keys = [accountKey(email), addressKey(attempt.client)];
  const policies = new Map<string, ThrottlePolicy>([
    [keys[0]!, ACCOUNT_POLICY],
    [keys[1]!, ADDRESS_POLICY],
  ]);
  const waitUntil = retryAt(await stores.signInThrottle.read(keys), policies, attempt.now);
  if (waitUntil !== undefined) throw tooManyAttempts(waitUntil - attempt.now);

  const staff = await stores.staff.findByEmail(email);
  const usable = staff?.state === 'active' ? staff : undefined;
  const passwordOk = await verify(usable?.passwordHash, attempt.password);
  const secondFactor = passwordOk && usable ? await checkSecondFactor(stores, usable, attempt.code, attempt.now) : undefined;
  if (!usable || secondFactor === undefined) {
    await stores.signInThrottle.recordFailure(keys, attempt.now, attempt.now - FORGET_AFTER_MS);
    return { ok: false, staff };
  }
  await stores.signInThrottle.clear(keys[0]!);
  return { ok: true, staff: usable, secondFactor };
}

/** Which second factor the code passes (`none` for an account without one); `undefined`: it fails. */
async function checkSecondFactor(stores: Stores, staff: StaffRecord, code: string | undefined, now: number): Promise<SecondFactorUsed | undefined> {
  if (!staff.totp) return secondFactorRequired(staff.role) ? undefined : 'none';
  if (code === undefined) return undefined;
  const step = matchTotp(staff.totp.secret, code, now);
  if (step !== undefined) return (await stores.staff.useTotpStep(staff.id, step)) ? 'totp' : undefined;
  if (looksLikeRecoveryCode(code) && (await stores.staff.useRecoveryCode(staff.id, recoveryCodeHash(code), now))) return 'recovery_code';
  return undefined;
}

export function signInFailed(): ApiError {
  return new ApiError(401, 'sign_in_failed', 'The email, password or security code is not right. Please try again.');
}

function tooManyAttempts(waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new ApiError(429, 'too_many_attempts', `Too many sign-in attempts. Please wait ${wait} and try again.`, {
    headers: { 'Retry-After': String(seconds) },
  });
}
