/**
 * TOTP (RFC 6238) against the RFC's own test vectors (Appendix B, SHA-1), the ±1 step window, and
 * the enrolment URI; passwords against NIST SP 800-63B's rules; recovery codes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verify } from '@node-rs/argon2';
import { hashPassword, passwordProblem, verifyPassword } from '../../server/auth/passwords.js';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash } from '../../server/auth/recovery-codes.js';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from '../../server/auth/totp.js';

describe('TOTP, RFC 6238', () => {
  // RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits.
  const SEED = Buffer.from('12345678901234567890', 'ascii');
  const VECTORS: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  test('the RFC’s SHA-1 test vectors, and their six-digit forms', () => {
    for (const [seconds, expected] of VECTORS) {
      assert.equal(hotp(SEED, totpStep(seconds * 1000), 8), expected, `T = ${seconds}`);
      assert.equal(totpCode(base32Encode(SEED), seconds * 1000), expected.slice(-6));
    }
  });

  test('RFC 4226 Appendix D’s HOTP values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expected.forEach((code, counter) => assert.equal(hotp(SEED, counter), code));
  });

  test('base32 round-trips; a new secret is 160 bits', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.deepEqual(base32Decode('mzxw 6ytb-oi'), Buffer.from('foobar'));
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret).length, 20);
  });

  test('a code matches its own step and one either side, nothing further; spaces are allowed', () => {
    const secret = base32Encode(SEED);
    const now = 1111111111 * 1000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) assert.equal(matchTotp(secret, hotp(SEED, step + offset), now), step + offset);
    for (const offset of [-2, 2]) assert.equal(matchTotp(secret, hotp(SEED, step + offset), now), undefined);
    const code = hotp(SEED, step);
    assert.equal(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now), step);
    assert.equal(matchTotp(secret, '12345', now), undefined);
  });

  test('the otpauth:// URI an authenticator app enrols from', () => {
    assert.equal(
      otpauthUri('JBSWY3DPEHPK3PXP', 'ann@clinic.example', 'Calm Clinic'),
      'otpauth://totp/Calm%20Clinic:ann%40clinic.example?secret=JBSWY3DPEHPK3PXP&issuer=Calm%20Clinic&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('passwords', () => {
  test('argon2id with OWASP’s parameters; verified, and never matched by the dummy hash', async () => {
    const hash = await hashPassword('lantern orchard velvet 42');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(hash, 'lantern orchard velvet 42'), true);
    assert.equal(await verifyPassword(hash, 'lantern orchard velvet 43'), false);
    assert.equal(await verifyPassword(undefined, 'kap-elements: no account has this password'), false);
    // An unknown account's check is a real argon2id verification, against a hash made like a stored one.
    const checked: string[] = [];
    const watch = (target: string, password: string) => (checked.push(target), verify(target, password));
    assert.equal(await verifyPassword(undefined, 'lantern orchard velvet 42', watch), false);
    assert.equal(checked.length, 1);
    assert.notEqual(checked[0], hash);
    assert.match(checked[0]!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // NFKC: the same password typed with a compatibility character verifies.
    assert.equal(await verifyPassword(await hashPassword('ﬁsh and chips forever'), 'fish and chips forever'), true);
  });

  test('NIST SP 800-63B: at least 12 characters, not common, no composition rules', () => {
    const email = 'ann.lee@clinic.example';
    assert.match(passwordProblem('short pass', email)!, /at least 12/);
    assert.match(passwordProblem('password1234', email)!, /most common/);
    assert.match(passwordProblem('Password!!2026', email)!, /most common/, 'a common stem with digits and symbols added');
    assert.match(passwordProblem('qwertyuiop12', email)!, /most common/);
    assert.match(passwordProblem('aaaaaaaaaaaaaaa', email)!, /repeated character or a simple sequence/);
    assert.match(passwordProblem('123456789012345', email)!, /repeated character|most common/);
    assert.match(passwordProblem('abcdefghijklm', email)!, /simple sequence/);
    assert.match(passwordProblem('ann.lee is my name', email)!, /email address/);
    assert.match(passwordProblem('x'.repeat(257), email)!, /at most 256/);
    // No composition rules: lower-case words are fine, and so is any script; 12 characters, not 12 bytes.
    for (const fine of ['correct pony staple river', 'tea in the garden at noon', 'ñandú pájaro', 'кошка на окне'])
      assert.equal(passwordProblem(fine, email), undefined, fine);
  });
});

describe('recovery codes', () => {
  test('ten codes of 80 random bits, hashed whatever their spacing or case', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    assert.equal(recoveryCodeHash(codes[0]!), recoveryCodeHash(codes[0]!.toLowerCase().replace(/-/g, ' ')));
    assert.ok(looksLikeRecoveryCode(codes[0]!));
    assert.ok(!looksLikeRecoveryCode('123456'));
  });
});
