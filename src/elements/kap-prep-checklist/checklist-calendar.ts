/**
 * "Add reminders to my calendar": the session and one short event per timed item at its due
 * time, each with one reminder. Only the item texts and the clinic's words go in — never who the
 * client is, nor the link (with its token) they came from. Imported with the calendar writer when a
 * file is first offered (src/base/calendar-file-url.ts): in the drop-in files, a chunk.
 */
import { dueAt } from '../../checklist/due.js';
import { calendarFile, type CalendarEvent } from '../../scheduling/ics.js';
import type { ChecklistEntry } from './controllers/checklist-sync.js';

const MINUTE = 60_000;
/** How long an item's event lasts in the calendar: long enough to read, short enough not to block a day. */
const ITEM_EVENT_MINUTES = 15;

export interface ChecklistCalendarInput {
  /** Makes UIDs stable, so importing the file again updates the same events. */
  uidPrefix: string;
  uidDomain: string;
  sessionStart: string;
  sessionEnd: string;
  entries: readonly ChecklistEntry[];
  /** Minutes before each due time (and the session) that the reminder goes off. */
  reminderMinutes: number;
  sessionSummary: string;
  itemDescription: string;
  now: Date;
}

function uidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function checklistCalendarEvents(input: ChecklistCalendarInput): CalendarEvent[] {
  const prefix = uidPart(input.uidPrefix);
  const events: CalendarEvent[] = [
    {
      uid: `${prefix}-session@${input.uidDomain}`,
      start: input.sessionStart,
      end: input.sessionEnd,
      summary: input.sessionSummary,
      alarms: [{ description: input.sessionSummary, minutesBefore: input.reminderMinutes }],
    },
  ];
  for (const entry of input.entries) {
    if (entry.dueOffsetMinutes === undefined) continue;
    const start = dueAt(input.sessionStart, entry.dueOffsetMinutes);
    events.push({
      uid: `${prefix}-${uidPart(entry.id)}@${input.uidDomain}`,
      start,
      end: new Date(Date.parse(start) + ITEM_EVENT_MINUTES * MINUTE).toISOString(),
      summary: entry.text,
      description: input.itemDescription,
      alarms: [{ description: entry.text, minutesBefore: input.reminderMinutes }],
    });
  }
  return events;
}

/** The file. */
export function checklistCalendarFile(input: ChecklistCalendarInput): string {
  return calendarFile(checklistCalendarEvents(input), { now: input.now, productId: '-//kap-elements//kap-prep-checklist//EN' });
}
