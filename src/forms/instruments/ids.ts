import type { InstrumentId } from './types.js';

/** The built-in instruments a definition can insert with `{ "instrument": "<id>" }`. */
export const INSTRUMENT_IDS = ['phq-9', 'gad-7', 'pcl-5'] as const satisfies readonly InstrumentId[];
