/**
 * A lookup of every answer slot of a resolved form, built once per form object and cached, so
 * conditions and validation run in time proportional to the form on every keystroke.
 */
import type { AnswerableItem, Item, ScaleRow } from './definition-items.js';
import type { ResolvedForm, ResolvedPage } from './definition.js';

/** One answer slot: an answerable item, or one row of a scale. Its key is the id in `Answers`. */
export interface Field {
  key: string;
  item: AnswerableItem;
  /** Set for a scale row. */
  row?: ScaleRow;
  page: ResolvedPage;
  pageIndex: number;
  /** Position in the whole form, for "earlier item" checks. */
  order: number;
}

export interface FormIndex {
  /** Every answer slot, in form order. */
  fields: Field[];
  /** Answer slots by key. */
  byKey: Map<string, Field>;
  /** Every item (including display items and scales) by id, with its page and position. */
  items: Map<string, { item: Item; pageIndex: number; order: number }>;
}

const cache = new WeakMap<ResolvedForm, FormIndex>();

export function indexForm(form: ResolvedForm): FormIndex {
  let index = cache.get(form);
  if (!index) {
    index = buildIndex(form);
    cache.set(form, index);
  }
  return index;
}

function buildIndex(form: ResolvedForm): FormIndex {
  const fields: Field[] = [];
  const byKey = new Map<string, Field>();
  const items = new Map<string, { item: Item; pageIndex: number; order: number }>();
  let order = 0;
  form.pages.forEach((page, pageIndex) => {
    for (const item of page.items) {
      if (!items.has(item.id)) items.set(item.id, { item, pageIndex, order });
      order++;
      if (item.type === 'display') continue;
      const slots = item.type === 'scale' ? item.rows.map((row) => ({ key: row.id, row })) : [{ key: item.id }];
      for (const slot of slots) {
        const field: Field = { ...slot, item, page, pageIndex, order: order++ };
        fields.push(field);
        if (!byKey.has(slot.key)) byKey.set(slot.key, field);
      }
    }
  });
  return { fields, byKey, items };
}
