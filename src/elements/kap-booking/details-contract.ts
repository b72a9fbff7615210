/**
 * The details step's answers as the contract sees them: the choices it offers (`CARE_REASONS`),
 * which answers it rejects (`invalidFields`, judged by the contract's own schemas), the request
 * the answers make (`bookingPayload`) and where a backend's field errors land (`fieldsFromServer`).
 * Needed only once a time is chosen, so it comes with the details step (in the drop-in file, a
 * chunk): the first screen carries none of the contact details' checks.
 */
import { CareReason, ClientDetails, Consent } from '../../api/generated/details.js';
import type { BookingRequest, CareReason as CareReasonValue } from '../../api/schemas.js';
import type { DetailsField, DetailsValues } from './booking-details.js';

/** In the order the fields appear, which is the order of the error summary. */
export const DETAILS_FIELDS: readonly DetailsField[] = ['name', 'email', 'phone', 'reason', 'privacy', 'contact'];

export const CARE_REASONS: readonly CareReasonValue[] = CareReason.options;

/** The extra answer that lets a client take back a reason they had chosen. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

const PATHS: Record<string, DetailsField> = {
  'client.name': 'name',
  'client.email': 'email',
  'client.phone': 'phone',
  'consent.privacy': 'privacy',
  'consent.contact': 'contact',
  reason: 'reason',
};

/** The fields whose answers the contract rejects, in page order. */
export function invalidFields(values: DetailsValues): DetailsField[] {
  const invalid = new Set<DetailsField>();
  const client = ClientDetails.safeParse({ name: values.name, email: values.email.trim(), phone: values.phone });
  if (!client.success) {
    for (const issue of client.error.issues) {
      const field = PATHS[`client.${String(issue.path[0])}`];
      if (field) invalid.add(field);
    }
  }
  const consent = Consent.safeParse({ privacy: values.privacy, contact: values.contact });
  if (!consent.success) {
    for (const issue of consent.error.issues) {
      const field = PATHS[`consent.${String(issue.path[0])}`];
      if (field) invalid.add(field);
    }
  }
  return DETAILS_FIELDS.filter((field) => invalid.has(field));
}

/**
 * Maps a backend's `fields` (dotted paths such as `client.email`) onto the form. Paths that
 * are not a form field (say `start`) come back in `unplaced`.
 */
export function fieldsFromServer(fields: Record<string, string>): { placed: DetailsField[]; unplaced: string[] } {
  const placed = new Set<DetailsField>();
  const unplaced: string[] = [];
  for (const path of Object.keys(fields)) {
    const field = PATHS[path];
    if (field) placed.add(field);
    else unplaced.push(path);
  }
  return { placed: DETAILS_FIELDS.filter((field) => placed.has(field)), unplaced };
}

/** The part of `POST bookings` the details step contributes. */
export function bookingPayload(values: DetailsValues): Pick<BookingRequest, 'client' | 'consent' | 'reason'> {
  return {
    client: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() },
    consent: { privacy: true, contact: values.contact },
    ...(values.reason && values.reason !== PREFER_NOT_TO_SAY ? { reason: values.reason } : {}),
  };
}
