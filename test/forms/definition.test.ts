/**
 * Form definitions: what a valid one resolves to, the precise problem messages for broken ones
 * (schema problems and cross-item rules), and the published JSON Schema.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseFormDefinition, type FormDefinition, type ResolvedForm } from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { formDefinitionJsonSchema } from '../../src/forms/json-schema.js';

/** A one-page form around the given items. */
const formWith = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'test',
  title: 'Test',
  pages: [{ id: 'p', title: 'Page', items }],
  ...extra,
});

function problemsOf(json: unknown): string[] {
  const result = parseFormDefinition(json);
  assert.equal(result.ok, false, 'expected the definition to be rejected');
  return result.ok ? [] : result.problems;
}

function resolve(json: unknown): ResolvedForm {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.form;
}

describe('parseFormDefinition: valid definitions', () => {
  it('resolves the demo intake: contact, medical screening, PHQ-9, GAD-7, PCL-5, consent', () => {
    const form = resolve(DEMO_INTAKE_FORM);
    assert.deepEqual(
      form.pages.map((p) => [p.id, p.instrument ?? p.include ?? null]),
      [
        ['contact', null],
        ['medical-screening', 'kap-medical-screening'],
        ['phq-9', 'phq-9'],
        ['gad-7', 'gad-7'],
        ['pcl-5', 'pcl-5'],
        ['consent', null],
      ],
    );
    assert.equal(form.id, 'demo-intake');
    assert.equal('$schema' in form, false);
  });

  it('accepts the example in src/forms/README.md', () => {
    const readme = readFileSync(new URL('../../src/forms/README.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(readme)![1]!;
    const form = resolve(JSON.parse(example));
    assert.deepEqual(
      form.pages.map((p) => p.id),
      ['about', 'medical-screening', 'phq-9', 'gad-7', 'consent'],
    );
  });

  it('applies defaults: items are required unless they say otherwise', () => {
    const form = resolve(
      formWith([
        { type: 'text', id: 'a', label: 'A' },
        { type: 'text', id: 'b', label: 'B', required: false },
      ]),
    );
    const [a, b] = form.pages[0]!.items;
    assert.equal(a!.type === 'text' && a.required, true);
    assert.equal(b!.type === 'text' && b.required, false);
  });

  it('numbers scale rows and keeps every item type', () => {
    const form = resolve(
      formWith([
        { type: 'text', id: 't', label: 'T', pattern: '[0-9]{5}', patternMessage: 'Enter a ZIP code, like 10001' },
        { type: 'textarea', id: 'ta', label: 'TA', maxLength: 10 },
        { type: 'email', id: 'e', label: 'E' },
        { type: 'phone', id: 'ph', label: 'P' },
        { type: 'number', id: 'n', label: 'N', unit: 'kg', min: 40, max: 250, integer: true },
        { type: 'date', id: 'd', label: 'D', dateOfBirth: true, min: '1900-01-01', max: 'today' },
        {
          type: 'choice',
          id: 'c',
          label: 'C',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B', review: 'bee' },
          ],
        },
        {
          type: 'multi',
          id: 'm',
          label: 'M',
          options: [
            { value: 'a', label: 'A' },
            { value: 'none', label: 'None', exclusive: true },
          ],
        },
        { type: 'yesno', id: 'y', label: 'Y', review: { when: { equals: 'yes' }, flag: 'why' } },
        {
          type: 'scale',
          id: 's',
          label: 'S',
          options: [
            { value: 'no', label: 'No', score: 0 },
            { value: 'yes', label: 'Yes', score: 1 },
          ],
          rows: [
            { id: 's1', label: 'One' },
            { id: 's2', label: 'Two' },
          ],
        },
        { type: 'consent', id: 'k', label: 'I agree', text: 'You agree to **this**.', signature: true },
        { type: 'display', id: 'x', text: 'Note' },
      ]),
    );
    const items = form.pages[0]!.items;
    assert.deepEqual(
      items.map((i) => i.type),
      ['text', 'textarea', 'email', 'phone', 'number', 'date', 'choice', 'multi', 'yesno', 'scale', 'consent', 'display'],
    );
    const scale = items[9]!;
    assert.deepEqual(scale.type === 'scale' && scale.rows.map((r) => [r.id, r.number]), [
      ['s1', 1],
      ['s2', 2],
    ]);
  });

  it('accepts the crisis configuration per country and the confirmation text', () => {
    const form = resolve(
      formWith([{ type: 'text', id: 'a', label: 'A' }], {
        crisis: {
          resources: [{ name: '988 Suicide & Crisis Lifeline', phone: '988', sms: '988' }],
          countries: { GB: { resources: [{ name: 'Samaritans', phone: '116 123', url: 'https://www.samaritans.org' }] } },
        },
        confirmation: { heading: 'Thank you', body: 'We will call you.' },
      }),
    );
    assert.equal(form.crisis?.countries?.GB?.resources[0]?.name, 'Samaritans');
  });

  it('lets review conditions read the item itself (default) or a scale’s rows, and conditions read scale rows', () => {
    resolve(
      formWith([
        {
          type: 'scale',
          id: 's',
          label: 'S',
          options: [
            { value: 'a', label: 'A', score: 0 },
            { value: 'b', label: 'B', score: 2 },
          ],
          rows: [{ id: 's1', label: 'One' }],
          review: { when: { item: 's1', greaterThan: 1 }, flag: 'high' },
        },
        { type: 'number', id: 'n', label: 'N', when: { item: 's1', greaterThan: 0 }, review: { when: { greaterThan: 160 }, flag: 'bp' } },
      ]),
    );
  });
});

describe('parseFormDefinition: schema problems name the place and the problem', () => {
  it('reports a missing property on an item, with its id', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'text', id: 'name' }])), ['pages[0].items[0] ("name"): "label" is required']);
  });

  it('reports a misspelt property instead of ignoring it', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'text', id: 'name', label: 'Name', requird: false }])), [
      'pages[0].items[0] ("name"): unknown property "requird"',
    ]);
  });

  it('reports an unknown or missing item type with the list of types', () => {
    const [unknown] = problemsOf(formWith([{ type: 'radio', id: 'r', label: 'R' }]));
    assert.match(unknown!, /^pages\[0\]\.items\[0\] \("r"\): "type" must be one of "text", "textarea", .*"display", not "radio"$/);
    const [missing] = problemsOf(formWith([{ id: 'r', label: 'R' }]));
    assert.match(missing!, /^pages\[0\]\.items\[0\] \("r"\): "type" is required \(one of "text", /);
  });

  it('caps maxLength at the longest answer a backend accepts, so the form never allows an answer the server refuses', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'textarea', id: 'notes', label: 'Notes', maxLength: 50_000 }])), [
      'pages[0].items[0] ("notes"): "maxLength" must be at most 20000',
    ]);
    assert.equal(resolve(formWith([{ type: 'textarea', id: 'notes', label: 'Notes', maxLength: 20_000 }])).pages[0]!.items.length, 1);
  });

  it('reports wrong value types, naming what was given', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'number', id: 'n', label: 'N', min: '40' }])), [
      'pages[0].items[0] ("n"): "min" must be a number, not string "40"',
    ]);
    assert.deepEqual(
      problemsOf(
        formWith([
          {
            type: 'choice',
            id: 'c',
            label: 'C',
            options: [
              { value: 'a', label: 'A' },
              { value: 'b', label: 7 },
            ],
          },
        ]),
      ),
      ['pages[0].items[0] ("c").options[1] ("b"): "label" must be a string, or a text per language like {"en": "…", "es": "…"}, not number 7'],
    );
  });

  it('reports nested condition problems with their path', () => {
    assert.deepEqual(
      problemsOf(
        formWith([
          { type: 'text', id: 'a', label: 'A' },
          { type: 'text', id: 'b', label: 'B', when: { all: [{ item: 'a', answered: 'yes' }] } },
        ]),
      ),
      ['pages[0].items[1] ("b").when.all[0]: "answered" must be a boolean, not string "yes"'],
    );
  });

  it('reports bad ids with the rule', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'text', id: '1st name', label: 'A' }])), [
      'pages[0].items[0] ("1st name"): "id" must start with a letter and contain only letters, digits, "-", "_" or "."',
    ]);
  });

  it('understands which kind of page was meant', () => {
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ instrument: 'phq-8' }] }), [
      'pages[0] ("phq-8"): "instrument" must be one of "phq-9", "gad-7", "pcl-5"',
    ]);
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ instrument: 'phq-9', items: [] }] }), ['pages[0] ("phq-9"): unknown property "items"']);
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ include: 'kap-consent' }] }), [
      'pages[0] ("kap-consent"): "include" must be "kap-medical-screening"',
    ]);
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ id: 'p', title: 'P', items: [] }] }), ['pages[0] ("p"): "items" must have at least 1 entry']);
  });

  it('reports top-level problems and non-objects', () => {
    assert.deepEqual(problemsOf({ title: 'F', pages: [] }), ['definition: "id" is required', 'definition: "pages" must have at least 1 entry']);
    assert.deepEqual(problemsOf('not a form'), ['definition: the definition must be an object, not string "not a form"']);
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ instrument: 'gad-7' }], crisis: { resources: [{ name: 'X', phone: 'call us' }] } }), [
      'crisis.resources[0]: "phone" must be a phone number such as 988 or +1 800 273 8255',
    ]);
  });

  it('rejects a crisis resource url that is not a parseable https: address, which the crisis panel could not show', () => {
    const form = (resource: object) => ({ id: 'f', title: 'F', pages: [{ instrument: 'gad-7' }], crisis: { resources: [{ name: 'X', ...resource }] } });
    for (const url of ['https://a:99999', 'https://[::1', 'https://a%zz.org', 'https://:443']) {
      assert.throws(() => new URL(url), `${url} does not parse`);
      assert.deepEqual(problemsOf(form({ url })), ['crisis.resources[0]: "url" must be a valid https:// address such as https://988lifeline.org'], url);
    }
    assert.deepEqual(problemsOf(form({ url: 'http://988lifeline.org' })), ['crisis.resources[0]: "url" must be an https:// address']);
    assert.deepEqual(problemsOf({ ...form({}), crisis: { countries: { GB: { resources: [{ name: 'Samaritans', url: 'https://samaritans.org:99999' }] } } } }), [
      'crisis.countries.GB.resources[0]: "url" must be a valid https:// address such as https://988lifeline.org',
    ]);
    for (const url of ['https://988lifeline.org/chat?x=1', 'https://a:8443/', 'https://[::1]/']) {
      const result = parseFormDefinition(form({ url }));
      assert.ok(result.ok, `${url}: ${result.ok ? '' : result.problems.join('; ')}`);
    }
  });

  it('reports crisis country codes', () => {
    assert.deepEqual(problemsOf({ id: 'f', title: 'F', pages: [{ instrument: 'gad-7' }], crisis: { countries: { us: { resources: [{ name: 'X' }] } } } }), [
      'crisis.countries: key "us" must be a two-letter country code such as "US"',
    ]);
  });
});

