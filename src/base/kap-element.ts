import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isAbort } from '../api/abort.js';
import type { RequestOptions } from '../api/client.js';
import { ApiConnection } from '../api/connection.js';
import type { ApiBaseProblem } from '../api/api-base.js';
import { isKapApiError, type KapApiError } from '../api/errors.js';
import { KapErrorEvent } from '../events/kap-error.js';
import { onLocaleRegistered } from '../i18n/registry.js';
import { interpolate, type ElementStrings, type EmailLinksStringKey, type KapStringKey } from '../i18n/strings.js';
import { baseStyles } from '../styles/base.styles.js';
import { tokens } from '../styles/tokens.js';
import { anySignal } from './abort-signals.js';
import { applyClinicTheme } from './clinic-theme.js';
import { ApiSetupCheck } from './api-setup-check.js';
import { renderConfigurationProblem } from './configuration-problem-view.js';
import { reportConfiguration, type ConfigurationProblem } from './configuration-report.js';
import { ElementWords } from './element-strings.js';
import { elementUi, type ElementUi } from './element-ui.js';
import { failureMessage } from './failure-message.js';
import { FocusRescue } from './focus-rescue.js';
import { headingLevel, renderHeading, type HeadingOptions } from './heading.js';
import { intlLocale, pluralCategory } from './language.js';
import { LanguageCheck } from './language-check.js';
import { PageSchemeController } from './page-scheme-controller.js';
import { readSettingsJson } from './setup-checks.js';
import { LoadProgress } from './load-progress.js';

export type { ConfigurationProblem, ElementUi };

/**
 * The base every kap element extends. It owns what all of them share: language and strings,
 * the api client built from the `api` attribute, one AbortController per connection (so every
 * request dies with the element), page-supplied settings, and typed events. The theme's CSS
 * properties below are documented here once and apply to every element.
 *
 * @cssstate dark-page - The page declares no `color-scheme` and is dark behind the element, which has no `theme`: the element uses its dark colours.
 * @cssstate framed - The element's background stands apart from the page's (a forced theme, a coloured band): it pads itself.
 *
 * @cssproperty --kap-color-primary - Buttons, links, checkboxes, the selected day and badges. Default teal `#1b5e63` (light), `#86d3d8` (dark).
 * @cssproperty --kap-color-on-primary - Text on primary buttons and on the "Due now" badge. Default `#ffffff` / `#0b2325`.
 * @cssproperty --kap-color-text - Body text. Default `#1c262b` / `#eef3f4`.
 * @cssproperty --kap-color-muted - Hints and secondary text. Default `#4b5a61` / `#b3c1c6`.
 * @cssproperty --kap-color-background - Background. Default `#ffffff` / `#111a1d`.
 * @cssproperty --kap-color-surface - Panels and notices. Default `#f1f6f6` / `#1b282c`.
 * @cssproperty --kap-color-border - Input, button and item borders (keep 3:1 against the background). Default `#5d6d74` / `#8a9ca3`.
 * @cssproperty --kap-color-error - Error messages and borders, and buttons that undo (cancelling a booking). Default `#b3261e` / `#ff9b8f`.
 * @cssproperty --kap-color-success - Confirmations and the "everything is done" notice. Default `#1c6b3a` / `#86dca0`.
 * @cssproperty --kap-color-focus - The 3px focus ring. Default `#1f4fd1` / `#ffc94a`.
 * @cssproperty --kap-radius - Corner radius. Default `max(0.375rem, 6px)`.
 * @cssproperty --kap-space - The spacing unit. Default `max(1rem, 16px)`.
 * @cssproperty --kap-font-size - Base text size. Default `max(1rem, 16px)`: a root shrunk to 62.5 % does not shrink it.
 * @cssproperty --kap-font-family - Typeface. Default: the host page's (inherited).
 * @cssproperty --kap-max-width - The element's maximum width. Default `max(40rem, 640px)`.
 */
export abstract class KapElement extends LitElement {
  static override styles = [tokens, baseStyles];
  // Declared here rather than with decorators (vite.config.ts): the drop-in files then carry no decorator helpers.
  static override get properties(): PropertyDeclarations {
    return {
      api: {},
      lang: { reflect: true },
      strings: { attribute: false },
      theme: { reflect: true },
      requestTimeout: { attribute: 'request-timeout', type: Number },
      headingLevel: { attribute: 'heading-level', type: Number },
    };
  }

