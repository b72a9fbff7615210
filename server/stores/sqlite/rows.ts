/**
 * The database's rows and the contract's shapes they become. Times are epoch milliseconds in the
 * database and `Z` instants on the wire.
 */
import type { Booking, Hold, Service } from '../../../src/api/schemas.js';

export interface ServiceRow {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  location: Service['location'];
  mode: Service['mode'];
  follow_up_after: string | null;
  follow_up_min_hours: number | null;
  follow_up_max_hours: number | null;
}

export interface HoldRow {
  id: string;
  service_id: string;
  start_ms: number;
  end_ms: number;
  expires_at_ms: number;
}

export interface BookingRow {
  id: string;
  service_id: string;
  start_ms: number;
  end_ms: number;
  status: Booking['status'];
  token_sha256: string;
}

export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    service: row.service_id,
    start: toInstant(row.start_ms),
    end: toInstant(row.end_ms),
    status: row.status,
  };
}

/** `2026-03-09T13:00:00Z`: whole seconds drop the `.000`. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    location: row.location,
    mode: row.mode,
    ...(row.follow_up_after !== null && row.follow_up_min_hours !== null && row.follow_up_max_hours !== null
      ? {
          followUp: {
            after: row.follow_up_after,
            minHoursAfterEnd: row.follow_up_min_hours,
            maxHoursAfterEnd: row.follow_up_max_hours,
          },
        }
      : {}),
  };
}

export function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    service: row.service_id,
    start: toInstant(row.start_ms),
    end: toInstant(row.end_ms),
    expiresAt: toInstant(row.expires_at_ms),
  };
}
