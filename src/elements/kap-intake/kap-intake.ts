import { Task, initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isAbort } from '../../api/abort.js';
import { isKapApiError } from '../../api/errors.js';
import { BookingLink } from '../../base/booking-link.js';
import { clinicTask } from '../../base/clinic-task.js';
import { renderErrorSummary } from '../../base/error-summary.js';
import { KapElement, type ConfigurationProblem } from '../../base/kap-element.js';
import { inLanguage, interpolateMarked } from '../../base/local-template.js';
import { markdown } from '../../base/markdown-template.js';
import { KapIntakePageEvent, type KapIntakePageDetail } from '../../events/kap-intake-page.js';
import { KapIntakeSubmitEvent } from '../../events/kap-intake-submit.js';
import { nextAnswer } from '../../forms/answer-input.js';
import { crisisPanel } from '../../forms/crisis.js';
import { safetyFields } from '../../forms/flags.js';
import { includedPagesAtHand, loadIncludedPages, resolveFormDefinition, type ParseOptions } from '../../forms/parse.js';
import type { ResolvedForm, ResolvedPage } from '../../forms/definition.js';
import type { FormsTranslation } from '../../forms/translations.js';
import type { KapApiClient } from '../../api/client.js';
import { indexForm } from '../../forms/form-index.js';
import { datePartOrder, phoneExample } from '../../forms/locale-formats.js';
import { VALIDATION_MESSAGES, type ValidationError, type ValidationOptions } from '../../forms/validation.js';
import type { KapStringKey } from '../../i18n/strings.js';
import { formStyles } from '../../styles/form.styles.js';
import { renderCheckAnswers } from './check-answers.js';
import { renderCrisisPanel } from './crisis-panel.js';
import { FormLanguage } from './form-language.js';
import { IntakeFlow, type TooLong } from './intake-flow.js';
import { renderQuestion, type QuestionsView } from './questions.js';
import { intakeStyles } from './kap-intake.styles.js';

/** The page shown: what is visible, where it stands among the pages, and where the crisis panel goes. */
interface IntakeView {
  form: ResolvedForm;
  seen: IntakeFlow['visible'];
  /** The pages shown for these answers. */
  pages: ResolvedPage[];
  page: ResolvedPage;
  check: boolean;
  /** The page's place among the pages shown (1-based). */
  step: number;
  /** The answer slot on the page after which the crisis panel goes (the first safety answer there). */
  crisisAfter: string | undefined;
  /** What `kap-intake-page` says: positions in the definition. */
  position: KapIntakePageDetail;
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

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
 */
export class KapIntake extends KapElement {
  static override styles = [...KapElement.styles, formStyles, intakeStyles];

  /** The id of the form definition to load from the backend (`GET forms/{id}`). */
  @property() form: string | null = null;

  /**
   * The id of the booking this intake belongs to; sent with the answers. When absent or empty,
   * the `booking` in the page address's fragment (`#booking=…&token=…`, the link after booking) is used.
   */
  @property() booking: string | null = null;

  /**
   * The booking's access token, needed to link the answers to it; sent only in the `Authorization`
   * header. When absent, the `token` in the page address's fragment is used (and removed from the
   * address bar).
   */
  @property({ attribute: false }) token: string | undefined;

  /**
   * `session` keeps a draft of the answers in sessionStorage (this tab only) for two hours after
   * the last change, so a reload loses nothing; with it, the idempotency key of a submission whose
   * answer was lost (and the earlier value of any answer changed since), so sending again after a
   * reload cannot store the intake twice. It is removed on submit. Off by default: nothing is stored.
   */
  @property() draft: 'session' | null = null;

  /** The form definition as an object (instead of `form`); see `src/forms/README.md`. */
  @property({ attribute: false }) definition: unknown;

  #scripted: unknown;
  /** Why the child `<script type="application/json">` could not be read, if it could not. */
  #unreadable: ConfigurationProblem | undefined;
  /** The definition last fetched, so a change of language does not fetch it again. */
  #fetched: { client: unknown; id: string; json: unknown } | undefined;
  /** The booking and token: the page's own, else the link's (`#booking=…&token=…`). */
  private readonly link = new BookingLink(this, { id: () => this.booking, token: () => this.token });
  /** The page shown, as `willUpdate` laid it out for render. */
  #view: IntakeView | undefined;
  #shown: string | undefined;

