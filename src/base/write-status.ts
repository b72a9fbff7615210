/**
 * What the client hears while a write (a booking, a move, a cancel, an intake) is on its way: a
 * live status that says it is sending, then — within a few seconds — that the clinic's system is
 * slow or busy and when it will be tried again, with a Stop button; after Stop, that the outcome is
 * not known yet and that sending again checks first. One template for every element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RequestProgress } from '../api/client.js';
import { enWriteStatus } from '../i18n/en-write-status.js';
import { registerBuiltInStrings } from '../i18n/registry.js';
import type { EmailLinksStringKey, KapStringKey } from '../i18n/strings.js';
import type { ElementUi } from './element-ui.js';
import { formatWait } from './language.js';

registerBuiltInStrings(enWriteStatus);

/** A write as the status shows it (a flow's view of its `IdempotentWrite`). */
export interface WriteStatus {
  readonly sending: boolean;
  /** Set once the request is slow or retrying; the Stop button shows from then on. */
  readonly progress: RequestProgress | undefined;
  /** The client stopped the last send: whether it was recorded is not known yet. */
  readonly stopped: boolean;
  stop(): void;
}

/** The words for the write's state: `busy` while it is on its way and nothing is wrong yet. */
function writeStatusText(status: WriteStatus, busy: KapStringKey | EmailLinksStringKey, { t, locale }: ElementUi): string {
  if (!status.sending) return status.stopped ? t('writeStopped') : '';
  const progress = status.progress;
  if (progress?.kind === 'retry') {
    if (progress.error.kind === 'network') return t('writeRetryingConnection');
    if (progress.delayMs >= 1_000) return t('writeRetryingBusy', { wait: formatWait(progress.delayMs, locale) });
  }
  return progress ? t('writeStillTrying') : t(busy);
}

/**
 * The live status of a write and its Stop button, in `ui`'s words. Imported by the views that write
 * (most of them in chunks), so an element whose first view writes nothing does not carry it.
 */
export function renderWriteStatus(ui: ElementUi, status: WriteStatus, busy: KapStringKey | EmailLinksStringKey): TemplateResult {
  const stop = (event: Event) => {
    status.stop();
    // The button goes away; the status that now says what happened keeps the focus.
    const live = (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>('.status');
    live?.focus();
  };
  return html`<div class="write-status">
    <p class="status" role="status" tabindex="-1">${writeStatusText(status, busy, ui)}</p>
    ${
      status.sending && status.progress
        ? html`<button part="button" class="button button--secondary stop" type="button" @click=${stop}>${ui.t('writeStop')}</button>`
        : nothing
    }
  </div>`;
}
