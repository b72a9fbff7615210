/**
 * The contract's endpoints, one module per resource. Each validates its input with the shared
 * schemas, applies the clinic's rules (booking-rules.ts), asks the stores through their interface
 * (stores/types.ts) and answers with the shapes the schemas describe.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { registerApiKeyRoutes } from './api-keys.js';
import { registerAuditLogRoutes } from './audit-log.js';
import { registerBookingAccessRoutes } from './booking-access.js';
import { registerBookingRoutes } from './bookings.js';
import { registerChecklistRoutes } from './checklist.js';
import { registerClinicRoutes } from './clinic.js';
import { registerClinicSettingsRoutes } from './clinic-settings.js';
import { registerFormVersionRoutes } from './form-versions.js';
import { registerConsoleAssetRoutes } from './console-assets.js';
import { registerElementRoutes } from './elements.js';
import type { RouteContext } from './context.js';
import { registerHoldRoutes } from './holds.js';
import { registerIntakeRoutes } from './intake.js';
import { registerOperationRoutes } from './operations.js';
import { registerSafetySignalRoutes } from './safety-signals.js';
import { registerServiceRoutes } from './services.js';
import { registerStaffAccountRoutes } from './staff-accounts.js';
import { registerStaffBookingRoutes } from './staff-booking.js';
import { registerStaffConsoleRoutes } from './staff-console.js';
import { registerStaffEmbedRoutes } from './staff-embed.js';
import { registerStaffIntakeInboxRoutes } from './staff-intake-inbox.js';
import { registerStaffRecordRoutes } from './staff-records.js';
import { registerStaffSessionRoutes } from './staff-session.js';
import { registerStaffSetupRoutes } from './staff-setup.js';
import { registerStaffThemeRoutes } from './staff-theme.js';

export type { RouteContext };

export function registerRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  registerOperationRoutes(app, context);
  registerClinicRoutes(app, context);
  registerServiceRoutes(app, context);
  registerHoldRoutes(app, context);
  registerBookingRoutes(app, context);
  registerBookingAccessRoutes(app, context);
  registerChecklistRoutes(app, context);
  registerIntakeRoutes(app, context);
  registerSafetySignalRoutes(app, context);
  // The built drop-in elements, for clinics' sites (elements.ts).
  registerElementRoutes(app, context.elements);
  // The staff side, under /staff/ (auth/route-access.ts lists each route and who may call it).
  registerStaffSessionRoutes(app, context);
  registerStaffSetupRoutes(app, context);
  registerStaffAccountRoutes(app, context);
  registerApiKeyRoutes(app, context);
  registerAuditLogRoutes(app, context);
  registerStaffRecordRoutes(app, context);
  registerClinicSettingsRoutes(app, context);
  registerFormVersionRoutes(app, context);
  registerStaffConsoleRoutes(app, context);
  registerStaffBookingRoutes(app, context);
  registerStaffIntakeInboxRoutes(app, context);
  registerStaffEmbedRoutes(app, context);
  registerStaffThemeRoutes(app, context);
  context.beforeConsole?.(context);
  // The console's own files, at /console/ (console-assets.ts).
  registerConsoleAssetRoutes(app);
}
