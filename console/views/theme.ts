/**
 * `<console-theme>`: the elements' theme, for the marketer and the owner (`theme:manage`). Five
 * colours for light pages and five for dark ones (a colour picker and its hex code, each labelled),
 * the font, the base size, the corner radius and the density. Every colour pair the elements use is
 * checked against WCAG 2.2 AA as it is picked (src/theme/theme-tokens.ts, the server's own rule),
 * each failing pair named in plain words; Publish stays off, saying why, while any fails — and the
 * server refuses too. The preview shows the real elements (theme-preview.ts, loaded lazily) in their
 * key states, on light or dark pages, in the draft's colours, answering from sample data in the
 * page: nothing is sent. While a pair fails the preview is hidden (the console stays readable by
 * everyone, axe-clean); "show anyway" shows it as an inert picture of the failing colours, while
 * the contrast list says in words what fails.
 *
 * It asks `GET staff/theme`, `PUT staff/theme/draft` and `POST staff/theme/publish` only: nothing
 * about a client; the preview's elements ask nothing of the server.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { THEME_DENSITIES, THEME_FONTS, type Theme, type ThemeColours, type ConfiguredTheme } from '../../src/api/theme.js';
import { formatRatio } from '../../src/theme/contrast.js';
import { contrastChecks, DEFAULT_THEME, themeTokens, type ContrastCheck } from '../../src/theme/theme-tokens.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, fieldError, focusSummary, formStyles, type FieldErrors } from './form-parts.js';
import { themeStyles } from './theme.styles.js';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const COLOURS = ['brand', 'text', 'background', 'focus', 'error'] as const satisfies readonly (keyof ThemeColours)[];
const HEX = /^#[0-9a-fA-F]{6}$/;
const SIZES = [16, 17, 18, 19, 20, 22, 24];
const RADII = [0, 2, 4, 6, 8, 12, 16, 24];

/** The field a failing pair is reported at: the colour the marketer picked that the pair rests on. */
const PAIR_FIELD: Record<ContrastCheck['id'], keyof ThemeColours> = {
  'text-background': 'text',
  'text-surface': 'text',
  'brand-background': 'brand',
  'brand-surface': 'brand',
  'button-text': 'brand',
  'error-background': 'error',
  'border-background': 'text',
  'focus-background': 'focus',
};

const fieldId = (scheme: Scheme, colour: string) => `theme-${scheme}-${colour}`;
/** The preview's module, loaded once. */
let loadingPreview: Promise<unknown> | undefined;

const FIELDS = SCHEMES.flatMap((scheme) => COLOURS.map((colour) => fieldId(scheme, colour)));

export class ConsoleTheme extends ConsoleView<ConfiguredTheme> {
  static override properties: PropertyDeclarations = {
    draft: { state: true },
    hex: { state: true },
    errors: { state: true },
    saved: { state: true },
    busy: { state: true },
    previewReady: { state: true },
    previewScheme: { state: true },
    showAnyway: { state: true },
  };
  static override styles = [...consoleStyles, formStyles, themeStyles];
  /** The theme being edited (its colours as last valid). */
  declare draft: Theme;
  /** Each colour field's text as typed, by field id. */
  declare hex: Record<string, string>;
  declare errors: FieldErrors;
  /** What the last save or publish did, said in the live region. */
  declare saved: string;
  declare busy: boolean;
  declare previewReady: 'loading' | 'ready' | 'failed';
  declare previewScheme: Scheme;
  /** The marketer asked to see a failing draft's preview anyway (as an inert picture). */
  declare showAnyway: boolean;
  /** The tokens last given to the preview, and their key: a new object only when they change. */
  #tokens: { key: string; tokens: Record<string, string> } = { key: '', tokens: {} };

  constructor() {
    super();
    this.draft = DEFAULT_THEME;
    this.hex = hexFields(DEFAULT_THEME);
    this.errors = {};
    this.saved = '';
    this.busy = false;
    this.previewReady = 'loading';
    this.previewScheme = 'light';
    this.showAnyway = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#loadPreview();
  }

