import { Task, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isKapApiError } from '../../api/errors.js';
import { isTimeZone, type ChecklistResponse } from '../../api/schemas.js';
import { KapElement, type ConfigurationProblem } from '../../base/kap-element.js';
import { formatUnit } from '../../base/language.js';
import { readBookingFragment, type BookingFragment } from '../../base/fragment-token.js';
import { markdown } from '../../base/markdown-template.js';
import { checklistProgress, dueAt, dueLasts, dueStatus, type DueStatus } from '../../checklist/due.js';
import { shownTexts } from '../../checklist/languages.js';
import { foreignLang, pickText, type ChosenText } from '../../i18n/local-text.js';
import { chosenText, interpolateMarked } from '../../base/local-template.js';
import { KapChecklistChangeEvent } from '../../events/kap-checklist-change.js';
import { KapChecklistCompleteEvent } from '../../events/kap-checklist-complete.js';
import { KapErrorEvent } from '../../events/kap-error.js';
import { formatDayLong, formatTime, formatZoneName } from '../../scheduling/format.js';
import { browserTimeZone, dayOf } from '../../scheduling/zones.js';
import type { KapStringKey } from '../../i18n/strings.js';
import { formStyles } from '../../styles/form.styles.js';
import { checklistCalendarFile } from './checklist-calendar.js';
import { ChecklistSync, type ChecklistEntry, type SyncStatus } from './checklist-sync.js';
import { checklistStyles } from './kap-prep-checklist.styles.js';
import { entriesOf, readStaticChecklist, type StaticChecklistResult } from './static-checklist.js';

/** What the checklist is shown against, from the backend or from the page. */
interface ChecklistView {
  bookingId: string | undefined;
  title: ChosenText | undefined;
  sessionStart: string;
  sessionEnd: string;
}

/** Statuses that set an item apart as needing doing now (calmly: a badge, never red). */
const PRESSING: ReadonlySet<DueStatus> = new Set(['overdue', 'due-soon']);

/** What the client is told while the element checks with the backend which ticks are saved. */
const SYNC_WORDS: Record<SyncStatus, KapStringKey> = {
  checking: 'checklistSyncChecking',
  offline: 'checklistSyncOffline',
  checked: 'checklistSyncDone',
};

/** Due statuses are re-read this often, so "Due soon" becomes "Due now" without a reload. */
const CLOCK_TICK_MS = 60_000;

