/**
 * The rules of a definition that a schema cannot express: unique ids, conditions that read only
 * earlier items with operators and values that fit them, scored scales, unique option values,
 * sensible ranges and valid patterns (texts and their links are checked by `checkTexts`). Each problem names where it is, e.g.
 * `pages[2].items[4] ("pregnant"): condition refers to "sex" which is not an earlier item`.
 */
import type { Condition } from './definition-basics.js';
import type { Item, Option } from './definition-items.js';
import type { ResolvedForm, ResolvedPage } from './definition.js';
import { isIsoDate } from './dates.js';
import { indexForm, type FormIndex } from './form-index.js';

const OPERATORS = ['equals', 'notEquals', 'anyOf', 'greaterThan', 'lessThan', 'answered'] as const;

export function checkResolvedForm(form: ResolvedForm): string[] {
  const problems: string[] = [];
  const index = indexForm(form);
  const report = (where: string, problem: string) => problems.push(`${where}: ${problem}`);

  const pageIds = new Map<string, string>();
  const itemIds = new Map<string, string>();
  const instruments = new Map<string, string>();
  let order = 0;
  form.pages.forEach((page) => {
    const firstOrder = order;
    const seenPage = pageIds.get(page.id);
    if (seenPage) report(page.source, `page id "${page.id}" is already used by ${seenPage}`);
    else pageIds.set(page.id, page.source);
    const used = page.instrument ?? page.include;
    if (used) {
      const seen = instruments.get(used);
      if (seen) {
        report(page.source, `"${used}" is already inserted at ${seen}; insert it once`);
        return;
      }
      instruments.set(used, page.source);
    }
    if (page.when) checkCondition(page.when, { index, before: firstOrder, where: page.source, report, context: 'page' });

    page.items.forEach((item, itemIndex) => {
      const where = itemLocation(page, itemIndex, item.id);
      const itemOrder = order;
      order++;
      const claim = (id: string, at: string) => {
        const seen = itemIds.get(id);
        if (seen) report(at, `id "${id}" is already used by ${seen}`);
        else itemIds.set(id, at);
      };
      claim(item.id, where);
      if (item.type === 'scale') {
        item.rows.forEach((row, rowIndex) => claim(row.id, `${where}.rows[${rowIndex}] ("${row.id}")`));
        order += item.rows.length;
      } else if (item.type !== 'display') {
        order++;
      }
      if (item.when) checkCondition(item.when, { index, before: itemOrder, where, report, context: 'when', owner: item.id });
      checkItem(item, where, index, itemOrder, report);
    });
  });
  return problems;
}

function itemLocation(page: ResolvedPage, itemIndex: number, id: string): string {
  return page.instrument || page.include ? `${page.source} item "${id}"` : `${page.source}.items[${itemIndex}] ("${id}")`;
}

type Report = (where: string, problem: string) => void;

function checkItem(item: Item, where: string, index: FormIndex, itemOrder: number, report: Report): void {
  switch (item.type) {
    case 'text':
    case 'textarea':
      if (item.minLength !== undefined && item.maxLength !== undefined && item.minLength > item.maxLength) {
        report(where, `minLength (${item.minLength}) is more than maxLength (${item.maxLength})`);
      }
      if (item.type === 'text') {
        if (item.pattern !== undefined) {
          try {
            new RegExp(item.pattern, 'u');
          } catch {
            report(where, `pattern ${JSON.stringify(item.pattern)} is not a valid regular expression`);
          }
          if (!item.patternMessage) report(where, 'pattern needs a patternMessage telling the client what to enter');
        } else if (item.patternMessage) {
          report(where, 'patternMessage is set but there is no pattern');
        }
      }
      break;
    case 'number':
      if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
        report(where, `min (${item.min}) is more than max (${item.max})`);
      }
      break;
    case 'date':
      for (const bound of ['min', 'max'] as const) {
        const value = item[bound];
        if (value && /^\d/.test(value) && !isIsoDate(value)) report(where, `${bound} "${value}" is not a real date`);
      }
      if (item.min && item.max && /^\d/.test(item.min) && /^\d/.test(item.max) && item.min > item.max) {
        report(where, `min (${item.min}) is after max (${item.max})`);
      }
      break;
    case 'display':
      return;
  }
  if ('options' in item) checkOptions(item, item.options, where, report);
  if (item.safety) checkSafety(item, where, report);
  const reviews = item.review === undefined ? [] : Array.isArray(item.review) ? item.review : [item.review];
  reviews.forEach((review, i) => {
    checkCondition(review.when, {
      index,
      before: itemOrder,
      where,
      report,
      context: reviews.length > 1 ? `review[${i}].when` : 'review.when',
      self: item,
    });
  });
}

function checkOptions(item: Item & { options: Option[] }, options: Option[], where: string, report: Report): void {
  const seen = new Set<string>();
  options.forEach((option, i) => {
    const at = `${where}.options[${i}] ("${option.value}")`;
    if (seen.has(option.value)) report(at, `option value "${option.value}" is used twice`);
    seen.add(option.value);
    if (item.type === 'scale' && option.score === undefined) {
      report(at, 'scale options need a score (an integer), e.g. 0 for "Not at all"');
    }
    if (option.exclusive && item.type !== 'multi') report(at, 'exclusive only applies to multi (multiple choice) items');
  });
}

function checkSafety(item: Item, where: string, report: Report): void {
  switch (item.type) {
    case 'yesno':
    case 'number':
    case 'scale':
      return;
    case 'choice':
    case 'multi':
      if (!item.options.some((option) => option.safety || (option.score ?? 0) > 0)) {
        report(where, 'safety: true on a choice needs options scored above 0 or marked "safety": true');
      }
      return;
    default:
      report(where, `safety applies to yesno, choice, multi, scale and number items, not ${item.type}`);
  }
}

