/** The checklist: the session, progress, what is due now, the items in their groups, reminders and print. */
import { html, nothing, type TemplateResult } from 'lit';
import { isKapApiError } from '../../../api/errors.js';
import { chosenText, interpolateMarked } from '../../../base/local-template.js';
import { markdown } from '../../../base/markdown-template.js';
import { checklistProgress, dueAt, dueLasts, dueStatus, type DueStatus } from '../../../checklist/due.js';
import { foreignLang, type ChosenText } from '../../../i18n/local-text.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { formatDayLong, formatTime, formatZoneName } from '../../../scheduling/format.js';
import { dayOf } from '../../../scheduling/zones.js';
import type { ChecklistEntry, SyncStatus } from '../controllers/checklist-sync.js';
import { shown, type ChecklistSession, type ChecklistView } from './checklist-view.js';

/** Statuses that set an item apart as needing doing now (calmly: a badge, never red). */
const PRESSING: ReadonlySet<DueStatus> = new Set(['overdue', 'due-soon']);

/** What the client is told while the element checks with the backend which ticks are saved. */
const SYNC_WORDS: Record<SyncStatus, KapStringKey> = {
  checking: 'checklistSyncChecking',
  offline: 'checklistSyncOffline',
  checked: 'checklistSyncDone',
};

/** The language of `chosen` when it is not the page's. */
function foreign(v: ChecklistView, chosen: ChosenText): string | undefined {
  return foreignLang(chosen, v.ui.language);
}

function inLanguage(v: ChecklistView, chosen: ChosenText): unknown {
  return chosenText(chosen, v.ui.language);
}

export function renderChecklist(v: ChecklistView, session: ChecklistSession): TemplateResult {
  const { t, locale } = v.ui;
  const entries = v.sync.entries;
  const sync = v.sync.syncStatus;
  return html`<div part="base" class="checklist">
    ${v.ui.heading(session.title?.text ?? t('checklistHeading'), {
      part: 'heading',
      focusable: true,
      lang: session.title && foreign(v, session.title),
    })}
    <p part="session" class="session">
      <span class="session-label">${t('checklistSessionLabel')}</span>
      <span class="session-when">
        ${t('checklistSessionWhen', {
          day: formatDayLong(dayOf(session.sessionStart, v.zone), locale),
          time: formatTime(session.sessionStart, v.zone, locale),
        })}
      </span>
    </p>
    <p class="zone-note muted">${t('checklistTimesIn', { zone: formatZoneName(v.zone, locale, session.sessionStart) })}</p>
    ${entries.length ? renderProgress(v, checklistProgress(entries)) : html`<p class="notice">${t('checklistEmpty')}</p>`}
    <p class="sync-status muted" role="status">${sync ? t(SYNC_WORDS[sync]) : ''}</p>
    ${renderDueNow(v, entries, session)} ${renderGroups(v, entries, session)} ${renderActions(v)}
  </div>`;
}

function renderProgress(v: ChecklistView, progress: ReturnType<typeof checklistProgress>): TemplateResult {
  return html`<div part="progress" class="progress">
      <p id="kap-progress" aria-live="polite">${v.ui.t('checklistProgress', { done: progress.done, total: progress.total })}</p>
      <progress max=${progress.total} .value=${progress.done} aria-labelledby="kap-progress"></progress>
    </div>
    ${progress.complete ? html`<p part="notice" class="notice notice--success">${v.ui.t('checklistAllDone')}</p>` : nothing}`;
}

function status(v: ChecklistView, entry: ChecklistEntry, session: ChecklistSession): DueStatus {
  return dueStatus(entry, session.sessionStart, v.now);
}

/**
 * "By 11:00 AM on Thursday, March 5, 2026", in the display zone — or "Until …" for what lasts
 * until a time after the session ("no driving until the next day"); `undefined` for untimed items.
 */
function dueText(v: ChecklistView, entry: ChecklistEntry, session: ChecklistSession): string | undefined {
  if (entry.dueOffsetMinutes === undefined) return undefined;
  const due = dueAt(session.sessionStart, entry.dueOffsetMinutes);
  return v.ui.t(dueLasts(entry.dueOffsetMinutes) ? 'checklistDueUntil' : 'checklistDueBy', {
    time: formatTime(due, v.zone, v.ui.locale),
    day: formatDayLong(dayOf(due, v.zone), v.ui.locale),
  });
}

function renderDueNow(v: ChecklistView, entries: ChecklistEntry[], session: ChecklistSession): unknown {
  const pressing = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => PRESSING.has(status(v, entry, session)));
  if (!pressing.length) return nothing;
  return html`<div part="due-now" class="notice due-now">
    ${v.ui.heading(v.ui.t('checklistDueNowHeading'), {}, true)}
    <ul>
      ${pressing.map(
        ({ entry, index }) =>
          html`<li>
            <a href="#kap-item-${index}" @click=${(event: Event) => focusItem(v, event, index)}>${inLanguage(v, shown(v, entry).text)}</a>
            <span class="muted">${dueText(v, entry, session)}</span>
          </li>`,
      )}
    </ul>
  </div>`;
}