  private readonly flow = new IntakeFlow(this, {
    client: () => this.client,
    signal: () => this.connectionSignal,
    booking: () => this.bookingId,
    token: () => (this.bookingId ? this.accessToken : undefined),
    draft: () => this.draft === 'session',
    validation: () => this.#validation(),
    submitted: (responseId) => this.emit(new KapIntakeSubmitEvent({ responseId })),
    failed: (error) => this.reportFailure(error),
  });

  private readonly formLanguage = new FormLanguage(this);

  /**
   * A definition given on the page (the `definition` property or the child script), resolved in
   * `willUpdate` for the language in use: the form then shows in the element's first render, with
   * no loading step and no second render. Resolved again only when the definition, the language or
   * its built-in content changes.
   */
  #local: { json: unknown; language: string; translations: FormsTranslation | undefined; form: ResolvedForm | undefined } | undefined;
  /** What the form fetched by id was last loaded with: it is loaded again only when one of them changes. */
  #fetchArgs: readonly unknown[] | undefined;

  /** A form fetched by id (`form` → `GET forms/{id}`); a local definition never runs it. */
  private readonly formTask = new Task(this, {
    autoRun: false,
    task: async ([client, id, , language, translations]: readonly [KapApiClient, string, AbortSignal, string, FormsTranslation | undefined], { signal }) => {
      // A change of language only shows the same definition again: it is not fetched again.
      let json = this.#fetched?.client === client && this.#fetched.id === id ? this.#fetched.json : undefined;
      try {
        json ??= await client.getForm(id, this.loadOptions(signal));
        this.#fetched = { client, id, json };
      } catch (error) {
        if (isKapApiError(error) && error.kind === 'not_found') {
          if (await this.setupProblemBehind(error)) return initialState;
          return this.#problem('unknown_form', `the backend has no form with the id "${id}" (check the form attribute).`);
        }
        this.reportFailure(error);
        throw error;
      }
      await loadIncludedPages(json);
      return this.#resolve(json, language, translations, { checked: true }) ?? initialState;
    },
  });

  /**
   * The clinic (`GET clinic`), read once a form that names no clinic number is shown: the crisis
   * panel then offers the clinic's phone. A clinic that cannot be read leaves the panel without it.
   */
  private readonly clinicTask = clinicTask(
    this,
    () => [this.client, Boolean(this.flow.form && !this.flow.form.crisis?.clinicPhone), this.connectionSignal],
    (signal) => this.signalFor(signal),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const json = this.definition ?? this.#scripted;
    const language = this.language;
    const translations = this.formLanguage.translations(language);
    if (json !== undefined) {
      this.#fetchArgs = undefined;
      const local = this.#local;
      if (local?.json !== json || local.language !== language || local.translations !== translations) {
        this.#local = { json, language, translations, form: this.#resolve(json, language, translations) };
      }
    } else {
      this.#local = undefined;
      this.#load(language, translations);
    }
    const form = this.#local?.form ?? this.flow.form;
    this.#view = form && this.flow.view !== 'done' ? this.#layout(form) : undefined;
  }

  /** Loads the form named by `form` when what it depends on changed; says what is missing when nothing names one. */
  #load(language: string, translations: FormsTranslation | undefined): void {
    const args = [this.client, this.form, this.connectionSignal, language, translations, this.#unreadable] as const;
    if (this.#fetchArgs?.every((arg, i) => arg === args[i])) return;
    this.#fetchArgs = args;
    const [client, id, signal, , , unreadable] = args;
    if (this.configurationProblem?.code.endsWith('_form')) this.configurationProblem = undefined;
    // Without a form id the child script was the definition: say what is wrong with it, not that it is missing.
    if (!id && unreadable) return void this.#problem(unreadable.code, unreadable.detail);
    if (!id) return void this.#problem('missing_form', 'set the form attribute to a form id, or put the form definition in a child <script type="application/json">.');
    if (client) void this.formTask.run([client, id, signal, language, translations]);
  }

  /** "Try again" after the form failed to load: the next update loads it again. */
  #loadAgain = (): void => {
    this.#fetchArgs = undefined;
    this.requestUpdate();
  };

