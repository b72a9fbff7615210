import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KapApiClient } from '../api/client.js';
import { KapApiError, isKapApiError } from '../api/errors.js';
import { KapErrorEvent } from '../events/kap-error.js';
import { en } from '../i18n/en.js';
import { onLocaleRegistered, registeredStrings } from '../i18n/registry.js';
import { interpolate, type KapStringKey, type KapStrings } from '../i18n/strings.js';
import { baseStyles } from '../styles/base.styles.js';
import { tokens } from '../styles/tokens.js';
import { anySignal } from './abort-signals.js';
import { FocusRescue } from './focus-rescue.js';
import { headingLevel, renderHeading, type HeadingOptions } from './heading.js';
import { formatWait, inheritedLanguage, intlLocale } from './language.js';
import { PageSchemeController } from './page-scheme-controller.js';

/** A problem with how the element is set up on the page, shown instead of the element. */
export interface ConfigurationProblem {
  code: string;
  /** Technical English for the site's developer; never contains anything the client typed. */
  detail: string;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function stringsOnly(value: unknown): Partial<KapStrings> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(([key, text]) => typeof text === 'string' && Object.hasOwn(en, key)),
  );
}

/**
 * The base every kap element extends. It owns what all of them share: language and strings,
 * the api client built from the `api` attribute, one AbortController per connection (so every
 * request dies with the element), page-supplied settings, and typed events.
 *
 * @cssstate dark-page - The page declares no `color-scheme` and is dark behind the element, which has no `theme`: the element uses its dark colours.
 * @cssstate framed - The element's background stands apart from the page's (a forced theme, a coloured band): it pads itself.
 */
