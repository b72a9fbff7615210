/**
 * The ready-made medical screening page and the demo intake: every topic the issue lists is
 * asked, answers that need a clinician's eye raise a stable flag, follow-ups appear only when
 * relevant, and no text ever gives a verdict on eligibility.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  MEDICAL_SCREENING_PAGE,
  reviewFlags,
  safetyTriggered,
  toSubmission,
  validateForm,
  validatePage,
  visibleItems,
  visiblePages,
  type Answers,
  type Item,
} from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { TODAY, completeDemoAnswers, demoForm, resolve } from './support.js';

const form = resolve({ id: 'screening', title: 'Screening', pages: [{ include: 'kap-medical-screening' }] });
const page = form.pages[0]!;
const items = page.items;
const byId = (id: string) => items.find((item) => item.id === id)!;

/** The answers of someone with nothing to report. */
const allClear = (): Record<string, Answers[string]> =>
  Object.fromEntries(
    items
      .filter((item) => !item.when && item.type !== 'display' && item.type !== 'textarea' && item.type !== 'number')
      .map((item) => [item.id, item.type === 'multi' ? ['none'] : item.type === 'choice' ? 'no' : 'no']),
  );

/** Every flag the page can raise, from items' review conditions and options. */
function allFlags(list: readonly Item[]): string[] {
  return list.flatMap((item) => {
    const own = 'review' in item && item.review ? (Array.isArray(item.review) ? item.review : [item.review]).map((r) => r.flag) : [];
    const options = 'options' in item ? item.options.flatMap((o) => (o.review ? [o.review] : [])) : [];
    return [...own, ...options];
  });
}

