/**
 * Choice groups drawn straight into the DOM rather than as templates: a choice, multiple-choice or
 * yes/no question (`drawQuestion`) and a scale's rows (`drawRows`), each a fieldset with its legend,
 * notes, inline error and options, GOV.UK-shaped as `questions.ts` draws the other kinds. PHQ-9's
 * page has 10 groups and 40 options; a template for each (cloned, walked for its
 * bindings, a marker node per binding, then inserted) was most of the page's first render. A group
 * is a copy, made in one step, of one of the same options drawn before (a scale's rows, every
 * scale with PHQ-9's four options, in any element on the page). What is drawn is drawn
 * again only when the question, its options or the words change, so an answer never replaces the
 * input that has the focus: an answer or an error sets `checked`, `aria-invalid` and the error
 * message on what is already there.
 */
import { nothing, render, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { Answers } from '../../../forms/answers.js';
import type { TextLanguages } from '../../../forms/definition-basics.js';
import type { AnswerableItem, ScaleItem, ScaleRow } from '../../../forms/definition-items.js';
import type { ValidationError } from '../../../forms/validation.js';

export interface ChoiceOption {
  value: string;
  label: string;
  help?: string;
  exclusive?: boolean;
  langs?: TextLanguages;
}

/** A `tag` element with `attributes` (those not undefined) and `children`. */
const make = (tag: string, attributes: Record<string, string | undefined>, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const name in attributes) if (attributes[name] !== undefined) node.setAttribute(name, attributes[name]);
  node.append(...children);
  return node;
};

/** `text`, in a span with `lang` when that is given (as `inLanguage`, for drawn nodes). */
const marked = (text: string, lang: string | undefined): Node | string => (lang ? make('span', { lang }, text) : text);

const toggle = (element: Element, name: string, value: string | false | undefined) =>
  value ? element.setAttribute(name, value) : element.removeAttribute(name);

/** The id of option `i` of answer slot `key` (the first's is the slot's: a label or error link points at it). */
const optionId = (key: string, i: number) => (i ? `f-${key}-${i}` : `f-${key}`);

/**
 * The options of answer slot `key`, drawn into `box`, replacing what was there. Each is its input
 * in its label (which names it with `for` too): the whole row takes a click, in one node fewer
 * than an input beside its label (a page of PHQ-9 has 40).
 */
function drawOptions(box: Element, key: string, options: readonly ChoiceOption[], multi: boolean, or: string): void {
  box.replaceChildren(
    ...options.flatMap((option, i) => {
      const id = optionId(key, i);
      const hint = option.help && `${id}-hint`;
      return [
        ...(option.exclusive && !options[i - 1]?.exclusive ? [make('p', { class: 'or' }, or)] : []),
        make(
          'label',
          { class: 'choice', for: id, lang: option.langs?.['label'] },
          make('input', { type: multi ? 'checkbox' : 'radio', id, name: key, value: option.value, 'aria-describedby': hint }),
          option.label,
        ),
        ...(hint ? [make('p', { class: 'hint choice-hint', id: hint, lang: option.langs?.['help'] }, option.help!)] : []),
      ];
    }),
  );
}

/** Checks the inputs in `box` that hold `value` and marks them invalid or not. */
function markOptions(box: Element, options: readonly ChoiceOption[], value: unknown, invalid: boolean): void {
  box.querySelectorAll('input').forEach((input, i) => {
    const chosen = options[i]!.value;
    input.checked = Array.isArray(value) ? value.includes(chosen) : value === chosen;
    toggle(input, 'aria-invalid', invalid && 'true');
  });
}

/** What choice groups are drawn with: the answers, their errors, what follows a group, the words. */
export interface ChoicesView {
  answers: Answers;
  errors: readonly ValidationError[];
  /** What follows the answer slot `key` (the crisis panel after the group that raised it). */
  after: (key: string) => unknown;
  /** The page is a validated instrument's: its wording is never added to. */
  verbatim: boolean;
  t: (key: 'intakeOr' | 'errorPrefix' | 'optional' | 'optionalHint') => string;
}

/** A choice group: its answer slot, legend, the paragraphs under the legend (with their ids), options and kind. */
interface ChoiceGroup {
  key: string;
  legend: (Node | string)[];
  notes: { id: string; text: string; lang?: string | undefined }[];
  options: readonly ChoiceOption[];
  multi: boolean;
  required: boolean;
}

/** A group as drawn, and what it was last marked with. */
interface DrawnGroup {
  group: ChoiceGroup;
  /** GOV.UK's form group around the fieldset: where an error is marked, its bar beside the whole question. */
  field: HTMLElement;
  fieldset: HTMLElement;
  box: HTMLElement;
  /** The answer its inputs show (`{}`: they may show another, as a checkbox group may once it was marked). */
  value?: unknown;
  error?: ValidationError | undefined;
  /** The words "Error:" its message was drawn with. */
  prefix?: string | undefined;
  message?: HTMLElement | undefined;
  /** Where what follows a scale's row is rendered (the crisis panel), once there has been any. */
  after?: HTMLElement;
}

