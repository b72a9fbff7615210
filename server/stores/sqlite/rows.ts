/** The SQLite tables' rows and the records of the store interface they become. */
import type { Service } from '../../../src/api/schemas.js';
import type { BookingRecord, ChecklistItemRecord, HoldRecord } from '../types.js';

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
  /** JSON: the name and description in other languages. */
  translations: string | null;
}

export const SERVICE_COLUMNS =
  'id, name, description, duration_minutes, location, mode, follow_up_after, follow_up_min_hours, follow_up_max_hours, translations';

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
  status: BookingRecord['status'];
  token_sha256: string;
}

export const BOOKING_COLUMNS = 'id, service_id, start_ms, end_ms, status, token_sha256';

/** A booking with the client's details, still encrypted. */
export interface BookingDetailRow extends BookingRow {
  client_name: string;
  client_email: string;
  client_phone: string;
  consent_contact: number | null;
  reason: string | null;
  source: string | null;
  created_at_ms: number;
  cancelled_at_ms: number | null;
  lang: string | null;
  time_zone: string | null;
}

export const BOOKING_DETAIL_COLUMNS = `${BOOKING_COLUMNS}, client_name, client_email, client_phone, consent_contact, reason, source, created_at_ms, cancelled_at_ms, lang, time_zone`;

export interface ItemRow {
  item_id: string;
  text: string;
  details: string | null;
  group_name: string;
  due_offset_minutes: number | null;
  required: number;
  done_at_ms: number | null;
  /** JSON: the text, details and group in other languages. */
  translations: string | null;
}

export const ITEM_COLUMNS = 'item_id, text, details, group_name, due_offset_minutes, required, done_at_ms, translations';

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
    ...(row.translations !== null ? { translations: JSON.parse(row.translations) as Service['translations'] } : {}),
  };
}

export function toHoldRecord(row: HoldRow): HoldRecord {
  return { id: row.id, serviceId: row.service_id, start: row.start_ms, end: row.end_ms, expiresAt: row.expires_at_ms };
}

export function toBookingRecord(row: BookingRow): BookingRecord {
  return { id: row.id, serviceId: row.service_id, start: row.start_ms, end: row.end_ms, status: row.status, tokenHash: row.token_sha256 };
}

export function toItemRecord(row: ItemRow): ChecklistItemRecord {
  return {
    id: row.item_id,
    text: row.text,
    ...(row.details !== null ? { details: row.details } : {}),
    group: row.group_name,
    ...(row.due_offset_minutes !== null ? { dueOffsetMinutes: row.due_offset_minutes } : {}),
    required: row.required === 1,
    ...(row.done_at_ms !== null ? { doneAt: row.done_at_ms } : {}),
    ...(row.translations !== null ? { translations: JSON.parse(row.translations) as ChecklistItemRecord['translations'] } : {}),
  };
}
