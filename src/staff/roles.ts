/**
 * Who on the clinic's staff may do what: the roles, the permissions, and which roles hold each
 * permission. The reference backend enforces this table (server/auth/route-access.ts maps each staff
 * route to a permission) and the console reads it to offer a person only what their role may do.
 * Plain TypeScript, no Lit: it runs in Node and in the browser.
 */

export const STAFF_ROLES = ['owner', 'clinician', 'front-desk', 'marketer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Each permission and the roles that hold it. Client data (names, contact details, reasons,
 * answers, scores) sits behind the permissions the marketer never holds.
 */
export const PERMISSION_ROLES = {
  /** Staff accounts: add, disable, reset (a new set-up link). */
  'staff:manage': ['owner'],
  /** Integration API keys: create, list, revoke. */
  'api-keys:manage': ['owner'],
  /** Webhook endpoints: add, rotate their secret, disable, delete, their delivery log and replays. */
  'webhooks:manage': ['owner'],
  /** The audit log and its CSV export. */
  'audit:read': ['owner'],
  /** The outbox's failed deliveries (emails and webhooks, no addresses): list them and try them again. */
  'notifications:manage': ['owner'],
  /** The clinic's settings: profile, services, hours, closures, checklists. */
  'settings:manage': ['owner'],
  /** The schedule: bookings by day with service, time, status and client. */
  'schedule:read': ['owner', 'clinician', 'front-desk'],
  /** A booking's details: the client's contact details, reason, status history, checklist progress. */
  'bookings:read': ['owner', 'clinician', 'front-desk'],
  /** Confirm or decline a request; reschedule or cancel on the client's behalf. */
  'bookings:manage': ['owner', 'clinician', 'front-desk'],
  /** Revoke a booking's access links (every link and tab credential stops at once). */
  'links:revoke': ['owner'],
  /** Whether an intake was submitted and whether it needs a clinician — never its answers. */
  'intake:status': ['owner', 'clinician', 'front-desk'],
  /** Intake answers, instrument scores, review and safety flags. */
  'intake:read': ['owner', 'clinician'],
  /** Acknowledge a safety flag (who, when, a note). */
  'safety:acknowledge': ['owner', 'clinician'],
  /** Intake forms: drafts, versions, publishing. */
  'forms:manage': ['owner', 'marketer'],
  /** The theme the elements use. */
  'theme:manage': ['owner', 'marketer'],
  /** The embed code and its CSP lines. */
  'embed:read': ['owner', 'marketer'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSION_ROLES;
export const PERMISSIONS = Object.keys(PERMISSION_ROLES) as Permission[];

export function roleMay(role: StaffRole, permission: Permission): boolean {
  return (PERMISSION_ROLES[permission] as readonly StaffRole[]).includes(role);
}

/** Every permission `role` holds, in the table's order. */
export function permissionsOf(role: StaffRole): Permission[] {
  return PERMISSIONS.filter((permission) => roleMay(role, permission));
}

/**
 * Roles that see client data must sign in with a second factor (TOTP or a recovery code); for the
 * marketer it is optional.
 */
export function secondFactorRequired(role: StaffRole): boolean {
  return role !== 'marketer';
}

/**
 * The scopes an integration API key (a clinic's EHR sync) can carry, and the one read permission
 * each grants. A key only ever reads: it is accepted on GET routes whose permission its scopes grant.
 */
export const API_KEY_SCOPES = {
  'read:bookings': 'bookings:read',
  'read:responses': 'intake:read',
} as const satisfies Record<string, Permission>;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const API_KEY_SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export function scopesGrant(scopes: readonly ApiKeyScope[], permission: Permission): boolean {
  return scopes.some((scope) => API_KEY_SCOPES[scope] === permission);
}