/**
 * @summary The client's preparation checklist for a booked session: the session's date and time,
 * the clinic's items in their groups with each due time as a real local date and time, the ones
 * due now set apart, progress, ticks saved to the clinic's backend at once, calendar reminders
 * and a printable view.
 *
 * Give it `api` and `booking`, and the booking's access token as the `token` property — or let it
 * read `#booking=…&token=…` from the page's address (the link in the confirmation email), which
 * it then removes from the address bar. For a static page with no backend, put the checklist in a
 * child `<script type="application/json">`: `{"checklist": {…}, "sessionStart": "2026-03-05T15:00:00Z"}`
 * (optionally `"sessionEnd"`); ticks then last as long as the page and are stored nowhere.
 *
 * @event kap-checklist-change - An item was checked or unchecked and the change is saved (at
 *   once when there is no backend). `detail`: `{ bookingId?, itemId, done, doneCount, total }` —
 *   ids and counts only, never the item's text.
 * @event kap-checklist-complete - Every required item is done and saved; fired once. `detail`:
 *   `{ bookingId? }`.
 * @event kap-error - A failure the client is being shown, or a set-up problem. `detail`:
 *   `{ kind, code? }`, e.g. `{ kind: 'unauthorized', code: 'missing_token' }`,
 *   `{ kind: 'configuration', code: 'invalid_checklist' }` or `{ kind: 'network' }`.
 *
 * @csspart base - The wrapper around everything the element shows.
 * @csspart heading - The checklist's heading.
 * @csspart session - The session's date and time.
 * @csspart progress - "5 of 9 done" and its progress bar.
 * @csspart due-now - The list of items due now or soon, above the groups.
 * @csspart group - Each group of items ("The day before").
 * @csspart item - Each item: its checkbox, due time, details and any message about it.
 * @csspart badge - "Due now" / "Due soon" beside an item's due time.
 * @csspart details - An item's longer guidance.
 * @csspart notice - A message: a failed save, a problem with the link, a cancelled booking.
 * @csspart actions - The "Add reminders to my calendar" and "Print" row.
 * @csspart button - Every button, and the calendar link.
 * @csspart problem - The message shown when the element is set up wrongly.
 *
 * @cssproperty --kap-color-primary - Checkboxes, links, badges. Default teal `#1b5e63` (light), `#86d3d8` (dark).
 * @cssproperty --kap-color-on-primary - Text on primary buttons and the "Due now" badge. Default `#ffffff` / `#0b2325`.
 * @cssproperty --kap-color-text - Body text. Default `#1c262b` / `#eef3f4`.
 * @cssproperty --kap-color-muted - Hints, done items' details. Default `#4b5a61` / `#b3c1c6`.
 * @cssproperty --kap-color-background - Background. Default `#ffffff` / `#111a1d`.
 * @cssproperty --kap-color-surface - Notices. Default `#f1f6f6` / `#1b282c`.
 * @cssproperty --kap-color-border - Lines between items. Default `#5d6d74` / `#8a9ca3`.
 * @cssproperty --kap-color-error - A failed save's border. Default `#b3261e` / `#ff9b8f`.
 * @cssproperty --kap-color-success - The "everything is done" notice. Default `#1c6b3a` / `#86dca0`.
 * @cssproperty --kap-color-focus - The 3px focus ring. Default `#1f4fd1` / `#ffc94a`.
 * @cssproperty --kap-radius - Corner radius. Default `max(0.375rem, 6px)`.
 * @cssproperty --kap-space - The spacing unit. Default `max(1rem, 16px)`.
 * @cssproperty --kap-font-size - Base text size. Default `max(1rem, 16px)`: a root shrunk to 62.5 % does not shrink it.
 * @cssproperty --kap-font-family - Typeface. Default: the host page's (inherited).
 * @cssproperty --kap-max-width - The element's maximum width. Default `max(40rem, 640px)`.
 */
export class KapPrepChecklist extends KapElement {
  static override styles = [...KapElement.styles, formStyles, checklistStyles];

  /** The booking's id. When absent, the `booking` in the page address's fragment is used. */
  @property() booking: string | null = null;

  /**
   * IANA time zone the session and due times are shown in, e.g. `America/Chicago`. Defaults to
   * the browser's. A name that is not a zone shows the configuration message (`invalid_time_zone`).
   */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** Minutes before each due time (and the session) that the calendar reminders go off. */
  @property({ attribute: 'reminder-minutes', type: Number }) reminderMinutes = 60;

  /**
   * The booking's access token, sent only in the `Authorization` header. When absent, the
   * `token` in the page address's fragment is used (and removed from the address bar).
   */
  @property({ attribute: false }) token: string | undefined;

  /** The clock due statuses are read against; ticks every minute while on the page. */
  @state() private now = new Date();

  #fragment: BookingFragment = {};
  #static: StaticChecklistResult = { kind: 'none' };
  #clock: ReturnType<typeof setInterval> | undefined;
  #calendar: { key: string; url: string } | undefined;
  /** Whether `kap-checklist-complete` has fired (or the checklist was already complete when loaded). */
  #completed = false;
  #reported = new Set<string>();
  /** The language of the items' plain texts (the backend's `lang`, or the page's checklist's). */
  #contentLang = 'en';

