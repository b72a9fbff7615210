/**
 * The built-in instruments, their scoring and the pages made of them as one module: imported statically by what always
 * needs them (`src/forms/index.ts`, `check-form.ts`, which hand it to `provideInstruments`), and
 * dynamically by `loadInstruments()` on the browser's render path, so a form without an instrument
 * never loads their texts.
 */
import { instrumentIn, instrumentPage } from '../instrument-pages.js';
import { scoreForm } from '../scoring.js';
import { INSTRUMENTS } from './index.js';

// Not typed by `BuiltInInstruments` here: importing that type back would tie the two modules in a
// loop. Every place that takes this object (`provideInstruments`, `loadInstruments`) checks its shape.
export const BUILT_IN_INSTRUMENTS = { records: INSTRUMENTS, scoreForm, page: instrumentPage, shownIn: instrumentIn };
