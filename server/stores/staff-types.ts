/**
 * The stores of the clinic's staff side: accounts, sign-in throttling, sessions, integration API
 * keys and the audit log. Part of `Stores` (types.ts) and of its contract: Promise-based, each atomic
 * unit of work one method, secrets arriving hashed (SHA-256 hex, or an argon2id string for a
 * password), refusals as `StoreRefusal`s. The one secret a store keeps so that it can be used again,
 * a TOTP secret, the engine encrypts at rest like client data.
 */
import type { ApiKeyScope, StaffRole } from '../../src/staff/roles.js';

export type { ApiKeyScope, StaffRole };

// ---- staff accounts ---------------------------------------------------------------------------

export type StaffState = 'invited' | 'active' | 'disabled';

export interface StaffRecord {
  id: string;
  /** Lower case, as given to `add` (callers normalise it). */
  email: string;
  role: StaffRole;
  state: StaffState;
  /** argon2id; `undefined` until set-up. */
  passwordHash: string | undefined;
  /** The TOTP secret (base32) when the account has a second factor, and the last step used. */
  totp: { secret: string; lastStep: number | undefined } | undefined;
  createdAt: number;
}

/** A set-up link's token, as stored: its SHA-256 and when it lapses. */
export interface SetupTokenRef {
  tokenHash: string;
  expiresAt: number;
}

export interface SetupInProgress {
  staff: StaffRecord;
  /** The TOTP secret proposed by `proposeTotp` for this set-up, if any. */
  proposedTotpSecret: string | undefined;
}

export interface CompletedSetup {
  staffId: string;
  tokenHash: string;
  passwordHash: string;
  /** With a second factor: its secret, the step of the code that confirmed it, and the recovery codes' hashes. */
  totp?: { secret: string; step: number; recoveryCodeHashes: readonly string[] };
  now: number;
}

export interface StaffStore {
  /** A new account, `invited`, with its set-up token. Refuses `email_taken`. */
  add(staff: { email: string; role: StaffRole; setup: SetupTokenRef; now: number }): Promise<StaffRecord>;
  find(id: string): Promise<StaffRecord | undefined>;
  findByEmail(email: string): Promise<StaffRecord | undefined>;
  /** Every account, oldest first. */
  list(): Promise<StaffRecord[]>;
  /**
   * A new set-up link for an account: its password, second factor, recovery codes and sessions
   * are gone, it is `invited` again, and only this token sets it up. Refuses `staff_not_found`.
   */
  reset(id: string, setup: SetupTokenRef, now: number): Promise<StaffRecord>;
  /**
   * Disables an account and ends its sessions, in one unit. Refuses `staff_not_found`, and
   * `last_owner` for the only active owner.
   */
  disable(id: string, now: number): Promise<StaffRecord>;
  /** The account whose live (unused, unexpired at `now`) set-up token this is. */
  findSetup(tokenHash: string, now: number): Promise<SetupInProgress | undefined>;
  /** Keeps a proposed TOTP secret with a live set-up token (replacing an earlier one); false if the token is not live. */
  proposeTotp(tokenHash: string, secret: string, now: number): Promise<boolean>;
  /**
   * Uses a live set-up token, once: the password (and the second factor with its recovery codes)
   * are set and the account is `active`. Refuses `setup_token_invalid` when the token is not live.
   */
  completeSetup(setup: CompletedSetup): Promise<StaffRecord>;
  /**
   * Records that a TOTP code of `step` was used: true only when `step` is later than the last one
   * used, atomically, so a code (and any earlier one) cannot be used twice.
   */
  useTotpStep(staffId: string, step: number): Promise<boolean>;
  /** Uses one of the account's unused recovery codes, atomically; false when it is none of them. */
  useRecoveryCode(staffId: string, codeHash: string, now: number): Promise<boolean>;
  recoveryCodesLeft(staffId: string): Promise<number>;
}

// ---- sign-in throttling -----------------------------------------------------------------------

/** Failed sign-ins counted under a key (an account's or an address's hash). */
export interface ThrottleRecord {
  failures: number;
  lastFailureAt: number;
}

