/**
 * A checklist given on the page instead of by a backend, for a static site: a child
 * `<script type="application/json">` with `{"checklist": {…definition…}, "sessionStart": "…"}`.
 * Ticks then live in memory only — nothing is written to storage.
 */
import { loadMarkdown, markdownAtHand } from '../../base/markdown-template.js';
import type { ConfigurationProblem } from '../../base/configuration-report.js';
import type { ChecklistDefinition } from '../../checklist/definition.js';
import { parseChecklistDefinition } from '../../checklist/parse.js';
import { itemTexts } from '../../checklist/item-texts.js';
import { invalidDefinition } from '../../text/definition-problems.js';
import type { ChecklistEntry } from './controllers/checklist-sync.js';

/** How long the session is taken to last when the page gives no `sessionEnd`: an administration session's two hours. */
export const DEFAULT_SESSION_MINUTES = 120;

export interface StaticChecklist {
  checklist: ChecklistDefinition;
  sessionStart: string;
  sessionEnd: string;
}

export type StaticChecklistResult =
  /** The settings carry no checklist: the element talks to the backend. */
  | { kind: 'none' }
  | { kind: 'ok'; value: StaticChecklist }
  /** Each problem is a sentence for the site's developer. */
  | { kind: 'invalid'; problems: string[] };

/** The contract's check of an ISO instant, given by the element, whose file already holds it (imported here, it would split the drop-in file). */
type IsInstant = (value: string) => boolean;

function instantProblem(name: string, value: unknown, isInstant: IsInstant): string | undefined {
  if (value === undefined) return `"${name}" is required: the session's start as an ISO 8601 instant, like "2026-03-05T15:00:00Z"`;
  if (typeof value !== 'string' || !isInstant(value)) {
    return `"${name}" must be an ISO 8601 instant in UTC, like "2026-03-05T15:00:00Z"`;
  }
  return undefined;
}

export function readStaticChecklist(settings: Record<string, unknown>, isInstant: IsInstant): StaticChecklistResult {
  if (!Object.hasOwn(settings, 'checklist')) return { kind: 'none' };
  const problems: string[] = [];
  const parsed = parseChecklistDefinition(settings['checklist']);
  if (!parsed.ok) problems.push(...parsed.problems);
  const startProblem = instantProblem('sessionStart', settings['sessionStart'], isInstant);
  if (startProblem) problems.push(startProblem);
  const rawEnd = settings['sessionEnd'];
  if (rawEnd !== undefined) {
    const endProblem = instantProblem('sessionEnd', rawEnd, isInstant);
    if (endProblem) problems.push(endProblem);
    else if (!startProblem && Date.parse(rawEnd as string) <= Date.parse(settings['sessionStart'] as string)) {
      problems.push('"sessionEnd" must be after "sessionStart"');
    }
  }
  if (problems.length || !parsed.ok) return { kind: 'invalid', problems };
  const sessionStart = settings['sessionStart'] as string;
  const sessionEnd = (rawEnd as string | undefined) ?? new Date(Date.parse(sessionStart) + DEFAULT_SESSION_MINUTES * 60_000).toISOString();
  return { kind: 'ok', value: { checklist: parsed.checklist, sessionStart, sessionEnd } };
}

/** The items as the backend would send them: texts in the checklist's `lang`, the others in `translations`. */
export function entriesOf(checklist: ChecklistDefinition): ChecklistEntry[] {
  return checklist.items.map((item) => ({
    id: item.id,
    ...itemTexts(item, checklist.lang ?? 'en'),
    ...(item.dueOffsetMinutes === undefined ? {} : { dueOffsetMinutes: item.dueOffsetMinutes }),
    required: item.required,
    done: false,
  }));
}

/**
 * The page's checklist, ready to show: read and checked, its items as entries, and the markdown
 * parser loaded if its texts need it (rejects when that cannot be fetched); or, for one these
 * checks refuse, the problem worded for the website team (here, so the element's own file carries
 * none of it).
 */
export async function staticChecklist(
  settings: Record<string, unknown>,
  isInstant: IsInstant,
): Promise<{ kind: 'ok'; value: StaticChecklist; entries: ChecklistEntry[] } | { kind: 'invalid'; problems: string[]; problem: ConfigurationProblem }> {
  const read = readStaticChecklist(settings, isInstant);
  if (read.kind === 'ok') {
    if (!markdownAtHand(read.value.checklist)) await loadMarkdown();
    return { ...read, entries: entriesOf(read.value.checklist) };
  }
  const problems = read.kind === 'invalid' ? read.problems : [];
  return { kind: 'invalid', problems, problem: invalidDefinition('checklist', problems) };
}
