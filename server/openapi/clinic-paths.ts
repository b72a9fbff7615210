/**
 * The OpenAPI paths of the clinic itself: `GET clinic` (public), and the staff operations on its
 * configuration (merged into the staff paths by staff-paths.ts, which adds their security).
 */
import { CLINIC_CONFIGURATION_FORMAT } from '../../src/api/clinic-config.js';
import { responses, success, type ErrorResponse, type OpenApiOperation } from './parts.js';

/** A staff operation as staff-paths.ts describes it (its security follows auth/route-access.ts). */
interface SettingsOperation {
  operationId: string;
  summary: string;
  description?: string;
  request?: string;
  ok: Record<string, string | null>;
  errors: readonly ErrorResponse[];
}

export const CLINIC_PATHS: Record<string, Record<string, OpenApiOperation>> = {
  '/clinic': {
    get: {
      operationId: 'getClinic',
      summary: 'The clinic: name, time zone, phone, privacy notice, crisis lines',
      description:
        'Public, and about no client. The elements use it where no attribute says otherwise: `<kap-booking>` links ' +
        '`privacyNoticeUrl` (an https: address, or a path on the page’s own site) from the consent when it has no `privacy-url`, ' +
        'and the intake’s crisis panel offers `phone` beside the crisis lines. `crisisResources` are by country (ISO 3166 alpha-2). ' +
        '`theme` is the theme the clinic published for its elements, once it has one: CSS custom properties by name without their `--kap-` prefix, ' +
        'which the elements use wherever the page sets no `--kap-*` of its own.',
      tags: ['booking'],
      responses: responses({ '200': success('The clinic.', 'ClinicResponse') }, 'InternalError'),
    },
  },
};

const SIGNED_IN = ['Unauthorized', 'Forbidden'] as const;
const WRITE = ['BadRequest', 'ValidationFailed', 'UnsupportedMediaType', 'PayloadTooLarge'] as const;
const CHECKED =
  'The change is checked as the whole configuration it makes, with the same checks as `npm run clinic -- import` ' +
  `(format \`${CLINIC_CONFIGURATION_FORMAT}\`); problems are \`422\` by path. Stored in one transaction and recorded in the audit log. ` +
  'Answers the configuration as it now is.';

export const CLINIC_SETTINGS_OPERATIONS: Record<string, SettingsOperation> = {
  'GET /staff/clinic': {
    operationId: 'getClinicConfiguration',
    summary: 'The clinic’s whole configuration (what `npm run clinic -- export` writes)',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN],
  },
  'PUT /staff/clinic/profile': {
    operationId: 'updateClinicProfile',
    summary: 'Replace the clinic’s profile (and, when sent, its scheduling settings)',
    description: CHECKED,
    request: 'ProfileUpdate',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'PUT /staff/clinic/services': {
    operationId: 'updateClinicServices',
    summary: 'Replace the services, in order, with their buffers; a service left out is retired (its bookings stay)',
    description: CHECKED,
    request: 'ServicesUpdate',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'PUT /staff/clinic/hours': {
    operationId: 'updateOpeningHours',
    summary: 'Replace the opening hours: ranges per weekday, several a day, in the clinic’s zone',
    description: CHECKED,
    request: 'OpeningHoursUpdate',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'PUT /staff/clinic/closures': {
    operationId: 'updateClosures',
    summary: 'Replace the closures: whole days, or hours of a day, when no slot is offered',
    description: CHECKED,
    request: 'ClosuresUpdate',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'PUT /staff/clinic/checklists/{serviceId}': {
    operationId: 'updateServiceChecklist',
    summary: 'Replace a service’s checklist template (`null` removes it); bookings keep the copy they have',
    description: CHECKED,
    request: 'ChecklistUpdate',
    ok: { '200': 'ClinicConfigurationResponse' },
    errors: [...SIGNED_IN, 'NotFound', ...WRITE],
  },
  'GET /staff/forms': {
    operationId: 'listForms',
    summary: 'Intake forms with their drafts and published versions',
    ok: { '200': 'FormsResponse' },
    errors: [...SIGNED_IN],
  },
  'PUT /staff/forms/{id}/draft': {
    operationId: 'saveFormDraft',
    summary: 'Replace a form’s draft (a new id makes a new form); a draft is never served',
    request: 'FormDraftUpdate',
    ok: { '200': 'FormResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'POST /staff/forms/{id}/publish': {
    operationId: 'publishForm',
    summary: 'Publish the draft as an immutable version (its `version`, else the next number)',
    description:
      '`GET forms/{id}` then serves it; responses to older published versions are still taken and scored. ' +
      'A draft that does not parse is `422` on `draft`; a version already published is `409 form_version_published`; no draft is `404`.',
    ok: { '201': 'FormResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict', 'ValidationFailed'],
  },
  'GET /staff/forms/{id}/versions': {
    operationId: 'listFormVersions',
    summary: 'A form’s published versions, newest first: when, and who published each (a staff email; none for one from code or an import)',
    ok: { '200': 'FormVersionsResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/forms/{id}/versions/{version}': {
    operationId: 'getFormVersion',
    summary: 'One published version’s definition, with the version before it (to compare)',
    ok: { '200': 'FormVersionResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'POST /staff/forms/{id}/versions/{version}/restore': {
    operationId: 'restoreFormVersion',
    summary: 'Make a published version’s definition the form’s draft again (without its version number, so publishing it makes a new version)',
    ok: { '200': 'FormResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/theme': {
    operationId: 'getTheme',
    summary: 'The elements’ theme: its draft and the published one',
    ok: { '200': 'ThemeResponse' },
    errors: [...SIGNED_IN],
  },
  'PUT /staff/theme/draft': {
    operationId: 'saveThemeDraft',
    summary: 'Replace the theme’s draft (never served)',
    request: 'ThemeDraftUpdate',
    ok: { '200': 'ThemeResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'POST /staff/theme/publish': {
    operationId: 'publishTheme',
    summary: 'Publish the draft theme: `GET clinic` then serves it',
    description:
      'Refused (`422` on `draft`, naming each failing pair) while any contrast pair of the draft fails WCAG 2.2 AA in light or dark: ' +
      'text 4.5:1, field borders and the focus indicator 3:1 against what they sit on. No draft is `404`.',
    ok: { '200': 'ThemeResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'ValidationFailed'],
  },
};
