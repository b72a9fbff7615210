import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KAP_DEFAULT_CHECKLIST, KAP_DEFAULT_CHECKLIST_NOTICE, parseChecklistDefinition, type ChecklistDefinitionInput } from '../../src/checklist/index.js';
import { pickText, type LocalText } from '../../src/i18n/local-text.js';

function problemsOf(json: unknown): string[] {
  const result = parseChecklistDefinition(json);
  assert.equal(result.ok, false, 'expected the definition to be refused');
  return result.ok ? [] : result.problems;
}

describe('parseChecklistDefinition', () => {
  test('accepts a minimal definition; required defaults to true; text is trimmed', () => {
    const result = parseChecklistDefinition({
      items: [
        { id: 'stop-eating', text: ' Stop eating ', group: 'On the day', dueOffsetMinutes: -240 },
        { id: 'clothes', text: 'Wear comfortable clothes', group: 'On the day', required: false },
      ],
    });
    assert.ok(result.ok);
    assert.deepEqual(result.checklist, {
      items: [
        { id: 'stop-eating', text: 'Stop eating', group: 'On the day', dueOffsetMinutes: -240, required: true },
        { id: 'clothes', text: 'Wear comfortable clothes', group: 'On the day', required: false },
      ],
    });
  });

  test('keeps id, title, details and $comment; drops $schema', () => {
    const result = parseChecklistDefinition({
      $schema: 'https://example.com/checklist.schema.json',
      $comment: 'for staff',
      id: 'prep',
      title: 'Getting ready',
      items: [{ id: 'a', text: 'A', details: 'See [our page](/prep) or call [us](tel:+15550100).', group: 'G' }],
    });
    assert.ok(result.ok);
    assert.equal(result.checklist.id, 'prep');
    assert.equal(result.checklist.title, 'Getting ready');
    assert.equal(result.checklist.$comment, 'for staff');
    assert.ok(!('$schema' in result.checklist));
    assert.equal(result.checklist.items[0]!.details, 'See [our page](/prep) or call [us](tel:+15550100).');
  });

  test('duplicate ids name both places', () => {
    const problems = problemsOf({
      items: [
        { id: 'a', text: 'A', group: 'G' },
        { id: 'b', text: 'B', group: 'G' },
        { id: 'a', text: 'A again', group: 'G' },
      ],
    });
    assert.deepEqual(problems, ['items[2] ("a"): id "a" is already used by items[0]; each item needs its own id']);
  });

  test('each bad property is reported once, by item and property, in words', () => {
    const problems = problemsOf({
      items: [
        { id: 'stop eating', text: 'Stop eating', group: 'On the day' },
        { id: 'b', text: '   ', group: 'G', dueOffsetMinutes: -1.5 },
        { id: 'c', group: 'G', required: 'yes', dueOffset: -60 },
        { id: 'd', text: 'D', group: 'G', dueOffsetMinutes: -1_000_000 },
        'not an item',
      ],
    });
    assert.deepEqual(problems, [
      'items[0] ("stop eating").id: must be 1 to 100 letters, digits, "-" or "_", starting with a letter or digit (like "stop-eating")',
      'items[1] ("b").text: must not be empty',
      'items[1] ("b").dueOffsetMinutes: must be a whole number of minutes, like -240 for 4 hours before the session',
      'items[2] ("c").text: is required',
      'items[2] ("c").required: must be true or false',
      'items[2] ("c"): unknown property "dueOffset" (known: id, text, details, group, dueOffsetMinutes, required)',
      'items[3] ("d").dueOffsetMinutes: must be at most 527040 minutes (a year) before the session',
      'items[4]: must be an object with "id", "text" and "group"',
    ]);
  });

  test('the whole definition: not an object, no items, empty items, unknown keys', () => {
    assert.deepEqual(problemsOf(null), ['checklist: must be an object with an "items" list']);
    assert.deepEqual(problemsOf([]), ['checklist: must be an object with an "items" list']);
    assert.deepEqual(problemsOf({ title: 'x' }), ['items: is required: a list of checklist items']);
    assert.deepEqual(problemsOf({ items: {} }), ['items: must be a list of checklist items']);
    assert.deepEqual(problemsOf({ items: [] }), ['items: must list at least one item']);
    assert.deepEqual(problemsOf({ items: [{ id: 'a', text: 'A', group: 'G' }], tittle: 'x' }), [
      'checklist: unknown property "tittle" (known: $schema, $comment, id, lang, title, items)',
    ]);
  });

  test('links in details must be https:, tel:, mailto: or relative', () => {
    const problems = problemsOf({
      items: [
        {
          id: 'a',
          text: 'A',
          group: 'G',
          details: '[ok](https://x.example) [bad](javascript:alert(1)) [http](http://x.example) [proto](//evil.example)',
        },
      ],
    });
    assert.deepEqual(problems, [
      'items[0] ("a").details: the link to "javascript:alert(1)" is not allowed; links may go to https:, tel: or mailto: addresses or to a page on this site',
      'items[0] ("a").details: the link to "http://x.example" is not allowed; links may go to https:, tel: or mailto: addresses or to a page on this site',
      'items[0] ("a").details: the link to "//evil.example" is not allowed; links may go to https:, tel: or mailto: addresses or to a page on this site',
    ]);
  });

  test('at most 100 items', () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ id: `i${i}`, text: 'x', group: 'G' }));
    assert.deepEqual(problemsOf({ items }), ['items: must list at most 100 items']);
    assert.ok(parseChecklistDefinition({ items: items.slice(1) }).ok);
  });
});

