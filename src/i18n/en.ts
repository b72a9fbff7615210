import { enBooking } from './en-booking.js';
import { enBookingDetails } from './en-booking-details.js';
import { enBookingFollowUp, enBookingManage } from './en-booking-later.js';
import { enChecklist } from './en-checklist.js';
import { enChecklistReminders } from './en-checklist-reminders.js';
import { enFormErrors } from './en-form-errors.js';
import { enIntake } from './en-intake.js';
import { enIntakeCrisis, enIntakeDateConsent } from './en-intake-parts.js';
import { enIntakeValidation } from './en-intake-validation.js';
import { enShared } from './en-shared.js';
import { enWriteStatus } from './en-write-status.js';
import type { KapStrings } from './strings.js';

/**
 * English, whole: every other locale falls back to it string by string. An element carries only
 * its own part (`en-shared.ts` and its section, which its entry registers); this whole is for the
 * npm API, a clinic's tooling, and the check of a strings key no element on the page knows.
 */
export const en: KapStrings = {
  ...enShared,
  ...enWriteStatus,
  ...enFormErrors,
  ...enIntake,
  ...enIntakeDateConsent,
  ...enIntakeCrisis,
  ...enIntakeValidation,
  ...enBooking,
  ...enBookingDetails,
  ...enBookingManage,
  ...enBookingFollowUp,
  ...enChecklist,
  ...enChecklistReminders,
};
