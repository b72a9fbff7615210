/**
 * The clinic's configuration, checked: the same zod schemas as the staff routes (src/api/clinic.ts,
 * read strictly: an unknown key is a problem), then what spans fields — a follow-up or a checklist
 * naming a service that is not there, hours that overlap, a checklist or published form that does
 * not parse. Every problem is reported by its dotted path (`services.2.followUp.after`), so
 * `npm run clinic -- import` and the settings routes say exactly what to fix.
 */
import { isDeepStrictEqual } from 'node:util';
import { ClinicConfiguration, minuteOfDay, type ConfiguredForm } from '../src/api/clinic-config.js';
import { parseChecklistDefinition } from '../src/checklist/parse.js';
import { contrastFailures } from '../src/theme/theme-tokens.js';
import { checkWith } from './routes/validation.js';
import { servedForm } from './stores/code-forms.js';
import { isRefusal } from './stores/refusal.js';
import type { Stores } from './stores/types.js';

export type ConfigurationCheck = { ok: true; configuration: ClinicConfiguration } | { ok: false; problems: Record<string, string> };

export function checkConfiguration(input: unknown): ConfigurationCheck {
  const checked = checkWith(ClinicConfiguration, input);
  if (!checked.ok) return checked;
  const problems = configurationProblems(checked.data);
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, configuration: checked.data };
}

/** What the schemas cannot see, by path; empty when there is nothing. */
export function configurationProblems(config: ClinicConfiguration): Record<string, string> {
  const problems: Record<string, string> = Object.create(null);
  const problem = (path: string, message: string) => void (problems[path] ??= message);

  const serviceIds = new Set<string>();
  config.services.forEach((service, i) => {
    if (serviceIds.has(service.id)) problem(`services.${i}.id`, 'Another service has this id.');
    serviceIds.add(service.id);
  });
  config.services.forEach((service, i) => {
    const followUp = service.followUp;
    if (!followUp) return;
    if (followUp.after === service.id || !serviceIds.has(followUp.after)) {
      problem(`services.${i}.followUp.after`, 'Name another service of this clinic.');
    }
    if (followUp.maxHoursAfterEnd <= followUp.minHoursAfterEnd) problem(`services.${i}.followUp.maxHoursAfterEnd`, 'Must be more than minHoursAfterEnd.');
  });

  config.openingHours.forEach((range, i) => {
    const opens = minuteOfDay(range.opens);
    const closes = minuteOfDay(range.closes);
    if (opens >= closes) return problem(`openingHours.${i}.closes`, 'Must be after the opening time.');
    const clash = config.openingHours.findIndex(
      (other, j) => j !== i && other.weekday === range.weekday && minuteOfDay(other.opens) < closes && opens < minuteOfDay(other.closes),
    );
    if (clash !== -1) problem(`openingHours.${i}`, `Overlaps openingHours.${clash} on the same weekday.`);
  });

  config.closures.forEach((closure, i) => {
    if ((closure.from === undefined) !== (closure.to === undefined)) return problem(`closures.${i}`, 'Give both from and to, or neither for the whole day.');
    if (closure.from !== undefined && minuteOfDay(closure.from) >= minuteOfDay(closure.to!)) problem(`closures.${i}.to`, 'Must be after from.');
  });

  for (const [serviceId, template] of Object.entries(config.checklists)) {
    if (!serviceIds.has(serviceId)) problem(`checklists.${serviceId}`, 'There is no such service in this configuration.');
    const parsed = parseChecklistDefinition(template);
    if (!parsed.ok) problem(`checklists.${serviceId}`, parsed.problems.join('; '));
  }

  const formIds = new Set<string>();
  config.forms.forEach((form, i) => {
    if (formIds.has(form.id)) problem(`forms.${i}.id`, 'Another form has this id.');
    formIds.add(form.id);
    const labels = new Set<string>();
    form.versions.forEach((version, j) => {
      const path = `forms.${i}.versions.${j}`;
      if (labels.has(version.version)) problem(`${path}.version`, 'Another version of this form has this label.');
      labels.add(version.version);
      const { id, version: label } = version.definition;
      if (id !== form.id) problem(`${path}.definition.id`, `Must be the form's id, "${form.id}".`);
      if (label !== undefined && label !== version.version) problem(`${path}.definition.version`, `Must be the version's label, "${version.version}".`);
      try {
        servedForm(version.definition);
      } catch (error) {
        problem(`${path}.definition`, (error as Error).message);
      }
    });
  });

  // A published theme is one that passed the contrast checks: an import cannot bring in another.
  const published = config.theme?.published;
  const failures = published ? contrastFailures(published.theme) : [];
  if (failures.length > 0) problem('theme.published.theme', failures.join(' '));
  return problems;
}

/**
 * Checks `input` as a whole configuration and, when it has no problem, makes it the clinic's in
 * one transaction (`updateConfiguration`): all of it, or on any problem nothing. A published form
 * version that the input changes is a problem at its path; the store refuses one that changes meanwhile.
 */
export async function importConfiguration(stores: Stores, input: unknown): Promise<ConfigurationCheck> {
  const checked = checkConfiguration(input);
  if (!checked.ok) return checked;
  const { format: _format, ...parts } = checked.configuration;
  const conflicts = publishedVersionConflicts((await stores.clinic.configuration()).forms, parts.forms);
  if (Object.keys(conflicts).length > 0) return { ok: false, problems: conflicts };
  try {
    await stores.clinic.updateConfiguration(parts);
  } catch (error) {
    if (isRefusal(error, 'form_version_conflict')) return { ok: false, problems: { forms: PUBLISHED_VERSION_CHANGED } };
    throw error;
  }
  return checked;
}

const PUBLISHED_VERSION_CHANGED =
  'This version is published already, with another definition: published versions never change. Give the changed form a new version.';

/** Versions in `forms` that are published in `stored` with another definition, by path. */
export function publishedVersionConflicts(stored: readonly ConfiguredForm[], forms: readonly ConfiguredForm[]): Record<string, string> {
  const problems: Record<string, string> = {};
  forms.forEach((form, i) => {
    const published = stored.find((candidate) => candidate.id === form.id)?.versions;
    form.versions.forEach((version, j) => {
      const same = published?.find((candidate) => candidate.version === version.version);
      if (same && !isDeepStrictEqual(same.definition, version.definition)) problems[`forms.${i}.versions.${j}.definition`] = PUBLISHED_VERSION_CHANGED;
    });
  });
  return problems;
}
