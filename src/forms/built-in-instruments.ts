/**
 * The built-in instruments' records (PHQ-9, GAD-7, PCL-5), their scoring and the pages made of them, kept out of the
 * browser's first load: `loadInstruments()` imports them (in the drop-in files, a chunk fetched from
 * the script's own origin) only when a definition uses an instrument, and a form can only show one
 * once they are here. What imports `src/forms/index.ts` or the authoring checks (`check-form.ts`)
 * has them at once: the server, `npx kap-elements check-form`, an app that bundles the npm modules.
 */
import type { Answers } from './answers.js';
import type { ResolvedForm } from './definition.js';
import type { instrumentIn, instrumentPage } from './instrument-pages.js';
import type { Instrument, InstrumentId } from './instruments/types.js';
import type { InstrumentScore } from './scoring.js';

export interface BuiltInInstruments {
  readonly records: { readonly [K in InstrumentId]: Instrument };
  /** `scoreForm` of `scoring.ts`: the scores of the instruments on the form's visible pages. */
  readonly scoreForm: (form: ResolvedForm, answers: Answers) => InstrumentScore[];
  /** `instrumentPage` of `instrument-pages.ts`: `{ "instrument": … }` as an ordinary page. */
  readonly page: typeof instrumentPage;
  /** `instrumentIn` of `instrument-pages.ts`: the instrument as shown in a language. */
  readonly shownIn: typeof instrumentIn;
}

let loaded: BuiltInInstruments | undefined;

/** Makes the built-in instruments at hand: for what imports them statically (`BUILT_IN_INSTRUMENTS`). */
export function provideInstruments(instruments: BuiltInInstruments): void {
  loaded = instruments;
}

/** The built-in instruments when they are at hand without waiting, else `undefined`. */
export function instrumentsAtHand(): BuiltInInstruments | undefined {
  return loaded;
}

/** The built-in instruments, imported now if they are not yet here. */
export async function loadInstruments(): Promise<BuiltInInstruments> {
  loaded ??= (await import('./instruments/built-in.js')).BUILT_IN_INSTRUMENTS;
  return loaded;
}

/** The built-in instruments, which must be here: a form with an instrument was resolved with them. */
export function builtInInstruments(): BuiltInInstruments {
  if (!loaded) throw new Error('The built-in instruments are not loaded: call loadIncludedPages(json) or loadInstruments() first.');
  return loaded;
}
