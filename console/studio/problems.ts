/**
 * The problems the server's authoring checks find in a draft (`parseFormDefinition`, the
 * "check-form" module, imported lazily), placed at the page or question they are about and said
 * in plain words in the console's language. A message the studio has no plain words for is shown
 * as the check words it (in English, marked so).
 */
import type { ConsoleKey, Translate } from '../i18n/index.js';

export interface Problem {
  /** `form`, `crisis`, `p<page>` or `p<page>.i<item>`: where the studio shows it. */
  place: string;
  /** Plain words, in the console's language; `undefined` when only the check's own (English) words say it. */
  plain: string | undefined;
  /** The check's own words, without the place. */
  detail: string;
}

const PLAIN: [RegExp, ConsoleKey][] = [
  [/options\[\d+\][^:]*: "label" (is required|must not be empty)/, 'problemOptionLabel'],
  [/rows\[\d+\][^:]*: "label" (is required|must not be empty)/, 'problemRowLabel'],
  [/^"label" (is required|must not be empty)/, 'problemLabel'],
  [/^"title" (is required|must not be empty)/, 'problemTitle'],
  [/^"name" (is required|must not be empty)/, 'problemResourceName'],
  [/must be a phone number/, 'problemResourcePhone'],
  [/must be (an|a valid) https:\/\/ address/, 'problemResourceUrl'],
  [/^"text" (is required|must not be empty)/, 'problemText'],
  [/condition refers to .*(not an earlier item|itself)/, 'problemConditionOrder'],
  [/needs a number|needs a date like/, 'problemConditionValue'],
  [/"anyOf" must have at least/, 'problemConditionValue'],
  [/is already used/, 'problemDuplicateId'],
  [/is already inserted/, 'problemBlockTwice'],
  [/minLength \(\d+\) is more than maxLength|min \(.*\) is (more than|after) max/, 'problemLimits'],
  [/pattern needs a patternMessage/, 'problemPatternMessage'],
  [/is not a valid regular expression/, 'problemPattern'],
  [/patternMessage is set but there is no pattern/, 'problemPatternMessageAlone'],
  [/option value ".*" is used twice/, 'problemOptionTwice'],
  [/scale options need a score/, 'problemScaleScore'],
  [/has no ".*" text; a text given per language must include/, 'problemBaseLanguage'],
  [/"pages" must have at least 1/, 'problemNoPages'],
  [/"items" must have at least 1/, 'problemNoItems'],
  [/"options" must have at least 2/, 'problemTwoOptions'],
  [/safety: true on a choice needs options scored/, 'problemSafetyScores'],
  [/allows answers of up to .* more than this server accepts/, 'problemTooLarge'],
];

const PLACE = /^pages\[(\d+)\](?: \("[^"]*"\))?(?:\.items\[(\d+)\](?: \("[^"]*"\))?)?/;

/** The studio's place for one of the check's messages, with its plain words when it has some. */
export function placeProblem(t: Translate, message: string): Problem {
  const split = message.indexOf(': ');
  const where = split === -1 ? '' : message.slice(0, split);
  const detail = split === -1 ? message : message.slice(split + 2);
  const match = PLACE.exec(where);
  const place = match ? (match[2] !== undefined ? `p${match[1]}.i${match[2]}` : `p${match[1]}`) : where.startsWith('crisis') ? 'crisis' : 'form';
  // What follows the item's own place (an option, a row) helps to say which part.
  const rest = match ? `${where.slice(match[0].length).replace(/^\./, '')}${where.length > match[0].length ? ': ' : ''}${detail}` : detail;
  const plain = PLAIN.find(([pattern]) => pattern.test(rest))?.[1];
  return { place, plain: plain ? t(plain) : undefined, detail: rest };
}

type Check = (json: unknown) => string[];
let check: Promise<Check> | undefined;

/**
 * The server's checks of a form it is to publish (`servedForm`): the authoring checks
 * (`parseFormDefinition`), then whether its longest answers fit the server's body limit. Loaded
 * once, when the first draft is checked.
 */
export function loadCheck(): Promise<Check> {
  check ??= Promise.all([import('../../src/forms/check-form.js'), import('../../src/forms/submission-size.js')]).then(
    ([{ parseFormDefinition }, { answersTooLarge }]) =>
      (json: unknown) => {
        const result = parseFormDefinition(json);
        if (!result.ok) return result.problems;
        const tooLarge = answersTooLarge(result.form);
        return tooLarge ? [`form: ${tooLarge}`] : [];
      },
  );
  return check;
}

/** The checks' messages about `draft` (the form as the server would publish it); none when it is ready. */
export async function draftProblems(draft: Record<string, unknown>): Promise<string[]> {
  return (await loadCheck())(draft);
}
