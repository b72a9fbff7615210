/** The clinic's configuration in SQLite: services, opening hours, settings, checklist templates. */
import type { Service } from '../../../src/api/schemas.js';
import type { OpeningPeriod, SchedulingRules } from '../../../src/scheduling/opening-hours.js';
import { checklistCopyFrom } from '../checklist-templates.js';
import type { ClinicStore } from '../types.js';
import type { Db } from './database.js';
import { SERVICE_COLUMNS, toService, type ServiceRow } from './rows.js';

export class SqliteClinicStore implements ClinicStore {
  readonly #timeZone: string;
  readonly #statements;

  /** `timeZone`: the clinic's IANA zone, in which opening hours are read (not yet in the database). */
  constructor(db: Db, timeZone: string) {
    this.#timeZone = timeZone;
    this.#statements = {
      services: db.prepare<[], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY position, id`),
      service: db.prepare<[string], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 AND id = ?`),
      openingHours: db.prepare<[], { weekday: number; opens_minute: number; closes_minute: number }>(
        'SELECT weekday, opens_minute, closes_minute FROM opening_hours',
      ),
      settings: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      template: db.prepare<[string], { checklist_template: string | null }>('SELECT checklist_template FROM services WHERE id = ?'),
      templates: db.prepare<[], { id: string; checklist_template: string }>(
        'SELECT id, checklist_template FROM services WHERE checklist_template IS NOT NULL ORDER BY position, id',
      ),
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
    const settings = new Map(this.#statements.settings.all().map((row) => [row.key, Number(row.value)]));
    const openingHours: OpeningPeriod[] = this.#statements.openingHours.all().map((row) => ({
      weekday: row.weekday,
      opensMinute: row.opens_minute,
      closesMinute: row.closes_minute,
    }));
    return {
      timeZone: this.#timeZone,
      openingHours,
      slotStepMinutes: settings.get('slot_step_minutes') ?? 30,
      minNoticeMinutes: settings.get('min_notice_minutes') ?? 12 * 60,
      horizonDays: settings.get('horizon_days') ?? 60,
    };
  }

  async language(): Promise<string> {
    return this.#statements.settings.all().find((row) => row.key === 'language')?.value ?? 'en';
  }

  async checklistTemplate(serviceId: string): Promise<string | undefined> {
    return this.#statements.template.get(serviceId)?.checklist_template ?? undefined;
  }

  /** Throws a `ChecklistTemplateError` for the first service whose template is not a valid definition. */
  assertTemplatesValid(): void {
    for (const row of this.#statements.templates.all()) checklistCopyFrom(row.id, row.checklist_template);
  }
}
