import { MAX_AVAILABILITY_DAYS } from '../../src/scheduling/slots.js';
import { toInstant } from '../../src/scheduling/zones.js';

/**
 * The query of the longest availability range the backend answers, from the current second of
 * the real clock: `service=…&from=…&to=…`. Both ends come from one reading of the clock; two
 * readings can straddle a second and ask for a range one second too long (a 422).
 */
export function nextDaysQuery(service: string, now = Date.now()): string {
  const from = Math.floor(now / 1000) * 1000;
  return `service=${service}&from=${toInstant(from)}&to=${toInstant(from + MAX_AVAILABILITY_DAYS * 86_400_000)}`;
}
