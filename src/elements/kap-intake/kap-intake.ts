import { exchangeBookingAccess } from '../../api/endpoints.js';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { BookingLink } from '../../base/booking-link.js';
import { CHUNK_UNAVAILABLE, chunkUnavailable } from '../../base/chunk-failure.js';
import { clinicTask } from '../../base/clinic-task.js';
import { KapElement, type ConfigurationProblem } from '../../base/kap-element.js';
import { loadMarkdown, markdownAtHand } from '../../base/markdown-template.js';
import { KapIntakePageEvent } from '../../events/kap-intake-page.js';
import { KapIntakeSubmitEvent } from '../../events/kap-intake-submit.js';
import type { ResolvedForm } from '../../forms/definition.js';
import { markdownTexts } from '../../forms/localize.js';
import { mayAskSafety } from '../../forms/parse.js';
import { formStyles } from '../../styles/form.styles.js';
import { FormSource } from './controllers/form-source.js';
import { IntakeFlow } from './controllers/intake-flow.js';
import { intakeStyles } from './kap-intake.styles.js';
import { crisisPanelAtHand, loadCrisisPanel, preloadCrisisPanel, renderIntake, signalSender } from './views/intake.js';
import { layoutPage, type IntakeView, type PageLayout } from './views/intake-view.js';
import { loadQuestionKinds, questionKindsAtHand } from './views/questions.js';

/**
 * @summary An intake questionnaire, one page at a time (GOV.UK patterns): medical screening,
 * validated instruments (PHQ-9, GAD-7, PCL-5), consent; check-your-answers with "Change" links,
 * crisis resources as soon as a safety answer is given (and, linked to a booking, a safety signal
 * to the clinic at once: `POST safety-signals`), then one idempotent submission.
 *
 * The definition comes from the backend (`form` → `GET forms/{id}`), the `definition` property,
 * or a child `<script type="application/json">` holding the definition (or `{"form": …,
 * "strings": …}`). One that fails `parseFormDefinition()` shows a calm message with the precise
 * problems on a line for the website team, and fires `kap-error` `{ kind: 'configuration', code:
 * 'invalid_form' }`.
 *
 * @event kap-intake-page - A page is shown. `detail`: `{ page, pageCount }` (numbers only);
 *   check-your-answers is `page: pageCount + 1`.
 * @event kap-intake-submit - The backend stored the intake. `detail`: `{ responseId }` — never
 *   answers, scores or flags.
 * @event kap-error - A failure the client is being shown, or a set-up problem. `detail`:
 *   `{ kind, code? }`, e.g. `{ kind: 'configuration', code: 'invalid_form' }` or `{ kind: 'network' }`.
 *
 * @csspart base - The wrapper around everything the element shows.
 * @csspart back - The Back link.
 * @csspart progress - "Step 2 of 6".
 * @csspart heading - The heading of each page.
 * @csspart error-summary - The "There is a problem" box that lists wrong answers.
 * @csspart field - Each question.
 * @csspart notice - An instrument's copyright notice, a failure with "Try again", or (first page of an
 *   intake linked to a booking) the word that a safety answer reaches the clinic at once.
 * @csspart crisis - The crisis resources panel, placed right after the answer that raised it.
 * @csspart answers - A page's answers on check-your-answers.
 * @csspart button - Every button.
 * @csspart confirmation - The confirmation after sending.
 * @csspart problem - The message shown when the element is set up wrongly.
 * @csspart email-links - "Email me my links", when the booking's link no longer works on sending (the answers stay): the form, then its confirmation.
 */
export class KapIntake extends KapElement {
  static override styles = [...KapElement.styles, formStyles, intakeStyles];
  static override get properties(): PropertyDeclarations {
    return {
      form: {},
      booking: {},
      token: { attribute: false },
      draft: {},
      definition: { attribute: false },
    };
  }

  /** The id of the form definition to load from the backend (`GET forms/{id}`). */
  form: string | null = null;

  /**
   * The id of the booking this intake belongs to; sent with the answers. When absent or empty,
   * the `booking` in the page address's fragment (`#booking=…&token=…`, the link after booking) is used.
   */
  booking: string | null = null;

  /**
   * The booking's access token, needed to link the answers to it; sent only in the `Authorization`
   * header. When absent, the `token` in the page address's fragment is used (and removed from the
   * address bar).
   */
  token: string | undefined;

  /**
   * `session` keeps a draft of the answers in sessionStorage (this tab only) for two hours after
   * the last change, so a reload loses nothing; with it, the idempotency key of a submission whose
   * answer was lost (and the earlier value of any answer changed since), so sending again after a
   * reload cannot store the intake twice. It is removed on submit. Off by default: nothing is stored.
   */
  draft: 'session' | null = null;

  /** The form definition as an object (instead of `form`); see `src/forms/README.md`. */
  definition: unknown;

  #scripted: unknown;
  /** Why the child `<script type="application/json">` could not be read, if it could not. */
  #unreadable: ConfigurationProblem | undefined;
  /** The booking and token: the page's own, else the link's (`#booking=…&token=…`). */
  private readonly link = new BookingLink(this, {
    id: () => this.booking,
    token: () => this.token,
    exchange: (bookingId, token) => this.client && exchangeBookingAccess(this.client, bookingId, token),
  });
  /** The page shown, as `willUpdate` laid it out for render. */
  #layout: PageLayout | undefined;
  #shown: string | undefined;

