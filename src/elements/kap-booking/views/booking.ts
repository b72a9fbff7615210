/** Booking mode: choose a time (for a follow-up service, within its window), then details, then the confirmation. */
import { TaskStatus } from '@lit/task';
import { renderConfirmation } from './appointment.js';
import { renderLoading, type BookingView } from './booking-view.js';
import { renderDetailsStep } from './details-form.js';
import { followUpProblem, renderWindowNote } from './follow-up.js';
import { renderServiceProblem } from './service-problem.js';
import { renderTimesStep } from './times.js';

export function renderBooking(v: BookingView): unknown {
  const service = v.data.service.value;
  if (v.data.service.status === TaskStatus.ERROR) return renderServiceProblem(v);
  if (!service) return renderLoading(v, 'loadingTimes');
  const step = v.flow.step;
  if (step === 'times') {
    const problem = service.followUp ? followUpProblem(v, service) : undefined;
    return problem ?? renderTimesStep(v, service, { heading: 'chooseTimeHeading', intro: renderWindowNote(v, service) });
  }
  return step === 'details' ? renderDetailsStep(v, service) : renderConfirmation(v, service);
}
