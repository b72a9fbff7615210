/**
 * Staff accounts as the owner's routes and `npm run staff` both manage them: an invitation or a
 * reset gives a one-time set-up link, valid 24 hours, whose token travels in the URL fragment
 * (`/console/setup#token=…`, never sent to a server by a browser) and is kept only as SHA-256.
 * There is no default password, ever: a person sets their own through the link.
 */
import type { StaffMember } from '../../src/api/staff.js';
import type { StaffRole } from '../../src/staff/roles.js';
import { toInstant } from '../stores/records.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import type { StaffRecord, Stores } from '../stores/types.js';

export const SETUP_LINK_MS = 24 * 60 * 60_000;

/** Emails are compared as typed, without surrounding spaces and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SetupLink {
  staff: StaffRecord;
  /** The whole link, token in the fragment: shown once, to be passed to the person. */
  url: string;
  expiresAt: number;
}

/** The set-up page of the console served at `publicUrl` (the API's base URL), for `token`. */
export function setupUrl(publicUrl: string, token: string): string {
  return new URL(`console/setup#token=${token}`, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
}

/** A new, invited account and its set-up link. Refuses `email_taken`. */
export async function inviteStaff(stores: Stores, invite: { email: string; role: StaffRole; now: number; publicUrl: string }): Promise<SetupLink> {
  const token = newAccessToken();
  const expiresAt = invite.now + SETUP_LINK_MS;
  const staff = await stores.staff.add({
    email: normalizeEmail(invite.email),
    role: invite.role,
    setup: { tokenHash: sha256Hex(token), expiresAt },
    now: invite.now,
  });
  return { staff, url: setupUrl(invite.publicUrl, token), expiresAt };
}

/** A new set-up link for an account, which must set a password (and second factor) again. Refuses `staff_not_found`. */
export async function resetStaff(stores: Stores, reset: { id: string; now: number; publicUrl: string }): Promise<SetupLink> {
  const token = newAccessToken();
  const expiresAt = reset.now + SETUP_LINK_MS;
  const staff = await stores.staff.reset(reset.id, { tokenHash: sha256Hex(token), expiresAt }, reset.now);
  return { staff, url: setupUrl(reset.publicUrl, token), expiresAt };
}

export function toStaffMember(record: StaffRecord): StaffMember {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    state: record.state,
    secondFactor: record.totp !== undefined,
    createdAt: toInstant(record.createdAt),
  };
}
