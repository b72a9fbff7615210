/**
 * What `<kap-prep-checklist>`'s views read: its words (`ui`), the items and their saving, the
 * clock and zone due times are read against, and the reminders file. Views are template
 * functions of this; they change state only from event handlers, through the sync.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isAbort } from '../../../api/abort.js';
import { isKapApiError } from '../../../api/errors.js';
import type { ElementUi } from '../../../base/element-ui.js';
import { shownTexts } from '../../../checklist/languages.js';
import type { ChosenText } from '../../../i18n/local-text.js';
import type { ChecklistEntry, ChecklistSync } from '../controllers/checklist-sync.js';

/** What the checklist is shown against, from the backend or from the page. */
export interface ChecklistSession {
  bookingId: string | undefined;
  title: ChosenText | undefined;
  sessionStart: string;
  sessionEnd: string;
}

export interface ChecklistView {
  ui: ElementUi;
  /** The element's shadow root, where items are found to take focus. */
  root: ParentNode;
  sync: ChecklistSync;
  /** The clock due statuses are read against. */
  now: Date;
  /** The zone times are shown in. */
  zone: string;
  /** The language of the items' plain texts. */
  contentLang: string;
  /** The `reminder-minutes` the page set. */
  reminderMinutes: number;
  /** The reminders file's Blob URL. */
  calendarUrl: string | undefined;
  /** The reminders' file, link and hint (checklist-calendar.ts), once imported. */
  reminders: ChecklistReminders | undefined;
  /** Load the checklist again. */
  retry(): void;
}

/**
 * What the module that writes the reminders file gives (checklist-calendar.ts, in the drop-in
 * file a chunk): named here, so that module, which reads `ChecklistView`, and this one do not
 * import each other.
 */
export interface ChecklistReminders {
  /** The reminders file for `session`: `key` stands for what goes in it. */
  file(v: ChecklistView, session: ChecklistSession, uidDomain: string): { key: string; write: () => string };
  /** "Add reminders to my calendar", once the file is offered. */
  link(v: ChecklistView): unknown;
  /** What the file holds, under the row of actions, once the file is offered. */
  hint(v: ChecklistView): unknown;
}

/** An item's texts in the page's language where the clinic gave them, each with its language. */
export function shown(v: ChecklistView, entry: ChecklistEntry): ReturnType<typeof shownTexts> {
  return shownTexts(entry, v.ui.language, v.contentLang);
}

export function renderLoading(v: ChecklistView): TemplateResult {
  return html`<div part="base" class="checklist">
    <p class="loading" role="status" tabindex="-1">${v.ui.t('checklistLoading')}${v.ui.renderStillLoading()}</p>
  </div>`;
}

type MessageHeading = 'checklistMissingLinkHeading' | 'checklistLinkExpiredHeading' | 'checklistCancelledHeading' | 'checklistLoadError';

/**
 * A message in place of the checklist (no link, an expired one, a cancelled booking, a failure to
 * try again), and what the client can do about a link (`offer`).
 */
export function renderMessage(v: ChecklistView, heading: MessageHeading, body: string, retry?: () => void, offer: unknown = nothing): TemplateResult {
  return html`<div part="base" class="checklist">
    <div part="notice" class="notice ${retry ? 'notice--error' : ''}" role=${retry ? 'alert' : nothing}>
      ${v.ui.heading(v.ui.t(heading), { part: 'heading', focusable: true })}
      <p>${body}</p>
      ${retry ? html`<button part="button" class="button button--secondary" type="button" @click=${retry}>${v.ui.t('tryAgain')}</button>` : nothing}
    </div>
    ${offer}
  </div>`;
}

export function renderLoadFailure(v: ChecklistView, error: unknown): TemplateResult {
  if (isAbort(error)) return renderLoading(v);
  if (isKapApiError(error) && error.kind === 'unauthorized') {
    return renderMessage(v, 'checklistLinkExpiredHeading', v.ui.t('checklistLinkExpired'), undefined, v.ui.renderEmailLinks());
  }
  if (isKapApiError(error) && error.kind === 'not_found') return renderMessage(v, 'checklistLoadError', v.ui.t('checklistNotFound'));
  return renderMessage(v, 'checklistLoadError', v.ui.failureMessage(error), v.retry);
}
