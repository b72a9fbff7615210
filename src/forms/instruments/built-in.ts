/**
 * The built-in instruments and their scoring as one module: imported statically by what always
 * needs them (`src/forms/index.ts`, `check-form.ts`, which hand it to `provideInstruments`), and
 * dynamically by `loadInstruments()` on the browser's render path, so a form without an instrument
 * never loads their texts.
 */
import type { BuiltInInstruments } from '../built-in-instruments.js';
import { scoreForm } from '../scoring.js';
import { INSTRUMENTS } from './index.js';

export const BUILT_IN_INSTRUMENTS: BuiltInInstruments = { records: INSTRUMENTS, scoreForm };
