/**
 * Where `<kap-intake>`'s form comes from, and the form resolved from it for the page's language: a
 * definition handed on the page (the `definition` property or the child script), resolved during
 * the update so the form shows in the element's first render (once what it needs is at hand:
 * `FormSourceContext.resolved`); or a form fetched by id (`form` →
 * `GET forms/{id}`), as a `@lit/task` whose failures reach the element through its `onError`.
 * What is wrong with either is shown in place of the form (a `*_form` configuration problem).
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { RequestOptions } from '../../../api/client.js';
import type { ApiConnection } from '../../../api/connection.js';
import { getForm } from '../../../api/endpoints.js';
import { isKapApiError } from '../../../api/errors.js';
import { CHUNK_UNAVAILABLE, chunkUnavailable } from '../../../base/chunk-failure.js';
import { reportConfiguration, type ConfigurationProblem } from '../../../base/configuration-report.js';
import { nextTask } from '../../../base/next-task.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { includedPagesAtHand, loadIncludedPages, resolveFormDefinition, type ParseOptions } from '../../../forms/parse.js';
import type { FormsTranslation } from '../../../forms/translations.js';
import { FormLanguage } from './form-language.js';

export interface FormSourceContext {
  client(): ApiConnection | undefined;
  /** The `form` attribute: the id of a form to fetch. */
  formId(): string | null;
  /** Aborts when the element leaves the page. */
  connection(): AbortSignal;
  loadOptions(signal: AbortSignal): RequestOptions;
  /** A definition handed on the page: the `definition` property, else the child script's. */
  pageDefinition(): unknown;
  /** Why the child script could not be read, if it could not. */
  unreadable(): ConfigurationProblem | undefined;
  /** Shows what is wrong with the form instead of it (and tells the website team). */
  problem(problem: ConfigurationProblem): void;
  /** Takes away a form problem shown before: the form is being resolved or loaded again. */
  clearProblem(): void;
  /** Whether the set-up of `api` is behind a failed request (see `KapElement.setupProblemBehind`). */
  setupProblemBehind(error: unknown): Promise<boolean>;
  /** Report a failure the client is shown (`kap-error`). */
  failed(error: unknown): void;
  /**
   * The ready-made pages and instruments `json` includes are being fetched (in the drop-in files,
   * chunks): what its form will need as well can be fetched beside them, not after them.
   */
  fetchingIncludes(json: unknown): void;
  /**
   * A form resolved for the page's language, ready to be answered once what it needs is at hand (a
   * fetched form's task waits for the promise, so the form shows in one render).
   */
  resolved(form: ResolvedForm): Promise<void> | void;
}

type FetchArgs = readonly [client: ApiConnection, id: string, connection: AbortSignal, language: string, translations: FormsTranslation | undefined];

/** A definition given on the page, resolved for one language and its built-in content. */
interface LocalForm {
  json: unknown;
  language: string;
  translations: FormsTranslation | undefined;
  form: ResolvedForm | undefined;
}

/** A fetched form the backend does not have: the element says which id, not that loading failed. */
export const isUnknownForm = (error: unknown): boolean => isKapApiError(error) && error.kind === 'not_found';

export class FormSource {
  readonly #host: ReactiveControllerHost;
  readonly #context: FormSourceContext;
  readonly #language: FormLanguage;
  /** A definition given on the page, as last resolved; `undefined` while the form is fetched by id. */
  #local: LocalForm | undefined;
  /** The definition last fetched, so a change of language does not fetch it again. */
  #fetched: { client: unknown; id: string; json: unknown } | undefined;
  /** What the form fetched by id was last loaded with: it is loaded again only when one of them changes. */
  #fetchArgs: readonly unknown[] | undefined;
  /** What the last form resolved waits for before it is shown (`FormSourceContext.resolved`). */
  #starting: Promise<void> | void = undefined;

  /** A form fetched by id; a local definition never runs it. */
  readonly task: Task<FetchArgs, ResolvedForm>;