/**
 * A group: a radio group (a `radiogroup`, required unless optional) or a group of checkboxes (ARIA
 * has no required state for one: an optional one says "(optional)", as every question does).
 */
function drawGroup(group: ChoiceGroup, or: string): DrawnGroup {
  const { key, notes, options, multi } = group;
  const box = make('div', { class: options.length < 3 ? 'choices choices--inline' : 'choices' });
  drawOptions(box, key, options, multi, or);
  const radios = !multi;
  const fieldset = make(
    'fieldset',
    {
      role: radios ? 'radiogroup' : undefined,
      'aria-required': radios && group.required ? 'true' : undefined,
      'aria-describedby': notes.map(({ id }) => id).join(' ') || undefined,
    },
    make('legend', {}, ...group.legend),
    ...notes.map(({ id, text, lang }) => make('p', { class: 'hint', id, lang }, text)),
    box,
  );
  return { group, field: make('div', { part: 'field', class: 'field' }, fieldset), fieldset, box };
}

/**
 * Groups drawn before, by all that their nodes are made from but their answer slot and legend:
 * as Lit keeps a template's nodes to clone, a group of options drawn once (PHQ-9's four, on every
 * row of PHQ-9 and GAD-7, in every element on the page) is then a copy (`copyGroup`). None of them
 * is ever shown or marked; cleared when it grows past its bound.
 */
const shapes = new Map<string, HTMLElement>();
const SHAPES_LIMIT = 100;

/** `group`, a copy of a group of the same shape (`shapes`), drawn first if there is none. */
function groupLike(group: ChoiceGroup, or: string): DrawnGroup {
  const shape = JSON.stringify([group.options, group.multi, group.required, group.notes, or]);
  let field = shapes.get(shape);
  if (!field) {
    if (shapes.size >= SHAPES_LIMIT) shapes.clear();
    // Drawn with no legend, and only its nodes kept: nothing of a group shown (a legend's span,
    // which the copy takes) is ever held by the map, nor, through it, the element that shows it.
    shapes.set(shape, (field = drawGroup({ ...group, legend: [] }, or).field));
  }
  return copyGroup(field, group);
}

/**
 * `group` as a copy of the field `drawn` (a group's, not yet marked): a copy of a group's nodes is
 * made in one step, where drawing makes each of them (and sets each attribute) one by one; then its
 * legend, its inputs' ids and name, their labels' `for` and their hints' ids.
 */
function copyGroup(drawn: HTMLElement, group: ChoiceGroup): DrawnGroup {
  const field = drawn.cloneNode(true) as HTMLElement;
  const fieldset = field.firstElementChild as HTMLElement;
  const box = fieldset.lastElementChild as HTMLElement;
  fieldset.firstElementChild!.replaceChildren(...group.legend);
  box.querySelectorAll('input').forEach((input, i) => {
    const id = optionId(group.key, i);
    input.id = id;
    input.name = group.key;
    (input.parentElement as HTMLLabelElement).htmlFor = id;
    if (!input.hasAttribute('aria-describedby')) return;
    input.setAttribute('aria-describedby', `${id}-hint`);
    input.parentElement!.nextElementSibling!.id = `${id}-hint`;
  });
  return { group, field, fieldset, box };
}

/** Sets on a drawn group its error (the message under its notes, `aria-invalid`) and its answer. */
function markGroup(drawn: DrawnGroup, view: ChoicesView): void {
  const { group, field, fieldset, box } = drawn;
  const { key, multi } = group;
  const error = view.errors.find((candidate) => candidate.itemId === key);
  const value = view.answers[key];
  const prefix = error && view.t('errorPrefix');
  if (error !== drawn.error || prefix !== drawn.prefix) {
    drawn.error = error;
    drawn.prefix = prefix;
    field.className = error ? 'field field--error' : 'field';
    if (!multi) toggle(fieldset, 'aria-invalid', error && 'true');
    toggle(fieldset, 'aria-describedby', [...group.notes.map(({ id }) => id), ...(error ? [`e-${key}`] : [])].join(' '));
    drawn.message?.remove();
    drawn.message = error
      ? make('p', { class: 'error-message', id: `e-${key}` }, make('span', { class: 'visually-hidden' }, prefix!), ' ', marked(error.message, error.lang))
      : undefined;
    if (drawn.message) box.before(drawn.message);
    drawn.value = {};
  }
  // Drawn, a group shows no answer. A checkbox's answer may keep its array while its box was
  // ticked (the answer refused it): once marked, a checkbox group is marked each time.
  const shown = drawn.value;
  drawn.value = multi ? {} : value;
  if (value !== shown) markOptions(box, group.options, value, !!error);
}

