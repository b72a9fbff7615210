/**
 * The answer checks' options in the element's language: its `validation*` words fill the domain's
 * message templates (src/i18n/validation-messages.ts), with a phone example and the order of a
 * date's fields for its locale. Only the answer checks ask for them, so this comes with them
 * (intake-validation.ts, a chunk of the drop-in files).
 */
import { datePartOrder, phoneExample } from '../../forms/locale-formats.js';
import type { ValidationOptions } from '../../forms/validation.js';
import type { KapStringKey } from '../../i18n/strings.js';
import { VALIDATION_MESSAGES } from '../../i18n/validation-messages.js';

/** What of the element the options are made from. */
export interface ValidationWords {
  locale: string;
  t(key: KapStringKey, params: Record<string, string>): string;
  /** Works the words out again: the checks' chunk registered its own since the last update. */
  refresh(): void;
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function validationOptions({ locale, t, refresh }: ValidationWords): ValidationOptions {
  const example = phoneExample(locale);
  refresh();
  const messages: Record<string, string> = {};
  for (const key of Object.keys(VALIDATION_MESSAGES)) messages[key] = t(`validation${capitalized(key)}` as KapStringKey, { example });
  return { locale, messages, dateOrder: datePartOrder(locale), phoneExample: example };
}