describe('parseFormDefinition: cross-item rules', () => {
  it('conditions may only refer to earlier items (the example from the issue)', () => {
    const definition = {
      id: 'f',
      title: 'F',
      pages: [
        { instrument: 'phq-9' },
        { instrument: 'gad-7' },
        {
          id: 'about',
          title: 'About you',
          items: [
            { type: 'text', id: 'a', label: 'A' },
            { type: 'text', id: 'b', label: 'B' },
            { type: 'text', id: 'c', label: 'C' },
            { type: 'text', id: 'd', label: 'D' },
            { type: 'yesno', id: 'pregnant', label: 'Are you pregnant?', when: { item: 'sex', equals: 'female' } },
            {
              type: 'choice',
              id: 'sex',
              label: 'Sex',
              options: [
                { value: 'female', label: 'Female' },
                { value: 'male', label: 'Male' },
              ],
            },
          ],
        },
      ],
    };
    assert.deepEqual(problemsOf(definition), [
      'pages[2].items[4] ("pregnant"): condition refers to "sex" which is not an earlier item; it comes later, on pages[2]',
    ]);
    const unknown = structuredClone(definition);
    unknown.pages[2]!.items!.pop();
    assert.deepEqual(problemsOf(unknown), ['pages[2].items[4] ("pregnant"): condition refers to "sex" which is not an earlier item']);
  });

  it('conditions may not refer to the item itself, a scale (rather than a row) or display text', () => {
    assert.deepEqual(problemsOf(formWith([{ type: 'text', id: 'a', label: 'A', when: { item: 'a', answered: true } }])), [
      'pages[0].items[0] ("a"): condition refers to "a" itself: a condition can only read earlier items',
    ]);
    assert.deepEqual(
      problemsOf({
        id: 'f',
        title: 'F',
        pages: [{ instrument: 'phq-9' }, { id: 'p', title: 'P', items: [{ type: 'text', id: 'a', label: 'A', when: { item: 'phq-9', greaterThan: 0 } }] }],
      }),
      ['pages[1].items[0] ("a"): condition refers to "phq-9", a scale: refer to one of its rows, e.g. "phq-9.q1"'],
    );
    assert.deepEqual(
      problemsOf(
        formWith([
          { type: 'display', id: 'note', text: 'Hi' },
          { type: 'text', id: 'a', label: 'A', when: { item: 'note', answered: true } },
        ]),
      ),
      ['pages[0].items[1] ("a"): condition refers to "note", which is display text, not a question'],
    );
  });

  it('page conditions may only read earlier pages', () => {
    assert.deepEqual(
      problemsOf({
        id: 'f',
        title: 'F',
        pages: [{ id: 'p', title: 'P', when: { item: 'a', answered: true }, items: [{ type: 'text', id: 'a', label: 'A' }] }],
      }),
      ['pages[0]: condition refers to "a" which is not an earlier item; it comes later, on pages[0]'],
    );
  });

  it('condition values must fit the item: option values, yes/no, numbers, dates, scored options', () => {
    const items = [
      {
        type: 'choice',
        id: 'c',
        label: 'C',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      { type: 'yesno', id: 'y', label: 'Y' },
      { type: 'number', id: 'n', label: 'N' },
      { type: 'date', id: 'd', label: 'D' },
      { type: 'text', id: 't', label: 'T' },
      { type: 'consent', id: 'k', label: 'K', text: 'Agree' },
      {
        type: 'text',
        id: 'z',
        label: 'Z',
        when: {
          any: [
            { item: 'c', equals: 'c' },
            { item: 'c', anyOf: ['a', 'x'] },
            { item: 'y', equals: true },
            { item: 'y', notEquals: 'No' },
            { item: 'n', equals: '3' },
            { item: 'n', greaterThan: 'big' },
            { item: 'd', lessThan: '2020-02-30' },
            { item: 'c', greaterThan: 1 },
            { item: 't', lessThan: 3 },
            { item: 'k', equals: 'yes' },
            { item: 'k', answered: true },
          ],
        },
      },
    ];
    assert.deepEqual(problemsOf(formWith(items)), ['pages[0].items[6] ("z").when.any[2]: "equals" must be a string or number, not boolean true']);
    (items[6]!.when as { any: Record<string, unknown>[] }).any[2] = { item: 'y', equals: 'true' };
    assert.deepEqual(problemsOf(formWith(items)), [
      'pages[0].items[6] ("z"): condition compares "c" with "c", which is not one of its options (a, b) (at when.any[0])',
      'pages[0].items[6] ("z"): condition compares "c" with "x", which is not one of its options (a, b) (at when.any[1])',
      'pages[0].items[6] ("z"): condition compares the yes/no "y" with "true": use "yes" or "no" (at when.any[2])',
      'pages[0].items[6] ("z"): condition compares the yes/no "y" with "No": use "yes" or "no" (at when.any[3])',
      'pages[0].items[6] ("z"): condition compares the number "n" with "3": use a number (at when.any[4])',
      'pages[0].items[6] ("z"): "greaterThan" on the number "n" needs a number, not "big" (at when.any[5])',
      'pages[0].items[6] ("z"): "lessThan" on the date "d" needs a date like "2000-01-31" (at when.any[6])',
      'pages[0].items[6] ("z"): "greaterThan" on "c" compares option scores, but not all of its options have a score (at when.any[7])',
      'pages[0].items[6] ("z"): "lessThan" needs a number, date or scored choice; "t" is text (at when.any[8])',
      'pages[0].items[6] ("z"): condition on the consent "k" can only use "answered" (at when.any[9])',
    ]);
  });

  it('a condition has exactly one operator, or all/any alone, and names an item', () => {
    const items = [
      { type: 'number', id: 'n', label: 'N' },
      { type: 'text', id: 'a', label: 'A', when: { item: 'n', greaterThan: 1, lessThan: 5 } },
      { type: 'text', id: 'b', label: 'B', when: { item: 'n' } },
      { type: 'text', id: 'c', label: 'C', when: { all: [{ item: 'n', answered: true }], any: [{ item: 'n', answered: true }] } },
      { type: 'text', id: 'd', label: 'D', when: { answered: true } },
    ];
    assert.deepEqual(problemsOf(formWith(items)), [
      'pages[0].items[1] ("a"): condition has both "greaterThan" and "lessThan": combine them with "all"',
      'pages[0].items[2] ("b"): condition needs one of equals, notEquals, anyOf, greaterThan, lessThan or answered',
      'pages[0].items[3] ("c"): a condition with "all" may not have other keys: nest each condition inside "all"',
      'pages[0].items[4] ("d"): condition needs "item": the id of an earlier question',
    ]);
  });

  it('ids are unique across the form, including scale rows and instrument rows; page ids too', () => {
    const problems = problemsOf({
      id: 'f',
      title: 'F',
      pages: [
        {
          id: 'p',
          title: 'P',
          items: [
            { type: 'text', id: 'a', label: 'A' },
            {
              type: 'scale',
              id: 's',
              label: 'S',
              options: [
                { value: 'x', label: 'X', score: 0 },
                { value: 'y', label: 'Y', score: 1 },
              ],
              rows: [{ id: 'a', label: 'Row' }],
            },
          ],
        },
        { id: 'p', title: 'Q', items: [{ type: 'text', id: 'phq-9.q1', label: 'B' }] },
        { instrument: 'phq-9' },
        { instrument: 'phq-9', id: 'again' },
      ],
    });
    assert.deepEqual(problems, [
      'pages[0].items[1] ("s").rows[0] ("a"): id "a" is already used by pages[0].items[0] ("a")',
      'pages[1]: page id "p" is already used by pages[0]',
      'pages[2] (instrument "phq-9") item "phq-9".rows[0] ("phq-9.q1"): id "phq-9.q1" is already used by pages[1].items[0] ("phq-9.q1")',
      'pages[3] (instrument "phq-9"): "phq-9" is already inserted at pages[2] (instrument "phq-9"); insert it once',
    ]);
  });

  it('options: unique values, scored on scales, exclusive only on multi; safety only where it can be positive', () => {
    const problems = problemsOf(
      formWith([
        {
          type: 'choice',
          id: 'c',
          label: 'C',
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'Again', exclusive: true },
          ],
        },
        {
          type: 'scale',
          id: 's',
          label: 'S',
          options: [
            { value: 'x', label: 'X', score: 0 },
            { value: 'y', label: 'Y' },
          ],
          rows: [{ id: 's1', label: 'One' }],
        },
        { type: 'text', id: 't', label: 'T', safety: true },
        {
          type: 'choice',
          id: 'c2',
          label: 'C2',
          safety: true,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        {
          type: 'choice',
          id: 'c3',
          label: 'C3',
          safety: true,
          options: [
            { value: 'a', label: 'A', score: 0 },
            { value: 'b', label: 'B', score: 1 },
          ],
        },
      ]),
    );
    assert.deepEqual(problems, [
      'pages[0].items[0] ("c").options[1] ("a"): option value "a" is used twice',
      'pages[0].items[0] ("c").options[1] ("a"): exclusive only applies to multi (multiple choice) items',
      'pages[0].items[1] ("s").options[1] ("y"): scale options need a score (an integer), e.g. 0 for "Not at all"',
      'pages[0].items[2] ("t"): safety applies to yesno, choice, multi, scale and number items, not text',
      'pages[0].items[3] ("c2"): safety: true on a choice needs options scored above 0 or marked "safety": true',
    ]);
  });

  it('ranges, lengths, dates and patterns make sense', () => {
    const problems = problemsOf(
      formWith([
        { type: 'number', id: 'n', label: 'N', min: 10, max: 1 },
        { type: 'text', id: 't', label: 'T', minLength: 5, maxLength: 2 },
        { type: 'text', id: 'p', label: 'P', pattern: '([0-9]', patternMessage: 'Enter digits' },
        { type: 'text', id: 'q', label: 'Q', pattern: '[0-9]+' },
        { type: 'text', id: 'r', label: 'R', patternMessage: 'Enter digits' },
        { type: 'date', id: 'd', label: 'D', min: '2020-02-30', max: '2019-01-01' },
        { type: 'date', id: 'e', label: 'E', min: '2021-01-01', max: '2020-01-01' },
      ]),
    );
    assert.deepEqual(problems, [
      'pages[0].items[0] ("n"): min (10) is more than max (1)',
      'pages[0].items[1] ("t"): minLength (5) is more than maxLength (2)',
      'pages[0].items[2] ("p"): pattern "([0-9]" is not a valid regular expression',
      'pages[0].items[3] ("q"): pattern needs a patternMessage telling the client what to enter',
      'pages[0].items[4] ("r"): patternMessage is set but there is no pattern',
      'pages[0].items[5] ("d"): min "2020-02-30" is not a real date',
      'pages[0].items[5] ("d"): min (2020-02-30) is after max (2019-01-01)',
      'pages[0].items[6] ("e"): min (2021-01-01) is after max (2020-01-01)',
    ]);
  });

  it('markdown links must be https:, tel:, mailto: or relative, wherever markdown is allowed', () => {
    const problems = problemsOf({
      ...formWith(
        [
          { type: 'display', id: 'x', text: 'See [this](javascript:alert(1))' },
          { type: 'consent', id: 'k', label: 'I agree', text: 'Read [terms](http://clinic.example/terms)' },
        ],
        { intro: 'Call [us](sms:988)', confirmation: { body: '[ok](/next) [bad](data:text/html,x)' } },
      ),
    });
    assert.deepEqual(problems, [
      'intro: link "sms:988" is not allowed: links may use https:, tel:, mailto: or a relative address',
      'confirmation.body: link "data:text/html,x" is not allowed: links may use https:, tel:, mailto: or a relative address',
      'pages[0].items[0] ("x").text: link "javascript:alert(1)" is not allowed: links may use https:, tel:, mailto: or a relative address',
      'pages[0].items[1] ("k").text: link "http://clinic.example/terms" is not allowed: links may use https:, tel:, mailto: or a relative address',
    ]);
  });
});

describe('the published JSON Schema', () => {
  const schema = formDefinitionJsonSchema();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('is JSON Schema 2020-12 with named definitions for editors', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(['Item', 'Condition', 'Option', 'ItemsPage', 'InstrumentPage', 'IncludePage', 'CrisisConfig'].every((id) => id in (schema.$defs as object)));
  });

  it('accepts the demo intake, with defaults left out', () => {
    assert.ok(validate(DEMO_INTAKE_FORM), JSON.stringify(validate.errors));
  });

  it('rejects what the zod schema rejects: unknown types, misspelt keys, bad ids', () => {
    const broken: FormDefinition[] = [
      formWith([{ type: 'radio', id: 'r', label: 'R' }]) as never,
      formWith([{ type: 'text', id: 'a', label: 'A', requird: false }]) as never,
      formWith([{ type: 'text', id: '1a', label: 'A' }]) as never,
      { id: 'f', title: 'F', pages: [{ instrument: 'phq-8' }] } as never,
    ];
    for (const definition of broken) {
      assert.equal(validate(definition), false, JSON.stringify(definition));
      assert.equal(parseFormDefinition(definition).ok, false);
    }
  });
});
