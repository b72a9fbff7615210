/**
 * The clinic's configuration in the store interface (types.ts): its profile, services, opening
 * hours, closures, settings, checklist templates, and intake forms with a draft and immutable
 * published versions. Checked by the caller (server/clinic-config.ts) before a store changes it.
 */
import type { ClinicConfiguration, ClinicProfile } from '../../src/api/clinic-config.js';
import type { Service } from '../../src/api/schemas.js';
import type { ConfiguredTheme, Theme } from '../../src/api/theme.js';
import type { ResolvedForm } from '../../src/forms/definition.js';
import type { SchedulingRules } from '../../src/scheduling/opening-hours.js';

/** The clinic's configuration as the routes read it. */
export interface ClinicStore {
  /** The active services, in the clinic's order. */
  listServices(): Promise<Service[]>;
  /** An active service; `undefined` for an unknown or retired one. */
  findService(id: string): Promise<Service | undefined>;
  /**
   * Opening hours, slot grid, notice, horizon, the clinic's time zone, and its closures as
   * instants (`closureInterval` of src/scheduling in that zone).
   */
  schedulingRules(): Promise<SchedulingRules>;
  /**
   * The language (BCP 47) the services' `name` and `description` are written in (`lang` of
   * `GET services`); `en` unless the clinic says otherwise. Other languages are in each service's
   * `translations`, returned as stored.
   */
  language(): Promise<string>;
  /**
   * How many hours before a session of the service its reminder goes out (0: none), retired
   * services included (their bookings keep them); 24 for an unknown one.
   */
  reminderHours(serviceId: string): Promise<number>;
  /** A service's checklist template as stored (JSON text), `undefined` when it has none. */
  checklistTemplate(serviceId: string): Promise<string | undefined>;
  /** The clinic's profile: `GET clinic` shows part of it. */
  profile(): Promise<ClinicProfile>;
  /** The whole configuration, as `npm run clinic -- export` writes it: forms with their drafts and versions. */
  configuration(): Promise<ClinicConfiguration>;
  /**
   * Replaces the parts `change` names, in one transaction: all of them or, on any refusal or
   * failure, none. A service left out of `services` is retired (its bookings keep it); `checklists`
   * replaces every service's template. A form's draft is replaced (removed when absent); its
   * versions are added, and one already published must be exactly as published, else the store
   * refuses `form_version_conflict`: a published version never changes and is never removed.
   */
  updateConfiguration(change: ConfigurationChange): Promise<void>;
}

/** Parts of the configuration to replace; what is absent stays as it is. */
export type ConfigurationChange = Partial<Omit<ClinicConfiguration, 'format'>>;

/**
 * The intake forms the clinic serves: its published versions, checked (`servedForm`,
 * stores/code-forms.ts). A draft is never served. Drafts are edited, and versions published, here;
 * the whole forms configuration is in `ClinicStore.configuration()`.
 */
export interface FormStore {
  /** The version of form `id` published last; `undefined` for an unknown or unpublished form. */
  find(id: string): Promise<ServedForm | undefined>;
  /** A published version of form `id`, however old: responses to it are still taken and scored. */
  findVersion(id: string, version: string): Promise<ServedForm | undefined>;
  /** Replaces form `id`'s draft, making the form when it is new. */
  saveDraft(id: string, draft: Record<string, unknown>, now: number): Promise<void>;
  /**
   * Publishes `definition` (the form's draft as the caller checked it, with its `id` and
   * `version`) as an immutable version. Refuses `form_not_found` for an unknown form,
   * `form_version_conflict` when that version is already published.
   */
  publish(id: string, definition: Record<string, unknown> & { version: string }, now: number, publishedBy?: string): Promise<void>;
  /** Form `id`'s published versions, oldest first (none for an unknown form). */
  history(id: string): Promise<PublishedVersion[]>;
  /** The largest `POST intake-responses` body any served form's answers can make: its body limit. */
  maxSubmissionBytes(): Promise<number>;
}

/** A published version as `history` gives it: who published it is a staff id, absent for one from code or an import. */
export interface PublishedVersion {
  version: string;
  publishedAt: number;
  publishedBy?: string;
  definition: Record<string, unknown>;
}

/** The clinic's theme (src/api/theme.ts): the draft the marketer edits and the one `GET clinic` serves. */
export interface ThemeStore {
  theme(): Promise<ConfiguredTheme>;
  /** Replaces the draft. */
  saveDraft(theme: Theme, now: number): Promise<void>;
  /** Makes `theme` the published one (the caller has checked its contrast). */
  publish(theme: Theme, now: number): Promise<void>;
}

export interface ServedForm {
  /** What `GET forms/{id}` answers. */
  definition: Record<string, unknown>;
  form: ResolvedForm;
}
