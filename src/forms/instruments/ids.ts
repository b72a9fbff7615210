import type { InstrumentId } from './types.js';

/** The built-in instruments a definition can insert with `{ "instrument": "<id>" }`. */
export const INSTRUMENT_IDS = ['phq-9', 'gad-7', 'pcl-5'] as const satisfies readonly InstrumentId[];

/**
 * Those with a safety item (PHQ-9 item 9), as their records' `safetyItems` say (a test holds the
 * two together): a form using one may show the crisis panel, which the element then fetches
 * beside the instruments rather than after them.
 */
export const INSTRUMENTS_WITH_SAFETY_ITEMS = ['phq-9'] as const satisfies readonly InstrumentId[];
