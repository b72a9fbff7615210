/**
 * What one input event does to an answer: the next view value of answer slot `key`, from the
 * value it had and what changed in one of its inputs. The element forwards each input event here
 * (its `name`, `data-part`, type, checked state and value) and keeps what comes back; no DOM here.
 */
import { isConsentAnswer, isDateParts, type AnswerValue } from './answers.js';
import type { ResolvedForm } from './definition.js';
import { indexForm } from './form-index.js';

/** One input's change, as the input reports it. */
export interface InputChange {
  /** `data-part`: `consent` / `signature` of a consent item, `day` / `month` / `year` of a date. */
  part?: string | undefined;
  /** The input's type: a checkbox of a multiple choice toggles one option. */
  type: string;
  checked: boolean;
  value: string;
}

/**
 * Whether the inputs of a question already show `next`, the answer after `change`, as the browser
 * drew them when the client changed them: a text field and a radio group always do; a checkbox does
 * unless choosing it cleared other options ("None of these" and the rest). A date's and a consent's
 * parts are drawn from the answer as a whole, so they are drawn again.
 */
export function inputsShow(change: InputChange, current: AnswerValue | undefined, next: AnswerValue): boolean {
  if (change.part) return false;
  if (change.type !== 'checkbox') return true;
  const count = (answer: AnswerValue | undefined) => (Array.isArray(answer) ? answer.length : 0);
  return count(next) === count(current) + (change.checked ? 1 : -1);
}

export function nextAnswer(form: ResolvedForm, key: string, current: AnswerValue | undefined, change: InputChange): AnswerValue {
  const { part, type, checked, value } = change;
  if (part === 'consent' || part === 'signature') {
    return { agreed: false, ...(isConsentAnswer(current) ? current : {}), ...(part === 'consent' ? { agreed: checked } : { signature: value }) };
  }
  if (part) return { day: '', month: '', year: '', ...(isDateParts(current) ? current : {}), [part]: value };
  if (type !== 'checkbox') return value;
  // "None of these" (exclusive) and the other options cannot be chosen together.
  const item = indexForm(form).byKey.get(key)?.item;
  const options = item && 'options' in item ? item.options : [];
  const exclusive = (chosen: string) => options.some((option) => option.value === chosen && option.exclusive);
  const others = (Array.isArray(current) ? current : []).filter((chosen) => chosen !== value);
  if (!checked) return others;
  return exclusive(value) ? [value] : [...others.filter((chosen) => !exclusive(chosen)), value];
}
