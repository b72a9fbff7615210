/**
 * "Add reminders to my calendar": the session and one short event per timed item at its due
 * time, each with one reminder. Only the item texts and the clinic's words go in — never who the
 * client is, nor the link (with its token) they came from. The link, its hint and its words come
 * with the file's writer, imported once the checklist shows (src/base/calendar-file-url.ts): in
 * the drop-in files, a chunk. Until it has come, or if it cannot, the checklist shows without them.
 */
import { html, nothing } from 'lit';
import { formatUnit } from '../../base/language.js';
import { dueAt } from '../../checklist/due.js';
import { enChecklistReminders } from '../../i18n/en-checklist-reminders.js';
import { registerBuiltInStrings } from '../../i18n/registry.js';
import { calendarFile, type CalendarEvent } from '../../scheduling/ics.js';
import type { ChecklistEntry } from './controllers/checklist-sync.js';
import { shown, type ChecklistReminders, type ChecklistSession, type ChecklistView } from './views/checklist-view.js';

// Its words come with it: they are read only beside the file.
registerBuiltInStrings(enChecklistReminders);

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

/** `reminder-minutes` as whole minutes; 60 for what is not a number of minutes. */
function reminderMinutes(v: ChecklistView): number {
  const minutes = Math.round(v.reminderMinutes);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : 60;
}

/** "1 hour", "30 minutes", "1 day". */
function reminderLead(v: ChecklistView): string {
  const minutes = reminderMinutes(v);
  const [value, unit] =
    minutes && minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes && minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return formatUnit(value, unit, v.ui.locale);
}

export const reminders: ChecklistReminders = {
  file(v: ChecklistView, session: ChecklistSession, uidDomain: string) {
    const input: Omit<ChecklistCalendarInput, 'now'> = {
      uidPrefix: session.bookingId ?? `checklist-${Date.parse(session.sessionStart)}`,
      uidDomain,
      sessionStart: session.sessionStart,
      sessionEnd: session.sessionEnd,
      // The item texts as shown.
      entries: v.sync.entries.map((entry) => ({
        id: entry.id,
        text: shown(v, entry).text.text,
        dueOffsetMinutes: entry.dueOffsetMinutes,
        group: '',
        required: true,
        done: false,
      })),
      reminderMinutes: reminderMinutes(v),
      sessionSummary: v.ui.t('checklistCalendarSession'),
      itemDescription: v.ui.t('checklistCalendarDescription'),
    };
    return { key: JSON.stringify(input), write: () => checklistCalendarFile({ ...input, now: new Date() }) };
  },

  link: (v: ChecklistView) =>
    v.calendarUrl
      ? html`<a part="button" class="button button--secondary" href=${v.calendarUrl} download="preparation-reminders.ics" aria-describedby="kap-reminders-hint"
          >${v.ui.t('checklistAddReminders')}</a
        >`
      : nothing,

  hint: (v: ChecklistView) =>
    v.calendarUrl ? html`<p class="hint" id="kap-reminders-hint">${v.ui.t('checklistRemindersHint', { lead: reminderLead(v) })}</p>` : nothing,
};