/**
 * A question's label: its words, in a span with their language when that is not the page's, then
 * "(optional)" in the page's unless the wording is an instrument's (which says it in a note of its
 * own, `optionalNote`). The space rides in the text after the words: Chromium leaves a space
 * standing alone between two nodes out of the accessible name ("Preferred name(optional)").
 */
export function labelParts(item: AnswerableItem, view: Pick<ChoicesView, 'verbatim' | 't'>): { text: string; lang?: string | undefined; optional: string } {
  return { text: item.label, lang: item.langs?.['label'], optional: item.required || view.verbatim ? '' : ` ${view.t('optional')}` };
}

/** Whether "(optional)" is said in a note of its own (an optional question in an instrument's wording). */
export const optionalNote = (item: AnswerableItem, view: Pick<ChoicesView, 'verbatim'>): boolean => !item.required && view.verbatim;

/** A choice, multiple-choice or yes/no question as a group: its label, its notes, its options. */
function questionGroup(item: AnswerableItem, options: readonly ChoiceOption[], multi: boolean, view: ChoicesView): ChoiceGroup {
  const { text, lang, optional } = labelParts(item, view);
  const notes: ChoiceGroup['notes'] = optionalNote(item, view) ? [{ id: `o-${item.id}`, text: view.t('optionalHint') }] : [];
  if (item.help) notes.push({ id: `h-${item.id}`, text: item.help, lang: item.langs?.['help'] });
  const legend = lang ? [marked(text, lang), ...(optional ? [optional] : [])] : [text + optional];
  return { key: item.id, legend, notes, options, multi, required: !!item.required };
}

type GroupsArgs = [groups: () => ChoiceGroup[], from: readonly unknown[], view: ChoicesView];

/**
 * Choice groups (`groups()`): one question, or a scale's rows, which differ from the first only in
 * their answer slot and legend and are drawn as copies of it. They are drawn in a box of the
 * directive's own, which it gives its place in the template (the same box at each render: no
 * template of its own to make), and again only when something in `from` changed; an answer, error
 * or crisis panel changes its group alone. What follows a group is a template, rendered after it
 * with the page's own render options.
 */
class DrawGroups extends Directive {
  readonly #box = document.createElement('div');
  #from: readonly unknown[] = [];
  #drawn: DrawnGroup[] = [];

  render(..._: GroupsArgs): unknown {
    return nothing;
  }

  override update(part: ChildPart, [groups, from, view]: GroupsArgs): unknown {
    if (!this.#drawn.length || from.some((what, i) => what !== this.#from[i])) {
      this.#from = from;
      for (const { after } of this.#drawn) if (after) render(nothing, after);
      const or = view.t('intakeOr');
      let first: DrawnGroup;
      this.#drawn = groups().map((group, i) => (i ? copyGroup(first.field, group) : (first = groupLike(group, or))));
      this.#box.replaceChildren(...this.#drawn.map(({ field }) => field));
    }
    for (const drawn of this.#drawn) {
      markGroup(drawn, view);
      const after = view.after(drawn.group.key);
      if (after === nothing && !drawn.after) continue;
      if (!drawn.after) drawn.field.after((drawn.after = make('div', { class: 'group-after' })));
      // Its own root: the page's `renderBefore` (a node of the shadow root) is not in this box.
      render(after, drawn.after, { host: part.options?.host });
    }
    return this.#box;
  }
}

const drawGroups = directive(DrawGroups);

/**
 * A choice, multiple-choice or yes/no question, drawn again when it, its options or the words it
 * is drawn with change (not other words: the inputs, and the focus, stay as they are).
 */
export const drawQuestion = (item: AnswerableItem, options: readonly ChoiceOption[], multi: boolean, view: ChoicesView) =>
  drawGroups(
    () => [questionGroup(item, options, multi, view)],
    [item, options, view.verbatim, view.t('intakeOr'), labelParts(item, view).optional, optionalNote(item, view) && view.t('optionalHint')],
    view,
  );

/** A row's number and words: one text, unless the words are in another language. */
function rowLegend(row: ScaleRow): (Node | string)[] {
  const lang = row.langs?.['label'];
  return lang ? [`${row.number}. `, marked(row.label, lang)] : [`${row.number}. ${row.label}`];
}

/** A scale's rows, each a radio group (required when the scale is), numbered; each a copy of the first. */
export const drawRows = (item: ScaleItem, view: ChoicesView) =>
  drawGroups(
    () => item.rows.map((row) => ({ key: row.id, legend: rowLegend(row), notes: [], options: item.options, multi: false, required: !!item.required })),
    [item, view.t('intakeOr')],
    view,
  );