  /**
   * Base URL of the clinic's backend; every request goes to a path under it and nowhere else.
   * Must be `https:`, `http:` on localhost, or a path on this site. Anything else shows a
   * configuration message and fires `kap-error` with kind `configuration`.
   */
  api: string | null = null;

  /**
   * BCP 47 language, e.g. `en-US` or `es`. When absent the element follows the nearest
   * `[lang]` ancestor, then the document, then English. Locales other than English are
   * separate modules (`kap-elements/i18n/es.js`); while a language's module is not loaded, the
   * element speaks English throughout and `kap-error` says `missing_locale`.
   */
  override lang!: string;

  /**
   * Replaces any of the element's words: a partial `KapStrings` object. Values may use the
   * same `{placeholder}`s as the built-in strings. Can also be given as `"strings"` in a child
   * `<script type="application/json">`.
   */
  strings: Partial<ElementStrings> = {};

  /**
   * `light` or `dark` forces a colour scheme, `auto` follows the reader's system setting.
   * Without it the element follows the host page's `color-scheme`; when the page declares none,
   * it is dark on a dark page (`:state(dark-page)`) and light otherwise.
   */
  theme: 'light' | 'dark' | 'auto' | undefined;

  /** Milliseconds to wait for each answer from the backend before treating it as lost. */
  requestTimeout = 15_000;

  /**
   * The level (1–6) of the element's top headings, so that they fit under the host page's own:
   * `3` under a section headed `h2`. Sub-headings take the next level. Default 2 (under the
   * page's `h1`); anything but a whole number from 1 to 6 counts as 2.
   */
  headingLevel = 2;

  /** The connection to the backend (call the endpoints of src/api/endpoints.ts on it), or `undefined` while the `api` attribute is unusable. */
  protected client: ApiConnection | undefined;
  /** Set when the element cannot work as configured; `render` then shows only the problem. */
  protected configurationProblem: ConfigurationProblem | undefined;
  /** Settings read from a child `<script type="application/json">`. */
  protected settings: Record<string, unknown> = {};

