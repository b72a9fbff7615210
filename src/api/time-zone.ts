/** IANA time zone names, checked against the runtime's zone data (no zod: the browser's validators call it too). */

/** Answers are cached: the first Intl formatter for a zone loads its data, which is slow. */
const knownZones = new Map<string, boolean>();

/** Whether `value` names a time zone the runtime knows, e.g. `America/New_York`. */
export function isTimeZone(value: string): boolean {
  if (!value) return false;
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(value, known);
  }
  return known;
}
