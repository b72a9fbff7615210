/**
 * Every staff route and who may call it: the table the server enforces (each route registers
 * `requireStaff(<its permission>)`) and the route × role matrix test checks, route by route and role
 * by role, against what the app really answers. A staff route missing here fails that test.
 *
 * - `public`: no session (signing in, setting up an account).
 * - `signed-in`: any signed-in staff member, whatever their role.
 * - a permission (src/staff/roles.ts): the roles that hold it; with `apiKey`, also an integration
 *   API key whose scopes grant the permission (GET routes only).
 *
 * To add a staff route: add its line here, register it with `requireStaff(permission)` (or
 * `requireStaffOrKey`), and give the matrix test a sample request for it.
 */
import type { Permission } from '../../src/staff/roles.js';

export type RouteAccess = 'public' | 'signed-in' | { permission: Permission; apiKey?: true };

/** Staff routes live under this path; the matrix test walks every route below it. */
export const STAFF_PREFIX = '/staff/';

export const STAFF_ROUTES: Record<string, RouteAccess> = {
  // signing in and out (staff-session.ts)
  'POST /staff/session': 'public',
  'GET /staff/me': 'signed-in',
  'DELETE /staff/session': 'signed-in',
  'DELETE /staff/sessions': 'signed-in',
  // setting up an account from its link (staff-setup.ts)
  'POST /staff/setup/start': 'public',
  'POST /staff/setup/complete': 'public',
  // staff accounts (staff-accounts.ts)
  'GET /staff/accounts': { permission: 'staff:manage' },
  'POST /staff/accounts': { permission: 'staff:manage' },
  'POST /staff/accounts/:id/disable': { permission: 'staff:manage' },
  'POST /staff/accounts/:id/reset': { permission: 'staff:manage' },
  // integration API keys (api-keys.ts)
  'GET /staff/api-keys': { permission: 'api-keys:manage' },
  'POST /staff/api-keys': { permission: 'api-keys:manage' },
  'DELETE /staff/api-keys/:id': { permission: 'api-keys:manage' },
  // the audit log (audit-log.ts)
  'GET /staff/audit': { permission: 'audit:read' },
  'GET /staff/audit.csv': { permission: 'audit:read' },
  // client data (staff-records.ts)
  'GET /staff/bookings/:id': { permission: 'bookings:read', apiKey: true },
  'GET /staff/intake-responses/:id': { permission: 'intake:read', apiKey: true },
  // the clinic's configuration (clinic-settings.ts)
  'GET /staff/clinic': { permission: 'settings:manage' },
  'PUT /staff/clinic/profile': { permission: 'settings:manage' },
  'PUT /staff/clinic/services': { permission: 'settings:manage' },
  'PUT /staff/clinic/hours': { permission: 'settings:manage' },
  'PUT /staff/clinic/closures': { permission: 'settings:manage' },
  'PUT /staff/clinic/checklists/:serviceId': { permission: 'settings:manage' },
  'GET /staff/forms': { permission: 'forms:manage' },
  'PUT /staff/forms/:id/draft': { permission: 'forms:manage' },
  'POST /staff/forms/:id/publish': { permission: 'forms:manage' },
  // a form's published versions (form-versions.ts)
  'GET /staff/forms/:id/versions': { permission: 'forms:manage' },
  'GET /staff/forms/:id/versions/:version': { permission: 'forms:manage' },
  'POST /staff/forms/:id/versions/:version/restore': { permission: 'forms:manage' },
  // the elements' theme (staff-theme.ts)
  'GET /staff/theme': { permission: 'theme:manage' },
  'PUT /staff/theme/draft': { permission: 'theme:manage' },
  'POST /staff/theme/publish': { permission: 'theme:manage' },
  // the embed code (staff-embed.ts)
  'GET /staff/embed': { permission: 'embed:read' },
  // the console (staff-console.ts)
  'GET /staff/schedule': { permission: 'schedule:read' },
  'GET /staff/requests': { permission: 'bookings:read' },
  'POST /staff/bookings/:id/confirm': { permission: 'bookings:manage' },
  'POST /staff/bookings/:id/decline': { permission: 'bookings:manage' },
  'GET /staff/bookings/:id/overview': { permission: 'bookings:read' },
  'POST /staff/bookings/:id/cancel': { permission: 'bookings:manage' },
  'POST /staff/bookings/:id/reschedule': { permission: 'bookings:manage' },
  'POST /staff/bookings/:id/revoke-links': { permission: 'links:revoke' },
  'GET /staff/intake-responses': { permission: 'intake:read' },
  'GET /staff/intake-responses/:id/view': { permission: 'intake:read' },
  'GET /staff/safety-queue': { permission: 'intake:read' },
  'GET /staff/safety-queue/:id': { permission: 'intake:read' },
  'POST /staff/safety-queue/:id/acknowledge': { permission: 'safety:acknowledge' },
  // the outbox's failed deliveries (notifications.ts)
  'GET /staff/notifications/failed': { permission: 'notifications:manage' },
  'POST /staff/notifications/:id/retry': { permission: 'notifications:manage' },
  // webhook endpoints (webhooks.ts)
  'GET /staff/webhooks': { permission: 'webhooks:manage' },
  'POST /staff/webhooks': { permission: 'webhooks:manage' },
  'POST /staff/webhooks/:id/rotate': { permission: 'webhooks:manage' },
  'POST /staff/webhooks/:id/disable': { permission: 'webhooks:manage' },
  'DELETE /staff/webhooks/:id': { permission: 'webhooks:manage' },
  'GET /staff/webhooks/:id/deliveries': { permission: 'webhooks:manage' },
  'POST /staff/webhooks/:id/deliveries/:deliveryId/replay': { permission: 'webhooks:manage' },
};
