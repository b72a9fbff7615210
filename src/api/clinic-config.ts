/**
 * The clinic's whole configuration, as the staff routes (`staff/clinic…`, `staff/forms…`) and
 * `npm run clinic -- export / import` exchange it. The server reads it strictly with these schemas
 * and then checks what spans fields (server/clinic-config.ts): services a follow-up or checklist
 * names, hours that overlap, forms and checklists that parse. Not imported by the elements.
 */
import * as z from 'zod/mini';
import { CountryCode, CrisisResources, Phone, Text } from './clinic.js';
import { Instant, Service, TimeZone } from './schemas.js';
import { ConfiguredTheme } from './theme.js';

const Id = z.string().check(z.minLength(1), z.maxLength(200));

/** The format of an exported configuration; an import refuses any other. */
export const CLINIC_CONFIGURATION_FORMAT = 'kap-clinic-configuration/1' as const;

/** A wall-clock time in the clinic's zone, `HH:MM`; `24:00` is the end of the day. */
export const WallTime = z.string().check(z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Expected a time such as 09:30'));
/** A day in the clinic's calendar, `YYYY-MM-DD`. */
export const LocalDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date such as 2026-12-24'),
  z.refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Expected a date that exists'),
);

export const ClinicProfile = z.object({
  name: Text(200),
  timeZone: TimeZone,
  /** The language (BCP 47) of the services' `name` and `description`; other languages are in their `translations`. */
  language: z.string().check(z.minLength(2), z.maxLength(35)),
  /** Where in-person sessions take place. */
  address: z.optional(z.object({ lines: z.array(Text(200)).check(z.minLength(1), z.maxLength(6)), country: z.optional(CountryCode) })),
  contact: z.optional(z.object({ phone: z.optional(Phone), email: z.optional(z.email().check(z.maxLength(254))) })),
  /** An https: address, or a path on the page's own site (`/privacy.html`). */
  privacyNoticeUrl: z.optional(
    z.string().check(z.maxLength(2000), z.regex(/^(?:https:\/\/|\/(?!\/))[^\s]*$/, 'Expected an https:// address or a path such as /privacy.html')),
  ),
  crisisResources: z.optional(CrisisResources),
});
export type ClinicProfile = z.infer<typeof ClinicProfile>;

export const SchedulingSettings = z.object({
  /** Slots start on this grid, counted from each opening time. */
  slotStepMinutes: z.int().check(z.gte(5), z.lte(240)),
  /** The earliest bookable start is this long after now. */
  minNoticeMinutes: z.int().check(z.gte(0), z.lte(60 * 24 * 60)),
  /** Nothing can start this many days or more after now. */
  horizonDays: z.int().check(z.gte(1), z.lte(730)),
});
export type SchedulingSettings = z.infer<typeof SchedulingSettings>;

const BufferMinutes = z.int().check(z.gte(0), z.lte(480));

/** The longest a reminder may go out before its session: 30 days. */
export const MAX_REMINDER_HOURS = 720;
/** A service's reminder when the configuration names none. */
export const DEFAULT_REMINDER_HOURS = 24;

/** A service with everything the clinic sets: what `GET services` shows, and its buffers. */
export const ConfiguredService = z.object({
  ...Service.shape,
  /** Kept free before each session of this service (set-up, a room turned round). */
  bufferBeforeMinutes: BufferMinutes,
  /** Kept free after each session (notes, recovery). */
  bufferAfterMinutes: BufferMinutes,
  /**
   * How many hours before each confirmed session of this service the client's reminder email goes
   * out; 0: none. Absent (an older export): 24. The server always answers it.
   */
  reminderHours: z.optional(z.int().check(z.gte(0), z.lte(MAX_REMINDER_HOURS))),
});
export type ConfiguredService = z.infer<typeof ConfiguredService>;

/** One range of opening hours on one weekday; a day may have several. */
export const OpeningRange = z.object({
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.int().check(z.gte(1), z.lte(7)),
  opens: WallTime,
  closes: WallTime,
});
export type OpeningRange = z.infer<typeof OpeningRange>;

