/**
 * `npm run staff -- <command>`: the clinic's staff accounts from the command line, on the server's
 * database (KAP_DB, KAP_DATA_KEY as for `npm start`).
 *
 *   add --email E --role owner|clinician|front-desk|marketer
 *                        a new account; prints its one-time set-up link (valid 24 hours)
 *   list                 every account: email, role, state, second factor
 *   disable --email E    the account can no longer sign in; its sessions end
 *   reset --email E      a new set-up link; password, second factor and sessions are gone
 *
 * Set-up links point at KAP_PUBLIC_URL (default http://localhost:$PORT/). There is no default
 * password: each person sets their own through their link. Every change is in the audit log, by
 * `system` `cli`.
 */
import { pathToFileURL } from 'node:url';
import { STAFF_ROLES, type StaffRole } from '../../src/staff/roles.js';
import { inviteStaff, normalizeEmail, resetStaff, type SetupLink } from '../auth/staff-accounts.js';
import { isRefusal } from '../stores/refusal.js';
import type { AuditActor, StaffRecord, Stores } from '../stores/types.js';
import { openClinicDatabase, parseOptions, publicUrl, runTool } from './open-stores.js';

const CLI: AuditActor = { type: 'system', id: 'cli' };

const USAGE = `Usage: npm run staff -- add --email E --role ${STAFF_ROLES.join('|')}
       npm run staff -- list
       npm run staff -- disable --email E
       npm run staff -- reset --email E`;

export async function staffCommand(args: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void, now = Date.now()): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || !['add', 'list', 'disable', 'reset'].includes(command)) throw new Error(USAGE);
  const options = parseOptions(rest);
  const { stores } = openClinicDatabase(env);
  try {
    if (command === 'list') return listStaff(await stores.staff.list(), print);
    const email = options.email;
    if (!email) throw new Error(`--email is needed.\n${USAGE}`);
    if (command === 'add') {
      const role = options.role as StaffRole;
      if (!STAFF_ROLES.includes(role)) throw new Error(`--role is one of ${STAFF_ROLES.join(', ')}.`);
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new Error(`"${email}" is not an email address.`);
      const link = await explained(inviteStaff(stores, { email, role, now, publicUrl: publicUrl(env) }));
      await record(stores, 'staff.add', link.staff, now);
      return printLink(link, `Added ${link.staff.email} as ${link.staff.role}.`, print);
    }
    const staff = await stores.staff.findByEmail(normalizeEmail(email));
    if (!staff) throw new Error(`There is no staff account for ${email}.`);
    if (command === 'disable') {
      const disabled = await explained(stores.staff.disable(staff.id, now));
      await record(stores, 'staff.disable', disabled, now);
      return print(`Disabled ${disabled.email}; their sessions have ended.`);
    }
    const link = await explained(resetStaff(stores, { id: staff.id, now, publicUrl: publicUrl(env) }));
    await record(stores, 'staff.reset', link.staff, now);
    return printLink(link, `Reset ${link.staff.email}: their password, second factor and sessions are gone.`, print);
  } finally {
    await stores.close();
  }
}

function printLink(link: SetupLink, done: string, print: (line: string) => void): void {
  print(done);
  print(`Set-up link (valid until ${new Date(link.expiresAt).toISOString()}, works once; pass it on privately):`);
  print(link.url);
}

function listStaff(staff: StaffRecord[], print: (line: string) => void): void {
  if (staff.length === 0) return print('No staff accounts yet. Add the first owner: npm run staff -- add --email you@clinic.example --role owner');
  for (const member of staff) {
    print([member.email, member.role, member.state, member.totp ? 'second factor' : 'no second factor', member.id].join('\t'));
  }
}

async function record(stores: Stores, action: string, staff: StaffRecord, now: number): Promise<void> {
  await stores.audit.append({ at: now, actor: CLI, action, record: { type: 'staff', id: staff.id } });
}

async function explained<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isRefusal(error, 'email_taken')) throw new Error('There is already a staff account with this email.', { cause: error });
    if (isRefusal(error, 'last_owner')) throw new Error('This is the clinic’s only owner: add another owner before disabling this one.', { cause: error });
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runTool(() => staffCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)));
}
