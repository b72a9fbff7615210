import type { ConfigurationProblem } from '../../base/configuration-report.js';

/**
 * The privacy notice the booking's consent refers to. The one place it is resolved: from the page
 * (`privacy-url`, or the page's own sentence in the `privacy` slot), else from the clinic
 * (`privacyNoticeUrl` of `GET clinic`) when the element has no `privacy-url` attribute at all.
 */
export interface PrivacyNotice {
  /** The notice to link to, when the element links it itself. */
  url?: string;
  /** Whether the client can open a notice: only then may the consent refer to one. */
  available: boolean;
  /** What the website team should fix; the booking still works, with consent that names no notice. */
  problem?: ConfigurationProblem;
}

function linkUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function privacyNotice(attribute: string | null, base: string, pageSentence: boolean, clinicUrl?: string): PrivacyNotice {
  const clinicLink = attribute === null && !pageSentence && clinicUrl ? linkUrl(clinicUrl, base) : undefined;
  if (clinicLink) return { url: clinicLink, available: true };
  const value = attribute?.trim();
  const url = value ? linkUrl(value, base) : undefined;
  if (url) return { url, available: true };
  if (value) {
    return {
      available: pageSentence,
      problem: {
        code: 'invalid_privacy_url',
        detail: `privacy-url="${value}" is not an https: link or a path, so the consent links to no privacy notice`,
      },
    };
  }
  if (pageSentence) return { available: true };
  return {
    available: false,
    problem: {
      code: 'missing_privacy_url',
      detail: 'it has no privacy-url (nor privacy slot), so the consent links to no privacy notice: set privacy-url',
    },
  };
}