interface ConditionContext {
  index: FormIndex;
  /** Items at or after this position in the form may not be read. */
  before: number;
  where: string;
  report: Report;
  /** `when`, `page`, or `review.when`. */
  context: string;
  /** For `review.when`: the item itself, which it may read and which it defaults to. */
  self?: Item;
  /** For `when`: the item the condition belongs to. */
  owner?: string;
}

function checkCondition(condition: Condition, ctx: ConditionContext, path = ''): void {
  const at = path || (ctx.context === 'when' || ctx.context === 'page' ? '' : ' ');
  const problem = (text: string) => ctx.report(ctx.where, at ? `${text} (at ${ctx.context}${path})` : text);
  const groups = (['all', 'any'] as const).filter((key) => condition[key] !== undefined);
  const operators = OPERATORS.filter((key) => condition[key] !== undefined);
  if (groups.length) {
    if (groups.length > 1 || operators.length || condition.item !== undefined) {
      problem(`a condition with "${groups[0]}" may not have other keys: nest each condition inside "${groups[0]}"`);
      return;
    }
    const key = groups[0]!;
    condition[key]!.forEach((part, i) => checkCondition(part, ctx, `${path}.${key}[${i}]`));
    return;
  }
  if (operators.length !== 1) {
    problem(
      operators.length
        ? `condition has both "${operators[0]}" and "${operators[1]}": combine them with "all"`
        : 'condition needs one of equals, notEquals, anyOf, greaterThan, lessThan or answered',
    );
    return;
  }
  const operator = operators[0]!;
  const selfItem = ctx.self;
  const targetId = condition.item ?? selfItem?.id;
  if (targetId === undefined) {
    problem('condition needs "item": the id of an earlier question');
    return;
  }
  const field = ctx.index.byKey.get(targetId);
  const isSelf = !!selfItem && (targetId === selfItem.id || (selfItem.type === 'scale' && selfItem.rows.some((r) => r.id === targetId)));
  if (!field || (field.order >= ctx.before && !isSelf)) {
    const known = ctx.index.items.get(targetId);
    if (known?.item.type === 'scale' && known.order < ctx.before) {
      problem(`condition refers to "${targetId}", a scale: refer to one of its rows, e.g. "${known.item.rows[0]!.id}"`);
    } else if (known?.item.type === 'display') {
      problem(`condition refers to "${targetId}", which is display text, not a question`);
    } else if (isSelf && selfItem?.type === 'scale') {
      problem(`condition refers to the scale "${targetId}": refer to one of its rows, e.g. "${selfItem.rows[0]!.id}"`);
    } else if (ctx.owner !== undefined && field?.item.id === ctx.owner) {
      problem(`condition refers to "${targetId}" itself: a condition can only read earlier items`);
    } else {
      const hint = field ? `; it comes later, on pages[${field.pageIndex}]` : '';
      problem(`condition refers to "${targetId}" which is not an earlier item${hint}`);
    }
    return;
  }
  const item = field.item;
  const value = condition[operator];
  const values = operator === 'anyOf' ? (value as (string | number)[]) : [value as string | number | boolean];
  const describe = (v: unknown) => JSON.stringify(v);
  if (operator === 'answered') return;
  if (item.type === 'consent') {
    problem(`condition on the consent "${targetId}" can only use "answered"`);
    return;
  }
  if (operator === 'greaterThan' || operator === 'lessThan') {
    const limit = value as string | number;
    if (item.type === 'number') {
      if (typeof limit !== 'number') problem(`"${operator}" on the number "${targetId}" needs a number, not ${describe(limit)}`);
    } else if (item.type === 'date') {
      if (typeof limit !== 'string' || !isIsoDate(limit)) {
        problem(`"${operator}" on the date "${targetId}" needs a date like "2000-01-31"`);
      }
    } else if (item.type === 'choice' || item.type === 'scale') {
      if (typeof limit !== 'number') problem(`"${operator}" on "${targetId}" compares option scores and needs a number`);
      else if (item.options.some((option) => option.score === undefined)) {
        problem(`"${operator}" on "${targetId}" compares option scores, but not all of its options have a score`);
      }
    } else {
      problem(`"${operator}" needs a number, date or scored choice; "${targetId}" is ${item.type}`);
    }
    return;
  }
  for (const expected of values) {
    switch (item.type) {
      case 'choice':
      case 'multi':
      case 'scale':
        if (!item.options.some((option) => option.value === expected)) {
          const list = item.options.map((option) => option.value).join(', ');
          problem(`condition compares "${targetId}" with ${describe(expected)}, which is not one of its options (${list})`);
        }
        break;
      case 'yesno':
        if (expected !== 'yes' && expected !== 'no') {
          problem(`condition compares the yes/no "${targetId}" with ${describe(expected)}: use "yes" or "no"`);
        }
        break;
      case 'number':
        if (typeof expected !== 'number') problem(`condition compares the number "${targetId}" with ${describe(expected)}: use a number`);
        break;
      case 'date':
        if (typeof expected !== 'string' || !isIsoDate(expected)) {
          problem(`condition compares the date "${targetId}" with ${describe(expected)}: use a date like "2000-01-31"`);
        }
        break;
      default:
        if (typeof expected !== 'string') problem(`condition compares the text "${targetId}" with ${describe(expected)}: use text`);
    }
  }
}
