/**
 * The behaviour of `<kap-intake>` apart from rendering: the answers as typed, which page is shown,
 * validation on Continue, check-your-answers and Change, the crisis panel and the safety signal
 * once a safety answer is given, the opt-in draft, and one idempotency key per submission. The
 * element renders this state and forwards input. Check-your-answers and Send come with the answer
 * checks (answer-steps.ts), which act on this flow; the draft's reading and writing
 * (intake-draft.ts) is imported only for a page that opts in to it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CHUNK_UNAVAILABLE } from '../../../base/chunk-failure.js';
import { reportConfiguration } from '../../../base/configuration-report.js';
import { importOnce } from '../../../base/import-once.js';
import { nextTask } from '../../../base/next-task.js';
import type { WriteStatus } from '../../../base/write-status.js';
import { modelValue, type AnswerValue } from '../../../forms/answers.js';
import { conditionKeys, visibility, type Visibility } from '../../../forms/conditions.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { isSafetyAnswer, safetyTriggered } from '../../../forms/flags.js';
import { indexForm } from '../../../forms/form-index.js';
import { AnswerChecksLoader, type AnswerChecks } from './answer-checks.js';
import type { StepsFlow } from './answer-steps.js';
import type { IntakeSending, SendingContext, SentRecord, TooLong } from './intake-sending.js';
import type { SafetySignals } from './safety-signals.js';
import type { ValidationError, ValidationOptions } from '../../../forms/validation.js';
import type { Draft } from '../intake-draft.js';

type Drafts = typeof import('../intake-draft.js');
const loadDrafts = importOnce(() => import('../intake-draft.js'));

export type { TooLong } from './intake-sending.js';

export interface IntakeFlowContext extends SendingContext {
  /** Whether the page opted in to a draft in sessionStorage. */
  draft(): boolean;
  validation(): ValidationOptions;
  submitted(responseId: string): void;
  /** Report a failure the client is shown (`kap-error`). */
  failed(error: unknown): void;
  /**
   * The safety signals' sender (safety-signals.ts). Only a safety answer leads to it, so it comes
   * with the crisis panel, which a form that can take one waits for before it is shown.
   */
  signalSender(): typeof SafetySignals | undefined;
}

export class IntakeFlow implements ReactiveController, StepsFlow {
  form: ResolvedForm | undefined;
  /** View values, exactly as typed, by item (or scale row) id; hidden answers are kept until submit prunes them. */
  answers: Record<string, AnswerValue> = {};
  /** Index in `form.pages` of the page shown while `view` is `page`. */
  page = 0;
  view: 'page' | 'check' | 'done' = 'page';
  /** Shown only after Continue or submit (GOV.UK: validate on Continue). */
  errors: ValidationError[] = [];
  /** The client came from check-your-answers by "Change" and returns there after Continue. */
  changing = false;
  /**
   * The safety items (and scale rows) answered above zero during this visit, in form order. It
   * only grows: changing an answer back keeps the crisis panel and does not withdraw the safety
   * signal the clinic was sent.
   */
  safetyItems: string[] = [];
  /** Why the last submit failed (offline, timeout, server…), offered again with the same key. */
  failure: unknown;
  /** The answers were too long for the backend (`413`): which one to shorten. */
  tooLong: TooLong | undefined;
  /** The client pressed Stop: whether the answers arrived is not known yet. */
  stopped = false;
  /**
   * The answers shown as sent are an earlier sending whose answer was lost; what the client
   * changed afterwards was not sent.
   */
  changesNotSent = false;
  /** What to focus once the next render is done. */
  focus: 'heading' | 'summary' | undefined;
  /** The answer checks (in the drop-in file, a chunk fetched as the form is shown). */
  readonly checks: AnswerChecksLoader;

  #host: ReactiveControllerHost;
  readonly context: IntakeFlowContext;
  /** What is visible for the answers as they are; worked out again only when an answer a condition reads changes. */
  #visible: Visibility | undefined;
  /** The safety signals' sender, made at the first signal. */
  #signals: SafetySignals | undefined;
  /** Sending the answers (intake-sending.ts), which comes with the answer checks. */
  #sending: IntakeSending | undefined;
  /** A draft's pending sending, kept as the draft had it until the sending comes to rebuild it. */
  #kept: { form: ResolvedForm; record: SentRecord | undefined } | undefined;
  /** The draft's reading and writing, once imported (only for a page that opted in); `null`: it could not be. */
  #drafts: Drafts | null | undefined;
  /** A form waiting for them to start from its draft; it is not shown until it starts. */
  #waiting: ResolvedForm | undefined;
  /** Settles once a form waiting for the draft's import has started (at once when none waits). */
  drafting: Promise<void> = Promise.resolve();

  constructor(host: ReactiveControllerHost, context: IntakeFlowContext) {
    this.#host = host;
    this.context = context;
    this.checks = new AnswerChecksLoader(host);
    host.addController(this);
  }

