/**
 * The details step's model, Lion-style: what the client typed (`DetailsValues`, kept verbatim
 * so nothing is ever lost) and what a page may prefill. Which answers are wrong and what goes to
 * the server are details-contract.ts's, loaded with the details step.
 */
import type { CareReason } from '../../api/schemas.js';

export interface DetailsValues {
  name: string;
  email: string;
  phone: string;
  /** `''` until the client answers; `prefer_not_to_say` sends no reason. */
  reason: CareReason | 'prefer_not_to_say' | '';
  privacy: boolean;
  contact: boolean;
}

export type DetailsField = keyof DetailsValues;

export function emptyDetails(): DetailsValues {
  return { name: '', email: '', phone: '', reason: '', privacy: false, contact: false };
}

/** What a page may prefill: contact details only, never consent or reasons. */
export interface BookingPrefill {
  name?: string;
  email?: string;
  phone?: string;
}

/** Reads a prefill from untrusted JSON: only string name/email/phone survive. */
export function parsePrefill(value: unknown): BookingPrefill {
  if (!value || typeof value !== 'object') return {};
  const source = value as Record<string, unknown>;
  const prefill: BookingPrefill = {};
  for (const key of ['name', 'email', 'phone'] as const) {
    const text = source[key];
    if (typeof text === 'string') prefill[key] = text;
  }
  return prefill;
}

/** Fills the contact fields the client has left empty; never overwrites what they typed. */
export function applyPrefill(values: DetailsValues, prefill: BookingPrefill): DetailsValues {
  return {
    ...values,
    name: values.name || prefill.name || '',
    email: values.email || prefill.email || '',
    phone: values.phone || prefill.phone || '',
  };
}
