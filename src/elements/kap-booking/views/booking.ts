/** Booking mode: choose a time (for a follow-up service, within its window), then details, then the confirmation. */
import { TaskStatus } from '@lit/task';
import { nothing } from 'lit';
import { renderFailure, renderLoading, type BookingView } from './booking-view.js';
import { renderServiceProblem } from './service-problem.js';
import { renderTimesStep } from './times.js';

export function renderBooking(v: BookingView): unknown {
  const service = v.data.service.value;
  if (v.data.service.status === TaskStatus.ERROR) return renderServiceProblem(v);
  if (!service) return renderLoading(v, 'loadingTimes');
  const step = v.flow.step;
  if (step === 'times') {
    if (!service.followUp) return renderTimesStep(v, service, { heading: 'chooseTimeHeading', intro: nothing });
    // A follow-up service's views are imported only for one: its times are "loading" meanwhile.
    const views = v.followUpViews;
    if (views.status === TaskStatus.ERROR) return renderFailure(v, views.error, () => void views.run(), 'loadTimesError');
    const followUp = views.status === TaskStatus.COMPLETE ? views.value : undefined;
    if (!followUp) return renderLoading(v, 'loadingTimes');
    const intro = followUp.renderWindowNote(v, service);
    return followUp.followUpProblem(v, service) ?? renderTimesStep(v, service, { heading: 'chooseTimeHeading', intro });
  }
  // The later steps' views come as the client picks a time, beside the hold: "Loading" until then.
  const later = v.afterPickViews;
  if (later.status === TaskStatus.ERROR) return renderFailure(v, later.error, () => void later.run());
  const views = later.status === TaskStatus.COMPLETE ? later.value : undefined;
  if (!views) return renderLoading(v, 'loading');
  return step === 'details' ? views.renderDetailsStep(v, service) : views.renderConfirmation(v, service);
}
