/**
 * The steps only the answer checks lead to, for `IntakeFlow`: from Continue on the last page to
 * check-your-answers (or to a question a Change revealed), and Send with where each outcome leaves
 * the client. They come with the checks (intake-validation.ts exports them; in the drop-in file,
 * their chunk), so the first page never loads them.
 */
import { isAbort } from '../../../api/abort.js';
import type { AnswerValue } from '../../../forms/answers.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import { indexForm } from '../../../forms/form-index.js';
import { validateForm, type ValidationError, type ValidationOptions } from '../../../forms/validation.js';
import { refusalOf, type IntakeSending, type TooLong } from './intake-sending.js';

/** What of `IntakeFlow` these steps read and change. */
export interface StepsFlow {
  readonly form: ResolvedForm | undefined;
  readonly answers: Record<string, AnswerValue>;
  errors: ValidationError[];
  changing: boolean;
  failure: unknown;
  tooLong: TooLong | undefined;
  stopped: boolean;
  changesNotSent: boolean;
  focus: 'heading' | 'summary' | undefined;
  readonly context: {
    validation(): ValidationOptions;
    submitted(responseId: string): void;
    failed(error: unknown): void;
  };
  /** The sending, made now if it is not yet. */
  sending(): IntakeSending;
  /** Shows page `page` (its heading focused). */
  go(page: number): void;
  /** Shows `view`, focusing its heading or the error summary. */
  show(focus: 'heading' | 'summary', view?: 'page' | 'check' | 'done'): void;
  /** Something shown changed: render again. */
  changed(): void;
  /** The answers were recorded: their draft goes. */
  clearDraft(): void;
}

/** Check-your-answers, unless a visible question still needs an answer (one a Change revealed). */
export function toCheckAnswers(flow: StepsFlow): void {
  const form = flow.form!;
  const [first] = validateForm(form, flow.answers, flow.context.validation());
  if (!first) {
    flow.changing = false;
    return flow.show('heading', 'check');
  }
  flow.changing = true;
  flow.go(indexForm(form).byKey.get(first.itemId)!.pageIndex);
}

/** The page of the first error, with that page's errors. */
function showErrors(flow: StepsFlow, errors: ValidationError[]): void {
  const { byKey } = indexForm(flow.form!);
  const page = byKey.get(errors[0]!.itemId)!.pageIndex;
  flow.changing = true;
  flow.go(page);
  flow.errors = errors.filter((error) => byKey.get(error.itemId)!.pageIndex === page);
  flow.focus = 'summary';
}

/** Send: every visible answer checked, then sent with the key of this submission. */
export async function send(flow: StepsFlow): Promise<void> {
  const form = flow.form!;
  const { context } = flow;
  const errors = validateForm(form, flow.answers, context.validation());
  if (errors.length) return showErrors(flow, errors);
  const sending = flow.sending();
  flow.failure = undefined;
  flow.tooLong = undefined;
  flow.stopped = false;
  flow.changesNotSent = false;
  let result;
  try {
    result = await sending.send(form, flow.answers);
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  } finally {
    flow.changed();
  }
  switch (result.outcome) {
    case 'recorded':
    case 'recorded-earlier':
      flow.changesNotSent = result.outcome === 'recorded-earlier';
      flow.clearDraft();
      flow.show('heading', 'done');
      context.submitted(result.value.id);
      return;
    case 'stopped':
      flow.stopped = true;
      return;
    case 'unknown':
      context.failed(result.error);
      flow.failure = result.error;
      return;
    case 'refused': {
      context.failed(result.error);
      // A date's link goes to its first field as shown (month first in the US).
      const refusal = refusalOf(form, flow.answers, result.error, context.validation().dateOrder?.[0] ?? 'day');
      if (refusal && 'tooLong' in refusal) flow.tooLong = refusal.tooLong;
      else if (refusal) showErrors(flow, refusal.errors);
      else flow.failure = result.error;
    }
  }
}
