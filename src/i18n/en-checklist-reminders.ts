/**
 * `<kap-prep-checklist>`'s English for "Add reminders to my calendar", registered by the module
 * that writes the reminders file when it loads (checklist-calendar.ts; in the drop-in file, a chunk
 * fetched after the checklist shows). Part of the whole English (`en`) like the rest; a page or
 * locale module overrides them as any other.
 */
import type { ChecklistStrings } from './strings.js';

export const enChecklistReminders = {
  checklistAddReminders: 'Add reminders to my calendar',
  checklistRemindersHint: 'A calendar file with your session and a reminder {lead} before each step that has a time.',
  checklistCalendarSession: 'Your session at the clinic',
  checklistCalendarDescription: 'A step from your preparation checklist.',
} satisfies Partial<ChecklistStrings>;
