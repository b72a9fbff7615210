import { exchangeBookingAccess, getChecklist, updateChecklistItem } from '../../api/endpoints.js';
import { Task, initialState } from '@lit/task';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { isKapApiError } from '../../api/errors.js';
import { Instant } from '../../api/generated/contract.js';
import type { ChecklistResponse } from '../../api/schemas.js';
import { isTimeZone } from '../../api/time-zone.js';
import { BookingLink } from '../../base/booking-link.js';
import { CalendarFileUrl } from '../../base/calendar-file-url.js';
import { KapElement, type ConfigurationProblem } from '../../base/kap-element.js';
import { loadMarkdown, markdownAtHand } from '../../base/markdown-template.js';
import { firstTime } from '../../base/report-once.js';
import { timeZoneProblem } from '../../base/time-zone-problem.js';
import { checklistProgress } from '../../checklist/due.js';
import { KapChecklistChangeEvent } from '../../events/kap-checklist-change.js';
import { KapChecklistCompleteEvent } from '../../events/kap-checklist-complete.js';
import { KapErrorEvent } from '../../events/kap-error.js';
import { pickText } from '../../i18n/local-text.js';
import { browserTimeZone } from '../../scheduling/zones.js';
import { CHUNK_UNAVAILABLE, chunkUnavailable } from '../../base/chunk-failure.js';
import { formStyles } from '../../styles/form.styles.js';
import { ChecklistSync, type ChecklistEntry } from './controllers/checklist-sync.js';
import { checklistStyles } from './kap-prep-checklist.styles.js';
import type { StaticChecklistResult } from './static-checklist.js';
import { renderChecklist } from './views/checklist.js';
import { renderLoadFailure, renderLoading, renderMessage, type ChecklistReminders, type ChecklistSession, type ChecklistView } from './views/checklist-view.js';

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
 * @csspart email-links - "Email me my links", where the booking's link is missing or no longer works: the form, then its confirmation.
 */
export class KapPrepChecklist extends KapElement {
  static override styles = [...KapElement.styles, formStyles, checklistStyles];
  static override get properties(): PropertyDeclarations {
    return {
      booking: {},
      timeZone: { attribute: 'time-zone' },
      reminderMinutes: { attribute: 'reminder-minutes', type: Number },
      token: { attribute: false },
      // `attribute: false` too: the manifest's analyzer lists any property without it as an attribute.
      now: { attribute: false, state: true },
    };
  }

  /** The booking's id. When absent, the `booking` in the page address's fragment is used. */
  booking: string | null = null;

  /**
   * IANA time zone the session and due times are shown in, e.g. `America/Chicago`. Defaults to
   * the browser's. A name that is not a zone shows the configuration message (`invalid_time_zone`).
   */
  timeZone: string | null = null;

  /** Minutes before each due time (and the session) that the calendar reminders go off. */
  reminderMinutes = 60;

  /**
   * The booking's access token, sent only in the `Authorization` header. When absent, the
   * `token` in the page address's fragment is used (and removed from the address bar).
   */
  token: string | undefined;

  /** The clock due statuses are read against; ticks every minute while on the page. */
  private now = new Date();

  /** The booking and token: the page's own, else the link's (`#booking=…&token=…`). */
  private readonly link = new BookingLink(this, {
    id: () => this.booking,
    token: () => this.token,
    exchange: (bookingId, token) => this.client && exchangeBookingAccess(this.client, bookingId, token),
  });
  /** The page's own checklist: none, being read (its checker is loaded only for one), or read. */
  #static: StaticChecklistResult | { kind: 'reading' } = { kind: 'none' };
  #clock: ReturnType<typeof setInterval> | undefined;
  readonly #reminders = new CalendarFileUrl(this, () => import('./checklist-calendar.js'));
  /** The reminders' link and hint, once their module has come with the file's writer. */
  #remindersViews: ChecklistReminders | undefined;
  /** Whether `kap-checklist-complete` has fired (or the checklist was already complete when loaded). */
  #completed = false;
  /** The language of the items' plain texts (the backend's `lang`, or the page's checklist's). */
  #contentLang = 'en';

