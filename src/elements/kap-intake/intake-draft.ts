/**
 * The opt-in draft (`draft="session"`): the answers, the page and the pending submission's
 * idempotency key, in sessionStorage only, under a key that names the form and nothing else, for
 * two hours after the last change. Removed on submit; an expired draft is removed when next read.
 * Storage that is full or blocked is ignored.
 */
import type { AnswerValue } from '../../forms/answers.js';

export const DRAFT_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * A submission that was sent (or was about to be) without a confirmed answer: its idempotency key
 * and a fingerprint of the body it was sent with. After a reload the same body is sent with the
 * same key, so a response the server stored before the answer was lost is replayed, not stored
 * twice; a changed body is a new submission with a new key.
 */
export interface PendingSubmission {
  key: string;
  /** `fingerprint()` of the request body as sent. */
  body: string;
}

export interface Draft {
  answers: Record<string, AnswerValue>;
  /** The id of the page the client was on. */
  page: string;
  /** The submission in flight or last failed, if any. */
  submission?: PendingSubmission;
  /** Epoch milliseconds after which the draft is discarded. */
  expires: number;
}

export const draftKey = (formId: string): string => `kap-intake:${formId}`;

const isPending = (value: unknown): value is PendingSubmission =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PendingSubmission).key === 'string' &&
  typeof (value as PendingSubmission).body === 'string';

export function readDraft(formId: string): Draft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey(formId)) ?? 'null') as Draft | null;
    if (draft && draft.expires > Date.now() && draft.answers && typeof draft.answers === 'object') {
      // A malformed pending submission is dropped (the next send gets a new key); the answers stay.
      if (!isPending(draft.submission)) delete draft.submission;
      return draft;
    }
    sessionStorage.removeItem(draftKey(formId));
  } catch {
    // No storage, or not ours to read: start afresh.
  }
  return undefined;
}

export function writeDraft(formId: string, answers: Draft['answers'], page: string, submission?: PendingSubmission): void {
  try {
    const draft: Draft = { answers, page, ...(submission ? { submission } : {}), expires: Date.now() + DRAFT_LIFETIME_MS };
    sessionStorage.setItem(draftKey(formId), JSON.stringify(draft));
  } catch {
    // Full or blocked: the form works on without a draft.
  }
}

export function clearDraft(formId: string): void {
  try {
    sessionStorage.removeItem(draftKey(formId));
  } catch {
    // Nothing stored.
  }
}

/**
 * A short, stable fingerprint of a request body (two 32-bit FNV-1a style lanes, 16 hex digits):
 * enough to tell a changed body from the same one, so the body itself is never stored twice.
 * Not a security measure: the draft beside it already holds the answers.
 */
export function fingerprint(text: string): string {
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
