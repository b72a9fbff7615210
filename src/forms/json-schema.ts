/**
 * The form definition as JSON Schema (draft 2020-12), for editors and for backends that check
 * definitions without zod. Built from the same zod schemas by `scripts/write-form-schema.ts`
 * (→ `dist/form-definition.schema.json`); not part of the browser bundle. Rules zod cannot
 * express as JSON Schema (unique ids, conditions on earlier items…) are checked only by
 * `parseFormDefinition()`.
 */
import * as z from 'zod/mini';
import { Condition, Review } from './definition-basics.js';
import { Item, Option, ScaleRow } from './definition-items.js';
import { CrisisConfig, CrisisResource, FormDefinition, IncludePage, InstrumentPage, ItemsPage } from './definition.js';

export function formDefinitionJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id?: string; title?: string; description?: string }>();
  registry.add(Condition, {
    id: 'Condition',
    description:
      'A condition on earlier answers: {"item", and one of equals, notEquals, anyOf, greaterThan, lessThan, answered}, or {"all": [...]}/{"any": [...]}.',
  });
  registry.add(Review, { id: 'Review', description: 'Flag the answer for clinician review when the condition holds.' });
  registry.add(Option, { id: 'Option', description: 'An answer option: stored value, label, optional ordinal score.' });
  registry.add(ScaleRow, { id: 'ScaleRow', description: 'A row of a scale; answered separately under its own id.' });
  registry.add(Item, { id: 'Item', description: 'A question or display text; "type" says which.' });
  registry.add(ItemsPage, { id: 'ItemsPage', description: 'A page of items.' });
  registry.add(InstrumentPage, { id: 'InstrumentPage', description: 'A built-in validated instrument, inserted as its own page.' });
  registry.add(IncludePage, { id: 'IncludePage', description: 'A ready-made page.' });
  registry.add(CrisisResource, { id: 'CrisisResource', description: 'A service shown in the crisis panel.' });
  registry.add(CrisisConfig, {
    id: 'CrisisConfig',
    description: 'Crisis panel text and resources for the clinic, optionally per country. Default: 988 and 911 (US).',
  });
  registry.add(FormDefinition, { title: 'kap-elements intake form definition' });
  return z.toJSONSchema(FormDefinition, { io: 'input', metadata: registry, target: 'draft-2020-12' }) as Record<string, unknown>;
}