describe('kap-medical-screening', () => {
  it('is a page of its own with a calm intro saying a clinician goes through the answers', () => {
    assert.equal(page.id, 'medical-screening');
    assert.equal(page.include, 'kap-medical-screening');
    assert.match(page.intro!, /clinician goes through your answers with you/);
    assert.match(page.intro!, /does not mean you cannot have treatment/);
  });

  it('asks about every topic the issue lists, each with its own flag', () => {
    const flags = allFlags(items);
    for (const expected of [
      'blood-pressure',
      'heart-condition',
      'psychosis-history',
      'mania-history',
      'family-psychosis-history',
      'substance-use',
      'pregnancy',
      'breastfeeding',
      'seizures',
      'liver',
      'bladder',
      'intracranial-pressure',
      'glaucoma',
      'benzodiazepines',
      'lamotrigine',
      'stimulants',
      'maoi',
      'other-medications',
      'prior-ketamine',
      'allergies',
      // The second audit's gaps against usual KAP screening:
      'aneurysm-avm-brain-bleed',
      'hyperthyroidism',
      'sleep-apnea',
      'copd',
      'breathing-other',
      'past-suicide-attempt',
      'weight-low',
      'weight-high',
      'opioids',
      'naltrexone',
      'dissociative-disorder',
    ]) {
      assert.ok(flags.includes(expected), expected);
    }
    for (const item of items) {
      const others = allFlags(items.filter((other) => other !== item));
      for (const flag of allFlags([item])) assert.ok(!others.includes(flag), `${flag} belongs to ${item.id} alone`);
    }
  });

  it('documents every flag id it raises (the list in medical-screening.ts)', () => {
    const source = readFileSync(new URL('../../src/forms/medical-screening.ts', import.meta.url), 'utf8');
    const header = source.slice(0, source.indexOf('*/'));
    const documented = [...header.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).filter((id) => id !== 'kap-medical-screening');
    assert.deepEqual(documented.sort(), [...new Set(allFlags(items))].sort());
  });

  it('raises no flag and shows no follow-up when there is nothing to report', () => {
    const answers = allClear();
    assert.deepEqual(validatePage(form, 0, answers, { today: TODAY }), []);
    assert.deepEqual(reviewFlags(form, answers), []);
    assert.equal(safetyTriggered(form, answers).triggered, false);
    assert.deepEqual(
      [...visibleItems(form, answers)].filter((id) => byId(id).when),
      [],
    );
  });

  it('flags each "yes" for review, and only that answer', () => {
    for (const item of items) {
      if (item.type !== 'yesno') continue;
      const flags = reviewFlags(form, { ...allClear(), [item.id]: 'yes' });
      assert.deepEqual(
        flags.map((f) => f.itemId),
        [item.id],
        item.id,
      );
    }
  });

  it('flags each medicine and pregnancy option, and asks for the list of medicines', () => {
    const meds = byId('ms-medications');
    assert.ok(meds.type === 'multi');
    for (const option of meds.options.filter((o) => !o.exclusive)) {
      const answers = { ...allClear(), 'ms-medications': [option.value] };
      assert.deepEqual(reviewFlags(form, answers), [{ itemId: 'ms-medications', flag: option.review }]);
      assert.ok(visibleItems(form, answers).has('ms-medications-list'));
      assert.deepEqual(
        validatePage(form, 0, answers).map((e) => e.message),
        ['List the medicines you take'],
      );
    }
    assert.deepEqual(
      reviewFlags(form, { ...allClear(), 'ms-pregnancy': ['pregnant', 'breastfeeding'] }).map((f) => f.flag),
      ['pregnancy', 'breastfeeding'],
    );
  });

  it('shows each follow-up only after the answer it follows', () => {
    const followUps: [string, string, Answers[string]][] = [
      ['ms-blood-pressure-controlled', 'ms-blood-pressure', 'yes'],
      ['ms-heart-details', 'ms-heart', 'yes'],
      ['ms-substance-details', 'ms-substance-use', 'yes'],
      ['ms-ketamine-details', 'ms-ketamine-before', 'yes'],
      ['ms-allergies-details', 'ms-allergies', 'yes'],
    ];
    for (const [followUp, parent, value] of followUps) {
      assert.equal(visibleItems(form, allClear()).has(followUp), false, followUp);
      assert.equal(visibleItems(form, { ...allClear(), [parent]: value }).has(followUp), true, followUp);
    }
    assert.deepEqual(
      reviewFlags(form, { ...allClear(), 'ms-blood-pressure': 'yes', 'ms-blood-pressure-controlled': 'not-sure' }).map((f) => f.flag),
      ['blood-pressure', 'blood-pressure-uncontrolled'],
    );
    assert.deepEqual(
      validatePage(form, 0, { ...allClear(), 'ms-allergies': 'yes' }).map((e) => e.message),
      ['Enter what you are allergic to'],
    );
  });

  it('flags aneurysm/AVM/brain bleed, hyperthyroidism, dissociative disorders, breathing conditions, opioids and naltrexone', () => {
    const flagsFor = (answers: Answers) => reviewFlags(form, { ...allClear(), ...answers }).map((f) => [f.itemId, f.flag]);
    assert.deepEqual(flagsFor({ 'ms-aneurysm': 'yes' }), [['ms-aneurysm', 'aneurysm-avm-brain-bleed']]);
    assert.deepEqual(flagsFor({ 'ms-thyroid': 'yes' }), [['ms-thyroid', 'hyperthyroidism']]);
    assert.deepEqual(flagsFor({ 'ms-dissociative': 'yes' }), [['ms-dissociative', 'dissociative-disorder']]);
    assert.deepEqual(flagsFor({ 'ms-breathing': ['sleep-apnea', 'copd'] }), [
      ['ms-breathing', 'sleep-apnea'],
      ['ms-breathing', 'copd'],
    ]);
    assert.deepEqual(flagsFor({ 'ms-breathing': ['other'] }), [['ms-breathing', 'breathing-other']]);
    assert.deepEqual(flagsFor({ 'ms-medications': ['opioids', 'naltrexone'], 'ms-medications-list': 'Naltrexone 50 mg' }), [
      ['ms-medications', 'opioids'],
      ['ms-medications', 'naltrexone'],
    ]);
  });

  it('a past suicide attempt is a review flag — gently asked, with a way to talk first — never a safety answer', () => {
    const attempt = byId('ms-suicide-attempt');
    assert.ok(attempt.type === 'choice');
    assert.equal(attempt.label, 'Have you ever tried to end your life?');
    assert.match(attempt.help!, /We ask everyone this/);
    assert.deepEqual(
      attempt.options.map((o) => o.value),
      ['yes', 'no', 'talk-first'],
    );
    assert.equal(attempt.safety, undefined);
    assert.ok(attempt.options.every((o) => !o.safety));
    for (const [value, flag] of [
      ['yes', 'past-suicide-attempt'],
      ['talk-first', 'suicide-attempt-discuss'],
    ] as const) {
      const answers = { ...allClear(), 'ms-suicide-attempt': value };
      assert.deepEqual(reviewFlags(form, answers), [{ itemId: 'ms-suicide-attempt', flag }]);
      assert.equal(safetyTriggered(form, answers).triggered, false, 'no crisis panel, no same-day alert: it is history, not acute risk');
    }
    assert.deepEqual(reviewFlags(form, { ...allClear(), 'ms-suicide-attempt': 'no' }), []);
  });

  it('asks the weight (optional), then its unit, and flags a weight outside 45–136 kg or 100–300 lb', () => {
    assert.deepEqual(validatePage(form, 0, allClear()), [], 'weight is optional');
    assert.equal(visibleItems(form, allClear()).has('ms-weight-unit'), false);
    assert.equal(visibleItems(form, { ...allClear(), 'ms-weight': '70' }).has('ms-weight-unit'), true);
    assert.deepEqual(
      validatePage(form, 0, { ...allClear(), 'ms-weight': '70' }).map((e) => e.message),
      ['Select pounds or kilograms'],
    );
    const flagOf = (weight: string, unit: string) =>
      reviewFlags(form, { ...allClear(), 'ms-weight': weight, 'ms-weight-unit': unit }).map((f) => `${f.itemId} ${f.flag}`);
    assert.deepEqual(flagOf('95', 'lb'), ['ms-weight-unit weight-low']);
    assert.deepEqual(flagOf('44.5', 'kg'), ['ms-weight-unit weight-low']);
    assert.deepEqual(flagOf('310', 'lb'), ['ms-weight-unit weight-high']);
    assert.deepEqual(flagOf('140', 'kg'), ['ms-weight-unit weight-high']);
    for (const [weight, unit] of [
      ['100', 'lb'],
      ['180', 'lb'],
      ['300', 'lb'],
      ['95', 'kg'],
      ['45', 'kg'],
      ['136', 'kg'],
    ]) {
      assert.deepEqual(flagOf(weight!, unit!), [], `${weight} ${unit}`);
    }
  });

  it('never gives a verdict on eligibility, and never names a flag to the client', () => {
    const texts = JSON.stringify(MEDICAL_SCREENING_PAGE)
      .replace(/"(review|id|value|flag|item|equals|notEquals)":"[^"]*"/g, '')
      // The one reassurance that mentions treatment: "Answering yes does not mean you cannot have treatment".
      .replace('Answering yes does not mean you cannot have treatment', '');
    assert.match(JSON.stringify(MEDICAL_SCREENING_PAGE), /Answering yes does not mean you cannot have treatment/);
    assert.doesNotMatch(
      texts,
      /eligib|not suitable|unsuitable|disqualif|exclud|you (can|cannot|can’t|can't) (have|receive|get) (this )?(treatment|ketamine)|not (a )?(safe )?candidate|unfortunately/i,
    );
    assert.doesNotMatch(texts, /!|\bmust not\b|\bwarning\b|\bdanger/i);
    assert.doesNotMatch(texts, /pregnancy-planned|blood-pressure-uncontrolled|other-health-notes|suicide-attempt-discuss|weight-(low|high)/);
  });
});

describe('the demo intake', () => {
  const demo = demoForm();

  it('has contact details, the medical screening, PHQ-9, GAD-7, PCL-5 and a signed consent', () => {
    assert.deepEqual(
      visiblePages(demo, {}).map((p) => p.title),
      ['Your details', 'Your health', 'How you have been feeling', 'Worry and anxiety', 'Stressful experiences', 'Consent'],
    );
    const contact = demo.pages[0]!.items;
    assert.deepEqual(
      contact.map((i) => i.type),
      ['text', 'date', 'email', 'phone'],
    );
    assert.equal(contact[1]!.type === 'date' && contact[1]!.dateOfBirth, true);
    const consent = demo.pages[5]!.items[0]!;
    assert.equal(consent.type === 'consent' && consent.signature, true);
  });

  it('is complete with a full set of answers, and scores them', () => {
    assert.deepEqual(validateForm(demo, completeDemoAnswers(), { today: TODAY }), []);
    const body = toSubmission(demo, completeDemoAnswers(), { today: TODAY });
    assert.deepEqual(
      body.scores.map((s) => [s.instrument, s.total]),
      [
        ['phq-9', 8],
        ['gad-7', 14],
        ['pcl-5', 40],
      ],
    );
    assert.deepEqual(body.flags, []);
    assert.equal(body.safety, false);
    assert.equal(body.answers['date-of-birth'], '1985-03-04');
  });

  it('is the JSON a clinic would write (serializable, no functions)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(DEMO_INTAKE_FORM)), DEMO_INTAKE_FORM);
  });
});
