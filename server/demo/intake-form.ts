/**
 * The demo clinic's intake form as the reference backend serves it. Its definition is still in
 * `src/forms/demo-intake.ts` (it moves here when the browser no longer imports it).
 */
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';

/** Served as `GET forms/kap-demo-intake`. */
export const DEMO_INTAKE_FORM_ID = 'kap-demo-intake';

/** What a clinic serves when it names no forms: the demo intake. */
export const DEMO_FORMS: readonly Record<string, unknown>[] = [{ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID }];
