/**
 * SurveyJS, the peer for forms: survey-core + survey-js-ui (devDependencies), their browser builds
 * served from node_modules, on the same forms converted to SurveyJS JSON (from the resolved pages,
 * so the instruments' rows are there), rendered and answered the way the bench does ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORMS, type BenchForm } from './forms.js';

/** SurveyJS's own browser builds from node_modules (devDependencies only), served from this origin. */
const root = resolve(import.meta.dirname, '..', '..');
const surveyDir = (pkg: string) => join(root, 'node_modules', pkg);
export const SURVEY_FILES = {
  '/survey/survey.core.min.js': join(surveyDir('survey-core'), 'survey.core.min.js'),
  '/survey/survey-js-ui.min.js': join(surveyDir('survey-js-ui'), 'survey-js-ui.min.js'),
  '/survey/survey-core.min.css': join(surveyDir('survey-core'), 'survey-core.min.css'),
} as const;
export const SURVEY_VERSION = existsSync(join(surveyDir('survey-js-ui'), 'package.json'))
  ? (JSON.parse(readFileSync(join(surveyDir('survey-js-ui'), 'package.json'), 'utf8')) as { version: string }).version
  : undefined;

type Condition = { item: string; answered?: boolean; equals?: unknown } | { any: Condition[] } | { all: Condition[] };

/** Our `when` as a SurveyJS `visibleIf` expression (the forms the generated intake uses). */
function surveyExpression(condition: Condition): string {
  if ('any' in condition) return condition.any.map((part) => `(${surveyExpression(part)})`).join(' or ');
  if ('all' in condition) return condition.all.map((part) => `(${surveyExpression(part)})`).join(' and ');
  if (condition.answered !== undefined) return `{${condition.item}} ${condition.answered ? 'notempty' : 'empty'}`;
  if (typeof condition.equals === 'string') return `{${condition.item}} = '${condition.equals}'`;
  throw new Error(`no SurveyJS expression for ${JSON.stringify(condition)}`);
}

type Option = { value: string; label: string; help?: string; exclusive?: boolean };

/**
 * The same item as a SurveyJS question. choice → radiogroup (an option's hint joins its text: SurveyJS
 * has no per-option hint); yesno → boolean shown as two radios with the values "yes"/"no", as ours;
 * textarea → comment; text → text; number → text with inputType "number", the unit in the title;
 * multi → checkbox, the exclusive option as SurveyJS's "None" item; date → multipletext with three
 * fields, day / month / year, as our three fields. `when` → `visibleIf`; required unless
 * `required: false`, as ours. Review flags and the date's `max` are not rendered, so not carried over.
 */
function surveyQuestion(item: Record<string, unknown>): Record<string, unknown> | Record<string, unknown>[] {
  const common = {
    name: item['id'],
    title: item['label'],
    isRequired: item['required'] !== false,
    ...(item['help'] ? { description: item['help'] } : {}),
    ...(item['when'] ? { visibleIf: surveyExpression(item['when'] as Condition) } : {}),
  };
  const options = (item['options'] as Option[] | undefined) ?? [];
  const choices = (list: Option[]) => list.map((option) => ({ value: option.value, text: option.help ? `${option.label} (${option.help})` : option.label }));
  switch (item['type']) {
    case 'choice':
      return { type: 'radiogroup', ...common, choices: choices(options) };
    case 'yesno':
      return { type: 'boolean', ...common, renderAs: 'radio', valueTrue: 'yes', valueFalse: 'no', labelTrue: 'Yes', labelFalse: 'No' };
    case 'textarea':
      return { type: 'comment', ...common, ...(item['maxLength'] ? { maxLength: item['maxLength'] } : {}) };
    case 'text':
      return { type: 'text', ...common };
    case 'number':
      return { type: 'text', ...common, title: `${String(item['label'])} (${String(item['unit'])})`, inputType: 'number', min: item['min'], max: item['max'] };
    case 'multi': {
      const none = options.find((option) => option.exclusive);
      return {
        type: 'checkbox',
        ...common,
        choices: choices(options.filter((option) => !option.exclusive)),
        ...(none ? { showNoneItem: true, noneText: none.label } : {}),
      };
    }
    case 'scale': {
      // Each row its own radio group, titled with its number, as ours shows it.
      const rows = item['rows'] as { id: string; number: number; label: string }[];
      return rows.map((row) => ({ type: 'radiogroup', name: row.id, title: `${row.number}. ${row.label}`, isRequired: true, choices: choices(options) }));
    }
    case 'display':
      return { type: 'html', name: item['id'], html: String(item['text']) };
    case 'date':
      return { type: 'multipletext', ...common, colCount: 3, items: ['Day', 'Month', 'Year'].map((title) => ({ name: title.toLowerCase(), title })) };
    default:
      throw new Error(`no SurveyJS question for item type ${String(item['type'])}`);
  }
}

