/** What every route module is given. */
import type { StaffAuth } from '../auth/staff-auth.js';
import type { HoldLimits } from '../booking-rules.js';
import type { ElementFiles } from '../elements-files.js';
import type { Stores } from '../stores/types.js';

export interface RouteContext {
  stores: Stores;
  now: () => number;
  /** How long a hold keeps a slot. */
  holdMinutes: number;
  holdLimits: HoldLimits;
  /** The staff routes' guards and audit helper (auth/staff-auth.ts). */
  auth: StaffAuth;
  /** The API's public base URL, for set-up links; default the request's own origin. */
  publicUrl: string | undefined;
  /** The issuer an authenticator app shows beside the account. */
  totpIssuer: string;
  /** The built drop-in elements (elements-files.ts): served at `elements/`, named by the embed code. */
  elements: ElementFiles;
  /** Routes registered before the console's catch-all (`/console/*`): the notifications' own. */
  beforeConsole?: (context: RouteContext) => void;
}
