/**
 * Staff accounts in SQLite: set-up tokens as SHA-256 with their expiry, argon2id password hashes,
 * TOTP secrets encrypted (encrypted-columns.ts), recovery codes as SHA-256. Each change that must
 * be whole is one transaction: completing a set-up uses its token once; a reset or a disable ends
 * the account's sessions with it.
 */
import type { FieldCipher } from '../../encryption/field-cipher.js';
import { newId } from '../../secrets.js';
import { StoreRefusal } from '../refusal.js';
import type { CompletedSetup, SetupInProgress, SetupTokenRef, StaffRecord, StaffRole, StaffStore } from '../types.js';
import { fieldContext } from './encrypted-columns.js';
import type { Db } from './migration.js';

interface StaffRow {
  id: string;
  email: string;
  role: StaffRole;
  state: StaffRecord['state'];
  password_hash: string | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  setup_totp_secret: string | null;
  created_at_ms: number;
}

const COLUMNS = 'id, email, role, state, password_hash, totp_secret, totp_last_step, setup_totp_secret, created_at_ms';

export class SqliteStaffStore implements StaffStore {
  readonly #db: Db;
  readonly #cipher: FieldCipher;
  readonly #statements;

  constructor(db: Db, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO staff (id, email, role, state, setup_token_sha256, setup_expires_at_ms, created_at_ms, updated_at_ms)
         VALUES (?, ?, ?, 'invited', ?, ?, ?, ?)`,
      ),
      byId: db.prepare<[string], StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`),
      byEmail: db.prepare<[string], StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE email = ?`),
      all: db.prepare<[], StaffRow>(`SELECT ${COLUMNS} FROM staff ORDER BY created_at_ms, rowid`),
      bySetup: db.prepare<[string, number], StaffRow>(
        `SELECT ${COLUMNS} FROM staff WHERE setup_token_sha256 = ? AND setup_expires_at_ms > ? AND state <> 'disabled'`,
      ),
      reset: db.prepare(
        `UPDATE staff SET state = 'invited', password_hash = NULL, totp_secret = NULL, totp_last_step = NULL,
           setup_token_sha256 = ?, setup_expires_at_ms = ?, setup_totp_secret = NULL, updated_at_ms = ? WHERE id = ?`,
      ),
      disable: db.prepare(
        "UPDATE staff SET state = 'disabled', setup_token_sha256 = NULL, setup_expires_at_ms = NULL, setup_totp_secret = NULL, updated_at_ms = ? WHERE id = ?",
      ),
      activeOwners: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'owner' AND state = 'active'"),
      propose: db.prepare('UPDATE staff SET setup_totp_secret = ? WHERE id = ?'),
      complete: db.prepare(
        `UPDATE staff SET state = 'active', password_hash = ?, totp_secret = ?, totp_last_step = ?,
           setup_token_sha256 = NULL, setup_expires_at_ms = NULL, setup_totp_secret = NULL, updated_at_ms = ? WHERE id = ?`,
      ),
      endSessions: db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?'),
      dropCodes: db.prepare('DELETE FROM staff_recovery_codes WHERE staff_id = ?'),
      addCode: db.prepare('INSERT INTO staff_recovery_codes (staff_id, code_sha256) VALUES (?, ?)'),
      useCode: db.prepare('UPDATE staff_recovery_codes SET used_at_ms = ? WHERE staff_id = ? AND code_sha256 = ? AND used_at_ms IS NULL'),
      codesLeft: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM staff_recovery_codes WHERE staff_id = ? AND used_at_ms IS NULL'),
      useStep: db.prepare('UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < ?)'),
    };
  }

  async add({ email, role, setup, now }: { email: string; role: StaffRole; setup: SetupTokenRef; now: number }): Promise<StaffRecord> {
    return this.#db
      .transaction(() => {
        if (this.#statements.byEmail.get(email)) throw new StoreRefusal('email_taken');
        const id = newId('st');
        this.#statements.insert.run(id, email, role, setup.tokenHash, setup.expiresAt, now, now);
        return this.#record(this.#statements.byId.get(id)!);
      })
      .immediate();
  }

  async find(id: string): Promise<StaffRecord | undefined> {
    const row = this.#statements.byId.get(id);
    return row && this.#record(row);
  }

  async findByEmail(email: string): Promise<StaffRecord | undefined> {
    const row = this.#statements.byEmail.get(email);
    return row && this.#record(row);
  }

  async list(): Promise<StaffRecord[]> {
    return this.#statements.all.all().map((row) => this.#record(row));
  }

  async reset(id: string, setup: SetupTokenRef, now: number): Promise<StaffRecord> {
    return this.#db
      .transaction(() => {
        if (!this.#statements.byId.get(id)) throw new StoreRefusal('staff_not_found');
        this.#statements.reset.run(setup.tokenHash, setup.expiresAt, now, id);
        this.#statements.dropCodes.run(id);
        this.#statements.endSessions.run(id);
        return this.#record(this.#statements.byId.get(id)!);
      })
      .immediate();
  }

  async disable(id: string, now: number): Promise<StaffRecord> {
    return this.#db
      .transaction(() => {
        const row = this.#statements.byId.get(id);
        if (!row) throw new StoreRefusal('staff_not_found');
        if (row.role === 'owner' && row.state === 'active' && this.#statements.activeOwners.get()!.n <= 1) throw new StoreRefusal('last_owner');
        this.#statements.disable.run(now, id);
        this.#statements.endSessions.run(id);
        return this.#record(this.#statements.byId.get(id)!);
      })
      .immediate();
  }

  async findSetup(tokenHash: string, now: number): Promise<SetupInProgress | undefined> {
    const row = this.#statements.bySetup.get(tokenHash, now);
    if (!row) return undefined;
    const proposed = row.setup_totp_secret === null ? undefined : this.#open('setup_totp_secret', row.id, row.setup_totp_secret);
    return { staff: this.#record(row), proposedTotpSecret: proposed };
  }

  async proposeTotp(tokenHash: string, secret: string, now: number): Promise<boolean> {
    return this.#db
      .transaction(() => {
        const row = this.#statements.bySetup.get(tokenHash, now);
        if (!row) return false;
        this.#statements.propose.run(this.#seal('setup_totp_secret', row.id, secret), row.id);
        return true;
      })
      .immediate();
  }

  async completeSetup(setup: CompletedSetup): Promise<StaffRecord> {
    return this.#db
      .transaction(() => {
        const row = this.#statements.bySetup.get(setup.tokenHash, setup.now);
        if (!row || row.id !== setup.staffId) throw new StoreRefusal('setup_token_invalid');
        const totp = setup.totp;
        this.#statements.complete.run(
          setup.passwordHash,
          totp ? this.#seal('totp_secret', row.id, totp.secret) : null,
          totp ? totp.step : null,
          setup.now,
          row.id,
        );
        this.#statements.dropCodes.run(row.id);
        for (const hash of totp?.recoveryCodeHashes ?? []) this.#statements.addCode.run(row.id, hash);
        return this.#record(this.#statements.byId.get(row.id)!);
      })
      .immediate();
  }

  async useTotpStep(staffId: string, step: number): Promise<boolean> {
    return this.#statements.useStep.run(step, staffId, step).changes === 1;
  }

  async useRecoveryCode(staffId: string, codeHash: string, now: number): Promise<boolean> {
    return this.#statements.useCode.run(now, staffId, codeHash).changes === 1;
  }

  async recoveryCodesLeft(staffId: string): Promise<number> {
    return this.#statements.codesLeft.get(staffId)!.n;
  }

  #record(row: StaffRow): StaffRecord {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      state: row.state,
      passwordHash: row.password_hash ?? undefined,
      totp: row.totp_secret === null ? undefined : { secret: this.#open('totp_secret', row.id, row.totp_secret), lastStep: row.totp_last_step ?? undefined },
      createdAt: row.created_at_ms,
    };
  }

  #seal(column: string, id: string, value: string): string {
    return this.#cipher.seal(value, fieldContext('staff', column, id));
  }

  #open(column: string, id: string, value: string): string {
    return this.#cipher.open(value, fieldContext('staff', column, id));
  }
}