  /** This element's words and templates for its view modules (`views/`). */
  protected readonly ui: ElementUi = elementUi(
    { locale: () => this.locale, language: () => this.language, words: () => this.#words.current },
    {
      t: (key, params) => this.t(key, params),
      plural: (count, oneKey, otherKey) => this.plural(count, oneKey, otherKey),
      heading: (content, options, sub) => this.heading(content, options, sub),
      failureMessage: (error) => this.failureMessage(error),
      renderStillLoading: () => this.renderStillLoading(),
      renderConfigurationProblem: (problem) => this.renderConfigurationProblem(problem),
      renderEmailLinks: (lead) => this.#renderEmailLinks(lead),
    },
  );

  #clientKey: string | undefined;
  /** "Email me my links" once its module has loaded; `null` while it loads. */
  #emailLinks: import('./email-links-form.js').EmailLinksForm | null | undefined;
  #loads = new LoadProgress(this);
  #connection = new AbortController();
  readonly #words = new ElementWords();
  #language = 'en';
  readonly #languageCheck = new LanguageCheck(this);
  #settingsRead = false;
  /** The one check of the api's set-up after a first request failed. */
  readonly #setup = new ApiSetupCheck({
    client: () => this.client,
    timeoutMs: () => this.requestTimeout,
    showsClientInput: () => this.showsClientInput,
    block: (problem) => this.reportConfigurationProblem(problem),
    report: (problem) => reportConfiguration(this, problem),
    requestUpdate: () => this.requestUpdate(),
  });
  #unsubscribeLocales: (() => void) | undefined;
  #documentLangObserver: MutationObserver | undefined;

  constructor() {
    super();
    // Reads the page's colours after render: dark colours on a dark page that declares no scheme.
    new PageSchemeController(this);
    // A render that removes the focused control hands focus to the content that replaced it.
    new FocusRescue(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#connection.signal.aborted) {
      this.#connection = new AbortController();
      // Loads aborted by the disconnect must run again now the element is back.
      this.requestUpdate();
    }
    this.#unsubscribeLocales = onLocaleRegistered(() => this.requestUpdate());
    this.#documentLangObserver = new MutationObserver(() => this.requestUpdate());
    this.#documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connection.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    this.#unsubscribeLocales?.();
    this.#documentLangObserver?.disconnect();
  }

  /** Aborted when the element leaves the page; a new one is made when it comes back. */
  protected get connectionSignal(): AbortSignal {
    return this.#connection.signal;
  }

  /** A signal that aborts with either `signal` (e.g. a Task's) or the element's connection. */
  protected signalFor(signal?: AbortSignal): AbortSignal {
    return signal ? anySignal([signal, this.#connection.signal]) : this.#connection.signal;
  }

  /** Options for a load (a GET): `signalFor(signal)`, and progress that `renderStillLoading` reports. */
  protected loadOptions(signal?: AbortSignal): RequestOptions {
    return this.#loads.options(this.signalFor(signal));
  }

  /** "Still trying…" beside a "Loading…" once a load is slow or being retried. */
  protected renderStillLoading(): unknown {
    return this.#loads.slow ? html` <span class="still-loading">${this.t('loadStillTrying')}</span>` : nothing;
  }

  /** The language in use: `lang`, else inherited, else `en`; `en` too while that language's strings are not loaded. */
  get language(): string {
    return this.#language;
  }

  /** The locale handed to `Intl` formatters. */
  protected get locale(): string {
    return intlLocale(this.#language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.#settingsRead) {
      this.#settingsRead = true;
      this.#readSettings();
    }
    this.#language = this.#languageCheck.resolve();
    this.refreshStrings();
    const clientKey = `${this.api ?? ''}\u0000${this.requestTimeout}`;
    if (clientKey !== this.#clientKey) {
      this.#clientKey = clientKey;
      this.#buildClient();
    }
  }

  /** The words, worked out again if what they are made of changed, as each update asks: also for words read after a chunk registered more (the answer checks'). */
  protected refreshStrings(): void {
    this.#words.refresh(this, this.#language, this.settings['strings'], this.strings);
  }

  /** Hook for subclasses to pick their own keys out of the child JSON settings. */
  protected settingsRead(_settings: Record<string, unknown>): void {}

  /**
   * The child `<script type="application/json">` holds no JSON object. By default the web team is
   * told and the element carries on without those settings; an element whose settings are its
   * content blocks instead.
   */
  protected settingsUnreadable(problem: ConfigurationProblem): void {
    reportConfiguration(this, problem);
  }

  #readSettings(): void {
    const text = this.querySelector(':scope > script[type="application/json"]')?.textContent;
    if (!text?.trim()) return this.settingsRead(this.settings);
    const read = readSettingsJson(text);
    if ('problem' in read) return this.settingsUnreadable(read.problem);
    this.settings = read.value;
    this.settingsRead(this.settings);
  }

  #buildClient(): void {
    if (this.configurationProblem?.code === 'invalid_api' || this.configurationProblem?.code.startsWith('api_')) {
      this.configurationProblem = undefined;
    }
    this.#setup.reset();
    try {
      const client: ApiConnection = new ApiConnection({
        api: this.api,
        baseURI: this.baseURI,
        timeoutMs: this.requestTimeout,
        fetch: async (input, init) => {
          const response = await globalThis.fetch(input, init);
          // The backend's first answer: its set-up is right, and the clinic's theme is read.
          if (response.ok && this.client === client && this.#setup.answered())
            void applyClinicTheme(this.renderRoot as ShadowRoot, client, this.connectionSignal);
          return response;
        },
      });
      this.client = client;
    } catch (error) {
      this.client = undefined;
      // Shown at once in short words; told (console, `kap-error`) in the web team's, a chunk most
      // pages never need, once they arrive (the short ones without it), unless `api` changed meanwhile.
      const [shown, api] = [{ code: 'invalid_api', detail: (error as Error).message }, this.api];
      this.reportConfigurationProblem(shown, false);
      void import('../api/api-base-message.js')
        .then(({ apiBaseMessage }) => apiBaseMessage((error as KapApiError).cause as ApiBaseProblem))
        .catch(() => shown.detail)
        .then((detail) => {
          if (this.configurationProblem === shown && this.api === api) this.reportConfigurationProblem({ code: 'invalid_api', detail });
        });
    }
  }

  /** Shows `problem` instead of the element and, unless `tell` is false, tells the web team (once: console and `kap-error`). */
  protected reportConfigurationProblem(problem: ConfigurationProblem, tell = true): void {
    this.configurationProblem = problem;
    if (tell) reportConfiguration(this, problem);
    this.requestUpdate();
  }

  /**
   * Shows `problem`, what a check of `code` found, instead of the element; or, when the check found
   * nothing, clears what it found before (`this.showProblem('invalid_time_zone', timeZoneProblem(zone))`).
   * The checks are the elements' own imports, so an element that has no `time-zone` carries none.
   */
  protected showProblem(code: string, problem: ConfigurationProblem | undefined): void {
    if (problem) this.reportConfigurationProblem(problem);
    else if (this.configurationProblem?.code === code) this.configurationProblem = undefined;
  }

  /**
   * Whether `error`, a failed request, comes from how `api` is set up (a wrong path, a backend that
   * refuses this page's origin…). Checked once, and only while no request has succeeded; what is
   * found is reported, and a problem that stops the element is shown instead of it (or, while
   * `showsClientInput`, in place of the failure's words).
   */
  protected setupProblemBehind(error: unknown): Promise<boolean> {
    return this.#setup.behind(error);
  }

  /** Whether the element shows what the client typed, which a set-up problem must not take away. */
  protected get showsClientInput(): boolean {
    return false;
  }

  /** The string `key` in the element's language, with `{placeholders}` filled in. */
  protected t(key: KapStringKey | EmailLinksStringKey, params?: Record<string, string | number>): string {
    return interpolate((this.#words.current as ElementStrings)[key], params);
  }

  /** `oneKey` or `otherKey` by the language's plural rules, with `{count}` filled in. */
  protected plural(count: number, oneKey: KapStringKey, otherKey: KapStringKey, params = {}): string {
    const rule = pluralCategory(count, this.locale);
    return this.t(rule === 'one' ? oneKey : otherKey, { ...params, count });
  }

  /** A heading at the page's level: the element's top level (`heading-level`), or with `sub` the level below it. */
  protected heading(content: unknown, options: HeadingOptions = {}, sub = false): TemplateResult {
    return renderHeading(headingLevel(this.headingLevel), sub, content, options);
  }

  /** Dispatches `event` from the element; events are typed classes from `src/events/`. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Fires `kap-error` for a failure the client is about to see. Aborts are not failures: they
   * only mean the element moved on (or left the page). Returns whether anything was reported.
   */
  protected reportFailure(error: unknown, code?: string): boolean {
    if (isAbort(error)) return false;
    if (!isKapApiError(error)) {
      this.emit(new KapErrorEvent({ kind: 'bad_response', code: code ?? 'unexpected' }));
    } else if (error.kind === 'configuration') {
      reportConfiguration(this, { code: code ?? error.code ?? 'configuration', detail: error.message });
    } else if (this.#setup.mayCheck(error)) {
      // A set-up problem behind the failure is reported instead of it.
      void this.setupProblemBehind(error).then((found) => found || this.emit(new KapErrorEvent({ kind: error.kind, code: code ?? error.code })));
    } else {
      this.emit(new KapErrorEvent({ kind: error.kind, code: code ?? error.code }));
    }
    return true;
  }

  /** Words a client understands for a failed request (or, once the set-up is found wrong, that it is). */
  protected failureMessage(error: unknown): string {
    if (this.#setup.problem) return `${this.t('configurationHeading')}. ${this.t('configurationBody')}`;
    return failureMessage(error, (key, params) => this.t(key, params), this.locale);
  }

  /**
   * The form that asks for fresh links by email (src/base/email-links-form.ts), imported the first
   * time a link-missing state shows it (in the drop-in files, a chunk). A chunk that could not be
   * fetched leaves the state's own words, and the next render tries again.
   */
  #renderEmailLinks(lead?: EmailLinksStringKey): unknown {
    if (this.#emailLinks === undefined) {
      this.#emailLinks = null;
      import('./email-links-form.js').then(
        ({ EmailLinksForm }) => {
          this.#emailLinks = new EmailLinksForm(
            this,
            this.ui,
            () => this.client,
            () => this.connectionSignal,
          );
          this.requestUpdate();
        },
        () => (this.#emailLinks = undefined),
      );
    }
    return this.#emailLinks?.render(lead) ?? nothing;
  }

  /** The element's own content; `render` shows it unless the element is misconfigured. */
  protected abstract renderContent(): unknown;

  protected override render(): unknown {
    if (this.configurationProblem) return this.renderConfigurationProblem(this.configurationProblem);
    // Until the check says whether a failure was the set-up's, its words may be wrong ("this link has expired").
    if (this.#setup.checking && !this.showsClientInput) return html`<p part="base" role="status">${this.t('loading')}</p>`;
    return this.renderContent();
  }

  protected renderConfigurationProblem(problem: ConfigurationProblem): TemplateResult {
    return renderConfigurationProblem(this.ui, problem);
  }
}
