/** What every route module is given. */
import type { HoldLimits } from '../booking-rules.js';
import type { Stores } from '../stores/types.js';

export interface RouteContext {
  stores: Stores;
  now: () => number;
  /** How long a hold keeps a slot. */
  holdMinutes: number;
  holdLimits: HoldLimits;
}
