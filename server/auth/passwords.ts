/**
 * Staff passwords: hashed with argon2id (@node-rs/argon2, OWASP's parameters: 19 MiB, 2 passes, one
 * lane), and checked as NIST SP 800-63B asks — at least 12 characters, up to 256, any characters
 * (normalised to Unicode NFKC), no composition rules, and refused when common, made of one
 * repeated character or a plain run, or built on the person's own email address.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id: `Algorithm.Argon2id` of @node-rs/argon2 (a const enum its types declare). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), OPTIONS);
}

/**
 * A hash no password matches, verified for an unknown or unusable account so that its answer
 * takes as long as a real one.
 */
let dummyHash: Promise<string> | undefined;

/** `check`: the argon2id verification itself (a test watches which hash it is given). */
export async function verifyPassword(
  storedHash: string | undefined,
  password: string,
  check: (hash: string, password: string) => Promise<boolean> = verify,
): Promise<boolean> {
  dummyHash ??= hash('kap-elements: no account has this password', OPTIONS);
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await check(target, normalizePassword(password));
    return ok && storedHash !== undefined;
  } catch {
    return false;
  }
}

/** Why a new password is refused, in the person's words; `undefined` when it is fine. */
export function passwordProblem(password: string, email: string): string | undefined {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a long password easy to remember.`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = normalized.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[\d\W_]+$/u, ''))) {
    return 'This password is one of the most common ones, so it is easy to guess. Choose another.';
  }
  if (/^(.)\1*$/su.test(normalized) || isRun(lower)) return 'This password is a repeated character or a simple sequence. Choose another.';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'This password contains your email address. Choose another.';
  return undefined;
}

/** A run such as `123456789012`, `abcdefghijkl` or `987654321098` (each character one after the last). */
function isRun(text: string): boolean {
  const codes = [...text].map((char) => char.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  return codes.every(
    (code, i) => i === 0 || code - codes[i - 1]! === step || (text[i] === '0' && text[i - 1] === '9') || (text[i] === '9' && text[i - 1] === '0'),
  );
}
