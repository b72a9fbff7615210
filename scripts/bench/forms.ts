/**
 * The forms the bench renders, as definitions (for `<kap-intake>` and, converted, SurveyJS) and
 * resolved by `parseFormDefinition()` (for the plain-DOM floor, so it shows the same questions):
 *
 * - `phq-gad`: PHQ-9 then GAD-7, the built-in instruments; page 1 (the PHQ-9) is shown.
 * - `page30`: 30 items of a medical history on one page.
 * - `single`: 300 items on one page; `paged`: the same 300 items on 30 pages of 10.
 */
import { parseFormDefinition } from '../../src/forms/check-form.js';
import type { ResolvedPage } from '../../src/forms/definition.js';

/** What the update runs answer: choice questions (clicked) and single-line text fields (typed into). */
export interface IntakeTargets {
  radios: string[];
  texts: string[];
}

/**
 * `count` items in blocks of ten, the mix of a long medical history: single choice (one with an
 * option hint, one scored), yes/no with a follow-up shown unless the answer is "no", short and long
 * text, a number with a unit, multiple choice with "None of these", a date, an optional question.
 * Every item is visible before anything is answered.
 */
export function intakeItems(count: number): { items: Record<string, unknown>[]; targets: IntakeTargets } {
  const items: Record<string, unknown>[] = [];
  const targets: IntakeTargets = { radios: [], texts: [] };
  for (let i = 0; items.length < count; i++) {
    const block = Math.floor(i / 10) + 1;
    const id = `q${i + 1}`;
    const label = (text: string) => `${block}.${(i % 10) + 1} ${text}`;
    switch (i % 10) {
      case 0:
        targets.radios.push(id);
        items.push({
          type: 'choice',
          id,
          label: label('How often do you have this symptom?'),
          options: [
            { value: 'never', label: 'Never' },
            { value: 'monthly', label: 'About once a month' },
            { value: 'weekly', label: 'About once a week', help: 'Including weekends' },
            { value: 'daily', label: 'Most days' },
          ],
        });
        break;
      case 1:
        items.push({ type: 'yesno', id, label: label('Have you ever been treated for this?'), review: { when: { equals: 'yes' }, flag: 'history' } });
        break;
      case 2:
        items.push({
          type: 'textarea',
          id,
          label: label('Tell us about the treatment'),
          required: false,
          maxLength: 2000,
          when: {
            any: [
              { item: `q${i}`, answered: false },
              { item: `q${i}`, equals: 'yes' },
            ],
          },
        });
        break;
      case 3:
        targets.texts.push(id);
        items.push({ type: 'text', id, label: label('Name of the medicine, if any'), required: false, help: 'As written on the packet' });
        break;
      case 4:
        items.push({ type: 'number', id, label: label('Dose'), unit: 'mg', min: 0, max: 5000 });
        break;
      case 5:
        items.push({
          type: 'multi',
          id,
          label: label('Which of these apply?'),
          options: [
            { value: 'headaches', label: 'Headaches' },
            { value: 'dizziness', label: 'Dizziness' },
            { value: 'nausea', label: 'Nausea' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        });
        break;
      case 6:
        targets.radios.push(id);
        items.push({
          type: 'choice',
          id,
          label: label('How much does it bother you?'),
          options: ['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely'].map((text, score) => ({
            value: `s${score}`,
            label: text,
            score,
          })),
        });
        break;
      case 7:
        items.push({ type: 'date', id, label: label('When did it start?'), max: 'today', required: false });
        break;
      case 8:
        targets.texts.push(id);
        items.push({ type: 'text', id, label: label('Who treated you?'), required: false });
        break;
      default:
        items.push({ type: 'yesno', id, label: label('Is it getting worse?') });
    }
  }
  return { items, targets };
}

export interface BenchForm {
  title: string;
  definition: Record<string, unknown>;
  targets: IntakeTargets;
  /** The pages as resolved (the floor renders the first, SurveyJS gets them all), and the form's intro. */
  pages: ResolvedPage[];
  firstPage: ResolvedPage;
  intro: string | undefined;
}

function resolved(definition: Record<string, unknown>): Pick<BenchForm, 'pages' | 'firstPage' | 'intro'> {
  const parsed = parseFormDefinition(definition, { lang: 'en' });
  if (!parsed.ok) throw new Error(`bench form ${String(definition['id'])}: ${parsed.problems.join('; ')}`);
  return { pages: parsed.form.pages, firstPage: parsed.form.pages[0]!, intro: parsed.form.intro };
}

function itemsForm(title: string, count: number, pages: number): BenchForm {
  const { items, targets } = intakeItems(count);
  const size = count / pages;
  const definition = {
    id: `bench-${count}-${pages}`,
    title: 'Medical history',
    intro: 'Please answer **every** question you can.',
    pages: Array.from({ length: pages }, (_, page) => ({
      id: `page-${page + 1}`,
      title: `Medical history, part ${page + 1}`,
      items: items.slice(page * size, (page + 1) * size),
    })),
  };
  // The update runs answer questions on the page shown (the first).
  const shown = new Set(definition.pages[0]!.items.map((item) => item['id']));
  return {
    title,
    definition,
    targets: { radios: targets.radios.filter((id) => shown.has(id)), texts: targets.texts.filter((id) => shown.has(id)) },
    ...resolved(definition),
  };
}

function instrumentsForm(): BenchForm {
  const definition = { id: 'bench-phq-gad', title: 'Screening', pages: [{ instrument: 'phq-9' }, { instrument: 'gad-7' }] };
  const first = resolved(definition);
  const rows = first.firstPage.items.flatMap((item) => (item.type === 'scale' ? item.rows.map((row) => row.id) : []));
  return { title: 'PHQ-9 + GAD-7, the PHQ-9 page shown', definition, targets: { radios: rows, texts: [] }, ...first };
}

export const FORMS = {
  'phq-gad': instrumentsForm(),
  page30: itemsForm('30 items on one page', 30, 1),
  single: itemsForm('300 items on one page', 300, 1),
  paged: itemsForm('300 items on 30 pages, first page shown', 300, 30),
} satisfies Record<string, BenchForm>;

export type FormName = keyof typeof FORMS;
