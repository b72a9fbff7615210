/**
 * The questions of `<kap-intake>`, as templates: one per item type, GOV.UK-shaped (label or
 * legend, hint, inline error, then the inputs); choice, multiple-choice and yes/no questions and a
 * scale's rows are drawn straight into the DOM (`drawn-choices.ts`), to the same shape. Each states what the accessibility tree needs:
 * required questions are `aria-required` (a radio group is a `radiogroup`, so that it can be;
 * never the native `required`, which would call an untouched checkbox invalid at once),
 * and every input of a question in error is `aria-invalid` — each radio and checkbox of its
 * group, each of a date's three fields unless the error names some. A date's fields come in the
 * reader's order (month, day, year in the US) with an example in that order.
 *
 * The wording of a validated instrument stays exactly as published: "(optional)" is never added
 * to it, but said in a hint of its own beside it.
 *
 * A date and a consent (with its signature) are drawn by `date-consent.ts`, which a form that asks
 * neither never loads (in the drop-in files, a chunk): `loadQuestionKinds` brings it before such a
 * form is shown.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { inLanguage } from '../../../base/local-template.js';
import type { Answers } from '../../../forms/answers.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import type { TextLanguages } from '../../../forms/definition-basics.js';
import type { AnswerableItem, Item } from '../../../forms/definition-items.js';
import type { ValidationError } from '../../../forms/validation.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { drawQuestion, drawRows, labelParts, optionalNote, type ChoiceOption } from './drawn-choices.js';

export interface QuestionsView {
  answers: Answers;
  errors: readonly ValidationError[];
  /** The items shown (conditions met). */
  shown: ReadonlySet<string>;
  /** The page is a validated instrument's: its wording is never added to. */
  verbatim: boolean;
  locale: string;
  t: (key: KapStringKey, params?: Record<string, string | number>) => string;
  /** Renders the markdown subset, marked with `lang` when it is given (a text not in the page's language). */
  md: (source: string | undefined, lang?: string) => TemplateResult[];
  /** What follows the answer slot `key` (the crisis panel after the answer that raised it). */
  after: (key: string) => unknown;
  /** The element's words as a whole: the same object until a word changes. */
  words: object;
}

/**
 * What a question drawn for the answer slots `slots` (a scale's: its rows') shows depends on: it is
 * drawn again (Lit's `guard`) only when one of these changed — its answers, their errors and what
 * follows them (a crisis panel is new at each render, so one after it always draws it), the words,
 * the locale (a date's fields and example) and whether the wording is an instrument's.
 */
export function drawnFrom(view: QuestionsView, what: object, slots: string[]): unknown[] {
  return [
    what,
    view.words,
    view.locale,
    view.verbatim,
    ...slots.flatMap((slot) => [view.answers[slot], view.after(slot)]),
    ...view.errors.filter((error) => slots.includes(error.itemId)),
  ];
}

/** What a question's hint is made of: its `help`, and its language where that is not the page's. */
export interface Hinted {
  help?: string | undefined;
  langs?: TextLanguages | undefined;
}

const AUTOCOMPLETE: Record<string, string> = { email: 'email', phone: 'tel' };
export const ids = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(' ') || nothing;

/** The questions of the kinds `date-consent.ts` draws, once it has loaded. */
let moreKinds: typeof import('./date-consent.js') | undefined;

const asksDateOrConsent = (form: ResolvedForm) => form.pages.some((page) => page.items.some((item) => item.type === 'date' || item.type === 'consent'));

/** Whether every kind of question `form` asks can be drawn now. */
export function questionKindsAtHand(form: ResolvedForm): boolean {
  return !!moreKinds || !asksDateOrConsent(form);
}

/**
 * Loads the templates of the kinds of question `form` asks that are not at hand
 * (`questionKindsAtHand`), and beside them, not after them, what they share with other parts (in
 * the drop-in files, chunks): their words (the crisis panel's chunk) and the date formats.
 */
export async function loadQuestionKinds(form: ResolvedForm): Promise<void> {
  if (questionKindsAtHand(form)) return;
  [moreKinds] = await Promise.all([import('./date-consent.js'), import('../../../i18n/en-intake-parts.js'), import('../../../forms/long-date.js')]);
}

/**
 * What sits under a question's label (its "(optional)" note, hint, error message) in one binding:
 * Lit leaves a marker node per binding, so one binding instead of three keeps the page's DOM small.
 */
export function notes(...parts: unknown[]): unknown {
  const [first, second, third] = parts.filter((part) => part !== nothing);
  if (first === undefined) return nothing;
  if (second === undefined) return first;
  return third === undefined ? html`${first}${second}` : html`${first}${second}${third}`;
}

/**
 * The options of a yes/no question: one array for each wording of "Yes" and "No", so that no
 * drawing of the page draws them again (`drawQuestion`) unless those words change — not when a
 * chunk brings other words.
 */
const yesNoOptions: Record<string, ChoiceOption[]> = {};
function yesNo({ t }: QuestionsView): ChoiceOption[] {
  const [yes, no] = [t('intakeYes'), t('intakeNo')];
  return (yesNoOptions[`${yes}\n${no}`] ??= [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ]);
}