/** A day (or part of one) the clinic is closed: a holiday, a closed afternoon. */
export const Closure = z.object({
  date: LocalDate,
  /** With `to`: closed only from this time. Without both: the whole day. */
  from: z.optional(WallTime),
  to: z.optional(WallTime),
  /** For the staff only, e.g. "Staff training". */
  reason: z.optional(Text(200)),
});
export type Closure = z.infer<typeof Closure>;

/** A published version: immutable once published. */
export const FormVersion = z.object({
  version: Text(50),
  publishedAt: Instant,
  definition: z.record(z.string(), z.unknown()),
});
export type FormVersion = z.infer<typeof FormVersion>;

/** An intake form: its draft (edited, never served) and its published versions, oldest first. */
export const ConfiguredForm = z.object({
  id: Id,
  draft: z.optional(z.record(z.string(), z.unknown())),
  versions: z.array(FormVersion),
});
export type ConfiguredForm = z.infer<typeof ConfiguredForm>;

/** The clinic's whole configuration: one file (`npm run clinic -- export`), one transaction to import. */
export const ClinicConfiguration = z.object({
  format: z.literal(CLINIC_CONFIGURATION_FORMAT),
  profile: ClinicProfile,
  scheduling: SchedulingSettings,
  /** In the clinic's order. A service left out is retired (its bookings stay). */
  services: z.array(ConfiguredService).check(z.maxLength(100)),
  openingHours: z.array(OpeningRange).check(z.maxLength(100)),
  closures: z.array(Closure).check(z.maxLength(1000)),
  /** Checklist definitions (src/checklist/definition.ts) by service id. */
  checklists: z.record(z.string(), z.record(z.string(), z.unknown())),
  forms: z.array(ConfiguredForm).check(z.maxLength(50)),
  /** The theme of the elements: its draft and the published one (absent in older exports: left as it is). */
  theme: z.optional(ConfiguredTheme),
});
export type ClinicConfiguration = z.infer<typeof ClinicConfiguration>;

/** `PUT staff/clinic/services` and the others: one part of the configuration, replaced whole. */
export const ServicesUpdate = z.object({ services: ClinicConfiguration.shape.services });
export const OpeningHoursUpdate = z.object({ openingHours: ClinicConfiguration.shape.openingHours });
export const ClosuresUpdate = z.object({ closures: ClinicConfiguration.shape.closures });
export const ProfileUpdate = z.object({ profile: ClinicProfile, scheduling: z.optional(SchedulingSettings) });
export const ChecklistUpdate = z.object({ checklist: z.nullable(z.record(z.string(), z.unknown())) });
export const FormDraftUpdate = z.object({ draft: z.record(z.string(), z.unknown()) });

/** Minutes after midnight of `HH:MM`. */
export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of minutes after midnight (0–1440). */
export function wallTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** `GET staff/clinic` and every settings change: the configuration as it now is. */
export const ClinicConfigurationResponse = z.object({ configuration: ClinicConfiguration });
/** `GET staff/forms`. */
export const FormsResponse = z.object({ forms: z.array(ConfiguredForm) });
/** `PUT staff/forms/{id}/draft`, `POST staff/forms/{id}/publish`. */
export const FormResponse = z.object({ form: ConfiguredForm });

/**
 * A published version in a form's history: when, and by whom (the staff member's email; absent
 * for a version published from code or an import). Staff data only, never a client's.
 */
export const FormVersionSummary = z.object({
  version: Text(50),
  publishedAt: Instant,
  publishedBy: z.optional(z.string()),
});
/** `GET staff/forms/{id}/versions`: newest first. */
export const FormVersionsResponse = z.object({ versions: z.array(FormVersionSummary) });
/** `GET staff/forms/{id}/versions/{version}`: its definition, and the version before it (to compare). */
export const FormVersionResponse = z.object({
  version: z.object({
    ...FormVersionSummary.shape,
    definition: z.record(z.string(), z.unknown()),
    previous: z.optional(z.object({ version: Text(50), definition: z.record(z.string(), z.unknown()) })),
  }),
});
export type FormVersionSummary = z.infer<typeof FormVersionSummary>;
export type FormVersionResponse = z.infer<typeof FormVersionResponse>;
