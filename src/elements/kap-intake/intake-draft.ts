/**
 * The opt-in draft (`draft="session"`): the answers, the page and the pending submission (its
 * idempotency key, and the answers it was sent with where they differ), in sessionStorage only, under a key that names the form and nothing else, for
 * two hours after the last change. Removed on submit; an expired draft is removed at its expiry
 * while the page is open (a timer), when the page is hidden or left (`pagehide`), and when next
 * read. Storage that is full or blocked is ignored.
 */
import type { AnswerValue } from '../../forms/answers.js';
import { isIsoDate } from '../../forms/dates.js';
import { after, now } from '../../time/clock.js';

export const DRAFT_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * A submission that was sent (or was about to be) without a confirmed answer: its idempotency key,
 * a fingerprint of the body it was sent with, and what is needed to build that body again. After a
 * reload it is rebuilt and sent again with the same key — first, even if the answers have changed
 * since — so a response the server stored before the answer was lost is replayed, not stored twice
 * beside a second one.
 */
export interface PendingSubmission {
  key: string;
  /** `fingerprint()` (controllers/intake-sending.ts) of the request body as sent. */
  body: string;
  /**
   * The answers it was sent with, only where they differ from the draft's own (`null`: not
   * answered then): the earlier value of an answer the client changed since, nothing more.
   */
  earlier?: Record<string, AnswerValue | null>;
  /**
   * The date the body was first built with (`YYYY-MM-DD`, for consent signatures without one):
   * a retry after midnight or after a reload builds the same body, so it keeps its key.
   */
  today?: string;
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

function isPending(value: unknown): value is PendingSubmission {
  if (typeof value !== 'object' || value === null) return false;
  const { key, body, today, earlier } = value as Partial<PendingSubmission>;
  return (
    typeof key === 'string' &&
    typeof body === 'string' &&
    (today === undefined || (typeof today === 'string' && isIsoDate(today))) &&
    (earlier === undefined || (typeof earlier === 'object' && earlier !== null && !Array.isArray(earlier)))
  );
}

/** Where `then` differs from `now`: `then`'s value, or `null` for an answer `then` did not have. */
export function answersChanged(then: Record<string, AnswerValue>, now: Record<string, AnswerValue>): Record<string, AnswerValue | null> | undefined {
  const earlier: Record<string, AnswerValue | null> = {};
  for (const key of new Set([...Object.keys(then), ...Object.keys(now)])) {
    if (JSON.stringify(then[key]) !== JSON.stringify(now[key])) earlier[key] = then[key] ?? null;
  }
  return Object.keys(earlier).length ? earlier : undefined;
}

/** The answers `answersChanged` describes: `now` with the earlier values put back. */
export function answersThen(now: Record<string, AnswerValue>, earlier: Record<string, AnswerValue | null> | undefined): Record<string, AnswerValue> {
  const then = { ...now };
  for (const [key, value] of Object.entries(earlier ?? {})) {
    if (value === null) delete then[key];
    else then[key] = value;
  }
  return then;
}

export function readDraft(formId: string): Draft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey(formId)) ?? 'null') as Draft | null;
    if (draft && draft.expires > now() && draft.answers && typeof draft.answers === 'object') {
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
    const draft: Draft = { answers, page, ...(submission ? { submission } : {}), expires: now() + DRAFT_LIFETIME_MS };
    sessionStorage.setItem(draftKey(formId), JSON.stringify(draft));
    watchDraftExpiry(formId, draft.expires);
  } catch {
    // Full or blocked: the form works on without a draft.
  }
}

export function clearDraft(formId: string): void {
  unwatchDraftExpiry(formId);
  try {
    sessionStorage.removeItem(draftKey(formId));
  } catch {
    // Nothing stored.
  }
}

/** The timer that removes each form's draft at its expiry, by form id. */
const expiryTimers = new Map<string, () => void>();

/**
 * Removes the form's draft once it expires, while the page stays open: at `expires` (read from the
 * stored draft when not given), and at the latest when the page is hidden or left past it. A timer
 * that fires early (clocks move, sleeping devices) looks again and waits for the rest.
 */
export function watchDraftExpiry(formId: string, expires?: number): void {
  unwatchDraftExpiry(formId);
  addEventListener('pagehide', removeExpiredDrafts);
  const at = expires ?? storedExpiry(formId);
  if (at === undefined) return;
  expiryTimers.set(
    formId,
    after(Math.max(0, at - now()), () => {
      expiryTimers.delete(formId);
      const stored = storedExpiry(formId);
      if (stored === undefined) return;
      if (stored <= now()) clearDraft(formId);
      else watchDraftExpiry(formId, stored);
    }),
  );
}

/** Stops the expiry timer of the form's draft (the element left the page, or the draft is gone). */
export function unwatchDraftExpiry(formId: string): void {
  expiryTimers.get(formId)?.();
  expiryTimers.delete(formId);
}

/** Removes every `<kap-intake>` draft in this tab that is past its expiry. */
export function removeExpiredDrafts(): void {
  try {
    const keys = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i));
    for (const key of keys) {
      if (!key?.startsWith(draftKey(''))) continue;
      const expires = expiryOf(sessionStorage.getItem(key));
      if (expires === undefined || expires <= now()) sessionStorage.removeItem(key);
    }
  } catch {
    // No storage: nothing to remove.
  }
}

function storedExpiry(formId: string): number | undefined {
  try {
    return expiryOf(sessionStorage.getItem(draftKey(formId)));
  } catch {
    return undefined;
  }
}

/** A stored draft's expiry; `undefined` when there is none or it cannot be read (malformed counts as expired). */
function expiryOf(text: string | null): number | undefined {
  if (text === null) return undefined;
  try {
    const expires = (JSON.parse(text) as Partial<Draft> | null)?.expires;
    return typeof expires === 'number' ? expires : 0;
  } catch {
    return 0;
  }
}
