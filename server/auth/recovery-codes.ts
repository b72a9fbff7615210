/**
 * Recovery codes: ten single-use codes given once at set-up, for when the authenticator app is
 * lost. Each is 80 random bits (16 base32 characters, shown as XXXX-XXXX-XXXX-XXXX), stored only as
 * a SHA-256 hash: at that length no hash of them can be searched through.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../secrets.js';
import { base32Encode } from './totp.js';

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => base32Encode(randomBytes(10)).match(/.{4}/g)!.join('-'));
}

/** The form a typed code is compared in: upper case, without spaces or dashes. */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(`recovery:${code.toUpperCase().replace(/[\s-]/g, '')}`);
}

/** Whether a typed code could be a recovery code (rather than six TOTP digits). */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-7]{16}$/.test(code.toUpperCase().replace(/[\s-]/g, ''));
}