  private readonly sync = new ChecklistSync(this, {
    save: (itemId, done) => {
      const { client, bookingId, accessToken } = this;
      if (this.#static.kind !== 'none' || !client || !bookingId || !accessToken) return undefined;
      return client
        .updateChecklistItem(bookingId, accessToken, itemId, done, { signal: this.connectionSignal })
        .then((item) => item.done);
    },
    fetchStates: () => {
      const { client, bookingId, accessToken } = this;
      if (this.#static.kind !== 'none' || !client || !bookingId || !accessToken) return undefined;
      return client
        .getChecklist(bookingId, accessToken, { signal: this.connectionSignal })
        .then((response) => new Map(response.items.map((item) => [item.id, item.done])));
    },
    saved: (itemId, done) => this.#saved(itemId, done),
    failed: (error) => {
      this.reportFailure(error);
      // Cancelled meanwhile (by the clinic, or in another tab): reload to say so.
      if (isKapApiError(error) && error.code === 'booking_cancelled') void this.loadTask.run();
    },
  });

  private readonly loadTask = new Task(this, {
    task: async ([client, bookingId, accessToken, mode], { signal }) => {
      if (mode !== 'none' || !client || !bookingId || !accessToken) return initialState;
      try {
        const response = await client.getChecklist(bookingId, accessToken, this.loadOptions(signal));
        this.#contentLang = response.lang ?? 'en';
        this.#startFrom(response.items);
        return response;
      } catch (error) {
        this.reportFailure(error);
        throw error;
      }
    },
    args: () => [this.client, this.bookingId, this.accessToken, this.#static.kind, this.connectionSignal] as const,
  });

  /** The booking in use: the `booking` attribute, else the one in the page address. */
  get bookingId(): string | undefined {
    return this.booking?.trim() || this.#fragment.booking || undefined;
  }

  private get accessToken(): string | undefined {
    return this.token || this.#fragment.token || undefined;
  }

  /** The zone times are shown in. */
  private get zone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.token) this.#fragment = readBookingFragment();
    this.now = new Date();
    this.#clock = setInterval(() => (this.now = new Date()), CLOCK_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    if (this.#calendar) URL.revokeObjectURL(this.#calendar.url);
    this.#calendar = undefined;
  }

  /** The child script is the static checklist: without it a static page would ask for an email link it never had. */
  protected override settingsUnreadable(problem: ConfigurationProblem): void {
    this.#static = { kind: 'invalid', problems: [] };
    this.reportConfigurationProblem(problem);
  }

  protected override settingsRead(settings: Record<string, unknown>): void {
    this.#static = readStaticChecklist(settings);
    if (this.#static.kind === 'ok') {
      this.#contentLang = this.#static.value.checklist.lang ?? 'en';
      this.#startFrom(entriesOf(this.#static.value.checklist));
    }
    if (this.#static.kind === 'invalid') {
      this.reportConfigurationProblem({
        code: 'invalid_checklist',
        detail: `The checklist in the page is not valid: ${this.#static.problems.join('; ')}.`,
      });
    }
  }

  /** A static checklist needs no `api`: its absence is not a problem there. */
  protected override reportConfigurationProblem(problem: ConfigurationProblem): void {
    if (problem.code === 'invalid_api' && this.#static.kind !== 'none' && !this.api?.trim()) return;
    super.reportConfigurationProblem(problem);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.checkTimeZone(this.timeZone);
    if (this.#static.kind === 'none' && !this.configurationProblem) {
      if (!this.bookingId) this.#reportOnce('missing_booking', 'unauthorized', 'missing_booking');
      else if (!this.accessToken) this.#reportOnce('missing_token', 'unauthorized', 'missing_token');
    }
  }

  #reportOnce(key: string, kind: 'configuration' | 'unauthorized', code: string): void {
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.emit(new KapErrorEvent({ kind, code }));
  }

  #startFrom(entries: readonly ChecklistEntry[]): void {
    this.sync.reset(entries);
    this.#completed = checklistProgress(entries).complete;
  }

