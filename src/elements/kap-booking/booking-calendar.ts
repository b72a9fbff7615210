/**
 * "Add to calendar" for a booking: its one event, the UID the booking's (kept on a move, so importing
 * the file again updates the same event), and a manage link, when there is one, in DESCRIPTION and
 * URL (a bearer link, see `manage-url`). Imported with the calendar writer once a time is held (in
 * the drop-in file, a chunk): a page that books nothing never loads it.
 */
import type { Booking } from '../../api/schemas.js';
import type { ElementUi } from '../../base/element-ui.js';
import { calendarFile } from '../../scheduling/ics.js';

export interface BookingCalendarFacts {
  /** The backend's host name, for the UID. */
  uidDomain: string;
  /** The service's name as the client read it. */
  serviceName: string | undefined;
  t: ElementUi['t'];
}

/** The file for `booking`: `key` stands for what goes in it, `write` makes it. */
export function bookingCalendarFile(booking: Booking, link: string | undefined, { uidDomain, serviceName, t }: BookingCalendarFacts) {
  const event = {
    uid: `${booking.id}@${uidDomain}`,
    start: booking.start,
    end: booking.end,
    summary: t('calendarSummary', { service: serviceName ?? booking.service }),
    description: link ? t('calendarDescriptionWithLink', { url: link }) : t('calendarDescription'),
    ...(link ? { url: link } : {}),
  };
  return { key: JSON.stringify(event), write: () => calendarFile([event], { now: new Date() }) };
}
