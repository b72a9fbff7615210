/**
 * The owner's management of staff accounts: list (with each one's last sign-in, from the audit
 * log), invite (a set-up link, shown once), disable
 * (sessions end with it; the only active owner cannot be disabled, nor can the owner disable their
 * own account — another owner does that) and reset (a new set-up link;
 * password, second factor and sessions are gone). Each change is in the audit log.
 */
import type { Hono } from 'hono';
import { StaffInviteRequest, type StaffListResponse, type StaffMemberResponse, type StaffSetupLinkResponse } from '../../src/api/staff.js';
import type { StaffRole } from '../../src/staff/roles.js';
import { ApiError, notFound } from '../api-error.js';
import { inviteStaff, resetStaff, toStaffMember, type SetupLink } from '../auth/staff-accounts.js';
import type { AppEnv } from '../app-env.js';
import { toInstant } from '../stores/records.js';
import { isRefusal } from '../stores/refusal.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

export function registerStaffAccountRoutes(app: Hono<AppEnv>, { stores, now, auth, publicUrl }: RouteContext): void {
  const manage = auth.requireStaff('staff:manage');
  const baseUrl = (url: string) => publicUrl ?? `${new URL(url).origin}/`;
  const linkBody = (link: SetupLink): StaffSetupLinkResponse => ({
    staff: toStaffMember(link.staff),
    setupUrl: link.url,
    setupExpiresAt: toInstant(link.expiresAt),
  });

  app.get('/staff/accounts', manage, async (c) => {
    const staff = await stores.staff.list();
    const lastSignIn = async (id: string) => (await stores.audit.query({ actorId: id, action: 'session.sign_in', limit: 1 })).entries[0]?.at;
    const body: StaffListResponse = {
      staff: await Promise.all(
        staff.map(async (record) => {
          const at = await lastSignIn(record.id);
          return { ...toStaffMember(record), ...(at !== undefined ? { lastSignInAt: toInstant(at) } : {}) };
        }),
      ),
    };
    return c.json(body);
  });

  app.post('/staff/accounts', manage, async (c) => {
    const request = parseRequest(StaffInviteRequest, c.var.body);
    const link = await staffRefusals(inviteStaff(stores, { email: request.email, role: request.role as StaffRole, now: now(), publicUrl: baseUrl(c.req.url) }));
    await auth.audit(c, 'staff.add', { type: 'staff', id: link.staff.id });
    return c.json(linkBody(link), 201);
  });

  app.post('/staff/accounts/:id/disable', manage, async (c) => {
    if (c.req.param('id') === c.var.staff.id) throw new ApiError(409, 'own_account', 'You cannot disable your own account. Another owner can.');
    const staff = await staffRefusals(stores.staff.disable(c.req.param('id'), now()));
    await auth.audit(c, 'staff.disable', { type: 'staff', id: staff.id });
    const body: StaffMemberResponse = { staff: toStaffMember(staff) };
    return c.json(body);
  });

  app.post('/staff/accounts/:id/reset', manage, async (c) => {
    const link = await staffRefusals(resetStaff(stores, { id: c.req.param('id'), now: now(), publicUrl: baseUrl(c.req.url) }));
    await auth.audit(c, 'staff.reset', { type: 'staff', id: link.staff.id });
    return c.json(linkBody(link));
  });
}

async function staffRefusals<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isRefusal(error, 'staff_not_found')) throw notFound('There is no staff account with this id.');
    if (isRefusal(error, 'email_taken')) throw new ApiError(409, 'email_taken', 'There is already a staff account with this email.');
    if (isRefusal(error, 'last_owner'))
      throw new ApiError(409, 'last_owner', 'This is the clinic’s only owner. Add another owner before disabling this account.');
    throw error;
  }
}
