/**
 * What a question looks like in the reader's locale: the order of a date's three fields and the
 * examples that go with dates and phone numbers. A clinic in the US asks month, day, year and
 * gives a US number as the example; one in the UK or Spain asks day, month, year. The order comes
 * from `Intl` (the same order the browser writes dates in), so every locale gets its own.
 */
import { intlObject } from '../text/intl.js';
import type { DatePart } from './validation.js';

const CANONICAL: readonly DatePart[] = ['day', 'month', 'year'];

/** Each locale's order, worked out once: every render of a date question asks for it. */
const orders = new Map<string, readonly DatePart[]>();

/** The three date fields in the order `locale` writes a date: `['month', 'day', 'year']` for `en-US`. */
export function datePartOrder(locale: string): DatePart[] {
  let order = orders.get(locale);
  if (!order) orders.set(locale, (order = readDatePartOrder(locale)));
  return [...order];
}

function readDatePartOrder(locale: string): readonly DatePart[] {
  let parts: DatePart[] = [];
  try {
    parts = intlObject(`numeric date ${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }))
      .formatToParts(0)
      .map((part) => part.type)
      .filter((type): type is DatePart => (CANONICAL as readonly string[]).includes(type));
  } catch {
    // A locale Intl refuses: the canonical order.
  }
  return parts.length === 3 && new Set(parts).size === 3 ? parts : [...CANONICAL];
}

/** An example date (27 March 1985) as its three fields would be filled in, in `locale`'s order: "3 27 1985". */
export function dateExample(locale: string): string {
  const example: Record<DatePart, string> = { day: '27', month: '3', year: '1985' };
  return datePartOrder(locale)
    .map((part) => example[part])
    .join(' ');
}

/**
 * Example numbers as people in each country write them: in North America and the UK from the
 * ranges kept for fiction (555-01xx, 07700 900xxx); other regions get an international one.
 */
const PHONE_EXAMPLES: Record<string, string> = {
  US: '212 555 0100',
  CA: '416 555 0100',
  GB: '07700 900 982',
  ES: '612 345 678',
};

/** A phone number example for `locale`'s region (a language alone stands for its likeliest region). */
export function phoneExample(locale: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return PHONE_EXAMPLES[region ?? 'US'] ?? '+1 212 555 0100';
}