  /**
   * Resolves a definition once for this language and shows it, or shows why it cannot be shown.
   * The authoring checks run where forms are authored (the backend checks the forms it serves, so
   * a fetched form is `checked`); a definition the page hands in is shown at once and checked by them
   * in a chunk loaded after that first render, which replaces the form with what is wrong if they
   * find anything. A definition the schemas refuse loads them to say exactly what is wrong.
   */
  #resolve(json: unknown, language: string, translations: FormsTranslation | undefined, { checked = false } = {}): ResolvedForm | undefined {
    if (this.configurationProblem?.code.endsWith('_form')) this.configurationProblem = undefined;
    const includes = includedPagesAtHand(json);
    if (!includes) {
      // A ready-made page it includes is a chunk still to come: resolve again once it is here.
      void loadIncludedPages(json).then(() => this.#resolveAgain(json), (error: unknown) => this.reportFailure(error));
      return undefined;
    }
    const options: ParseOptions = { lang: language, ...(translations ? { translations } : {}), includes };
    const resolved = resolveFormDefinition(json, options);
    if (!resolved.ok || !checked) void this.#check(json, options);
    if (!resolved.ok) return undefined;
    this.formLanguage.warn(resolved.form, resolved.warnings);
    this.flow.start(resolved.form);
    return resolved.form;
  }

  /** The authoring checks, in their own chunk: a definition they refuse is not shown. */
  async #check(json: unknown, options: ParseOptions): Promise<void> {
    const parsed = (await import('../../forms/check-form.js')).parseFormDefinition(json, options);
    const current = this.#local?.json === json || this.#fetched?.json === json;
    if (parsed.ok || !current) return;
    if (this.#local && this.#local.json === json) this.#local = { ...this.#local, form: undefined };
    this.#problem('invalid_form', `the form definition is not valid: ${parsed.problems.join('; ')}`);
  }

  /** A local definition whose included pages just arrived: the next update resolves it again. */
  #resolveAgain(json: unknown): void {
    if (this.#local?.json === json) this.#local = undefined;
    this.requestUpdate();
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

  #problem(code: string, detail: string): typeof initialState {
    this.reportConfigurationProblem({ code, detail });
    return initialState;
  }

  /** Validation in the element's language: its `validation*` strings fill the domain's message templates. */
  #validation(): ValidationOptions {
    const messages: Record<string, string> = {};
    const example = phoneExample(this.locale);
    for (const key of Object.keys(VALIDATION_MESSAGES)) messages[key] = this.t(`validation${capitalized(key)}` as KapStringKey, { example });
    return { locale: this.locale, messages, dateOrder: datePartOrder(this.locale), phoneExample: example };
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
    if (this.#view && view !== 'done' && at !== this.#shown) {
      this.#shown = at;
      this.emit(new KapIntakePageEvent(this.#view.position));
    }
  }

  /** Every input reports here: `name` is the answer's key, `data-part` what part of it changed. */
  #input = (event: Event): void => {
    const { name: key, type, checked, value, dataset } = event.target as HTMLInputElement;
    const form = this.flow.form;
    if (form) this.flow.set(key, nextAnswer(form, key, this.flow.answers[key], { part: dataset['part'], type, checked, value }));
  };

  // ---- rendering ------------------------------------------------------------------------

  protected renderContent(): unknown {
    // Focusable: where focus waits (see FocusRescue) when a "Try again" gives way to loading.
    const loading = html`<p role="status" tabindex="-1">${this.t('loading')}${this.renderStillLoading()}</p>`;
    return html`<div part="base" class="intake">
      ${this.#local
        ? this.#renderForm(this.#local.form, loading)
        : this.formTask.render({
        initial: () => loading,
        pending: () => this.#renderForm(this.flow.form, loading),
        error: (error) =>
          isAbort(error)
            ? loading
            : html`<div part="notice" class="notice notice--error" role="alert">
                <p><strong>${this.t('intakeLoadError')}</strong></p>
                <p>${this.failureMessage(error)}</p>
                <button part="button" class="button button--secondary" type="button" @click=${this.#loadAgain}>
                  ${this.t('tryAgain')}
                </button>
              </div>`,
        complete: (form) => this.#renderForm(form),
      })}
      <p class="visually-hidden" aria-live="polite">${this.#crisisAnnouncement()}</p>
    </div>`;
  }

  /**
   * What the live region says: set once, when the first safety answer brings the crisis panel, and
   * never changed after, so it is announced once. (The panel itself is not a live region: it moves
   * from page to page and would be read out again each time.)
   */
  #crisisAnnouncement(): unknown {
    const form = this.flow.form;
    if (!form || !this.flow.safety) return '';
    const { panel } = this.#crisisPanel(form);
    return interpolateMarked(this.t('intakeCrisisAnnouncement'), { heading: { text: panel.heading, lang: panel.langs?.['heading'] } });
  }

