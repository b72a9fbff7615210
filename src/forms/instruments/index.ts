import { GAD7 } from './gad-7.js';
import { PCL5 } from './pcl-5.js';
import { PHQ9 } from './phq-9.js';
import type { Instrument, InstrumentId } from './types.js';

export type * from './types.js';
export { PHQ9, GAD7, PCL5 };
export { LOINC_NOTICE } from './loinc.js';
export { INSTRUMENT_IDS } from './ids.js';

export const INSTRUMENTS: { readonly [K in InstrumentId]: Instrument } = {
  'phq-9': PHQ9,
  'gad-7': GAD7,
  'pcl-5': PCL5,
};