  #saved(itemId: string, done: boolean): void {
    const progress = checklistProgress(this.sync.savedEntries);
    const bookingId = this.#static.kind === 'none' ? this.bookingId : undefined;
    this.emit(new KapChecklistChangeEvent({ bookingId, itemId, done, doneCount: progress.done, total: progress.total }));
    if (progress.complete && !this.#completed) {
      this.#completed = true;
      this.emit(new KapChecklistCompleteEvent({ bookingId }));
    }
  }

  // ---- rendering ------------------------------------------------------------------------

  protected renderContent(): unknown {
    if (this.#static.kind === 'ok') {
      const { checklist, sessionStart, sessionEnd } = this.#static.value;
      const title = checklist.title === undefined ? undefined : pickText(checklist.title, this.language, this.#contentLang);
      return this.#renderChecklist({ bookingId: undefined, title, sessionStart, sessionEnd });
    }
    if (!this.bookingId || !this.accessToken) {
      return this.#renderMessage('checklistMissingLinkHeading', this.t('checklistMissingLink'));
    }
    return this.loadTask.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      error: (error) => this.#renderLoadFailure(error),
      complete: (response) => (response ? this.#renderLoaded(response) : this.#renderLoading()),
    });
  }

  #renderLoading(): TemplateResult {
    return html`<div part="base" class="checklist">
      <p class="loading" role="status" tabindex="-1">${this.t('checklistLoading')}${this.renderStillLoading()}</p>
    </div>`;
  }

  #renderMessage(heading: 'checklistMissingLinkHeading' | 'checklistLinkExpiredHeading' | 'checklistCancelledHeading' | 'checklistLoadError', body: string, retry?: () => void): TemplateResult {
    return html`<div part="base" class="checklist">
      <div part="notice" class="notice ${retry ? 'notice--error' : ''}" role=${retry ? 'alert' : nothing}>
        ${this.heading(this.t(heading), { part: 'heading', focusable: true })}
        <p>${body}</p>
        ${retry
          ? html`<button part="button" class="button button--secondary" type="button" @click=${retry}>${this.t('tryAgain')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderLoadFailure(error: unknown): unknown {
    if (this.isAbort(error)) return this.#renderLoading();
    if (isKapApiError(error) && error.kind === 'unauthorized') {
      return this.#renderMessage('checklistLinkExpiredHeading', this.t('checklistLinkExpired'));
    }
    if (isKapApiError(error) && error.kind === 'not_found') {
      return this.#renderMessage('checklistLoadError', this.t('checklistNotFound'));
    }
    return this.#renderMessage('checklistLoadError', this.failureMessage(error), () => void this.loadTask.run());
  }

  #renderLoaded(response: ChecklistResponse): TemplateResult {
    const { booking } = response;
    if (booking.status === 'cancelled') {
      return this.#renderMessage('checklistCancelledHeading', this.t('checklistCancelled'));
    }
    return this.#renderChecklist({ bookingId: booking.id, title: undefined, sessionStart: booking.start, sessionEnd: booking.end });
  }

  #renderChecklist(view: ChecklistView): TemplateResult {
    const entries = this.sync.entries;
    const progress = checklistProgress(entries);
    const sync = this.sync.syncStatus;
    const zone = this.zone;
    return html`<div part="base" class="checklist">
      ${this.heading(view.title?.text ?? this.t('checklistHeading'), {
        part: 'heading',
        focusable: true,
        lang: view.title && this.#foreign(view.title),
      })}
      <p part="session" class="session">
        <span class="session-label">${this.t('checklistSessionLabel')}</span>
        <span class="session-when">
          ${this.t('checklistSessionWhen', {
            day: formatDayLong(dayOf(view.sessionStart, zone), this.locale),
            time: formatTime(view.sessionStart, zone, this.locale),
          })}
        </span>
      </p>
      <p class="zone-note muted">${this.t('checklistTimesIn', { zone: formatZoneName(zone, this.locale, view.sessionStart) })}</p>
      ${entries.length ? this.#renderProgress(progress) : html`<p class="notice">${this.t('checklistEmpty')}</p>`}
      <p class="sync-status muted" role="status">${sync ? this.t(SYNC_WORDS[sync]) : ''}</p>
      ${this.#renderDueNow(entries, view)} ${this.#renderGroups(entries, view)} ${this.#renderActions(entries, view)}
    </div>`;
  }

  #renderProgress(progress: ReturnType<typeof checklistProgress>): TemplateResult {
    return html`<div part="progress" class="progress">
        <p id="kap-progress" aria-live="polite">${this.t('checklistProgress', { done: progress.done, total: progress.total })}</p>
        <progress max=${progress.total} .value=${progress.done} aria-labelledby="kap-progress"></progress>
      </div>
      ${progress.complete ? html`<p part="notice" class="notice notice--success">${this.t('checklistAllDone')}</p>` : nothing}`;
  }

  #status(entry: ChecklistEntry, view: ChecklistView): DueStatus {
    return dueStatus(entry, view.sessionStart, this.now);
  }

  /**
   * "By 11:00 AM on Thursday, March 5, 2026", in the display zone — or "Until …" for what lasts
   * until a time after the session ("no driving until the next day"); `undefined` for untimed items.
   */
  #dueText(entry: ChecklistEntry, view: ChecklistView): string | undefined {
    if (entry.dueOffsetMinutes === undefined) return undefined;
    const due = dueAt(view.sessionStart, entry.dueOffsetMinutes);
    return this.t(dueLasts(entry.dueOffsetMinutes) ? 'checklistDueUntil' : 'checklistDueBy', {
      time: formatTime(due, this.zone, this.locale),
      day: formatDayLong(dayOf(due, this.zone), this.locale),
    });
  }

  #renderDueNow(entries: ChecklistEntry[], view: ChecklistView): unknown {
    const pressing = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => PRESSING.has(this.#status(entry, view)));
    if (!pressing.length) return nothing;
    return html`<div part="due-now" class="notice due-now">
      ${this.heading(this.t('checklistDueNowHeading'), {}, true)}
      <ul>
        ${pressing.map(
          ({ entry, index }) =>
            html`<li>
              <a href="#kap-item-${index}" @click=${(event: Event) => this.#focusItem(event, index)}
                >${this.#inLanguage(this.#shown(entry).text)}</a
              >
              <span class="muted">${this.#dueText(entry, view)}</span>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** An item's texts in the page's language where the clinic gave them, each with its language. */
  #shown(entry: ChecklistEntry): ReturnType<typeof shownTexts> {
    return shownTexts(entry, this.language, this.#contentLang);
  }

  /** The language of `chosen` when it is not the page's. */
  #foreign(chosen: ChosenText): string | undefined {
    return foreignLang(chosen, this.language);
  }

  #inLanguage(chosen: ChosenText): unknown {
    return chosenText(chosen, this.language);
  }

  #focusItem(event: Event, index: number): void {
    // The address bar's fragment is the page's (and may have carried the token): leave it alone.
    event.preventDefault();
    const box = this.renderRoot.querySelector<HTMLInputElement>(`#kap-item-${index}`);
    box?.focus();
    box?.closest('.item')?.scrollIntoView?.({ block: 'nearest' });
  }

  #renderGroups(entries: ChecklistEntry[], view: ChecklistView): TemplateResult[] {
    const groups = new Map<string, { group: ChosenText; members: { entry: ChecklistEntry; index: number }[] }>();
    entries.forEach((entry, index) => {
      const group = this.#shown(entry).group;
      const found = groups.get(group.text) ?? { group, members: [] };
      found.members.push({ entry, index });
      groups.set(group.text, found);
    });
    return [...groups.values()].map(
      ({ group, members }, groupIndex) => html`<fieldset part="group" class="group">
        <legend>
          ${this.heading(
            group.text.trim() || this.t('checklistOtherGroup'),
            { id: `kap-group-${groupIndex}`, class: 'group-heading', lang: (group.text.trim() && this.#foreign(group)) || undefined },
            true,
          )}
        </legend>
        <ul class="items" role="list">
          ${members.map(({ entry, index }) => this.#renderItem(entry, index, view))}
        </ul>
      </fieldset>`,
    );
  }

  #renderItem(entry: ChecklistEntry, index: number, view: ChecklistView): TemplateResult {
    const id = `kap-item-${index}`;
    const status = this.#status(entry, view);
    const dueText = this.#dueText(entry, view);
    const failure = this.sync.failureOf(entry.id);
    const shown = this.#shown(entry);
    const describedBy = [dueText ? `${id}-due` : '', entry.details ? `${id}-details` : ''].filter(Boolean).join(' ');
    return html`<li part="item" class="item ${entry.done ? 'item--done' : ''}" data-item=${entry.id} data-status=${status}>
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          name=${entry.id}
          .checked=${live(entry.done)}
          aria-describedby=${describedBy || nothing}
          @change=${(event: Event) => this.sync.toggle(entry.id, (event.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${this.#inLanguage(shown.text)}${entry.required ? nothing : ` ${this.t('optional')}`}</label>
      </div>
      <div class="item-info">
        ${dueText
          ? html`<p class="due" id="${id}-due">
              ${status === 'overdue'
                ? html`<span part="badge" class="badge badge--now">${this.t('checklistDueNow')}</span>`
                : status === 'due-soon'
                  ? html`<span part="badge" class="badge">${this.t('checklistDueSoon')}</span>`
                  : nothing}
              <span class="due-time">${dueText}</span>
            </p>`
          : nothing}
        ${shown.details
          ? html`<div part="details" class="details" id="${id}-details">
              ${markdown(shown.details.text, { ...(this.#foreign(shown.details) ? { lang: this.#foreign(shown.details)! } : {}) })}
            </div>`
          : nothing}
        ${this.sync.isSaving(entry.id) ? html`<p class="saving muted">${this.t('checklistSaving')}</p>` : nothing}
        ${failure ? this.#renderSaveFailure(entry, index, failure) : nothing}
      </div>
    </li>`;
  }

  /** Its "Try again" hands focus back to the item's checkbox once it is gone (the save under way, or done). */
  #renderSaveFailure(entry: ChecklistEntry, index: number, failure: { error: unknown; wanted: boolean }): TemplateResult {
    const error = failure.error;
    const reason =
      isKapApiError(error) && error.kind === 'unauthorized'
        ? this.t('checklistLinkExpired')
        : isKapApiError(error) && error.kind === 'not_found'
          ? this.t('checklistNotFound')
          : this.failureMessage(error);
    return html`<div part="notice" class="notice notice--error" role="alert">
      <p>
        <strong>
          ${interpolateMarked(this.t(failure.wanted ? 'checklistSaveFailedDone' : 'checklistSaveFailedUndone'), {
            item: { text: this.#shown(entry).text.text, lang: this.#foreign(this.#shown(entry).text) },
          })}
        </strong>
      </p>
      <p>${reason}</p>
      <button
        part="button"
        class="button button--secondary retry"
        type="button"
        data-focus-fallback="#kap-item-${index}"
        @click=${() => this.sync.retry(entry.id)}
      >
        ${this.t('tryAgain')}
      </button>
    </div>`;
  }

  #renderActions(entries: ChecklistEntry[], view: ChecklistView): TemplateResult {
    const url = this.#calendarUrl(entries, view);
    return html`<div part="actions" class="actions">
        <a part="button" class="button button--secondary" href=${url} download="preparation-reminders.ics" aria-describedby="kap-reminders-hint"
          >${this.t('checklistAddReminders')}</a
        >
        <button part="button" class="button button--secondary" type="button" @click=${() => window.print()}>
          ${this.t('checklistPrint')}
        </button>
      </div>
      <p class="hint" id="kap-reminders-hint">${this.t('checklistRemindersHint', { lead: this.#reminderLead() })}</p>`;
  }

  get #reminderMinutes(): number {
    const minutes = Math.round(this.reminderMinutes);
    return Number.isFinite(minutes) && minutes >= 0 ? minutes : 60;
  }

  /** "1 hour", "30 minutes", "1 day". */
  #reminderLead(): string {
    const minutes = this.#reminderMinutes;
    const [value, unit] = minutes && minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes && minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
    return formatUnit(value, unit, this.locale);
  }

  /** A Blob URL for the reminders file, made again only when what goes in it changes. */
  #calendarUrl(entries: ChecklistEntry[], view: ChecklistView): string {
    const input = {
      uidPrefix: view.bookingId ?? `checklist-${Date.parse(view.sessionStart)}`,
      uidDomain: this.client?.base.hostname || 'kap-elements',
      sessionStart: view.sessionStart,
      sessionEnd: view.sessionEnd,
      entries: entries.map((entry) => ({
        id: entry.id,
        text: this.#shown(entry).text.text,
        dueOffsetMinutes: entry.dueOffsetMinutes,
        group: '',
        required: true,
        done: false,
      })),
      reminderMinutes: this.#reminderMinutes,
      sessionSummary: this.t('checklistCalendarSession'),
      itemDescription: this.t('checklistCalendarDescription'),
    };
    const key = JSON.stringify(input);
    if (this.#calendar?.key !== key) {
      const ics = checklistCalendarFile({ ...input, now: new Date() });
      if (this.#calendar) URL.revokeObjectURL(this.#calendar.url);
      this.#calendar = { key, url: URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' })) };
    }
    return this.#calendar.url;
  }
}