export abstract class KapElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /**
   * Base URL of the clinic's backend; every request goes to a path under it and nowhere else.
   * Must be `https:`, `http:` on localhost, or a path on this site. Anything else shows a
   * configuration message and fires `kap-error` with kind `configuration`.
   */
  @property() api: string | null = null;

  /**
   * BCP 47 language, e.g. `en-US` or `es`. When absent the element follows the nearest
   * `[lang]` ancestor, then the document, then English. Locales other than English are
   * separate modules (`kap-elements/i18n/es.js`).
   */
  @property({ reflect: true }) override lang!: string;

  /**
   * Replaces any of the element's words: a partial `KapStrings` object. Values may use the
   * same `{placeholder}`s as the built-in strings. Can also be given as `"strings"` in a child
   * `<script type="application/json">`.
   */
  @property({ attribute: false }) strings: Partial<KapStrings> = {};

  /**
   * `light` or `dark` forces a colour scheme, `auto` follows the reader's system setting.
   * Without it the element follows the host page's `color-scheme`; when the page declares none,
   * it is dark on a dark page (`:state(dark-page)`) and light otherwise.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  /** Milliseconds to wait for each answer from the backend before treating it as lost. */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout = 15_000;

  /**
   * The level (1–6) of the element's top headings, so that they fit under the host page's own:
   * `3` under a section headed `h2`. Sub-headings take the next level. Default 2 (under the
   * page's `h1`); anything but a whole number from 1 to 6 counts as 2.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The api client, or `undefined` while the `api` attribute is unusable. */
  protected client: KapApiClient | undefined;
  /** Set when the element cannot work as configured; `render` then shows only the problem. */
  protected configurationProblem: ConfigurationProblem | undefined;
  /** Settings read from a child `<script type="application/json">`. */
  protected settings: Record<string, unknown> = {};

  #clientKey: string | undefined;
  #connection = new AbortController();
  #resolvedStrings: KapStrings = en;
  #language = 'en';
  #settingsRead = false;
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

  /** The language in use: `lang`, else inherited, else `en`. */
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
      this.settings = this.#readSettings();
      this.settingsRead(this.settings);
    }
    this.#language = inheritedLanguage(this);
    this.#resolvedStrings = {
      ...en,
      ...stringsOnly(registeredStrings(this.#language)),
      ...stringsOnly(this.settings['strings']),
      ...stringsOnly(this.strings),
    };
    const clientKey = `${this.api ?? ''}\u0000${this.requestTimeout}`;
    if (clientKey !== this.#clientKey) {
      this.#clientKey = clientKey;
      this.#buildClient();
    }
  }

  /** Hook for subclasses to pick their own keys out of the child JSON settings. */
  protected settingsRead(_settings: Record<string, unknown>): void {}

  #readSettings(): Record<string, unknown> {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script?.textContent?.trim()) return {};
    try {
      const value: unknown = JSON.parse(script.textContent);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Reported below like any other malformed settings.
    }
    this.emit(new KapErrorEvent({ kind: 'configuration', code: 'invalid_settings' }));
    return {};
  }

  #buildClient(): void {
    const previous = this.configurationProblem?.code;
    try {
      this.client = new KapApiClient({ api: this.api, baseURI: this.baseURI, timeoutMs: this.requestTimeout });
      if (previous === 'invalid_api') this.configurationProblem = undefined;
    } catch (error) {
      this.client = undefined;
      const detail = isKapApiError(error) ? error.message : 'The api attribute could not be used.';
      this.reportConfigurationProblem({ code: 'invalid_api', detail });
    }
  }

  /** Shows `problem` instead of the element and tells the page through `kap-error`. */
  protected reportConfigurationProblem(problem: ConfigurationProblem): void {
    this.configurationProblem = problem;
    this.emit(new KapErrorEvent({ kind: 'configuration', code: problem.code }));
    this.requestUpdate();
  }

  /** The string `key` in the element's language, with `{placeholders}` filled in. */
  protected t(key: KapStringKey, params?: Record<string, string | number>): string {
    return interpolate(this.#resolvedStrings[key], params);
  }

  /** `oneKey` or `otherKey` by the language's plural rules, with `{count}` filled in. */
  protected plural(count: number, oneKey: KapStringKey, otherKey: KapStringKey, params = {}): string {
    const rule = new Intl.PluralRules(this.locale).select(count);
    return this.t(rule === 'one' ? oneKey : otherKey, { ...params, count });
  }

  /**
   * A heading at the page's level: the element's top level (`heading-level`), or with `sub` the
   * level below it.
   */
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
    if (isKapApiError(error)) {
      this.emit(new KapErrorEvent({ kind: error.kind, code: code ?? error.code }));
    } else {
      this.emit(new KapErrorEvent({ kind: 'bad_response', code: code ?? 'unexpected' }));
    }
    return true;
  }

  /** Words a client understands for a failed request. */
  protected failureMessage(error: unknown): string {
    if (!(error instanceof KapApiError)) return this.t('errorUnexpected');
    switch (error.kind) {
      case 'network':
        return this.t('errorNetwork');
      case 'timeout':
        return this.t('errorTimeout');
      case 'rate_limited':
        return this.t('errorRateLimited', { wait: formatWait(error.retryAfterMs ?? 30_000, this.locale) });
      case 'server':
        return this.t('errorServer');
      case 'bad_response':
        return this.t('errorBadResponse');
      default:
        return this.t('errorUnexpected');
    }
  }

  protected isAbort(error: unknown): boolean {
    return isAbort(error);
  }

  /** The element's own content; `render` shows it unless the element is misconfigured. */
  protected abstract renderContent(): unknown;

  protected override render(): unknown {
    return this.configurationProblem ? this.renderConfigurationProblem(this.configurationProblem) : this.renderContent();
  }

  protected renderConfigurationProblem(problem: ConfigurationProblem): TemplateResult {
    return html`
      <div part="base problem" class="notice notice--error" role="alert">
        ${this.heading(this.t('configurationHeading'), { part: 'heading', focusable: true })}
        <p>${this.t('configurationBody')}</p>
        <p class="muted">${this.t('configurationDetail', { detail: problem.detail })}</p>
      </div>
    `;
  }
}