  /** The pages and items visible for the answers as they are now. */
  get visible(): Pick<Visibility, 'pages' | 'items'> {
    return (this.#visible ??= visibility(this.form!, this.answers));
  }

  /** Set by the first safety answer; the crisis panel then stays for the rest of the visit. */
  get safety(): boolean {
    return this.safetyItems.length > 0;
  }

  /**
   * Whether a safety answer reaches the clinic at once: the intake is linked to a booking and has
   * its token, so the safety signal can be sent (and the client can be followed up).
   */
  get followedUp(): boolean {
    return !!(this.context.booking() && this.context.token());
  }

  get submitting(): boolean {
    return Boolean(this.#sending?.sending);
  }

  /** What the client hears about the sending under way; its Stop makes the outcome unknown. */
  get status(): WriteStatus {
    const sending = this.#sending;
    return { sending: this.submitting, progress: sending?.progress, stopped: this.stopped, stop: () => sending?.stop() };
  }

  /** Back on the page: the draft's expiry timer runs again. */
  hostConnected(): void {
    if (this.form && this.context.draft()) this.#drafts?.watchDraftExpiry(this.form.id);
  }

  /** Off the page: no timer keeps running for it (`pagehide` still removes an expired draft). */
  hostDisconnected(): void {
    if (this.form) this.#drafts?.unwatchDraftExpiry(this.form.id);
  }

  /**
   * Shows `form`; a new form starts afresh (or from its draft), the same form keeps every answer.
   * With a draft opted in, a new form waits for the draft's import (the page shows loading). If it
   * does not arrive, the form starts without a draft, as with storage that is blocked, and the
   * website team is told.
   */
  start(form: ResolvedForm): void {
    this.#waiting = undefined;
    if (this.form?.id !== form.id && this.context.draft() && this.#drafts === undefined) {
      this.#waiting = form;
      this.drafting = loadDrafts().then(
        (drafts) => this.#startWaiting(form, drafts),
        () => {
          reportConfiguration(this.#host as unknown as Element, CHUNK_UNAVAILABLE);
          this.#startWaiting(form, null);
        },
      );
      return;
    }
    if (this.form?.id !== form.id) {
      const draft = this.context.draft() ? this.#drafts?.readDraft(form.id) : undefined;
      this.answers = draft?.answers ?? {};
      this.page = Math.max(
        0,
        form.pages.findIndex((page) => page.id === draft?.page),
      );
      this.view = 'page';
      this.errors = [];
      this.changing = false;
      this.safetyItems = [];
      this.#restorePending(form, draft);
      if (draft) this.#drafts?.watchDraftExpiry(form.id, draft.expires);
    }
    this.form = form;
    this.#visible = undefined;
    this.page = this.#visiblePage(this.page, 1) ?? 0;
    this.#noteSafety(safetyTriggered(form, this.answers).items);
    // Fetched as the page is shown, so Continue can check at once; a failure is said when Continue
    // needs them. A task later: asking for a module, even one already here, costs the first render.
    void nextTask()
      .then(() => this.checks.load())
      .then(
        (checks) => void this.#sendingWith(checks),
        () => undefined,
      );
  }

  #startWaiting(form: ResolvedForm, drafts: Drafts | null): void {
    if (this.#waiting !== form) return;
    this.#drafts = drafts;
    this.start(form);
    this.#host.requestUpdate();
  }

  /**
   * The client's answers were recorded: their draft goes, at once. A page that did not opt in may
   * still hold one from a visit that did, so the draft's functions are imported to remove it.
   */
  clearDraft(): void {
    const id = this.form?.id;
    if (!id) return;
    if (this.#drafts) return this.#drafts.clearDraft(id);
    if (storageInUse())
      void loadDrafts().then(
        (drafts) => drafts.clearDraft(id),
        () => undefined,
      );
  }

  /**
   * The client typed or chose something. Safety is checked at once, not on submit. `shown`: the
   * question's inputs already show `value` (the client's own input did it), so unless a condition
   * reads it or it is a new safety answer, nothing on the page changes and nothing is drawn again.
   */
  set(key: string, value: AnswerValue, shown = false): void {
    const form = this.form!;
    this.answers[key] = value;
    // Only this answer changed: visibility is worked out again only if a condition reads it, and
    // only this answer can be a new safety answer.
    let changes = !shown;
    if (conditionKeys(form).has(key)) {
      this.#visible = undefined;
      changes = true;
    }
    const field = indexForm(form).byKey.get(key);
    if (field && isSafetyAnswer(field, modelValue(field.item, value)) && this.#noteSafety([key])) changes = true;
    this.#save();
    if (changes) this.#host.requestUpdate();
  }

  /** Continue: validate this page, then the next visible page, or check-your-answers. */
  next(): void {
    this.checks.use((checks) => {
      this.errors = checks.validatePage(this.form!, this.page, this.answers, this.context.validation());
      if (this.errors.length) return this.show('summary');
      const next = this.changing ? undefined : this.#visiblePage(this.page + 1, 1);
      if (next === undefined) checks.toCheckAnswers(this);
      else this.go(next);
    });
  }

  /** Back: the previous visible page; from a "Change", straight back to check-your-answers. */
  back(): void {
    if (this.changing) {
      this.changing = false;
      return this.show('heading', 'check');
    }
    const previous = this.#visiblePage(this.view === 'check' ? this.form!.pages.length - 1 : this.page - 1, -1);
    if (previous !== undefined) this.go(previous);
  }

  /** "Change" on check-your-answers: that page, then back to check-your-answers. */
  change(pageIndex: number): void {
    this.changing = true;
    this.tooLong = undefined;
    this.go(pageIndex);
  }

  /**
   * Adds newly given safety answers (`items`) to `safetyItems` and, when linked to a booking, tells
   * the clinic. Returns whether any was new.
   */
  #noteSafety(items: readonly string[]): boolean {
    const form = this.form!;
    if (items.every((key) => this.safetyItems.includes(key))) return false;
    const known = new Set([...this.safetyItems, ...items]);
    this.safetyItems = indexForm(form)
      .fields.map((field) => field.key)
      .filter((key) => known.has(key));
    const booking = this.context.booking();
    const token = this.context.token();
    if (booking && token) {
      const version = form.version ? { version: form.version } : {};
      this.#signal({ booking, form: form.id, ...version, items: this.safetyItems }, token);
    }
    return true;
  }

  /**
   * Sends a safety signal, with the sender the crisis panel brought (`signalSender`): always here,
   * since a safety answer comes only from a form the element showed once the panel was.
   */
  #signal(...signal: Parameters<SafetySignals['send']>): void {
    const Sender = this.context.signalSender()!;
    (this.#signals ??= new Sender(this.#host, this.context.client)).send(...signal);
  }

  /** Send (check-your-answers): with the answer checks, which bring it (answer-steps.ts). */
  async submit(): Promise<void> {
    if (this.submitting || !this.form || !this.context.client()) return;
    const checks = this.checks.checks;
    if (!checks) return this.checks.use(() => void this.submit());
    return checks.send(this);
  }

  /** The sending, made now if it is not yet: only the answer checks' steps ask, so they are here. */
  sending(): IntakeSending {
    return this.#sendingWith(this.checks.checks!);
  }

  /** The sending, made once the checks it comes with are here; a draft's pending sending is then rebuilt. */
  #sendingWith(checks: AnswerChecks): IntakeSending {
    if (!this.#sending) {
      this.#sending = new checks.IntakeSending(this.context, () => {
        this.#save();
        this.#host.requestUpdate();
      });
      if (this.#kept) this.#sending.restore(this.#kept.form, this.#kept.record);
      this.#kept = undefined;
    }
    return this.#sending;
  }

  /**
   * The draft's pending sending: it goes first, under its key, if its body can be built again
   * (intake-sending.ts); until the sending has come, it stays in the draft as it was.
   */
  #restorePending(form: ResolvedForm, draft: Draft | undefined): void {
    const kept = draft?.submission;
    const record = kept && { key: kept.key, print: kept.body, today: kept.today, answers: this.#drafts!.answersThen(draft.answers, kept.earlier) };
    if (this.#sending) this.#sending.restore(form, record);
    else this.#kept = { form, record };
  }

  /** The first visible page from `from` in direction `by`. */
  #visiblePage(from: number, by: 1 | -1): number | undefined {
    const { pages } = this.visible;
    for (let i = from; i >= 0 && i < this.form!.pages.length; i += by) if (pages.has(this.form!.pages[i]!.id)) return i;
    return undefined;
  }

  /** Something shown changed: render again. */
  changed(): void {
    this.#host.requestUpdate();
  }

  /** Shows page `page` (its heading focused). */
  go(page: number): void {
    this.page = page;
    this.show('heading', 'page');
  }

  /** Shows `view`, focusing its heading or the error summary. */
  show(focus: 'heading' | 'summary', view = this.view): void {
    this.#signals?.retry();
    this.checks.failure = undefined;
    if (focus === 'heading') this.errors = [];
    this.view = view;
    this.focus = focus;
    this.#save();
    this.#host.requestUpdate();
  }

  #save(): void {
    const drafts = this.#drafts;
    if (!this.form || !drafts || !this.context.draft() || this.view === 'done') return;
    const sent = this.#sending ? this.#sending.pending : this.#kept?.record;
    const earlier = sent && drafts.answersChanged(sent.answers, this.answers);
    const submission = sent && { key: sent.key, body: sent.print, ...(sent.today ? { today: sent.today } : {}), ...(earlier ? { earlier } : {}) };
    drafts.writeDraft(this.form.id, this.answers, this.form.pages[this.page]!.id, submission);
  }
}

/** Whether this tab's sessionStorage holds anything at all (a draft among it, perhaps). */
function storageInUse(): boolean {
  try {
    return sessionStorage.length > 0;
  } catch {
    return false;
  }
}
