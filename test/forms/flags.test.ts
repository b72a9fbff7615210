/**
 * Review flags and safety answers: what raises them, that hidden answers never do, and the
 * crisis panel a clinic configures.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CRISIS_PANEL,
  crisisPanel,
  isLifeline988,
  parseFormDefinition,
  reviewFlags,
  safetyTriggered,
  type ResolvedForm,
} from '../../src/forms/index.js';

function resolve(json: unknown): ResolvedForm {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.form;
}

describe('reviewFlags', () => {
  const form = resolve({
    id: 'f',
    title: 'F',
    pages: [
      {
        id: 'p',
        title: 'P',
        items: [
          { type: 'yesno', id: 'pregnant', label: 'Pregnant?', review: { when: { equals: 'yes' }, flag: 'pregnancy' } },
          {
            type: 'number',
            id: 'systolic',
            label: 'Systolic',
            review: [
              { when: { greaterThan: 160 }, flag: 'bp-high' },
              { when: { lessThan: 90 }, flag: 'bp-low' },
            ],
          },
          {
            type: 'multi',
            id: 'meds',
            label: 'Meds',
            options: [
              { value: 'maoi', label: 'MAOI', review: 'maoi' },
              { value: 'lamotrigine', label: 'Lamotrigine', review: 'lamotrigine' },
              { value: 'none', label: 'None', exclusive: true },
            ],
          },
          { type: 'textarea', id: 'notes', label: 'Notes', required: false, review: { when: { answered: true }, flag: 'notes' } },
          { type: 'yesno', id: 'smoker', label: 'Smoker?' },
          {
            type: 'choice',
            id: 'packs',
            label: 'Packs',
            when: { item: 'smoker', equals: 'yes' },
            options: [
              { value: 'one', label: 'One' },
              { value: 'many', label: 'Many', review: 'heavy-smoker' },
            ],
          },
          {
            type: 'text',
            id: 'combined',
            label: 'Combined',
            required: false,
            review: {
              when: {
                all: [
                  { item: 'pregnant', equals: 'yes' },
                  { item: 'meds', equals: 'lamotrigine' },
                ],
              },
              flag: 'pregnancy-lamotrigine',
            },
          },
        ],
      },
    ],
  });

  it('raises item flags when their condition on the item holds', () => {
    assert.deepEqual(reviewFlags(form, { pregnant: 'yes' }), [{ itemId: 'pregnant', flag: 'pregnancy' }]);
    assert.deepEqual(reviewFlags(form, { pregnant: 'no' }), []);
    assert.deepEqual(reviewFlags(form, { systolic: '170' }), [{ itemId: 'systolic', flag: 'bp-high' }]);
    assert.deepEqual(reviewFlags(form, { systolic: '85' }), [{ itemId: 'systolic', flag: 'bp-low' }]);
    assert.deepEqual(reviewFlags(form, { systolic: '120' }), []);
    assert.deepEqual(reviewFlags(form, { notes: 'Something' }), [{ itemId: 'notes', flag: 'notes' }]);
    assert.deepEqual(reviewFlags(form, { notes: '   ' }), []);
  });

  it('raises option flags for each chosen option, in form order', () => {
    assert.deepEqual(reviewFlags(form, { meds: ['lamotrigine', 'maoi'], pregnant: 'yes' }), [
      { itemId: 'pregnant', flag: 'pregnancy' },
      { itemId: 'meds', flag: 'maoi' },
      { itemId: 'meds', flag: 'lamotrigine' },
      { itemId: 'combined', flag: 'pregnancy-lamotrigine' },
    ]);
  });

  it('never flags answers to hidden items or values that are not options', () => {
    assert.deepEqual(reviewFlags(form, { smoker: 'yes', packs: 'many' }), [{ itemId: 'packs', flag: 'heavy-smoker' }]);
    assert.deepEqual(reviewFlags(form, { smoker: 'no', packs: 'many' }), []);
    assert.deepEqual(reviewFlags(form, { meds: ['warfarin'] }), []);
  });
});

describe('safetyTriggered', () => {
  const form = resolve({
    id: 'f',
    title: 'F',
    pages: [
      {
        id: 'p',
        title: 'P',
        items: [
          { type: 'yesno', id: 'harm', label: 'Thoughts of harming yourself?', safety: true },
          {
            type: 'choice',
            id: 'plan',
            label: 'Plan?',
            options: [
              { value: 'no', label: 'No' },
              { value: 'yes', label: 'Yes', safety: true },
            ],
          },
          {
            type: 'choice',
            id: 'often',
            label: 'How often?',
            safety: true,
            options: [
              { value: 'never', label: 'Never', score: 0 },
              { value: 'sometimes', label: 'Sometimes', score: 1 },
            ],
          },
          { type: 'number', id: 'attempts', label: 'Attempts', required: false, safety: true },
          {
            type: 'scale',
            id: 'own',
            label: 'Own scale',
            safety: true,
            options: [
              { value: 'no', label: 'No', score: 0 },
              { value: 'yes', label: 'Yes', score: 2 },
            ],
            rows: [
              { id: 'own.1', label: 'One' },
              { id: 'own.2', label: 'Two' },
            ],
          },
          { type: 'yesno', id: 'ordinary', label: 'Ordinary?' },
          { type: 'yesno', id: 'follow', label: 'Follow-up', safety: true, when: { item: 'ordinary', equals: 'yes' } },
        ],
      },
      { instrument: 'phq-9' },
    ],
  });

  it('is not triggered by no answers, zero answers or unmarked items', () => {
    assert.deepEqual(safetyTriggered(form, {}), { triggered: false, items: [] });
    assert.deepEqual(
      safetyTriggered(form, {
        harm: 'no',
        plan: 'no',
        often: 'never',
        attempts: '0',
        'own.1': 'no',
        ordinary: 'no',
        'phq-9.q9': 'not-at-all',
        'phq-9.q1': 'nearly-every-day',
      }),
      { triggered: false, items: [] },
    );
  });

  it('is triggered by PHQ-9 item 9 above zero — each of its positive answers', () => {
    for (const value of ['several-days', 'more-than-half-the-days', 'nearly-every-day']) {
      assert.deepEqual(safetyTriggered(form, { 'phq-9.q9': value }), { triggered: true, items: ['phq-9.q9'] });
    }
  });

  it('is triggered by yes, a safety option, a score above zero, a number above zero, a scale row above zero', () => {
    assert.deepEqual(safetyTriggered(form, { harm: 'yes' }).items, ['harm']);
    assert.deepEqual(safetyTriggered(form, { plan: 'yes' }).items, ['plan']);
    assert.deepEqual(safetyTriggered(form, { often: 'sometimes' }).items, ['often']);
    assert.deepEqual(safetyTriggered(form, { attempts: '1' }).items, ['attempts']);
    assert.deepEqual(safetyTriggered(form, { 'own.2': 'yes' }).items, ['own.2']);
    assert.deepEqual(safetyTriggered(form, { harm: 'yes', 'phq-9.q9': 'several-days', 'own.1': 'yes' }).items, ['harm', 'own.1', 'phq-9.q9']);
  });

  it('keeps a safety answer whose question later answers hid; a hidden one never answered, or answered zero, counts for nothing', () => {
    assert.deepEqual(safetyTriggered(form, { ordinary: 'yes', follow: 'yes' }).items, ['follow']);
    assert.deepEqual(safetyTriggered(form, { ordinary: 'no', follow: 'yes' }).items, ['follow'], 'hidden after a "yes"');
    assert.equal(safetyTriggered(form, { ordinary: 'no' }).triggered, false);
    assert.equal(safetyTriggered(form, { ordinary: 'no', follow: 'no' }).triggered, false);
  });

  it('ignores unreadable values', () => {
    assert.equal(safetyTriggered(form, { attempts: 'some', 'phq-9.q9': 'often' }).triggered, false);
  });
});

describe('crisisPanel', () => {
  const base = { id: 'f', title: 'F', pages: [{ instrument: 'phq-9' }] };

  it('defaults to the US resources: call or text 988, 911 in an emergency', () => {
    const panel = crisisPanel(resolve(base));
    assert.deepEqual(panel, { heading: DEFAULT_CRISIS_PANEL.heading, body: DEFAULT_CRISIS_PANEL.body, resources: DEFAULT_CRISIS_PANEL.resources });
    assert.deepEqual(
      panel.resources.map((r) => [r.phone, r.sms]),
      [
        ['988', '988'],
        ['911', undefined],
      ],
    );
    assert.match(panel.resources[0]!.description!, /Call or text 988/);
    assert.match(panel.resources[1]!.description!, /call 911/);
    assert.match(panel.body, /carry on with this form/);
  });

  it('uses the clinic’s own resources, and per-country ones when the country matches', () => {
    const form = resolve({
      ...base,
      crisis: {
        heading: 'You are not alone',
        resources: [{ name: 'Clinic on-call line', phone: '+1 212 555 0100' }],
        countries: { GB: { resources: [{ name: 'Samaritans', phone: '116 123' }], body: 'Call **116 123**.' } },
      },
    });
    assert.deepEqual(
      crisisPanel(form).resources.map((r) => r.name),
      ['Clinic on-call line'],
    );
    assert.equal(crisisPanel(form).heading, 'You are not alone');
    assert.equal(crisisPanel(form).body, DEFAULT_CRISIS_PANEL.body);
    const gb = crisisPanel(form, 'gb');
    assert.deepEqual(
      gb.resources.map((r) => r.name),
      ['Samaritans'],
    );
    assert.equal(gb.heading, 'You are not alone');
    assert.equal(gb.body, 'Call **116 123**.');
    assert.deepEqual(
      crisisPanel(form, 'FR').resources.map((r) => r.name),
      ['Clinic on-call line'],
    );
  });

  it('carries the clinic’s own number in every country; refuses one that is not a phone number', () => {
    const form = resolve({ ...base, crisis: { clinicPhone: '+1 212 555 0100', countries: { GB: { resources: [{ name: 'Samaritans', phone: '116 123' }] } } } });
    assert.equal(crisisPanel(form).clinicPhone, '+1 212 555 0100');
    assert.equal(crisisPanel(form, 'GB').clinicPhone, '+1 212 555 0100');
    assert.equal('clinicPhone' in crisisPanel(resolve(base)), false);
    const refused = parseFormDefinition({ ...base, crisis: { clinicPhone: 'call us' } });
    assert.equal(refused.ok, false);
    assert.deepEqual(!refused.ok && refused.problems, ['crisis: "clinicPhone" must be a phone number such as 988 or +1 800 273 8255']);
  });

  it('knows the 988 Lifeline by its number (Spanish pages add its Spanish line)', () => {
    assert.deepEqual(DEFAULT_CRISIS_PANEL.resources.map(isLifeline988), [true, false]);
    assert.equal(isLifeline988({ name: 'Lifeline', phone: '9 8 8' }), true);
    assert.equal(isLifeline988({ name: 'Old Lifeline', phone: '+1 800 273 8255' }), false);
  });
});
