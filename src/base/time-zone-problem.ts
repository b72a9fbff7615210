/**
 * The check of a `time-zone` attribute (booking, checklist), apart from setup-checks.ts so that the
 * intake, which has none, does not carry the "did you mean" search (closest-name.ts) it needs.
 */
import { isTimeZone } from '../api/time-zone.js';
import { closestName, didYouMean } from './closest-name.js';
import type { ConfigurationProblem } from './configuration-report.js';

/** Why `zone` (a `time-zone` attribute) cannot be used, or `undefined` when it can (or is absent). */
export function timeZoneProblem(zone: string | null): ConfigurationProblem | undefined {
  if (!zone || isTimeZone(zone)) return undefined;
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  return {
    code: 'invalid_time_zone',
    detail: `time-zone="${zone}" is not an IANA time zone name${didYouMean(closestName(zone, zones)) || ' (like America/New_York)'}`,
  };
}
