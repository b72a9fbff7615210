/**
 * What the client does once a time is held, on its `BookingFlow`: Confirm (book, or move the
 * managed booking), and "Change time" back to the times. Only the details form and a move's "check
 * the new time" call these, so they come with those views (in the drop-in file, their chunk).
 */
import type { WriteStatus } from '../../../base/write-status.js';
import { partForPress } from '../../../base/part-for-press.js';
import type { Slot } from '../../../api/schemas.js';
import type { BookingFlowContext } from './booking-flow-context.js';
import type { BookingSubmission } from './booking-submission.js';
import type { BookingFlowState, TimesNotice } from './booking-state.js';

/** What of `BookingFlow` these actions read and change. */
export interface ActingFlow extends BookingFlowState {
  slot: Slot | undefined;
  readonly host: HTMLElement;
  readonly context: BookingFlowContext;
  /** Confirm was pressed and the submission is still being imported. */
  loadingSubmission: boolean;
  /** What Confirm does, once imported. */
  readonly submission: BookingSubmission | undefined;
  /** Imports it if it is not yet (again after a failure). */
  loadSubmission(): Promise<BookingSubmission>;
  backToTimes(notice: TimesNotice | undefined): void;
  /** Something shown changed: render again. */
  changed(): void;
}

/** Whether a booking or move is under way: its code still being imported, or sending. */
export function submitting(flow: ActingFlow): boolean {
  return flow.loadingSubmission || Boolean(flow.submission?.submitting);
}

/** What the client hears about the booking or move under way; its Stop makes the outcome unknown. */
export function status(flow: ActingFlow): WriteStatus {
  const submission = flow.submission;
  return { sending: submitting(flow), progress: submission?.progress, stopped: flow.stopped, stop: () => submission?.stop() };
}

/** "Change time": back to the times with everything typed kept; the hold is given back. */
export function changeTime(flow: ActingFlow): void {
  if (submitting(flow)) return;
  flow.backToTimes(undefined);
  flow.focus = 'times';
}

/** Confirm: validate, then book (or move) with the key of this logical submission. */
export async function submit(flow: ActingFlow): Promise<void> {
  if (submitting(flow) || flow.step !== 'details' || !flow.slot) return;
  const client = flow.context.client();
  if (!client) return;
  const submission =
    flow.submission ??
    (await partForPress(flow.host, () => flow.loadSubmission(), {
      busy: (busy) => {
        flow.loadingSubmission = busy;
        flow.changed();
      },
      failed: (error) => (flow.submitFailure = error),
    }));
  // Nothing else can start while it comes (`submitting`), but the element may have been reset.
  if (!submission || flow.step !== 'details' || !flow.slot) return;
  return submission.submit(client, flow.slot, flow.context.moving?.());
}