describe('the KAP default checklist', () => {
  const parsed = parseChecklistDefinition(KAP_DEFAULT_CHECKLIST);

  test('is a valid definition', () => {
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
  });

  test('is marked, in its data, as an example to adapt with the prescriber, not medical advice', () => {
    assert.match(KAP_DEFAULT_CHECKLIST.id ?? '', /example/);
    assert.equal(KAP_DEFAULT_CHECKLIST.$comment, KAP_DEFAULT_CHECKLIST_NOTICE);
    assert.match(KAP_DEFAULT_CHECKLIST_NOTICE, /EXAMPLE/);
    assert.match(KAP_DEFAULT_CHECKLIST_NOTICE, /not medical advice/i);
    assert.match(KAP_DEFAULT_CHECKLIST_NOTICE, /prescriber/);
  });

  test('covers the four groups in journey order, with the key timed items', () => {
    assert.ok(parsed.ok);
    const english = (text: LocalText | undefined) => (text === undefined ? '' : pickText(text, 'en', 'en').text);
    const items = parsed.checklist.items.map((item) => ({ ...item, group: english(item.group), details: english(item.details) }));
    assert.deepEqual([...new Set(items.map((item) => item.group))], ['The week before', 'The day before', 'On the day', 'After your session']);
    const offset = (id: string) => items.find((item) => item.id === id)?.dueOffsetMinutes;
    assert.equal(offset('stop-eating'), -240);
    assert.equal(offset('clear-liquids-only'), -120);
    assert.equal(offset('no-alcohol-or-cannabis'), -1440);
    assert.equal(offset('no-driving'), 1440);
    assert.ok(items.find((item) => item.id === 'arrange-ride-home')?.required);
    const medication = items.find((item) => item.id === 'ask-about-medications')!;
    assert.match(medication.details ?? '', /benzodiazepines/);
    assert.match(medication.details ?? '', /lamotrigine/);
    assert.match(medication.details ?? '', /Never stop or change a medicine on your own/);
    assert.ok(
      items.some((item) => !item.required),
      'some items are optional',
    );
  });

  test('a clinic adapts it by editing the JSON: a copy with a changed fasting time is still valid', () => {
    const copy: ChecklistDefinitionInput = structuredClone(KAP_DEFAULT_CHECKLIST);
    copy.items = copy.items.map((item) => (item.id === 'stop-eating' ? { ...item, dueOffsetMinutes: -360 } : item));
    const result = parseChecklistDefinition(copy);
    assert.ok(result.ok);
    assert.equal(result.checklist.items.find((item) => item.id === 'stop-eating')?.dueOffsetMinutes, -360);
  });
});
