/**
 * The clinic's configuration in SQLite: profile, services with buffers, opening hours, closures,
 * settings, checklist templates, and (through forms.ts) intake forms. `updateConfiguration`
 * replaces parts in one IMMEDIATE transaction, so an import or a settings change lands whole or not at all.
 */
import {
  CLINIC_CONFIGURATION_FORMAT,
  DEFAULT_REMINDER_HOURS,
  minuteOfDay,
  wallTime,
  type ClinicConfiguration,
  type ClinicProfile,
  type Closure,
  type ConfiguredService,
  type OpeningRange,
  type SchedulingSettings,
} from '../../../src/api/clinic-config.js';
import type { Service } from '../../../src/api/schemas.js';
import { closureInterval, type OpeningPeriod, type SchedulingRules } from '../../../src/scheduling/opening-hours.js';
import { checklistCopyFrom } from '../checklist-templates.js';
import type { ClinicStore, ConfigurationChange } from '../types.js';
import type { Db } from './database.js';
import type { SqliteFormStore } from './forms.js';
import type { SqliteThemeStore } from './theme.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './rows.js';

interface ProfileRow {
  name: string;
  time_zone: string | null;
  address: string | null;
  contact: string | null;
  privacy_notice_url: string | null;
  crisis_resources: string | null;
}

interface ClosureRow {
  date: string;
  from_minute: number | null;
  to_minute: number | null;
  reason: string | null;
}

type BufferedServiceRow = ServiceRow & { buffer_before_minutes: number; buffer_after_minutes: number; reminder_hours: number };

const SETTING_KEYS = { slotStepMinutes: 'slot_step_minutes', minNoticeMinutes: 'min_notice_minutes', horizonDays: 'horizon_days' } as const;

export class SqliteClinicStore implements ClinicStore {
  readonly #db: Db;
  readonly #defaultTimeZone: string;
  readonly #forms: SqliteFormStore;
  readonly #theme: SqliteThemeStore;
  readonly #statements;