  constructor(host: ReactiveControllerHost, context: FormSourceContext) {
    this.#host = host;
    this.#context = context;
    this.#language = new FormLanguage(host);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([client, id, , language, translations]: FetchArgs, { signal }) => {
        // A change of language only shows the same definition again: it is not fetched again.
        let json = this.#fetched?.client === client && this.#fetched.id === id ? this.#fetched.json : undefined;
        json ??= await getForm(client, id, context.loadOptions(signal));
        this.#fetched = { client, id, json };
        await this.#include(json).catch((cause: unknown) => Promise.reject(chunkUnavailable(host as unknown as Element, cause)));
        const form = this.#resolve(json, language, translations, { checked: true });
        if (!form) return initialState;
        await this.#starting;
        return form;
      },
      onError: (error) => void this.#fetchFailed(error),
    });
  }

  /** The page's definition as resolved, or `undefined` when the form is fetched by id. */
  get local(): { form: ResolvedForm | undefined } | undefined {
    return this.#local;
  }

  /**
   * Brings the form up to date with the element's properties and `language`, before render:
   * resolves a definition given on the page when it (or the language) changed, else loads the
   * form named by `form` when what it depends on changed.
   */
  update(language: string): void {
    const json = this.#context.pageDefinition();
    const translations = this.#language.translations(language);
    if (json === undefined) {
      this.#local = undefined;
      return this.#load(language, translations);
    }
    this.#fetchArgs = undefined;
    const local = this.#local;
    if (local?.json !== json || local.language !== language || local.translations !== translations) {
      this.#local = { json, language, translations, form: this.#resolve(json, language, translations) };
    }
  }

  /** "Try again" after the form failed to load: the next update loads it again. */
  loadAgain = (): void => {
    this.#fetchArgs = undefined;
    this.#host.requestUpdate();
  };

  /** Loads the form named by `form` when what it depends on changed; says what is missing when nothing names one. */
  #load(language: string, translations: FormsTranslation | undefined): void {
    const context = this.#context;
    const args = [context.client(), context.formId(), context.connection(), language, translations, context.unreadable()] as const;
    if (this.#fetchArgs?.every((arg, i) => arg === args[i])) return;
    this.#fetchArgs = args;
    const [client, id, signal, , , unreadable] = args;
    context.clearProblem();
    // Without a form id the child script was the definition: say what is wrong with it, not that it is missing.
    if (!id && unreadable) return context.problem(unreadable);
    if (!id) {
      return context.problem({
        code: 'missing_form',
        detail: 'set the form attribute to a form id, or put the form definition in a child <script type="application/json">.',
      });
    }
    if (client) void this.task.run([client, id, signal, language, translations]);
  }

  /** A form that could not be fetched: one the backend does not have is a set-up problem, the rest a failure. */
  async #fetchFailed(error: unknown): Promise<void> {
    const id = this.#fetchArgs?.[1];
    // Already told as a set-up problem; the client reads "We couldn't reach…" with Try again.
    if (isKapApiError(error) && error.code === CHUNK_UNAVAILABLE.code) return;
    if (!isUnknownForm(error)) return this.#context.failed(error);
    if (await this.#context.setupProblemBehind(error)) return;
    this.#context.problem({ code: 'unknown_form', detail: `the backend has no form with the id "${String(id)}" (check the form attribute).` });
  }

  /**
   * Resolves a definition once for this language and hands it on, or shows why it cannot be shown.
   * The authoring checks run where forms are authored (the backend checks the forms it serves, so
   * a fetched form is `checked`); a definition the page hands in is shown at once and checked by them
   * in a chunk loaded after that first render, which replaces the form with what is wrong if they
   * find anything. A definition the schemas refuse loads them to say exactly what is wrong.
   */
  #resolve(json: unknown, language: string, translations: FormsTranslation | undefined, { checked = false } = {}): ResolvedForm | undefined {
    this.#context.clearProblem();
    const includes = includedPagesAtHand(json);
    if (!includes) {
      // A ready-made page it includes is a chunk still to come: resolve again once it is here.
      void this.#include(json).then(
        () => this.#resolveAgain(json),
        () => this.#context.problem(CHUNK_UNAVAILABLE),
      );
      return undefined;
    }
    const options: ParseOptions = { lang: language, ...(translations ? { translations } : {}), includes };
    const resolved = resolveFormDefinition(json, options);
    if (resolved.ok) {
      this.#language.warn(resolved.form, resolved.gaps);
      this.#starting = this.#context.resolved(resolved.form);
    }
    // After the chunks the form waits for are asked for: the browser fetches only a few at a time.
    if (!resolved.ok || !checked) void this.#check(json, options, resolved.ok);
    return resolved.ok ? resolved.form : undefined;
  }

  #include(json: unknown): ReturnType<typeof loadIncludedPages> {
    this.#context.fetchingIncludes(json);
    return loadIncludedPages(json);
  }

  /**
   * The authoring checks, in their own chunk: a definition they refuse is not shown. Without the
   * chunk, a form that resolved is shown unchecked (the website team is told); one that did not is
   * the set-up problem.
   */
  async #check(json: unknown, options: ParseOptions, shown: boolean): Promise<void> {
    let checks: typeof import('../../../forms/check-definition.js');
    // A task later: asking for a module, even one already here, costs the first drawing.
    await nextTask();
    try {
      checks = await import('../../../forms/check-definition.js');
    } catch {
      if (shown) reportConfiguration(this.#host as unknown as Element, CHUNK_UNAVAILABLE);
      else this.#context.problem(CHUNK_UNAVAILABLE);
      return;
    }
    // Only what the form uses: `#resolve` gets here once the pages and instruments it includes are at hand.
    const parsed = checks.checkFormDefinition(json, options);
    const current = this.#local?.json === json || this.#fetched?.json === json;
    if (parsed.ok || !current) return;
    if (this.#local && this.#local.json === json) this.#local = { ...this.#local, form: undefined };
    this.#context.problem(checks.invalidDefinition('form', parsed.problems));
  }

  /** A local definition whose included pages just arrived: the next update resolves it again. */
  #resolveAgain(json: unknown): void {
    if (this.#local?.json === json) this.#local = undefined;
    this.#host.requestUpdate();
  }
}
