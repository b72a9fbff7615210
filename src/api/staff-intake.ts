/**
 * The clinician's side of the staff contract: the safety queue, an entry with the answers that raised
 * it, acknowledging it, and the intake inbox with each response in the wording of the version it
 * answered. Part of the staff contract, re-exported by staff.ts.
 */
import * as z from 'zod/mini';
import { Instant, RecordId as Id } from './schemas.js';

export const SafetyQueueEntry = z.object({
  /** The intake response's id, or the safety signal's. */
  id: Id,
  /** `signal`: the client answered a safety item above zero and has not sent the intake (yet). */
  kind: z.enum(['response', 'signal']),
  receivedAt: Instant,
  form: z.object({ id: z.string(), version: z.optional(z.string()), title: z.optional(z.string()) }),
  booking: z.optional(z.object({ id: Id, start: Instant, serviceName: z.string(), clientName: z.string() })),
  acknowledgement: z.optional(z.object({ by: z.object({ id: Id, email: z.optional(z.string()) }), at: Instant, note: z.string() })),
});

/** `GET staff/safety-queue`: what nobody has acknowledged, oldest first. */
export const SafetyQueueResponse = z.object({ items: z.array(SafetyQueueEntry) });

/** One answer slot of the form, in the form's order and wording; `answer` empty when not answered. */
export const AnsweredQuestion = z.object({
  key: z.string(),
  /** The page's title. */
  page: z.string(),
  /** For a scale row: the scale's question; the row is `question`. */
  group: z.optional(z.string()),
  question: z.string(),
  answer: z.array(z.string()),
  /** Answered positively for safety. */
  safety: z.boolean(),
});

/**
 * `GET staff/safety-queue/{id}` (written to the audit log): the entry, and the answers laid out
 * by the form — for a signal, only its safety items, since nothing else was sent.
 */
export const SafetyEntryResponse = z.object({
  item: SafetyQueueEntry,
  questions: z.array(AnsweredQuestion),
  scores: z.array(
    z.object({
      instrument: z.string(),
      complete: z.boolean(),
      total: z.nullable(z.int()),
      answered: z.int(),
      missing: z.array(z.string()),
      band: z.nullable(z.object({ id: z.string(), label: z.string() })),
    }),
  ),
  flags: z.array(z.object({ itemId: z.string(), flag: z.string() })),
});

/**
 * One intake response as the inbox lists it: when, which form (and version), which booking — no
 * answers and no client details, so listing is not a read of client data.
 */
export const IntakeInboxEntry = z.object({
  id: Id,
  receivedAt: Instant,
  form: z.object({ id: z.string(), version: z.optional(z.string()), title: z.optional(z.string()) }),
  booking: z.optional(z.object({ id: Id, start: Instant, serviceName: z.string() })),
  /** A safety answer, a review flag, or a safety signal linked to it. */
  needsClinician: z.boolean(),
});

/** `GET staff/intake-responses`: the latest responses, newest first. */
export const IntakeInboxResponse = z.object({ responses: z.array(IntakeInboxEntry) });

/**
 * `GET staff/intake-responses/{id}/view` (written to the audit log): the response's answers in the
 * order and wording of the form version it answered, its scores (incomplete ones say so) and flags.
 */
export const IntakeResponseView = z.object({
  response: IntakeInboxEntry,
  questions: SafetyEntryResponse.shape.questions,
  scores: SafetyEntryResponse.shape.scores,
  flags: SafetyEntryResponse.shape.flags,
});

/** `POST staff/safety-queue/{id}/acknowledge`: what the clinician did (required). */
export const AcknowledgeRequest = z.object({
  note: z.string().check(z.trim(), z.minLength(1, 'Write what you did, e.g. "Called the client; safe, plan in place"'), z.maxLength(2000)),
});
export const AcknowledgeResponse = z.object({ item: SafetyQueueEntry });

export type IntakeInboxEntry = z.infer<typeof IntakeInboxEntry>;
export type IntakeInboxResponse = z.infer<typeof IntakeInboxResponse>;
export type IntakeResponseView = z.infer<typeof IntakeResponseView>;
export type SafetyQueueEntry = z.infer<typeof SafetyQueueEntry>;
export type SafetyQueueResponse = z.infer<typeof SafetyQueueResponse>;
export type SafetyEntryResponse = z.infer<typeof SafetyEntryResponse>;
export type AnsweredQuestion = z.infer<typeof AnsweredQuestion>;
