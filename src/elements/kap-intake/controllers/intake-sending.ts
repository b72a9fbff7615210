/**
 * Sending the answers, for `IntakeFlow`: one idempotency key per submission, kept across retries,
 * double clicks and (with a draft) reloads, so whatever became of an earlier answer the server
 * stores at most one response; the body built from the answers and dated; and what a refusal says
 * about them. Only the answer checks lead to Send, so this comes with them (intake-validation.ts
 * exports it; in the drop-in file, their chunk), and so does rebuilding a draft's pending sending.
 */
import type { ApiConnection } from '../../../api/connection.js';
import { submitIntake } from '../../../api/submissions.js';
import { isKapApiError } from '../../../api/errors.js';
import { IdempotentWrite, type Transmit, type WriteResult } from '../../../api/idempotent-write.js';
import type { IntakeResponse } from '../../../api/schemas.js';
import type { RequestProgress } from '../../../api/transport.js';
import type { AnswerValue } from '../../../forms/answers.js';
import { visibility } from '../../../forms/conditions.js';
import { todayIso } from '../../../forms/dates.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { indexForm } from '../../../forms/form-index.js';
import { toSubmission, type IntakeSubmission } from '../../../forms/submission.js';
import type { ValidationError } from '../../../forms/validation.js';

/** One sending of the answers: the body, and what it was built from (kept in a draft to rebuild it). */
interface Sending {
  submission: IntakeSubmission;
  /** The date consent signatures are dated with. */
  today: string;
  /** The answers as typed when it was sent. */
  answers: Record<string, AnswerValue>;
}

/** A sending whose outcome is unknown, as a draft keeps it: its key, its body's fingerprint, its date and the answers it was built from. */
export interface SentRecord {
  key: string;
  print: string;
  today: string | undefined;
  answers: Record<string, AnswerValue>;
}

/** The long answer a `413` is most likely about. */
export interface TooLong {
  /** Its question's label; `undefined` when no text answer stands out. */
  label: string | undefined;
  page: number | undefined;
}

/** What sending needs of the element. */
export interface SendingContext {
  client(): ApiConnection | undefined;
  /** Aborts when the element leaves the page. */
  signal(): AbortSignal;
  booking(): string | undefined;
  /** The linked booking's access token, sent with the submission (the backend requires it). */
  token(): string | undefined;
}

export class IntakeSending {
  readonly #context: SendingContext;
  /**
   * The sending under way, or sent without a settling answer: its key and exact body. With a
   * draft, the key, fingerprint and date are kept there too (with the earlier value of any answer
   * changed since), so a reload rebuilds that body and sends it again first.
   */
  readonly #write: IdempotentWrite<Sending, IntakeResponse>;

  /** `changed` runs whenever what is sending or pending changes (see `IdempotentWrite`). */
  constructor(context: SendingContext, changed: () => void) {
    this.#context = context;
    this.#write = new IdempotentWrite(changed);
  }

  get sending(): boolean {
    return this.#write.sending;
  }

  get progress(): RequestProgress | undefined {
    return this.#write.progress;
  }

  stop(): void {
    this.#write.stop();
  }

  /** The sending whose outcome is unknown, if any. */
  get pending(): SentRecord | undefined {
    const pending = this.#write.pending;
    return pending && { key: pending.key, print: pending.print, today: pending.body.today, answers: pending.body.answers };
  }

  /**
   * A draft's pending sending, rebuilt from the answers it was sent with: if the rebuilt body is
   * the one sent (same fingerprint), it goes first, under its key, before anything different.
   */
  restore(form: ResolvedForm, kept: SentRecord | undefined): void {
    if (!kept) return this.#write.forget();
    const rebuilt = this.#build(form, kept.today ?? todayIso(), kept.answers);
    if (rebuilt.print !== kept.print) return this.#write.forget();
    this.#write.restore({ key: kept.key, body: rebuilt.body, print: rebuilt.print, transmit: this.#transmit });
  }

  /**
   * Sends `answers`. The same answers are the same submission: a retry is built with the pending
   * sending's own date (signatures are dated with it), so one sent before midnight and retried
   * after is still the same body. Changed answers are a new submission, dated today — sent only
   * once the earlier one's fate is known (`IdempotentWrite` asks about it first).
   */
  send(form: ResolvedForm, answers: Record<string, AnswerValue>): Promise<WriteResult<Sending, IntakeResponse>> {
    const today = todayIso();
    const pending = this.#write.pending;
    let sending = this.#build(form, pending?.body.today ?? today, answers);
    if (pending && sending.print !== pending.print) sending = this.#build(form, today, answers);
    return this.#write.send(sending.body, sending.print, this.#transmit, this.#context.signal());
  }

  /** The body for `answers`, dated `today`, and its fingerprint. */
  #build(form: ResolvedForm, today: string, answers: Record<string, AnswerValue>): { body: Sending; print: string } {
    const booking = this.#context.booking();
    const submission = toSubmission(form, answers, { ...(booking ? { booking } : {}), today });
    const snapshot = JSON.parse(JSON.stringify(answers)) as Record<string, AnswerValue>;
    return { body: { submission, today, answers: snapshot }, print: fingerprint(JSON.stringify(submission)) };
  }

  #transmit: Transmit<Sending, IntakeResponse> = (body, options) => {
    const client = this.#context.client();
    if (!client) return Promise.reject(new DOMException('The element has no backend.', 'AbortError'));
    const token = this.#context.token();
    return submitIntake(client, body.submission, { ...options, ...(token ? { token } : {}) });
  };
}

/**
 * What a refusal (nothing was stored) says about the answers: too long (`413`), with the answer
 * to shorten; the answers the backend rejected, placed on their questions (a date's link goes to
 * its first field as shown, `firstDatePart`); else nothing more than the failure itself.
 */
export function refusalOf(
  form: ResolvedForm,
  answers: Record<string, AnswerValue>,
  error: unknown,
  firstDatePart: string,
): { tooLong: TooLong } | { errors: ValidationError[] } | undefined {
  if (isKapApiError(error) && error.code === 'payload_too_large') return { tooLong: longestAnswer(form, answers) };
  const index = indexForm(form);
  const placed = Object.entries(isKapApiError(error) ? error.fields : {}).flatMap(([path, message]) => {
    const field = index.byKey.get(path.replace(/^answers\./, ''));
    return field ? [{ itemId: field.key, field: field.item.type === 'date' ? `${field.key}.${firstDatePart}` : field.key, message }] : [];
  });
  return placed.length ? { errors: placed } : undefined;
}

/** The text answer that takes the most bytes to send: what a `413` most likely refused. */
function longestAnswer(form: ResolvedForm, answers: Record<string, AnswerValue>): TooLong {
  const { items } = visibility(form, answers);
  const encoder = new TextEncoder();
  let longest: { bytes: number; label: string; page: number } | undefined;
  for (const field of indexForm(form).fields) {
    const value = answers[field.key];
    if (typeof value !== 'string' || !items.has(field.key) || field.row) continue;
    const bytes = encoder.encode(JSON.stringify(value.trim())).length;
    if (!longest || bytes > longest.bytes) longest = { bytes, label: field.item.label, page: field.pageIndex };
  }
  // A short answer is not the problem: name one only when it is a sizeable part of a request.
  return longest && longest.bytes >= 1_000 ? { label: longest.label, page: longest.page } : { label: undefined, page: undefined };
}

/**
 * A short, stable fingerprint of a request body (two 32-bit FNV-1a style lanes, 16 hex digits):
 * enough to tell a changed body from the same one, so the body itself is never stored twice.
 * Not a security measure: the draft beside it already holds the answers.
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