  #crisisPanel(form: ResolvedForm): Parameters<typeof renderCrisisPanel>[0] {
    const locale = new Intl.Locale(this.locale);
    const panel = crisisPanel(form, locale.region);
    const clinicPhone = this.clinicTask.value?.phone;
    return {
      panel: panel.clinicPhone || !clinicPhone ? panel : { ...panel, clinicPhone },
      followedUp: this.flow.followedUp,
      spanish: locale.language === 'es',
      heading: (content, options) => this.heading(content, options, true),
      t: (key, params) => this.t(key, params),
      md: (source, lang) => this.#md(source, lang),
    };
  }

  /** Markdown text of the definition; `lang` when it is in another language than the page's. */
  #md(source: string | undefined, lang?: string): TemplateResult[] {
    // Web links open in a new tab: leaving the page would lose the answers given so far.
    const marked = lang ? { lang, pageLang: this.language } : {};
    return source ? markdown(source, { newTab: this.t('intakeNewTab'), ...marked }) : [];
  }

  /** What the page shown is made of, worked out before render (render only reads it). */
  #layout(form: ResolvedForm): IntakeView {
    const flow = this.flow;
    const seen = flow.visible;
    const pages = form.pages.filter((page) => seen.pages.has(page.id));
    const check = flow.view === 'check';
    const page = form.pages[flow.page]!;
    // Next to the answer that raised it, when that is on this page (it never takes focus); else at the foot.
    const onPage = (key: string) => indexForm(form).byKey.get(key)?.page === page && seen.items.has(key);
    const crisisAfter = check || !flow.safety ? undefined : flow.safetyItems.find(onPage);
    // Positions in the definition, not among the pages shown: which pages are shown depends on
    // the answers, and listeners (analytics) must not be able to infer those.
    const position = { page: check ? form.pages.length + 1 : flow.page + 1, pageCount: form.pages.length };
    return { form, seen, pages, page, check, step: pages.indexOf(page) + 1, crisisAfter, position };
  }

  #renderForm(form: ResolvedForm | undefined, otherwise: unknown = nothing): unknown {
    if (!form) return otherwise;
    const view = this.#view;
    return view?.form === form || this.flow.view === 'done' ? this.#renderFlow(form, view) : otherwise;
  }

  #renderFlow(form: ResolvedForm, view: IntakeView | undefined): TemplateResult {
    const flow = this.flow;
    const crisis = flow.safety ? renderCrisisPanel(this.#crisisPanel(form)) : nothing;
    if (flow.view === 'done' || !view) {
      return html`<div part="confirmation" class="notice notice--success">
          ${this.heading(form.confirmation?.heading ?? this.t('intakeDoneHeading'), {
            id: 'heading',
            part: 'heading',
            focusable: true,
            lang: form.confirmation?.heading ? form.confirmation.langs?.['heading'] : undefined,
          })}
        </div>
        ${flow.changesNotSent ? html`<p part="notice" class="notice">${this.t('intakeChangesNotSent')}</p>` : nothing}
        ${form.confirmation?.body ? this.#md(form.confirmation.body, form.confirmation.langs?.['body']) : html`<p>${this.t('intakeDoneBody')}</p>`}
        ${crisis}`;
    }
    const { seen, pages, page, check, step, crisisAfter } = view;
    const questions: QuestionsView = {
      answers: flow.answers,
      errors: flow.errors,
      shown: seen.items,
      // A validated instrument's page: its wording stays exactly as published.
      verbatim: page.instrument !== undefined,
      locale: this.locale,
      t: (key, params) => this.t(key, params),
      md: (source, lang) => this.#md(source, lang),
      after: (key) => (key === crisisAfter ? crisis : nothing),
    };
    return html`${check || step > 1
        ? html`<button part="back" class="link-button back" type="button" @click=${() => flow.back()}>${this.t('intakeBack')}</button>`
        : nothing}
      ${this.#renderErrorSummary(flow.errors.filter((error) => seen.items.has(error.itemId)))}
      ${check || pages.length < 2
        ? nothing
        : html`<p part="progress" class="muted">${this.t('intakeStep', { page: step, count: pages.length })}</p>`}
      ${this.heading(check ? this.t('intakeCheckHeading') : page.title, {
        id: 'heading',
        part: 'heading',
        focusable: true,
        lang: check ? undefined : page.langs?.['title'],
      })}
      <form
        novalidate
        @input=${this.#input}
        @submit=${(event: Event) => {
          event.preventDefault();
          if (check) void flow.submit();
          else flow.next();
        }}
      >
        ${check
          ? renderCheckAnswers({
              form,
              pages,
              seen,
              answers: flow.answers,
              locale: this.locale,
              heading: (content, options) => this.heading(content, options, true),
              t: (key) => this.t(key),
              change: (index) => flow.change(index),
            })
          : html`${step === 1 ? this.#renderStart(form) : nothing} ${this.#md(page.intro, page.langs?.['intro'])}
            ${page.items.map((item) => html`${renderQuestion(item, questions)}${questions.after(item.id)}`)}
            ${page.notice ? html`<p part="notice" class="muted small" lang=${page.langs?.['notice'] ?? nothing}>${page.notice}</p>` : nothing}`}
        ${crisisAfter ? nothing : crisis}
        ${check && flow.failure
          ? html`<div part="notice" class="notice notice--error" role="alert">
              <p>${this.failureMessage(flow.failure)}</p>
              <p>${this.t('detailsKept')}</p>
              <button
                part="button"
                class="button button--secondary"
                type="button"
                data-focus-fallback='button[type="submit"]'
                @click=${() => void flow.submit()}
              >
                ${this.t('tryAgain')}
              </button>
            </div>`
          : nothing}
        ${check && flow.tooLong ? this.#renderTooLong(flow.tooLong) : nothing}
        <button part="button" class="button" type="submit" aria-disabled=${flow.submitting ? 'true' : 'false'}>
          ${check ? (form.submitLabel ? inLanguage(form.submitLabel, form.langs?.['submitLabel']) : this.t('intakeSubmit')) : this.t('intakeContinue')}
        </button>
        ${this.renderWriteStatus(flow.status, 'intakeSending')}
      </form>`;
  }

  /**
   * The form's intro; then, when a safety answer would reach the clinic at once (the intake is
   * linked to a booking and asks safety questions), a plain word that it will.
   */
  #renderStart(form: ResolvedForm): unknown {
    const signals = this.flow.followedUp && safetyFields(form).length > 0;
    return html`${this.#md(form.intro, form.langs?.['intro'])}
    ${signals ? html`<p part="notice" class="notice">${this.t('intakeSafetyNotice')}</p>` : nothing}`;
  }

  /** A `413`: not a dead end — which answer to shorten, and the way to it; nothing typed is lost. */
  #renderTooLong({ label, page }: TooLong): TemplateResult {
    return html`<div part="notice" class="notice notice--error" role="alert">
      <p>${label ? this.t('intakeTooLong', { question: label }) : this.t('intakeTooLongAny')}</p>
      ${page === undefined
        ? nothing
        : html`<button part="button" class="button button--secondary" type="button" @click=${() => this.flow.change(page)}>
            ${this.t('intakeShortenAnswer')}
          </button>`}
    </div>`;
  }

  #renderErrorSummary(errors: ValidationError[]): unknown {
    return renderErrorSummary(
      (title) => this.heading(title),
      this.t('errorSummaryTitle'),
      errors.map((error) => ({
        href: `#f-${error.field}`,
        message: error.message,
        ...(error.lang ? { lang: error.lang } : {}),
        focus: () => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`f-${error.field}`)}`)?.focus(),
      })),
    );
  }
}
