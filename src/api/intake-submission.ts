/**
 * The body of `POST intake-responses`, as the contract defines it: what the element sends and the
 * backend reads strictly. How it is made from a form and its answers (`toSubmission`) and checked
 * against the form (`checkSubmission`) is in src/forms/submission-check.ts.
 *
 * Serialized answer values, by item type: text items → trimmed string; `number` → number;
 * `date` → `YYYY-MM-DD`; `yesno` → boolean; `choice` and scale rows → option value;
 * `multi` → option values; `consent` → `{ agreed: true, signature?, signedOn? }`.
 */
import * as z from 'zod/mini';
import { MAX_ANSWER_LENGTH } from './answer-length.js';
import { isIsoDate } from './civil-date.js';

export { MAX_ANSWER_LENGTH };

const Key = z.string().check(z.minLength(1), z.maxLength(100));
const IsoDate = z.string().check(z.refine(isIsoDate, 'Expected a date as YYYY-MM-DD'));

export const SubmittedConsent = z.strictObject({
  agreed: z.literal(true),
  signature: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  signedOn: z.optional(IsoDate),
});

export const SubmittedAnswer = z.union([
  z.string().check(z.maxLength(MAX_ANSWER_LENGTH)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(100))).check(z.maxLength(200)),
  SubmittedConsent,
]);

const Band = z.object({ id: z.string(), label: z.string() });
const InstrumentScoreSchema = z.object({
  instrument: z.enum(['phq-9', 'gad-7', 'pcl-5']),
  complete: z.boolean(),
  total: z.nullable(z.int()),
  answered: z.int(),
  missing: z.array(z.string()),
  band: z.nullable(Band),
  safety: z.optional(z.boolean()),
  furtherEvaluation: z.optional(z.nullable(z.boolean())),
  clusters: z.optional(z.array(z.object({ id: z.enum(['B', 'C', 'D', 'E']), total: z.nullable(z.int()), endorsed: z.nullable(z.int()) }))),
  provisionalDiagnosis: z.optional(z.nullable(z.boolean())),
  cutPoint: z.optional(z.nullable(z.enum(['below', 'within', 'above']))),
});

/** The body of `POST intake-responses` (send with an `Idempotency-Key`). */
export const IntakeSubmission = z.strictObject({
  /** The form definition's id. */
  form: Key,
  /** The definition's `version`, when it has one. */
  version: z.optional(z.string().check(z.maxLength(50))),
  /** The booking this intake belongs to, when there is one. */
  booking: z.optional(Key),
  answers: z.record(Key, SubmittedAnswer).check(z.refine((answers) => Object.keys(answers).length <= 2000, 'Too many answers')),
  /** The client's scores; informative only — the backend recomputes them. */
  scores: z.array(InstrumentScoreSchema).check(z.maxLength(10)),
  flags: z.array(z.strictObject({ itemId: Key, flag: z.string().check(z.maxLength(60)) })).check(z.maxLength(2000)),
  /** A safety answer was given: alert staff for same-day review. */
  safety: z.boolean(),
  /** The items (or scale rows) answered positively for safety. */
  safetyItems: z.array(Key).check(z.maxLength(2000)),
});

export type SubmittedAnswer = z.infer<typeof SubmittedAnswer>;
export type SubmittedConsent = z.infer<typeof SubmittedConsent>;
export type IntakeSubmission = z.infer<typeof IntakeSubmission>;
