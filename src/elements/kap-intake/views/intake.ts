/**
 * `<kap-intake>`'s content by state: loading, a form that could not be loaded (with "Try again"),
 * the page shown, or the confirmation once the answers are sent; and the live region that
 * announces the crisis panel once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { safetyFields } from '../../../forms/flags.js';
import { importOnce } from '../../../base/import-once.js';
import { isUnknownForm } from '../controllers/form-source.js';
import { renderFormPage } from './form-page.js';
import type { IntakeView } from './intake-view.js';

/** The crisis panel's templates (crisis-panel.ts), once a form that can show the panel needed them. */
let crisisViews: typeof import('./crisis-panel.js') | undefined;

/** Whether `form` can be shown now: it asks no safety question, or the crisis panel is here to answer one. */
export function crisisPanelAtHand(form: ResolvedForm): boolean {
  return !!crisisViews || safetyFields(form).length === 0;
}

/**
 * Loads the crisis panel for a form with safety questions (in the drop-in files, a chunk). The
 * element shows such a form only once it is here, so a safety answer always finds its panel.
 */
export async function loadCrisisPanel(form: ResolvedForm): Promise<void> {
  if (!crisisPanelAtHand(form)) crisisViews = await importCrisisViews();
}

const importCrisisViews = importOnce(() => import('./crisis-panel.js'));

/** The safety signals' sender, which comes with the crisis panel: at hand whenever a safety answer can be given. */
export const signalSender = () => crisisViews?.SafetySignals;

/** Starts fetching the crisis panel ahead of `loadCrisisPanel`, which waits for it and says if it did not come. */
export function preloadCrisisPanel(): void {
  if (!crisisViews)
    importCrisisViews().then(
      (views) => (crisisViews = views),
      () => undefined,
    );
}

export function renderIntake(v: IntakeView): TemplateResult {
  const { ui, source } = v;
  // Focusable: where focus waits (see FocusRescue) when a "Try again" gives way to loading.
  const loading = html`<p role="status" tabindex="-1">${ui.t('loading')}${ui.renderStillLoading()}</p>`;
  const local = source.local;
  return html`<div part="base" class="intake">
    ${
      local
        ? renderForm(v, local.form, loading)
        : source.task.render({
            initial: () => loading,
            pending: () => renderForm(v, v.flow.form, loading),
            // A form the backend does not have is a set-up problem, shown instead of the element.
            error: (error) => (isAbort(error) || isUnknownForm(error) ? loading : renderLoadFailure(v, error)),
            complete: (form) => renderForm(v, form, loading),
          })
    }
    <p class="visually-hidden" aria-live="polite">${crisisViews?.crisisAnnouncement(v) ?? ''}</p>
  </div>`;
}

function renderLoadFailure(v: IntakeView, error: unknown): TemplateResult {
  return html`<div part="notice" class="notice notice--error" role="alert">
    <p><strong>${v.ui.t('intakeLoadError')}</strong></p>
    <p>${v.ui.failureMessage(error)}</p>
    <button part="button" class="button button--secondary" type="button" @click=${v.source.loadAgain}>${v.ui.t('tryAgain')}</button>
  </div>`;
}

/** `form` once it has started (see `IntakeFlow.start`) and is laid out for render (or sent), else `otherwise`. */
function renderForm(v: IntakeView, form: ResolvedForm | undefined, otherwise: unknown = nothing): unknown {
  const { flow, layout } = v;
  if (!form || form !== flow.form) return otherwise;
  // A safety answer comes only from a form shown once the panel was here (`loadCrisisPanel`).
  const crisis = () => (flow.safety && crisisViews ? crisisViews.renderCrisisPanel(crisisViews.crisisPanelView(v, form)) : nothing);
  // Only sending leads here, and the answer checks bring it (intake-validation.ts): they are here.
  if (flow.view === 'done') return flow.checks.checks?.renderConfirmation(v, form, crisis());
  return layout?.form === form ? renderFormPage(v, layout, crisis()) : otherwise;
}
