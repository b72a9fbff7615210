/**
 * Words a client understands for a failed request: what happened (offline, too slow, busy, the
 * clinic's system), never a status code or the backend's own message.
 */
import { KapApiError } from '../api/errors.js';
import type { KapStringKey } from '../i18n/strings.js';
import { formatWait } from './language.js';

type Translate = (key: KapStringKey, params?: Record<string, string | number>) => string;

export function failureMessage(error: unknown, t: Translate, locale: string): string {
  if (!(error instanceof KapApiError)) return t('errorUnexpected');
  if (error.code === 'payload_too_large') return t('errorTooLarge');
  switch (error.kind) {
    case 'network':
      return t('errorNetwork');
    case 'timeout':
      return t('errorTimeout');
    case 'rate_limited':
      return t('errorRateLimited', { wait: formatWait(error.retryAfterMs ?? 30_000, locale) });
    case 'server':
      return t('errorServer');
    case 'bad_response':
      return t('errorBadResponse');
    default:
      return t('errorUnexpected');
  }
}
