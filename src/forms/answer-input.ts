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