/**
 * A question, with what follows its answer (`view.after`: the crisis panel after a safety answer)
 * in its own template: a question that can raise it binds it after the question, so that the
 * panel coming or going leaves the question, and the input that has the focus, as they are.
 */
export function renderQuestion(item: Item, view: QuestionsView): unknown {
  if (!view.shown.has(item.id)) return nothing;
  const q = new Questions(view);
  switch (item.type) {
    case 'display':
      return html`<div part="field" class="field">${view.md(item.text, item.langs?.['text'])}</div>`;
    case 'choice':
    case 'multi':
      return drawQuestion(item, item.options, item.type === 'multi', view);
    case 'yesno':
      return drawQuestion(item, yesNo(view), false, view);
    case 'scale':
      return html`<div part="field" class="field">
        <fieldset aria-describedby=${ids(item.help && `h-${item.id}`, q.optionalNote(item) && `o-${item.id}`)}>
          <legend>${q.label(item)}</legend>
          ${notes(q.optional(item), q.hint(item.id, item))}
          ${drawRows(item, view)}
        </fieldset>
      </div>`;
    case 'date':
      return moreKinds?.renderDate(q, item) ?? nothing;
    case 'consent':
      return moreKinds?.renderConsent(q, item) ?? nothing;
    default:
      return q.text(item, view.after(item.id));
  }
}

/** What every kind of question is drawn with. */
export class Questions {
  readonly view: QuestionsView;

  constructor(view: QuestionsView) {
    this.view = view;
  }

  /** The question's label (`labelParts`). */
  label(item: AnswerableItem): unknown {
    const { text, lang, optional } = labelParts(item, this.view);
    if (!optional) return inLanguage(text, lang);
    return lang ? html`${inLanguage(text, lang)}${optional}` : `${text}${optional}`;
  }

  /** Whether "(optional)" is said in a hint of its own (an optional question in an instrument's wording). */
  optionalNote(item: AnswerableItem): boolean {
    return optionalNote(item, this.view);
  }

  optional(item: AnswerableItem): unknown {
    return this.optionalNote(item) ? html`<p class="hint" id="o-${item.id}">${this.view.t('optionalHint')}</p>` : nothing;
  }

  /** The hint under a question (`help`), in its own language when that is not the page's. */
  hint(key: string, { help, langs }: Hinted): unknown {
    return help ? html`<p class="hint" id="h-${key}" lang=${langs?.['help'] ?? nothing}>${help}</p>` : nothing;
  }

  error(key: string): ValidationError | undefined {
    return this.view.errors.find((error) => error.itemId === key);
  }

  errorMessage(key: string, error: ValidationError | undefined): unknown {
    return error
      ? html`<p class="error-message" id="e-${key}">
          <span class="visually-hidden">${this.view.t('errorPrefix')}</span> ${inLanguage(error.message, error.lang)}
        </p>`
      : nothing;
  }

  /** A text field; `after` follows it in the same template (the crisis panel after a number that raised it). */
  text(item: Extract<Item, { type: 'text' | 'textarea' | 'email' | 'phone' | 'number' }>, after: unknown = nothing): TemplateResult {
    const key = item.id;
    const error = this.error(key);
    const answer = this.view.answers[key];
    // Bound plainly, not with live(): a text field's every input becomes its answer as typed
    // (`nextAnswer`), so the field never shows other than what was last drawn or typed.
    const value = typeof answer === 'string' ? answer : '';
    const unit = item.type === 'number' ? item.unit : undefined;
    const describedBy = ids(item.help && `h-${key}`, error && `e-${key}`, unit && `u-${key}`);
    const required = item.required ? 'true' : nothing;
    const invalid = error ? 'true' : nothing;
    return html`<div part="field" class="field ${error ? 'field--error' : ''}">
      <label class="label" for="f-${key}">${this.label(item)}</label>
      ${notes(this.hint(key, item), this.errorMessage(key, error))}
      ${
        item.type === 'textarea'
          ? html`<textarea
            class="input"
            id="f-${key}"
            name=${key}
            rows="5"
            .value=${value}
            aria-describedby=${describedBy}
            aria-required=${required}
            aria-invalid=${invalid}
          ></textarea>`
          : html`<div class="with-unit">
            <input
              class="input input--${item.type}"
              id="f-${key}"
              name=${key}
              type=${item.type === 'email' ? 'email' : item.type === 'phone' ? 'tel' : 'text'}
              inputmode=${ifDefined(item.type === 'number' ? (item.integer ? 'numeric' : 'decimal') : undefined)}
              autocomplete=${ifDefined((item as { autocomplete?: string }).autocomplete ?? AUTOCOMPLETE[item.type])}
              spellcheck=${item.type === 'text' ? nothing : 'false'}
              .value=${value}
              aria-describedby=${describedBy}
              aria-required=${required}
              aria-invalid=${invalid}
            />
            ${unit ? html`<span class="unit" id="u-${key}" lang=${item.langs?.['unit'] ?? nothing}>${unit}</span>` : nothing}
          </div>`
      }
    </div>${after}`;
  }
}