  private readonly flow = new IntakeFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    booking: () => this.bookingId,
    token: () => (this.bookingId ? this.accessToken : undefined),
    draft: () => this.draft === 'session',
    // In the element's language; only the answer checks ask, so the options come with them (validation-options.ts).
    validation: () =>
      this.flow.checks.checks?.validationOptions({ locale: this.locale, t: (key, params) => this.t(key, params), refresh: () => this.refreshStrings() }) ?? {
        locale: this.locale,
        messages: {},
      },
    submitted: (responseId) => this.emit(new KapIntakeSubmitEvent({ responseId })),
    failed: (error) => this.reportFailure(error),
    signalSender,
  });

  /**
   * Also waits for a Continue or Send that waits for the answer checks (in the drop-in file, a
   * chunk fetched as the form is shown) to act, so the page it leads to is there once this resolves;
   * and, with a draft opted in or parts of the element to load first (`#start`), for the form to start.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const rendered = await super.getUpdateComplete();
    await Promise.all([this.flow.checks.pressSettled, this.flow.drafting, this.#parts]);
    return (await super.getUpdateComplete()) && rendered;
  }

  /**
   * The form: a definition given on the page, resolved in `willUpdate` for the language in use (it
   * then shows in the element's first render, with no loading step and no second render, unless it
   * needs a part that is a chunk, which it waits for: `#start`), else the one fetched by id.
   */
  private readonly source = new FormSource(this, {
    client: () => this.client,
    formId: () => this.form,
    connection: () => this.connectionSignal,
    loadOptions: (signal) => this.loadOptions(signal),
    pageDefinition: () => this.definition ?? this.#scripted,
    unreadable: () => this.#unreadable,
    problem: (problem) => this.reportConfigurationProblem(problem),
    clearProblem: () => {
      if (this.configurationProblem?.code.endsWith('_form')) this.configurationProblem = undefined;
    },
    setupProblemBehind: (error) => this.setupProblemBehind(error),
    failed: (error) => this.reportFailure(error),
    // A form that may ask a safety question (PHQ-9's item 9) has its crisis panel fetched beside the instruments, not after them.
    fetchingIncludes: (json) => {
      if (mayAskSafety(json)) preloadCrisisPanel();
    },
    resolved: (form) => this.#start(form),
  });

  /** The form last resolved, which starts once every part it needs is here. */
  #resolved: ResolvedForm | undefined;
  /** Settles once the parts the last form waited for have loaded (at once when it needed none). */
  #parts: Promise<void> = Promise.resolve();

  /**
   * Starts `form` once the parts it needs are here (in the drop-in file, chunks), showing
   * "Loading…" meanwhile: the templates of a date and a consent for a form that asks one, the
   * markdown parser for one with markdown in its texts, the crisis panel for one with safety
   * questions. Without them it cannot be shown: a fetched form's task fails (with "Try again"), a
   * form given on the page shows the set-up problem.
   */
  #start(form: ResolvedForm): Promise<void> | void {
    this.#resolved = form;
    const textsReady = markdownAtHand(markdownTexts(form));
    if (textsReady && questionKindsAtHand(form) && crisisPanelAtHand(form)) return this.flow.start(form);
    const started = Promise.all([loadQuestionKinds(form), textsReady || loadMarkdown(), loadCrisisPanel(form)]).then(
      () => {
        if (this.#resolved !== form) return;
        this.flow.start(form);
        this.requestUpdate();
      },
      (cause: unknown) => {
        const failure = chunkUnavailable(this, cause);
        if (!this.source.local) throw failure;
        this.reportConfigurationProblem(CHUNK_UNAVAILABLE);
      },
    );
    this.#parts = started.catch(() => undefined);
    return started;
  }

  /**
   * The clinic (`GET clinic`), read once a form that names no clinic number is shown: the crisis
   * panel then offers the clinic's phone. A clinic that cannot be read leaves the panel without it.
   */
  private readonly clinicTask = clinicTask(this, () => [this.client, Boolean(this.flow.form && !this.flow.form.crisis?.clinicPhone), this.connectionSignal]);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.update(this.language);
    const form = this.source.local?.form ?? this.flow.form;
    // A form still waiting to start (for its draft) is not laid out: the page shows loading.
    this.#layout = form && form === this.flow.form && this.flow.view !== 'done' ? layoutPage(form, this.flow) : undefined;
  }

  /** The booking in use: the `booking` attribute, else the one in the page address. */
  get bookingId(): string | undefined {
    return this.link.bookingId;
  }

  /** The token in use: the `token` property, else the link's when it names this booking (or none). */
  private get accessToken(): string | undefined {
    return this.link.token;
  }

  protected override settingsRead(settings: Record<string, unknown>): void {
    const found = 'pages' in settings ? settings : settings['form'];
    if (found !== undefined) this.#scripted = found;
  }

  protected override settingsUnreadable(problem: ConfigurationProblem): void {
    this.#unreadable = problem;
    // With a form id the script held only settings such as strings: the form still works.
    if (this.form) super.settingsUnreadable(problem);
  }

  /** Once the form is shown, a set-up problem found on sending must not take the answers off screen. */
  protected override get showsClientInput(): boolean {
    return Boolean(this.flow.form);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { focus, view, page } = this.flow;
    const target = focus && this.renderRoot.querySelector<HTMLElement>(focus === 'summary' ? '.error-summary' : '#heading');
    if (target) {
      this.flow.focus = undefined;
      target.focus();
    }
    const at = `${view}${page}`;
    if (this.#layout && view !== 'done' && at !== this.#shown) {
      this.#shown = at;
      this.emit(new KapIntakePageEvent(this.#layout.position));
    }
  }

  /** What the views read, as this render sees it. */
  #view(): IntakeView {
    return {
      ui: this.ui,
      root: this.renderRoot,
      flow: this.flow,
      source: this.source,
      clinicPhone: this.clinicTask.value?.phone,
      layout: this.#layout,
    };
  }

  protected renderContent(): unknown {
    return renderIntake(this.#view());
  }
}
