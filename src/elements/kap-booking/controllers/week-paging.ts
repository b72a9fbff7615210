/**
 * Which week of times `<kap-booking>` shows, how far the client may page (the weeks ahead the
 * page allows, or a follow-up window's weeks), the day chosen in it, and where the keyboard's tab
 * stop rests among days and times.
 */
import type { ReactiveControllerHost } from 'lit';
import { addDays, dayOf, parseDay, weekStart } from '../../../scheduling/zones.js';
import type { OpenWindow } from '../follow-up-window.js';

export const WEEK_MS = 7 * 86_400_000;

export interface WeekPagingContext {
  /** A follow-up service's window, when there is one. */
  window(): OpenWindow | undefined;
  /** The zone weeks and days are counted in. */
  zone(): string;
  /** The `weeks-ahead` attribute. */
  weeksAhead(): number;
  /** Paging waits while a hold is being placed or a booking sent. */
  busy(): boolean;
}

export class WeekPaging {
  /**
   * The first day of the week chosen, a calendar date; `undefined` for the first week offered. Kept
   * as a date rather than a count of weeks: the zone weeks are counted in can change under it (an
   * in-person service's times show in the clinic's zone once it is known), and near midnight on a
   * Sunday two zones disagree on which week is this one. The week chosen stays the week chosen.
   */
  #chosen: string | undefined;
  selectedDay: string | undefined;
  dayTabStop: string | undefined;
  timeTabStop: string | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #context: WeekPagingContext;

  constructor(host: ReactiveControllerHost, context: WeekPagingContext) {
    this.#host = host;
    this.#context = context;
  }

  /** The first week offered: this one, or a follow-up window's first (still to come) week. */
  get firstWeek(): string {
    const window = this.#context.window();
    const from = window ? Math.max(Date.parse(window.start), Date.now()) : Date.now();
    return weekStart(dayOf(new Date(from), this.#context.zone()));
  }

  /** 0 is the first week offered. */
  get offset(): number {
    if (this.#chosen === undefined) return 0;
    const weeks = Math.round((parseDay(this.#chosen) - parseDay(this.firstWeek)) / WEEK_MS);
    return Math.min(Math.max(0, weeks), this.lastOffset);
  }

  set offset(offset: number) {
    this.#chosen = offset > 0 ? addDays(this.firstWeek, 7 * offset) : undefined;
  }

  /** The first day of the week shown. */
  get week(): string {
    return addDays(this.firstWeek, 7 * this.offset);
  }

  get lastOffset(): number {
    const window = this.#context.window();
    if (window) {
      const last = weekStart(dayOf(window.end, this.#context.zone()));
      return Math.max(0, Math.round((parseDay(last) - parseDay(this.firstWeek)) / WEEK_MS));
    }
    return Math.max(0, Math.floor(this.#context.weeksAhead()) - 1);
  }

  get atStart(): boolean {
    return this.offset <= 0;
  }

  get atEnd(): boolean {
    return this.offset >= this.lastOffset;
  }

  /** Shows week `offset`, nothing chosen in it yet. */
  show(offset: number): void {
    this.offset = offset;
    this.selectedDay = undefined;
    this.dayTabStop = undefined;
    this.timeTabStop = undefined;
    this.#host.requestUpdate();
  }

  /** The next (`1`) or previous (`-1`) week, within the weeks offered and not while busy. */
  move(by: number): void {
    const next = this.offset + by;
    if (next < 0 || next > this.lastOffset || this.#context.busy()) return;
    this.show(next);
  }

  selectDay(day: string): void {
    this.selectedDay = day;
    this.dayTabStop = day;
    this.timeTabStop = undefined;
    this.#host.requestUpdate();
  }

  /** Where Tab enters the days (`day`) or the times (`time`) after the arrow keys moved. */
  rest(list: 'day' | 'time', stop: string): void {
    if (list === 'day') this.dayTabStop = stop;
    else this.timeTabStop = stop;
    this.#host.requestUpdate();
  }
}