  private readonly sync = new ChecklistSync(this, {
    save: (itemId, done) => {
      const { client, bookingId, accessToken } = this;
      if (this.#static.kind !== 'none' || !client || !bookingId || !accessToken) return undefined;
      return updateChecklistItem(client, bookingId, accessToken, itemId, done, { signal: this.connectionSignal }).then((item) => item.done);
    },
    fetchStates: () => {
      const { client, bookingId, accessToken } = this;
      if (this.#static.kind !== 'none' || !client || !bookingId || !accessToken) return undefined;
      return getChecklist(client, bookingId, accessToken, { signal: this.connectionSignal }).then(
        (response) => new Map(response.items.map((item) => [item.id, item.done])),
      );
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
      const response = await getChecklist(client, bookingId, accessToken, this.loadOptions(signal));
      // Items with markdown in their texts wait for its parser (a chunk): the list shows whole, in one render.
      if (!markdownAtHand(response.items)) await loadMarkdown().catch((cause: unknown) => Promise.reject(chunkUnavailable(this, cause)));
      return response;
    },
    args: () => [this.client, this.bookingId, this.accessToken, this.#static.kind, this.connectionSignal] as const,
    onComplete: (response) => {
      this.#contentLang = response.lang ?? 'en';
      this.#startFrom(response.items);
    },
    // A chunk that did not arrive was told as a set-up problem already; the client reads the failure, with Try again.
    onError: (error) => (isKapApiError(error) && error.code === CHUNK_UNAVAILABLE.code) || this.reportFailure(error),
  });

  /** The booking in use: the `booking` attribute, else the one in the page address. */
  get bookingId(): string | undefined {
    return this.link.bookingId;
  }

  /** The `token` property, else the link's when it names this booking (or none). */
  private get accessToken(): string | undefined {
    return this.link.token;
  }

  /** The zone times are shown in. */
  private get zone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : browserTimeZone();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = new Date();
    this.#clock = setInterval(() => (this.now = new Date()), CLOCK_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
  }

  /** The child script is the static checklist: without it a static page would ask for an email link it never had. */
  protected override settingsUnreadable(problem: ConfigurationProblem): void {
    this.#static = { kind: 'invalid', problems: [] };
    this.reportConfigurationProblem(problem);
  }

  /**
   * A checklist in the child script is checked by a module imported only then (in the drop-in
   * file, a chunk fetched from the script's own origin): a page whose checklist comes from its
   * backend never loads it; nor the markdown parser, unless its items have markdown. "Loading"
   * shows meanwhile.
   */
  protected override settingsRead(settings: Record<string, unknown>): void {
    if (!Object.hasOwn(settings, 'checklist')) return;
    this.#static = { kind: 'reading' };
    // Without its checker a static page has nothing to show: the set-up message, and what to check.
    const unavailable = () => {
      this.#static = { kind: 'invalid', problems: [] };
      this.reportConfigurationProblem(CHUNK_UNAVAILABLE);
    };
    void import('./static-checklist.js')
      .then(({ staticChecklist }) => staticChecklist(settings, (value) => Instant.safeParse(value).success))
      .then((read) => {
        this.#static = read;
        if (read.kind === 'ok') {
          this.#contentLang = read.value.checklist.lang ?? 'en';
          this.#startFrom(read.entries);
        } else this.reportConfigurationProblem(read.problem);
        this.requestUpdate();
      }, unavailable);
  }

  /** A static checklist needs no `api`: its absence is not a problem there. */
  protected override reportConfigurationProblem(problem: ConfigurationProblem, tell?: boolean): void {
    if (problem.code === 'invalid_api' && this.#static.kind !== 'none' && !this.api?.trim()) return;
    super.reportConfigurationProblem(problem, tell);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.showProblem('invalid_time_zone', timeZoneProblem(this.timeZone));
    if (this.#static.kind === 'none' && !this.configurationProblem) {
      const missing = !this.bookingId ? 'missing_booking' : !this.accessToken ? 'missing_token' : undefined;
      if (missing && firstTime(this, `link:${missing}`)) this.emit(new KapErrorEvent({ kind: 'unauthorized', code: missing }));
    }
    const session = this.#session(this.loadTask.value);
    const uidDomain = this.client?.base.hostname || 'kap-elements';
    this.#remindersViews = session && this.#reminders.offer((calendar) => calendar.reminders.file(this.#view(), session, uidDomain))?.reminders;
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

  /** The session the checklist is shown against: the page's, or the loaded booking's unless cancelled. */
  #session(response: ChecklistResponse | undefined): ChecklistSession | undefined {
    if (this.#static.kind === 'ok') {
      const { checklist, sessionStart, sessionEnd } = this.#static.value;
      const title = checklist.title === undefined ? undefined : pickText(checklist.title, this.language, this.#contentLang);
      return { bookingId: undefined, title, sessionStart, sessionEnd };
    }
    if (this.#static.kind !== 'none' || !response || response.booking.status === 'cancelled') return undefined;
    const { booking } = response;
    return { bookingId: booking.id, title: undefined, sessionStart: booking.start, sessionEnd: booking.end };
  }

  /** What the views read, as this render sees it. */
  #view(): ChecklistView {
    return {
      ui: this.ui,
      root: this.renderRoot,
      sync: this.sync,
      now: this.now,
      zone: this.zone,
      contentLang: this.#contentLang,
      reminderMinutes: this.reminderMinutes,
      calendarUrl: this.#reminders.url,
      reminders: this.#remindersViews,
      retry: () => void this.loadTask.run(),
    };
  }

  protected renderContent(): unknown {
    const view = this.#view();
    const fromPage = this.#session(undefined);
    if (fromPage) return renderChecklist(view, fromPage);
    if (this.#static.kind === 'reading') return renderLoading(view);
    if (!this.bookingId || !this.accessToken) {
      return renderMessage(view, 'checklistMissingLinkHeading', this.t('checklistMissingLink'), undefined, this.ui.renderEmailLinks());
    }
    return this.loadTask.render({
      initial: () => renderLoading(view),
      pending: () => renderLoading(view),
      error: (error) => renderLoadFailure(view, error),
      complete: (response) => {
        if (!response) return renderLoading(view);
        if (response.booking.status === 'cancelled') return renderMessage(view, 'checklistCancelledHeading', this.t('checklistCancelled'));
        return renderChecklist(view, this.#session(response)!);
      },
    });
  }
}
