/**
 * Setting up an account from its one-time link (`/console/setup#token=…`): `POST staff/setup/start`
 * checks the token and proposes a TOTP secret (kept with the set-up, encrypted), and
 * `POST staff/setup/complete` sets the password and — required for roles that see client data,
 * optional for the marketer — enrols the second factor with a current code, answering the ten
 * recovery codes once. The token is used once; a used, expired or unknown one answers
 * `401 setup_link_invalid`.
 */
import type { Hono } from 'hono';
import { SetupCompleteRequest, SetupStartRequest, type SetupCompleteResponse, type SetupStartResponse } from '../../src/api/staff.js';
import { secondFactorRequired } from '../../src/staff/roles.js';
import { ApiError, validationFailed } from '../api-error.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { newRecoveryCodes, recoveryCodeHash } from '../auth/recovery-codes.js';
import { toStaffMember } from '../auth/staff-accounts.js';
import { matchTotp, newTotpSecret, otpauthUri } from '../auth/totp.js';
import type { AppEnv } from '../app-env.js';
import { sha256Hex } from '../secrets.js';
import { isRefusal } from '../stores/refusal.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

export function registerStaffSetupRoutes(app: Hono<AppEnv>, { stores, now, auth, totpIssuer }: RouteContext): void {
  app.post('/staff/setup/start', auth.sameOrigin, async (c) => {
    const { token } = parseRequest(SetupStartRequest, c.var.body);
    const tokenHash = sha256Hex(token);
    const at = now();
    const setup = await stores.staff.findSetup(tokenHash, at);
    const secret = newTotpSecret();
    if (!setup || !(await stores.staff.proposeTotp(tokenHash, secret, at))) throw setupLinkInvalid();
    const body: SetupStartResponse = {
      email: setup.staff.email,
      role: setup.staff.role,
      secondFactor: { required: secondFactorRequired(setup.staff.role), secret, uri: otpauthUri(secret, setup.staff.email, totpIssuer) },
    };
    return c.json(body);
  });

  app.post('/staff/setup/complete', auth.sameOrigin, async (c) => {
    const request = parseRequest(SetupCompleteRequest, c.var.body);
    const tokenHash = sha256Hex(request.token);
    const at = now();
    const setup = await stores.staff.findSetup(tokenHash, at);
    if (!setup) throw setupLinkInvalid();
    const { staff, proposedTotpSecret } = setup;
    const problem = passwordProblem(request.password, staff.email);
    if (problem) throw validationFailed({ password: problem });
    const code = request.code?.trim() || undefined;
    let totp: { secret: string; step: number; recoveryCodeHashes: string[] } | undefined;
    let recoveryCodes: string[] = [];
    if (code !== undefined || secondFactorRequired(staff.role)) {
      const step = proposedTotpSecret === undefined || code === undefined ? undefined : matchTotp(proposedTotpSecret, code, at);
      if (step === undefined) {
        throw validationFailed({ code: 'Enter the 6-digit code your authenticator app shows now for this account.' });
      }
      recoveryCodes = newRecoveryCodes();
      totp = { secret: proposedTotpSecret!, step, recoveryCodeHashes: recoveryCodes.map(recoveryCodeHash) };
    }
    let completed;
    try {
      completed = await stores.staff.completeSetup({
        staffId: staff.id,
        tokenHash,
        passwordHash: await hashPassword(request.password),
        ...(totp ? { totp } : {}),
        now: at,
      });
    } catch (error) {
      throw isRefusal(error, 'setup_token_invalid') ? setupLinkInvalid() : error;
    }
    await auth.audit(c, 'staff.setup_complete', { type: 'staff', id: staff.id }, { type: 'staff', id: staff.id });
    const body: SetupCompleteResponse = { staff: toStaffMember(completed), recoveryCodes };
    return c.json(body, 201);
  });
}

function setupLinkInvalid(): ApiError {
  return new ApiError(401, 'setup_link_invalid', 'This set-up link has expired or has already been used. Ask the clinic’s owner for a new one.');
}
