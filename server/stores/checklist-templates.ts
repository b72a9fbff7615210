/**
 * A service's checklist template, checked. Each booking gets its own copy of its service's template
 * when it is made, so the wording a client saw never changes under them when the clinic later edits
 * the template; only new bookings get the new wording. A booking whose template was broken at the
 * time (or made before checklists existed) gets its copy when its checklist is first read.
 */
import { parseChecklistDefinition } from '../../src/checklist/parse.js';
import { itemTexts } from '../../src/checklist/item-texts.js';
import type { ChecklistCopy, ChecklistItemRecord, ClinicStore, Stores } from './types.js';

export class ChecklistTemplateError extends Error {
  constructor(
    readonly serviceId: string,
    readonly problems: string[],
  ) {
    super(`The checklist template of service "${serviceId}" is not valid: ${problems.join('; ')}`);
    this.name = 'ChecklistTemplateError';
  }
}

/** The copy a booking of `serviceId` gets from a stored template; throws `ChecklistTemplateError`. */
export function checklistCopyFrom(serviceId: string, json: string | undefined): ChecklistCopy {
  if (json === undefined) return { checklistId: undefined, lang: 'en', items: [] };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ChecklistTemplateError(serviceId, ['it is not valid JSON']);
  }
  const parsed = parseChecklistDefinition(value);
  if (!parsed.ok) throw new ChecklistTemplateError(serviceId, parsed.problems);
  // Each text in the template's language, its other languages beside it, as the contract carries them.
  const { id: checklistId, lang = 'en', items } = parsed.checklist;
  return {
    checklistId,
    lang,
    items: items.map(({ text, details, group, ...item }) => ({ ...item, ...itemTexts({ text, details, group }, lang) })),
  };
}

/** The copy a new booking of `serviceId` gets; throws `ChecklistTemplateError` for a broken template. */
export async function checklistCopyFor(clinic: ClinicStore, serviceId: string): Promise<ChecklistCopy> {
  return checklistCopyFrom(serviceId, await clinic.checklistTemplate(serviceId));
}

/**
 * As `checklistCopyFor`, but `undefined` for a broken template: a booking never fails because of
 * its checklist; reading the checklist then reports the problem.
 */
export async function checklistCopyIfValid(clinic: ClinicStore, serviceId: string): Promise<ChecklistCopy | undefined> {
  try {
    return await checklistCopyFor(clinic, serviceId);
  } catch (error) {
    if (error instanceof ChecklistTemplateError) return undefined;
    throw error;
  }
}

/**
 * A booking's checklist items, giving it its copy first if it has none yet. `strict`: a broken
 * template throws `ChecklistTemplateError` (reading the checklist reports it); otherwise it is no
 * items for now (the outbox scheduling a booking's emails never fails because of a template).
 */
export async function bookingChecklist(stores: Stores, booking: { id: string; serviceId: string }, now: number, strict = true): Promise<ChecklistItemRecord[]> {
  const items = await stores.checklists.items(booking.id);
  if (items) return items;
  const copy = strict ? await checklistCopyFor(stores.clinic, booking.serviceId) : await checklistCopyIfValid(stores.clinic, booking.serviceId);
  if (!copy) return [];
  await stores.checklists.create(booking.id, copy, now);
  return (await stores.checklists.items(booking.id)) ?? [];
}
