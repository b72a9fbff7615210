/**
 * What the client does while managing a booking, on its `ManageFlow`: cancel after asking, move
 * to another free time through `BookingFlow`'s picker, book a time the clinic suggested. Only the
 * manage views call these, so they come with them (in the drop-in file, the manage views' chunk);
 * the flow's state stays in the element's own file, to hold the booking as it is read.
 */
import { isAbort } from '../../../api/abort.js';
import type { WriteOptions } from '../../../api/client.js';
import { cancelBooking } from '../../../api/submissions.js';
import { partForPress } from '../../../base/part-for-press.js';
import type { WriteStatus } from '../../../base/write-status.js';
import { KapBookingCancelEvent } from '../../../events/kap-booking-cancel.js';
import { bookingChangeRefusal, type BookingChangeRefusal } from '../../../scheduling/booking-changes.js';
import type { ManageFlow } from './manage-flow.js';

/** Whether a cancel is under way: its write still being imported, or sending. */
function cancelling(flow: ManageFlow): boolean {
  return flow.loadingCancel || Boolean(flow.cancelWrite?.sending);
}

/** What the client hears about the cancel under way; after Stop, asking again sends the same request with its key. */
export function cancelStatus(flow: ManageFlow): WriteStatus {
  const cancel = flow.cancelWrite;
  return { sending: cancelling(flow), progress: cancel?.progress, stopped: flow.cancelStopped, stop: () => cancel?.stop() };
}

/** Why the booking can no longer be cancelled or moved here (the shared rule), if it cannot. */
export function refusal(flow: ManageFlow): BookingChangeRefusal | undefined {
  return flow.booking && bookingChangeRefusal(flow.booking, Date.now());
}

/** "Cancel appointment": ask first. */
export function askToCancel(flow: ManageFlow): void {
  if (flow.step !== 'view' || !flow.booking || refusal(flow)) return;
  flow.step = 'confirm-cancel';
  flow.cancelFailure = undefined;
  flow.cancelStopped = false;
  flow.focus = 'confirm-cancel';
  flow.changed();
}

/** "No, keep it": back to the booking, focus where the client left it. */
export function keep(flow: ManageFlow): void {
  if (flow.step !== 'confirm-cancel' || cancelling(flow)) return;
  flow.step = 'view';
  flow.cancelFailure = undefined;
  flow.focus = 'cancel-action';
  flow.changed();
}

/** "Yes, cancel it". */
export async function cancel(flow: ManageFlow): Promise<void> {
  if (flow.step !== 'confirm-cancel' || cancelling(flow)) return;
  const { context } = flow;
  const client = context.client();
  const access = context.access();
  if (!client || !access) return;
  flow.cancelFailure = undefined;
  flow.cancelStopped = false;
  const write =
    flow.cancelWrite ??
    (await partForPress(flow.host, () => flow.loadCancel(), {
      busy: (busy) => {
        flow.loadingCancel = busy;
        flow.changed();
      },
      failed: (error) => (flow.cancelFailure = error),
    }));
  // Nothing else can start while it comes (`cancelling`), but the booking may have been read again or cleared.
  if (!write || flow.step !== 'confirm-cancel') return;
  let result;
  try {
    const transmit = (_body: unknown, options: WriteOptions) => cancelBooking(client, access.bookingId, access.token, options);
    result = await write.send({}, `cancel ${access.bookingId}`, transmit, context.signal());
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  } finally {
    flow.changed();
  }
  if (result.outcome === 'stopped') {
    flow.cancelStopped = true;
  } else if (result.outcome === 'refused' || result.outcome === 'unknown') {
    context.failed(result.error);
    flow.cancelFailure = result.error as Error;
  } else {
    flow.booking = result.value;
    flow.step = 'cancelled';
    flow.focus = 'cancelled';
    flow.host.dispatchEvent(new KapBookingCancelEvent({ bookingId: result.value.id }));
  }
}

/** "Change time": the picker, fresh. */
export function startMove(flow: ManageFlow): void {
  if (flow.step !== 'view' || !flow.booking || refusal(flow)) return;
  flow.step = 'moving';
  flow.context.openPicker();
  flow.changed();
}

/** "Keep my current time": back to the booking, any hold on a new time given back. */
export function stopMove(flow: ManageFlow): void {
  if (flow.step !== 'moving') return;
  flow.step = 'view';
  flow.focus = 'change-action';
  flow.context.closePicker();
  flow.changed();
}