  async #loadPreview() {
    this.previewReady = 'loading';
    try {
      loadingPreview ??= import('./theme-preview.js');
      await loadingPreview;
      this.previewReady = 'ready';
    } catch {
      loadingPreview = undefined;
      this.previewReady = 'failed';
    }
  }

  protected override async fetch(): Promise<ConfiguredTheme> {
    const { theme } = await this.api.theme();
    this.#take(theme.draft ?? theme.published?.theme ?? DEFAULT_THEME);
    return theme;
  }

  #take(theme: Theme) {
    this.draft = theme;
    this.hex = hexFields(theme);
  }

  /** The scheme's colours as typed where they are colours, else as last valid. */
  #colours(scheme: Scheme): ThemeColours {
    const typed = Object.fromEntries(COLOURS.map((colour) => [colour, this.hex[fieldId(scheme, colour)] ?? '']));
    return Object.fromEntries(COLOURS.map((colour) => [colour, HEX.test(typed[colour]!) ? typed[colour]! : this.draft[scheme][colour]])) as ThemeColours;
  }

  #theme(): Theme {
    return { ...this.draft, light: this.#colours('light'), dark: this.#colours('dark') };
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="theme-heading">
      <h2 id="theme-heading" class="heading--sub" tabindex="-1">${t('themeHeading')}</h2>
      <p class="hint">${t('themeIntro')}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #ready(data: ConfiguredTheme) {
    const t = this.t;
    const checks = contrastChecks(this.#theme());
    const failing = checks.filter((check) => !check.passes);
    return html`<form class="card" aria-labelledby="theme-form-heading" novalidate @submit=${this.#save}>
        <h3 id="theme-form-heading">${t('themeFormHeading')}</h3>
        <p class="hint">${data.published ? t('themePublishedAt', { when: new Date(data.published.publishedAt).toLocaleString(this.lang) }) : t('themeNotPublished')}</p>
        ${errorSummary(t, this.renderRoot, this.errors, FIELDS)}
        <div class="colours">${SCHEMES.map((scheme) => this.#colourFields(scheme))}</div>
        ${this.#choice(
          'theme-font',
          t('themeFont'),
          THEME_FONTS,
          this.draft.font,
          (font) => t(`themeFont.${font}`),
          (font) => (this.draft = { ...this.draft, font }),
        )}
        <div class="field">
          <label for="theme-size">${t('themeBaseSize')}</label>
          <select id="theme-size" @change=${(event: Event) => (this.draft = { ...this.draft, baseSize: Number((event.target as HTMLSelectElement).value) })}>
            ${SIZES.map((size) => html`<option value=${size} ?selected=${size === this.draft.baseSize}>${size} px</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="theme-radius">${t('themeRadius')}</label>
          <select id="theme-radius" @change=${(event: Event) => (this.draft = { ...this.draft, radius: Number((event.target as HTMLSelectElement).value) })}>
            ${RADII.map((radius) => html`<option value=${radius} ?selected=${radius === this.draft.radius}>${radius} px</option>`)}
          </select>
        </div>
        ${this.#choice(
          'theme-density',
          t('themeDensity'),
          THEME_DENSITIES,
          this.draft.density,
          (density) => t(`themeDensity.${density}`),
          (density) => (this.draft = { ...this.draft, density }),
        )}
        ${this.#contrast(checks, failing)}
        <div class="actions">
          <button class="button button--secondary" type="submit" ?disabled=${this.busy}>${t('themeSave')}</button>
          <button class="button" type="button" id="theme-publish" aria-disabled=${failing.length > 0 ? 'true' : 'false'}
            aria-describedby=${failing.length > 0 ? 'theme-publish-reason' : nothing} ?disabled=${this.busy} @click=${this.#publish}>${t('themePublish')}</button>
        </div>
        ${failing.length > 0 ? html`<p class="hint" id="theme-publish-reason">${t('themePublishOff')}</p>` : nothing}
        <p role="status" aria-live="polite" id="theme-saved">${this.saved}</p>
      </form>
      ${this.#previews(failing.length > 0)}`;
  }

  #colourFields(scheme: Scheme) {
    const t = this.t;
    return html`<fieldset class="field">
      <legend class="label">${t(scheme === 'light' ? 'themeLightColours' : 'themeDarkColours')}</legend>
      ${COLOURS.map((colour) => {
        const id = fieldId(scheme, colour);
        const error = this.errors[id];
        const value = this.hex[id] ?? '';
        return html`<fieldset class="colour">
          <legend>${t(`themeColour.${colour}`)}</legend>
          ${fieldError(t, id, error)}
          <div>
            <label for="${id}-picker">${t('themePicker')}</label>
            <input id="${id}-picker" type="color" .value=${HEX.test(value) ? value.toLowerCase() : this.draft[scheme][colour]} @input=${(event: Event) => this.#type(id, (event.target as HTMLInputElement).value)} />
          </div>
          <div>
            <label for=${id}>${t('themeHex')}</label>
            <input id=${id} type="text" inputmode="text" maxlength="7" spellcheck="false" autocomplete="off" .value=${value}
              aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
              @input=${(event: Event) => this.#type(id, (event.target as HTMLInputElement).value.trim())} />
          </div>
        </fieldset>`;
      })}
    </fieldset>`;
  }

  #choice<T extends string>(id: string, legend: string, options: readonly T[], chosen: T, label: (option: T) => string, choose: (option: T) => void) {
    return html`<fieldset class="field">
      <legend class="label">${legend}</legend>
      ${options.map(
        (option) => html`<label class="choice" for="${id}-${option}">
          <input id="${id}-${option}" type="radio" name=${id} value=${String(option)} .checked=${option === chosen} @change=${() => choose(option)} />
          ${label(option)}
        </label>`,
      )}
    </fieldset>`;
  }

  /** Every pair, failing ones first, each in words; the summary line is read out as it changes. */
  #contrast(checks: ContrastCheck[], failing: ContrastCheck[]) {
    const t = this.t;
    const ordered = [...failing, ...checks.filter((check) => check.passes)];
    return html`<section aria-labelledby="theme-contrast-heading">
      <h4 id="theme-contrast-heading">${t('themeContrastHeading')}</h4>
      <p role="status" aria-live="polite" id="theme-contrast-summary" class=${failing.length > 0 ? 'fails' : ''}>
        ${failing.length > 0 ? t('themeContrastFailing', { count: failing.length }) : t('themeContrastPassing')}
      </p>
      <ul class="checks" id="theme-contrast-list">
        ${ordered.map(
          (check) =>
            html`<li class=${check.passes ? '' : 'fails'}>${check.passes ? '' : html`<span class="visually-hidden">${t('errorPrefix')} </span>`}${this.#pairWords(check)}</li>`,
        )}
      </ul>
    </section>`;
  }

  /** "Text on background (light pages): 3.2:1, needs 4.5:1". */
  #pairWords(check: ContrastCheck): string {
    const t = this.t;
    return t(check.passes ? 'themePairPasses' : 'themePairFails', {
      pair: t(`themePair.${check.id}`),
      scheme: t(check.scheme === 'light' ? 'themeOnLight' : 'themeOnDark'),
      ratio: formatRatio(check.ratio),
      needs: check.needs,
    });
  }

  /** The draft's tokens as `GET clinic` would serve them: the same object while they stay the same. */
  #draftTokens(): Record<string, string> {
    const tokens = themeTokens(this.#theme());
    const key = JSON.stringify(tokens);
    if (key !== this.#tokens.key) this.#tokens = { key, tokens };
    return this.#tokens.tokens;
  }

  #previews(failing: boolean) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="theme-preview-heading">
      <h3 id="theme-preview-heading">${t('themePreviewHeading')}</h3>
      <p class="hint">${t('themePreviewHint')}</p>
      <fieldset class="field preview-controls">
        <legend class="label">${t('themePreviewScheme')}</legend>
        ${SCHEMES.map(
          (scheme) => html`<label class="choice" for="theme-preview-${scheme}">
            <input id="theme-preview-${scheme}" type="radio" name="theme-preview-scheme" .checked=${this.previewScheme === scheme} @change=${() => (this.previewScheme = scheme)} />
            ${t(scheme === 'light' ? 'themeOnLight' : 'themeOnDark')}
          </label>`,
        )}
      </fieldset>
      ${
        failing
          ? html`<p class="notice" id="theme-preview-hidden">${t('themePreviewHidden')}</p>
            <label class="choice" for="theme-preview-anyway">
              <input id="theme-preview-anyway" type="checkbox" .checked=${this.showAnyway} @change=${(event: Event) => (this.showAnyway = (event.target as HTMLInputElement).checked)} />
              ${t('themePreviewShowAnyway')}
            </label>`
          : nothing
      }
      ${this.#previewElements(failing)}
    </section>`;
  }

  #previewElements(failing: boolean) {
    const t = this.t;
    if (failing && !this.showAnyway) return nothing;
    if (this.previewReady === 'loading') return html`<p role="status">${t('loading')}</p>`;
    if (this.previewReady === 'failed') {
      return html`<div class="notice notice--error" role="alert"><p>${t('themePreviewFailed')}</p></div>
        <button class="button button--secondary" type="button" @click=${() => this.#loadPreview()}>${t('tryAgain')}</button>`;
    }
    // A failing draft, shown anyway: an inert picture (out of the keyboard's and the accessibility tree's reach).
    return html`${failing ? html`<p class="hint" id="theme-preview-picture">${t('themePreviewPicture')}</p>` : nothing}
      <div class="previews" id="theme-previews" .inert=${failing}>
        <console-theme-preview .t=${t} lang=${this.lang} .scheme=${this.previewScheme} .tokens=${this.#draftTokens()}></console-theme-preview>
      </div>`;
  }

  #type(id: string, value: string) {
    this.hex = { ...this.hex, [id]: value };
    this.saved = '';
  }

  /** Problems of the colours as typed: not a colour, or (when publishing) a failing pair at the colour it rests on. */
  #problems(withContrast: boolean): FieldErrors {
    const t = this.t;
    const errors: FieldErrors = {};
    for (const scheme of SCHEMES) {
      for (const colour of COLOURS) {
        const id = fieldId(scheme, colour);
        if (!HEX.test(this.hex[id] ?? '')) errors[id] = t('themeHexInvalid', { colour: t(`themeColour.${colour}`) });
      }
    }
    if (withContrast && Object.keys(errors).length === 0) {
      for (const check of contrastChecks(this.#theme()).filter((c) => !c.passes)) {
        const id = fieldId(check.scheme, PAIR_FIELD[check.id]);
        errors[id] = errors[id] ? `${errors[id]} ${this.#pairWords(check)}` : this.#pairWords(check);
      }
    }
    return errors;
  }

  /** Saves the draft; `false` when the colours are not all colours yet (the summary then has focus). */
  async #store(withContrast: boolean): Promise<boolean> {
    this.errors = this.#problems(withContrast);
    if (Object.keys(this.errors).length > 0) {
      this.saved = '';
      await focusSummary(this);
      return false;
    }
    this.busy = true;
    try {
      const { theme } = await this.api.saveThemeDraft(this.#theme());
      this.loaded = { name: 'ready', data: theme };
      return true;
    } catch (error) {
      this.errors = { form: this.#refusal(error) };
      await focusSummary(this);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await this.#store(false)) this.saved = this.t('themeSaved');
  };

  #publish = async () => {
    if (this.busy || !(await this.#store(true))) return;
    this.busy = true;
    try {
      const { theme } = await this.api.publishTheme();
      this.loaded = { name: 'ready', data: theme };
      this.saved = this.t('themePublished');
    } catch (error) {
      this.errors = { form: this.#refusal(error) };
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  };

  /** The server's refusal in words: its own list of failing pairs when it names them. */
  #refusal(error: unknown): string {
    if (error instanceof ConsoleApiError && error.status === 422) return `${this.t('themeRefused')} ${error.fields['draft'] ?? ''}`.trim();
    return this.message(error);
  }
}

function hexFields(theme: Theme): Record<string, string> {
  return Object.fromEntries(SCHEMES.flatMap((scheme) => COLOURS.map((colour) => [fieldId(scheme, colour), theme[scheme][colour]])));
}

if (!customElements.get('console-theme')) customElements.define('console-theme', ConsoleTheme);