  /** `defaultTimeZone`: the zone opening hours are read in while the profile names none (`KAP_CLINIC_TZ`). */
  constructor(db: Db, defaultTimeZone: string, forms: SqliteFormStore, theme: SqliteThemeStore) {
    this.#db = db;
    this.#defaultTimeZone = defaultTimeZone;
    this.#forms = forms;
    this.#theme = theme;
    this.#statements = {
      services: db.prepare<[], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY position, id`),
      service: db.prepare<[string], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 AND id = ?`),
      bufferedServices: db.prepare<[], BufferedServiceRow>(
        `SELECT ${SERVICE_COLUMNS}, buffer_before_minutes, buffer_after_minutes, reminder_hours FROM services WHERE active = 1 ORDER BY position, id`,
      ),
      reminderHours: db.prepare<[string], { reminder_hours: number }>('SELECT reminder_hours FROM services WHERE id = ?'),
      openingHours: db.prepare<[], { weekday: number; opens_minute: number; closes_minute: number }>(
        'SELECT weekday, opens_minute, closes_minute FROM opening_hours ORDER BY weekday, opens_minute',
      ),
      closures: db.prepare<[], ClosureRow>('SELECT date, from_minute, to_minute, reason FROM closures ORDER BY date, from_minute, id'),
      settings: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      profile: db.prepare<[], ProfileRow>('SELECT name, time_zone, address, contact, privacy_notice_url, crisis_resources FROM clinic_profile WHERE id = 1'),
      template: db.prepare<[string], { checklist_template: string | null }>('SELECT checklist_template FROM services WHERE id = ?'),
      templates: db.prepare<[], { id: string; checklist_template: string }>(
        'SELECT id, checklist_template FROM services WHERE checklist_template IS NOT NULL ORDER BY position, id',
      ),
      // Writes, for updateConfiguration.
      upsertProfile: db.prepare(
        `INSERT INTO clinic_profile (id, name, time_zone, address, contact, privacy_notice_url, crisis_resources)
         VALUES (1, @name, @time_zone, @address, @contact, @privacy_notice_url, @crisis_resources)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, address = excluded.address,
           contact = excluded.contact, privacy_notice_url = excluded.privacy_notice_url, crisis_resources = excluded.crisis_resources`,
      ),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      retireServices: db.prepare('UPDATE services SET active = 0'),
      upsertService: db.prepare(
        `INSERT INTO services (id, name, description, duration_minutes, location, mode, position, active, follow_up_after,
           follow_up_min_hours, follow_up_max_hours, translations, buffer_before_minutes, buffer_after_minutes, reminder_hours)
         VALUES (@id, @name, @description, @duration_minutes, @location, @mode, @position, 1, @follow_up_after,
           @follow_up_min_hours, @follow_up_max_hours, @translations, @buffer_before_minutes, @buffer_after_minutes, @reminder_hours)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
           duration_minutes = excluded.duration_minutes, location = excluded.location, mode = excluded.mode,
           position = excluded.position, active = 1, follow_up_after = excluded.follow_up_after,
           follow_up_min_hours = excluded.follow_up_min_hours, follow_up_max_hours = excluded.follow_up_max_hours,
           translations = excluded.translations, buffer_before_minutes = excluded.buffer_before_minutes,
           buffer_after_minutes = excluded.buffer_after_minutes, reminder_hours = excluded.reminder_hours`,
      ),
      clearHours: db.prepare('DELETE FROM opening_hours'),
      insertHours: db.prepare('INSERT INTO opening_hours (weekday, opens_minute, closes_minute) VALUES (?, ?, ?)'),
      clearClosures: db.prepare('DELETE FROM closures'),
      insertClosure: db.prepare('INSERT INTO closures (date, from_minute, to_minute, reason) VALUES (?, ?, ?, ?)'),
      clearTemplates: db.prepare('UPDATE services SET checklist_template = NULL'),
      setTemplate: db.prepare('UPDATE services SET checklist_template = ? WHERE id = ?'),
    };
  }

  async listServices(): Promise<Service[]> {
    return this.#statements.services.all().map(toService);
  }

  async findService(id: string): Promise<Service | undefined> {
    const row = this.#statements.service.get(id);
    return row && toService(row);
  }

  async schedulingRules(): Promise<SchedulingRules> {
    const settings = this.#settings();
    const openingHours: OpeningPeriod[] = this.#statements.openingHours.all().map((row) => ({
      weekday: row.weekday,
      opensMinute: row.opens_minute,
      closesMinute: row.closes_minute,
    }));
    const timeZone = this.#timeZone();
    const closures = this.#statements.closures
      .all()
      .map((row) =>
        closureInterval(
          { date: row.date, ...(row.from_minute !== null && row.to_minute !== null ? { fromMinute: row.from_minute, toMinute: row.to_minute } : {}) },
          timeZone,
        ),
      );
    return { timeZone, openingHours, ...settings, ...(closures.length > 0 ? { closures } : {}) };
  }

  async language(): Promise<string> {
    return this.#language();
  }

  async reminderHours(serviceId: string): Promise<number> {
    return this.#statements.reminderHours.get(serviceId)?.reminder_hours ?? DEFAULT_REMINDER_HOURS;
  }

  async checklistTemplate(serviceId: string): Promise<string | undefined> {
    return this.#statements.template.get(serviceId)?.checklist_template ?? undefined;
  }

  async profile(): Promise<ClinicProfile> {
    return this.#profile();
  }

  #profile(): ClinicProfile {
    const row = this.#statements.profile.get();
    const json = <T>(text: string | null | undefined): T | undefined => (text ? (JSON.parse(text) as T) : undefined);
    const address = json<ClinicProfile['address']>(row?.address);
    const contact = json<ClinicProfile['contact']>(row?.contact);
    const crisisResources = json<ClinicProfile['crisisResources']>(row?.crisis_resources);
    return {
      name: row?.name ?? 'Clinic',
      timeZone: this.#timeZone(),
      language: this.#language(),
      ...(address ? { address } : {}),
      ...(contact ? { contact } : {}),
      ...(row?.privacy_notice_url ? { privacyNoticeUrl: row.privacy_notice_url } : {}),
      ...(crisisResources ? { crisisResources } : {}),
    };
  }

  async configuration(): Promise<ClinicConfiguration> {
    return this.#db.transaction(() => {
      const services: ConfiguredService[] = this.#statements.bufferedServices.all().map((row) => ({
        ...toService(row),
        bufferBeforeMinutes: row.buffer_before_minutes,
        bufferAfterMinutes: row.buffer_after_minutes,
        reminderHours: row.reminder_hours,
      }));
      const active = new Set(services.map((service) => service.id));
      const openingHours: OpeningRange[] = this.#statements.openingHours.all().map((row) => ({
        weekday: row.weekday,
        opens: wallTime(row.opens_minute),
        closes: wallTime(row.closes_minute),
      }));
      const closures: Closure[] = this.#statements.closures.all().map((row) => ({
        date: row.date,
        ...(row.from_minute !== null && row.to_minute !== null ? { from: wallTime(row.from_minute), to: wallTime(row.to_minute) } : {}),
        ...(row.reason !== null ? { reason: row.reason } : {}),
      }));
      const checklists = Object.fromEntries(
        this.#statements.templates
          .all()
          .filter((row) => active.has(row.id))
          .map((row) => [row.id, JSON.parse(row.checklist_template) as Record<string, unknown>]),
      );
      return {
        format: CLINIC_CONFIGURATION_FORMAT,
        profile: this.#profile(),
        scheduling: this.#settings(),
        services,
        openingHours,
        closures,
        checklists,
        forms: this.#forms.configuredForms(),
        theme: this.#theme.configuredTheme(),
      };
    })();
  }

  async updateConfiguration(change: ConfigurationChange): Promise<void> {
    const s = this.#statements;
    this.#db
      .transaction(() => {
        if (change.profile) {
          const { profile } = change;
          s.upsertProfile.run({
            name: profile.name,
            time_zone: profile.timeZone,
            address: profile.address ? JSON.stringify(profile.address) : null,
            contact: profile.contact ? JSON.stringify(profile.contact) : null,
            privacy_notice_url: profile.privacyNoticeUrl ?? null,
            crisis_resources: profile.crisisResources ? JSON.stringify(profile.crisisResources) : null,
          });
          s.setSetting.run('language', profile.language);
        }
        if (change.scheduling) {
          for (const [field, key] of Object.entries(SETTING_KEYS)) {
            s.setSetting.run(key, String(change.scheduling[field as keyof SchedulingSettings]));
          }
        }
        if (change.services) {
          s.retireServices.run();
          change.services.forEach((service, position) =>
            s.upsertService.run({
              id: service.id,
              name: service.name,
              description: service.description,
              duration_minutes: service.durationMinutes,
              location: service.location,
              mode: service.mode,
              position,
              follow_up_after: service.followUp?.after ?? null,
              follow_up_min_hours: service.followUp?.minHoursAfterEnd ?? null,
              follow_up_max_hours: service.followUp?.maxHoursAfterEnd ?? null,
              translations: service.translations ? JSON.stringify(service.translations) : null,
              buffer_before_minutes: service.bufferBeforeMinutes,
              buffer_after_minutes: service.bufferAfterMinutes,
              reminder_hours: service.reminderHours ?? DEFAULT_REMINDER_HOURS,
            }),
          );
        }
        if (change.openingHours) {
          s.clearHours.run();
          for (const range of change.openingHours) s.insertHours.run(range.weekday, minuteOfDay(range.opens), minuteOfDay(range.closes));
        }
        if (change.closures) {
          s.clearClosures.run();
          for (const closure of change.closures) {
            const hours = closure.from !== undefined && closure.to !== undefined;
            s.insertClosure.run(closure.date, hours ? minuteOfDay(closure.from!) : null, hours ? minuteOfDay(closure.to!) : null, closure.reason ?? null);
          }
        }
        if (change.checklists) {
          s.clearTemplates.run();
          for (const [serviceId, template] of Object.entries(change.checklists)) s.setTemplate.run(JSON.stringify(template), serviceId);
        }
        if (change.forms) this.#forms.replaceForms(change.forms);
        if (change.theme) this.#theme.replaceTheme(change.theme);
      })
      .immediate();
  }

  /** Throws a `ChecklistTemplateError` for the first service whose template is not a valid definition. */
  assertTemplatesValid(): void {
    for (const row of this.#statements.templates.all()) checklistCopyFrom(row.id, row.checklist_template);
  }

  #timeZone(): string {
    return this.#statements.profile.get()?.time_zone ?? this.#defaultTimeZone;
  }

  #settings(): SchedulingSettings {
    const settings = new Map(this.#statements.settings.all().map((row) => [row.key, Number(row.value)]));
    return {
      slotStepMinutes: settings.get(SETTING_KEYS.slotStepMinutes) ?? 30,
      minNoticeMinutes: settings.get(SETTING_KEYS.minNoticeMinutes) ?? 12 * 60,
      horizonDays: settings.get(SETTING_KEYS.horizonDays) ?? 60,
    };
  }

  #language(): string {
    return this.#statements.settings.all().find((row) => row.key === 'language')?.value ?? 'en';
  }
}
