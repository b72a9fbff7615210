/** A moment in words, for the views of managing a booking and of a follow-up's window (chunks that share this module). */
import { formatDayLong, formatTime, formatZoneName } from '../../../scheduling/format.js';
import { dayOf } from '../../../scheduling/zones.js';
import type { BookingView } from './booking-view.js';

/** "Wednesday, March 4, 2026 at 2:00 PM Eastern Time", in the zone times are shown in. */
export function dateAtTime(v: BookingView, instant: string): string {
  const zone = v.data.displayZone;
  return v.ui.t('dateAtTime', {
    day: formatDayLong(dayOf(instant, zone), v.ui.locale),
    time: `${formatTime(instant, zone, v.ui.locale)} ${formatZoneName(zone, v.ui.locale, instant)}`,
  });
}
