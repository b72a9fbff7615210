/** The service could not be read: a set-up problem (no such service), or a failure to try again. */
import { isAbort } from '../../../api/abort.js';
import { isKapApiError } from '../../../api/errors.js';
import { renderFailure, renderLoading, type BookingView } from './booking-view.js';

export function renderServiceProblem(v: BookingView): unknown {
  const task = v.data.service;
  const error = task.error;
  if (isKapApiError(error) && error.kind === 'configuration') {
    return v.ui.renderConfigurationProblem({
      code: error.code ?? 'configuration',
      detail: v.ui.t('unknownServiceDetail', { service: v.serviceId }),
      lang: v.ui.language,
    });
  }
  if (isAbort(error)) return renderLoading(v, 'loadingTimes');
  return renderFailure(v, error, () => void task.run(), 'loadTimesError');
}
