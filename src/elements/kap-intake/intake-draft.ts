/**
 * The opt-in draft (`draft="session"`): the answers and the page, in sessionStorage only, under a
 * key that names the form and nothing else, for two hours after the last change. Removed on
 * submit; an expired draft is removed when next read. Storage that is full or blocked is ignored.
 */
import type { AnswerValue } from '../../forms/answers.js';

export const DRAFT_LIFETIME_MS = 2 * 60 * 60 * 1000;

export interface Draft {
  answers: Record<string, AnswerValue>;
  /** The id of the page the client was on. */
  page: string;
  /** Epoch milliseconds after which the draft is discarded. */
  expires: number;
}

export const draftKey = (formId: string): string => `kap-intake:${formId}`;

export function readDraft(formId: string): Draft | undefined {
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey(formId)) ?? 'null') as Draft | null;
    if (draft && draft.expires > Date.now() && draft.answers && typeof draft.answers === 'object') return draft;
    sessionStorage.removeItem(draftKey(formId));
  } catch {
    // No storage, or not ours to read: start afresh.
  }
  return undefined;
}

export function writeDraft(formId: string, answers: Draft['answers'], page: string): void {
  try {
    sessionStorage.setItem(draftKey(formId), JSON.stringify({ answers, page, expires: Date.now() + DRAFT_LIFETIME_MS }));
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