/** The generated definition as SurveyJS JSON: the same pages, questions, titles and conditions. */
export function surveyDefinition(form: BenchForm): { pages: { elements: unknown[] }[] } & Record<string, unknown> {
  const pages = form.pages as unknown as { id: string; title: string; items: Record<string, unknown>[] }[];
  return {
    title: form.definition['title'],
    ...(form.intro ? { description: form.intro.replace(/\*\*/g, '') } : {}),
    // Our labels carry their own numbers ("1.1 ..."); answers update the model on input, as ours.
    showQuestionNumbers: 'off',
    textUpdateMode: 'onTyping',
    pages: pages.map((page) => ({ name: page.id, title: page.title, elements: page.items.flatMap(surveyQuestion) })),
  };
}

export const SURVEY_PAGE = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>SurveyJS benchmark</title>
<link rel="stylesheet" href="/survey/survey-core.min.css">
<script src="/survey/survey.core.min.js"></script>
<script src="/survey/survey-js-ui.min.js"></script>
</head>
<body>
<main id="stage"></main>
<script>
  const definitions = ${JSON.stringify(Object.fromEntries(Object.entries(FORMS).map(([name, form]) => [name, JSON.stringify(surveyDefinition(form))]))).replace(/</g, '\\u003c')};
  const paint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const nodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  };
  let current;

  /**
   * Renders one survey with the named definition, as SurveyJS's vanilla-JS guide does:
   * new Survey.Model(json), model.render(container). Timed from parsing the JSON text (as ours reads
   * its child script) until every question of the first page is in the DOM, and to the next painted
   * frame. The survey rendered before is unmounted and disposed first, outside the timing.
   */
  window.renderSurvey = (name, expected) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    if (current) {
      SurveyUI.unmountComponentAtNode(current.host);
      current.model.dispose();
    }
    stage.replaceChildren();
    const host = document.createElement('div');
    stage.append(host);
    const questions = () => host.querySelectorAll('[data-name]').length;
    const timeout = setTimeout(() => fail(new Error('after 10 s, ' + questions() + ' of ' + expected + ' questions shown')), 10_000);
    const observer = new MutationObserver(() => check());
    observer.observe(host, { childList: true, subtree: true });
    let inDom;
    const check = () => {
      if (inDom !== undefined || questions() < expected) return;
      inDom = performance.now() - started;
      observer.disconnect();
      paint().then(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, questions(), nodes(host)]);
      });
    };
    const started = performance.now();
    const model = new Survey.Model(JSON.parse(definitions[name]));
    model.render(host);
    current = { host, model };
    check();
  });

  /**
   * Answers one question as answerIntake does ours (a radio clicked, a character typed). SurveyJS has
   * no updateComplete: "updated" is the later of the event's handlers returning and the last DOM
   * change that follows before the next painted frame (its view updates in microtasks after the
   * model changes), and the answer must then be in the model (and a clicked option shown checked).
   */
  window.answerSurvey = async (kind, id, run) => {
    const { host, model } = current;
    const question = host.querySelector('[data-name="' + id + '"]');
    await paint();
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(host, { childList: true, subtree: true, attributes: true, characterData: true });
    let started;
    let expected;
    let radio;
    if (kind === 'radio') {
      const radios = [...question.querySelectorAll('input[type="radio"]')];
      radio = radios[(run + 1) % radios.length];
      if (radio.checked) radio = radios[(run + 2) % radios.length];
      expected = radio.value;
      started = performance.now();
      radio.click();
    } else {
      const input = question.querySelector('input');
      expected = input.value + String.fromCharCode(97 + (run % 26));
      started = performance.now();
      input.value = expected;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: expected.at(-1) }));
    }
    const handled = performance.now();
    await paint();
    const painted = performance.now() - started;
    observer.disconnect();
    if (model.getValue(id) !== expected) throw new Error('the answer to ' + id + ' did not reach the SurveyJS model');
    if (radio && !(radio.checked && radio.closest('.sd-item').className.includes('--checked'))) throw new Error('the option clicked in ' + id + ' is not shown checked');
    return [Math.max(handled, last) - started, painted];
  };
</script>
</body>
</html>`;
