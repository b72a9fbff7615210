/**
 * The "Add reminders to my calendar" file as a Blob URL, made again only when what goes in it
 * changes, and given back when the element leaves the page. Updated before render, never in it.
 */
import { checklistCalendarFile, type ChecklistCalendarInput } from '../checklist-calendar.js';

export class ReminderFile {
  #file: { key: string; url: string } | undefined;

  get url(): string | undefined {
    return this.#file?.url;
  }

  /** The file for `input`, or none (nothing to remind of on screen). */
  update(input: Omit<ChecklistCalendarInput, 'now'> | undefined): void {
    if (!input) return;
    const key = JSON.stringify(input);
    if (this.#file?.key === key) return;
    const ics = checklistCalendarFile({ ...input, now: new Date() });
    this.revoke();
    this.#file = { key, url: URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' })) };
  }

  revoke(): void {
    if (this.#file) URL.revokeObjectURL(this.#file.url);
    this.#file = undefined;
  }
}
