/**
 * The one cache of `Intl` objects: each made once for its locale and options, then reused. Making
 * one costs far more than using it, and a screen asks for the same one again and again (a fortnight
 * of slots placed in their zone, a week's day buttons, the dates of a form).
 */
type IntlObject = Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules;

const made = new Map<string, IntlObject>();

/** The object `key` names (its kind, locale and options), made by `make` the first time. */
export function intlObject<T extends IntlObject>(key: string, make: () => T): T {
  let object = made.get(key) as T | undefined;
  if (!object) made.set(key, (object = make()));
  return object;
}

/** A date format for `locale` and `options`. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return intlObject(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}