function focusItem(v: ChecklistView, event: Event, index: number): void {
  // The address bar's fragment is the page's (and may have carried the token): leave it alone.
  event.preventDefault();
  const box = v.root.querySelector<HTMLInputElement>(`#kap-item-${index}`);
  box?.focus();
  box?.closest('.item')?.scrollIntoView?.({ block: 'nearest' });
}

function renderGroups(v: ChecklistView, entries: ChecklistEntry[], session: ChecklistSession): TemplateResult[] {
  const groups = new Map<string, { group: ChosenText; members: { entry: ChecklistEntry; index: number }[] }>();
  entries.forEach((entry, index) => {
    const group = shown(v, entry).group;
    const found = groups.get(group.text) ?? { group, members: [] };
    found.members.push({ entry, index });
    groups.set(group.text, found);
  });
  return [...groups.values()].map(
    ({ group, members }, groupIndex) => html`<fieldset part="group" class="group">
      <legend>
        ${v.ui.heading(
          group.text.trim() || v.ui.t('checklistOtherGroup'),
          { id: `kap-group-${groupIndex}`, class: 'group-heading', lang: (group.text.trim() && foreign(v, group)) || undefined },
          true,
        )}
      </legend>
      <ul class="items" role="list">
        ${members.map(({ entry, index }) => renderItem(v, entry, index, session))}
      </ul>
    </fieldset>`,
  );
}

function renderItem(v: ChecklistView, entry: ChecklistEntry, index: number, session: ChecklistSession): TemplateResult {
  const t = v.ui.t;
  const id = `kap-item-${index}`;
  const itemStatus = status(v, entry, session);
  const due = dueText(v, entry, session);
  const failure = v.sync.failureOf(entry.id);
  const texts = shown(v, entry);
  const describedBy = [due ? `${id}-due` : '', entry.details ? `${id}-details` : ''].filter(Boolean).join(' ');
  const detailsLang = texts.details && foreign(v, texts.details);
  // `.checked` is bound plainly, not with live(): every change of the box goes through toggle(), so
  // the state shown follows the box, and any later change of it (a failed save, the backend's word)
  // differs from what was last drawn, so Lit sets it.
  return html`<li part="item" class="item ${entry.done ? 'item--done' : ''}" data-item=${entry.id} data-status=${itemStatus}>
    <div class="choice">
      <input
        type="checkbox"
        id=${id}
        name=${entry.id}
        .checked=${entry.done}
        aria-describedby=${describedBy || nothing}
        @change=${(event: Event) => v.sync.toggle(entry.id, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${inLanguage(v, texts.text)}${entry.required ? nothing : ` ${t('optional')}`}</label>
    </div>
    <div class="item-info">
      ${
        due
          ? html`<p class="due" id="${id}-due">
            ${
              itemStatus === 'overdue'
                ? html`<span part="badge" class="badge badge--now">${t('checklistDueNow')}</span>`
                : itemStatus === 'due-soon'
                  ? html`<span part="badge" class="badge">${t('checklistDueSoon')}</span>`
                  : nothing
            }
            <span class="due-time">${due}</span>
          </p>`
          : nothing
      }
      ${
        texts.details
          ? html`<div part="details" class="details" id="${id}-details">
            ${markdown(texts.details.text, { ...(detailsLang ? { lang: detailsLang } : {}) })}
          </div>`
          : nothing
      }
      ${v.sync.isSaving(entry.id) ? html`<p class="saving muted">${t('checklistSaving')}</p>` : nothing}
      ${failure ? renderSaveFailure(v, entry, index, failure) : nothing}
    </div>
  </li>`;
}

/** Its "Try again" hands focus back to the item's checkbox once it is gone (the save under way, or done). */
function renderSaveFailure(v: ChecklistView, entry: ChecklistEntry, index: number, failure: { error: unknown; wanted: boolean }): TemplateResult {
  const t = v.ui.t;
  const error = failure.error;
  const reason =
    isKapApiError(error) && error.kind === 'unauthorized'
      ? t('checklistLinkExpired')
      : isKapApiError(error) && error.kind === 'not_found'
        ? t('checklistNotFound')
        : v.ui.failureMessage(error);
  const text = shown(v, entry).text;
  return html`<div part="notice" class="notice notice--error" role="alert">
    <p>
      <strong>
        ${interpolateMarked(t(failure.wanted ? 'checklistSaveFailedDone' : 'checklistSaveFailedUndone'), {
          item: { text: text.text, lang: foreign(v, text) },
        })}
      </strong>
    </p>
    <p>${reason}</p>
    <button
      part="button"
      class="button button--secondary retry"
      type="button"
      data-focus-fallback="#kap-item-${index}"
      @click=${() => v.sync.retry(entry.id)}
    >
      ${t('tryAgain')}
    </button>
  </div>`;
}

function renderActions(v: ChecklistView): TemplateResult {
  return html`<div part="actions" class="actions">
      ${v.reminders?.link(v) ?? nothing}
      <button part="button" class="button button--secondary" type="button" @click=${() => window.print()}>${v.ui.t('checklistPrint')}</button>
    </div>
    ${v.reminders?.hint(v) ?? nothing}`;
}