export interface SignInThrottleStore {
  /** The records of these keys; a key with none is absent. */
  read(keys: readonly string[]): Promise<Map<string, ThrottleRecord>>;
  /**
   * Counts one failure under each key, atomically; a count whose last failure is at or before
   * `forgetBefore` starts again from one. Answers the new records.
   */
  recordFailure(keys: readonly string[], now: number, forgetBefore: number): Promise<Map<string, ThrottleRecord>>;
  clear(key: string): Promise<void>;
}

// ---- sessions ---------------------------------------------------------------------------------

export type SecondFactorUsed = 'totp' | 'recovery_code' | 'none';

export interface SessionRecord {
  /** Public: names the session (in the audit log, in `GET staff/me`); opens nothing. */
  id: string;
  /** SHA-256 of the cookie's secret: the only thing that finds a session. */
  tokenHash: string;
  staffId: string;
  secondFactor: SecondFactorUsed;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  /** A session ends this long after its last request. */
  idleMs: number;
  /** And this long after it began, whatever happens. */
  absoluteMs: number;
}

export interface SessionStore {
  /** A new session; ends the session `replacing` names (the one the browser had), in the same unit. */
  create(session: { tokenHash: string; staffId: string; secondFactor: SecondFactorUsed; now: number; replacing?: string }): Promise<SessionRecord>;
  /**
   * The session if it is live at `now` under `limits`, its last request moved to `now`; a session
   * past a limit is deleted and answers `undefined`.
   */
  resume(tokenHash: string, now: number, limits: SessionLimits): Promise<SessionRecord | undefined>;
  /** Signs one session out. */
  end(tokenHash: string): Promise<void>;
  /** Signs every session of an account out; answers how many there were. */
  endAll(staffId: string): Promise<number>;
}

// ---- integration API keys ---------------------------------------------------------------------

export interface ApiKeyRecord {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** The staff member who created it. */
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | undefined;
  revokedAt: number | undefined;
}

export interface ApiKeyStore {
  create(key: { name: string; scopes: readonly ApiKeyScope[]; secretHash: string; createdBy: string; now: number }): Promise<ApiKeyRecord>;
  /** Every key, revoked ones too, newest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** The key this secret (its SHA-256) opens, unless revoked; its last use becomes `now`. */
  use(secretHash: string, now: number): Promise<ApiKeyRecord | undefined>;
  /** Revokes a key (revoking again changes nothing); `undefined` for an unknown id. */
  revoke(id: string, now: number): Promise<ApiKeyRecord | undefined>;
}

// ---- the audit log ----------------------------------------------------------------------------

export type AuditActor =
  | { type: 'staff'; id: string }
  | { type: 'api_key'; id: string }
  /** The command line (`npm run staff`). */
  | { type: 'system'; id: string }
  /** Nobody signed in: a failed sign-in. */
  | { type: 'anonymous' };

export interface NewAuditEntry {
  at: number;
  actor: AuditActor;
  /** What was done, e.g. `booking.read`, `staff.disable`, `session.sign_in`. Never client data. */
  action: string;
  /** The record it was done to, by type and id. */
  record?: { type: string; id: string };
  /** The address it came from (through trusted proxies). */
  address?: string;
}

export interface AuditEntryRecord extends NewAuditEntry {
  /** Increasing: later entries have larger ids. */
  id: string;
}

export interface AuditQuery {
  actorId?: string;
  /** Only this action, e.g. `session.sign_in` (a staff member's last sign-in). */
  action?: string;
  recordType?: string;
  recordId?: string;
  /** Entries at or after this instant, and before `to`. */
  from?: number;
  to?: number;
  /** Entries older than this entry id (the next page). */
  before?: string;
  limit: number;
}

/**
 * Append-only: no method changes or removes an entry, and an engine refuses to (SQLite: triggers
 * that abort any UPDATE or DELETE of the table).
 */
export interface AuditStore {
  append(entry: NewAuditEntry): Promise<AuditEntryRecord>;
  /** Newest first, at most `limit`; `next` names the entry to continue `before` when more match. */
  query(query: AuditQuery): Promise<{ entries: AuditEntryRecord[]; next: string | undefined }>;
}
