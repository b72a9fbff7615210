/**
 * The built-in instruments against the curated reference records in `reference/instruments/`
 * (vendored in the repository): every text, option, score and code character for character, and
 * the pages the definition inserts for them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { GAD7, INSTRUMENTS, LOINC_NOTICE, PCL5, PHQ9, parseFormDefinition, type Instrument, type ScaleItem } from '../../src/forms/index.js';
import { FORMS_ES } from '../../src/forms/es/index.js';
import { INSTRUMENTS_WITH_SAFETY_ITEMS } from '../../src/forms/instruments/ids.js';
import { PHQ9_ES } from '../../src/forms/instruments/phq-9.es.js';
import { mayAskSafety } from '../../src/forms/parse.js';

const REFERENCE = new URL('../../reference/instruments/', import.meta.url);

interface Reference {
  id: string;
  name: string;
  formTitle: string;
  loinc: { panel: string; panelDisplay: string; total: string; totalDisplay: string };
  recallPeriod: string;
  stem: string;
  instructions?: string;
  instructionsElectronicAdaptations?: { by: string; text: string }[];
  options: { value: string; label: string; score: number; loinc: string | null }[];
  items: { linkId: string; number: number; loinc: string | null; text: string; loincText?: string; cluster?: string }[];
  extra: null | {
    linkId: string;
    loinc: string | null;
    scored: boolean;
    optional: boolean;
    text: string;
    options: { value: string; label: string; loinc: string }[];
  };
  scoring: {
    range: [number, number];
    bands: { min: number; max: number; label: string }[];
    furtherEvaluationCutpoint?: number;
    clusters?: { id: string; name: string; items: number[]; minEndorsedForProvisionalDx: number }[];
    provisionalCutPoint?: { min: number; max: number; text: string };
  };
  notice: string;
}

const load = (id: string): Reference => JSON.parse(readFileSync(new URL(`${id}.json`, REFERENCE), 'utf8'));

const CASES: [Instrument, Reference][] = [
  [PHQ9, load('phq-9')],
  [GAD7, load('gad-7')],
  [PCL5, load('pcl-5')],
];

for (const [instrument, reference] of CASES) {
  describe(`${reference.id} matches the curated record`, () => {
    it('has the same id, names, recall period, stem and LOINC panel and total codes', () => {
      assert.equal(instrument.id, reference.id);
      assert.equal(instrument.name, reference.name);
      assert.equal(instrument.formTitle, reference.formTitle);
      assert.equal(instrument.recallPeriod, reference.recallPeriod);
      assert.equal(instrument.stem, reference.stem);
      assert.deepEqual(instrument.loinc, {
        panel: reference.loinc.panel,
        panelDisplay: reference.loinc.panelDisplay,
        total: reference.loinc.total,
        totalDisplay: reference.loinc.totalDisplay,
      });
      assert.equal(INSTRUMENTS[instrument.id], instrument);
    });

    it('has every option with the same value, label, score and LOINC answer code, in order', () => {
      assert.deepEqual(
        instrument.options.map((o) => ({ value: o.value, label: o.label, score: o.score, loinc: o.loinc })),
        reference.options.map((o) => ({ value: o.value, label: o.label, score: o.score, loinc: o.loinc })),
      );
    });

    it('has every item with the paper-form wording (not LOINC’s), number, linkId, LOINC code and cluster', () => {
      assert.equal(instrument.items.length, reference.items.length);
      reference.items.forEach((expected, i) => {
        const actual = instrument.items[i]!;
        assert.equal(actual.text, expected.text, `item ${expected.number} text`);
        assert.equal(actual.linkId, expected.linkId);
        assert.equal(actual.number, expected.number);
        assert.equal(actual.loinc, expected.loinc, `item ${expected.number} LOINC`);
        assert.equal(actual.cluster, expected.cluster, `item ${expected.number} cluster`);
      });
      const loincWorded = reference.items.filter((expected) => expected.loincText !== undefined && expected.loincText !== expected.text);
      assert.deepEqual(
        loincWorded
          .filter((expected) => instrument.items.find((item) => item.number === expected.number)?.text === expected.loincText)
          .map((expected) => expected.number),
        [],
        'no item has LOINC’s wording where the paper form says it otherwise',
      );
    });

    it('has the difficulty question where the instrument has one, unscored, with its options and codes', () => {
      if (reference.extra === null) {
        assert.equal(instrument.extra, null);
        return;
      }
      assert.equal(reference.extra.scored, false);
      assert.ok(instrument.extra);
      assert.equal(instrument.extra.text, reference.extra.text);
      assert.equal(instrument.extra.linkId, reference.extra.linkId);
      assert.equal(instrument.extra.loinc, reference.extra.loinc);
      assert.deepEqual(
        instrument.extra.options.map((o) => ({ ...o })),
        reference.extra.options.map((o) => ({ value: o.value, label: o.label, loinc: o.loinc })),
      );
    });

    it('has the same range, severity bands and notice', () => {
      assert.deepEqual(instrument.range, reference.scoring.range);
      assert.deepEqual(
        instrument.bands.map(({ min, max, label }) => ({ min, max, label })),
        reference.scoring.bands.map(({ min, max, label }) => ({ min, max, label })),
      );
      assert.equal(instrument.notice, reference.notice);
      assert.equal(instrument.instructions, reference.instructions);
    });
  });
}

describe('instrument specifics', () => {
  it('PHQ-9: item 9 is the safety item; bands cover 0–27 without gaps', () => {
    assert.deepEqual(PHQ9.safetyItems, ['q9']);
    assert.equal(PHQ9.items[8]!.text, 'Thoughts that you would be better off dead or of hurting yourself in some way');
    assert.deepEqual(
      PHQ9.bands.map((b) => b.id),
      ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'],
    );
    for (let total = 0; total <= 27; total++) {
      assert.equal(PHQ9.bands.filter((b) => total >= b.min && total <= b.max).length, 1, `total ${total}`);
    }
  });

  it('GAD-7: further-evaluation cut-point from the record; no safety item', () => {
    assert.equal(GAD7.furtherEvaluationCutpoint, load('gad-7').scoring.furtherEvaluationCutpoint);
    assert.deepEqual(GAD7.safetyItems, []);
  });

  it('PCL-5: clusters, provisional rule and cut-point from the record; the electronic instructions are CamCOPS’ published adaptation', () => {
    const reference = load('pcl-5');
    assert.deepEqual(
      PCL5.clusters.map((c) => ({ ...c, items: [...c.items] })),
      reference.scoring.clusters,
    );
    const { min, max, text } = reference.scoring.provisionalCutPoint!;
    assert.deepEqual(PCL5.provisionalCutPoint, { min, max, text });
    assert.equal(PCL5.endorsedAt, 2);
    assert.equal(reference.options.find((o) => o.score === PCL5.endorsedAt)?.label, 'Moderately');
    const camcops = reference.instructionsElectronicAdaptations!.find((a) => a.by.startsWith('CamCOPS'));
    assert.equal(PCL5.instructionsElectronic, camcops!.text);
    for (const cluster of PCL5.clusters) {
      for (const number of cluster.items) assert.equal(PCL5.items[number - 1]!.cluster, cluster.id);
    }
  });
});

describe('{ "instrument": … } pages', () => {
  const parsed = parseFormDefinition({
    id: 'f',
    title: 'F',
    pages: [{ instrument: 'phq-9' }, { instrument: 'gad-7', title: 'Worry', id: 'worry' }, { instrument: 'pcl-5', required: false }],
  });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  const [phq, gad, pcl] = parsed.form.pages;

  it('insert the instrument exactly: stem as the scale label, items as rows, options with scores and codes, notice', () => {
    for (const [page, instrument] of [
      [phq!, PHQ9],
      [gad!, GAD7],
      [pcl!, PCL5],
    ] as const) {
      const scale = page.items[0] as ScaleItem;
      assert.equal(page.instrument, instrument.id);
      assert.equal(page.notice, instrument.notice);
      assert.equal(scale.type, 'scale');
      assert.equal(scale.instrument, instrument.id);
      assert.equal(scale.label, instrument.stem);
      assert.deepEqual(
        scale.rows.map((r) => [r.id, r.label, r.number, r.linkId, r.code ?? null]),
        instrument.items.map((item) => [`${instrument.id}.${item.linkId}`, item.text, item.number, item.linkId, item.loinc]),
      );
      assert.deepEqual(
        scale.options.map((o) => [o.value, o.label, o.score, o.code ?? null]),
        instrument.options.map((o) => [o.value, o.label, o.score, o.loinc]),
      );
    }
  });

  it('carry LOINC’s notice with LOINC’s codes, in the record and on the page, and the README says it', () => {
    // The notice LOINC's licence (https://loinc.org/license/) asks for wherever its codes ship.
    assert.match(
      LOINC_NOTICE,
      /^This material contains content from LOINC® \(https:\/\/loinc\.org\)\. LOINC is copyright © 1995-\d{4}, Regenstrief Institute, Inc\. and the Logical Observation Identifiers Names and Codes \(LOINC\) Committee and is available at no cost under the license at https:\/\/loinc\.org\/license\/\. LOINC® is a registered United States trademark of Regenstrief Institute, Inc\.$/,
    );
    for (const [page, instrument] of [
      [phq!, PHQ9],
      [gad!, GAD7],
      [pcl!, PCL5],
    ] as const) {
      assert.ok(instrument.loinc.panel, `${instrument.id} ships a LOINC code`);
      assert.equal(instrument.loincNotice, LOINC_NOTICE, instrument.id);
      assert.equal(page.loincNotice, LOINC_NOTICE, `the ${instrument.id} page`);
    }
    const own = parseFormDefinition({ id: 'f', title: 'F', pages: [{ id: 'p', title: 'P', items: [{ type: 'text', id: 't', label: 'T' }] }] });
    assert.ok(own.ok && own.form.pages[0]!.loincNotice === undefined, 'a page with no LOINC codes carries no LOINC notice');
    assert.ok(readFileSync(new URL('../../README.md', import.meta.url), 'utf8').includes(LOINC_NOTICE), 'README.md quotes the notice');
  });

  it('use the instrument name as title unless overridden, and the instrument id as page id unless overridden', () => {
    assert.equal(phq!.title, PHQ9.name);
    assert.equal(phq!.id, 'phq-9');
    assert.equal(gad!.title, 'Worry');
    assert.equal(gad!.id, 'worry');
  });

  it('mark PHQ-9 item 9 (only) as a safety row', () => {
    const rows = (phq!.items[0] as ScaleItem).rows;
    assert.deepEqual(
      rows.filter((r) => r.safety).map((r) => r.id),
      ['phq-9.q9'],
    );
    for (const page of [gad!, pcl!]) assert.ok((page.items[0] as ScaleItem).rows.every((r) => !r.safety));
  });

  it('are listed as having a safety item (INSTRUMENTS_WITH_SAFETY_ITEMS) exactly when their records have one', () => {
    const withSafetyItems = Object.values(INSTRUMENTS).filter((instrument) => instrument.safetyItems.length > 0);
    assert.deepEqual([...INSTRUMENTS_WITH_SAFETY_ITEMS].sort(), withSafetyItems.map((instrument) => instrument.id).sort());
  });

  it('tell, with a form’s own safety questions, whether the form may ask one before the records arrive (mayAskSafety)', () => {
    assert.equal(mayAskSafety({ pages: [{ instrument: 'gad-7' }, { instrument: 'phq-9' }] }), true);
    assert.equal(mayAskSafety({ pages: [{ instrument: 'gad-7' }, { id: 'p', items: [{ id: 'q', type: 'yesno', label: 'Q' }] }] }), false);
    const own = (item: object) => ({ pages: [{ instrument: 'gad-7' }, { id: 'p', items: [item] }] });
    assert.equal(mayAskSafety(own({ id: 'q', type: 'yesno', label: 'Q', safety: true })), true);
    assert.equal(mayAskSafety(own({ id: 'q', type: 'choice', label: 'Q', options: [{ value: 'a', label: 'A', safety: true }] })), true);
    assert.equal(mayAskSafety(own({ id: 'q', type: 'yesno', label: 'Q', safety: false })), false);
  });

  it('add the difficulty question as an optional unscored choice after the scale (PHQ-9, GAD-7 only)', () => {
    const difficulty = phq!.items[1]!;
    assert.equal(difficulty.type, 'choice');
    assert.equal(difficulty.id, 'phq-9.q10');
    assert.equal(difficulty.type === 'choice' && difficulty.required, false);
    assert.equal(difficulty.type === 'choice' && difficulty.label, PHQ9.extra!.text);
    assert.ok(difficulty.type === 'choice' && difficulty.options.every((o) => o.score === undefined));
    assert.equal(gad!.items[1]!.id, 'gad-7.q8');
    assert.equal(pcl!.items.length, 1);
  });

  it('are required by default; "required": false makes every row optional', () => {
    assert.equal((phq!.items[0] as ScaleItem).required, true);
    assert.equal((pcl!.items[0] as ScaleItem).required, false);
  });

  it('show the PCL-5’s on-screen instructions as the intro; the PHQ-9 and GAD-7 have none', () => {
    assert.equal(pcl!.intro, PCL5.instructionsElectronic);
    assert.equal(phq!.intro, undefined);
    assert.equal(gad!.intro, undefined);
  });
});

describe('phq-9 in Spanish ("Spanish for the USA") matches its verified record', () => {
  const reference = JSON.parse(readFileSync(new URL('es/phq-9.json', REFERENCE), 'utf8')) as Omit<Reference, 'scoring'> & {
    language: string;
    formTitleNote: string;
    scoring: { range: [number, number]; bands: { min: number; max: number; labelEn: string; labelEs: null }[] };
  };

  it('has the same id, language, names, recall period, stem and LOINC panel and total codes', () => {
    assert.equal(PHQ9_ES.id, reference.id);
    assert.equal(PHQ9_ES.language, reference.language);
    assert.equal(PHQ9_ES.name, reference.name);
    assert.equal(PHQ9_ES.formTitle, reference.formTitle);
    assert.equal(PHQ9_ES.recallPeriod, reference.recallPeriod);
    assert.equal(PHQ9_ES.stem, reference.stem);
    assert.deepEqual(PHQ9_ES.loinc, {
      panel: reference.loinc.panel,
      panelDisplay: reference.loinc.panelDisplay,
      total: reference.loinc.total,
      totalDisplay: reference.loinc.totalDisplay,
    });
  });

  it('titles its page with the printed title’s words, in the case one transcription stores (not capitals)', () => {
    assert.equal(PHQ9_ES.title!.toLocaleUpperCase('es'), reference.formTitle);
    assert.ok(reference.formTitleNote.includes(`'${PHQ9_ES.title}'`), 'the record names this spelling');
  });

  it('has every option with the same value, label, score and LOINC answer code, in order (option 0 is "Ningún día")', () => {
    assert.deepEqual(
      PHQ9_ES.options.map((o) => ({ value: o.value, label: o.label, score: o.score, loinc: o.loinc })),
      reference.options.map((o) => ({ value: o.value, label: o.label, score: o.score, loinc: o.loinc })),
    );
    assert.equal(PHQ9_ES.options[0]!.label, 'Ningún día');
  });

  it('has every item with the form’s wording (en dashes in items 6 and 8), number, linkId and LOINC code', () => {
    assert.equal(PHQ9_ES.items.length, reference.items.length);
    reference.items.forEach((expected, i) => {
      const actual = PHQ9_ES.items[i]!;
      assert.equal(actual.text, expected.text, `item ${expected.number} text`);
      assert.equal(actual.linkId, expected.linkId);
      assert.equal(actual.number, expected.number);
      assert.equal(actual.loinc, expected.loinc, `item ${expected.number} LOINC`);
    });
    assert.ok(PHQ9_ES.items[5]!.text.includes(' – ') && PHQ9_ES.items[7]!.text.includes(' – '));
  });

  it('has the difficulty question, unscored, with its options and codes', () => {
    assert.ok(reference.extra && PHQ9_ES.extra);
    assert.equal(reference.extra.scored, false);
    assert.equal(PHQ9_ES.extra.text, reference.extra.text);
    assert.equal(PHQ9_ES.extra.linkId, reference.extra.linkId);
    assert.equal(PHQ9_ES.extra.loinc, reference.extra.loinc);
    assert.deepEqual(
      PHQ9_ES.extra.options.map((o) => ({ ...o })),
      reference.extra.options.map((o) => ({ value: o.value, label: o.label, loinc: o.loinc })),
    );
  });

  it('has the same range and numeric bands (the Spanish form prints no band names) and the Spanish footer', () => {
    assert.deepEqual(PHQ9_ES.range, reference.scoring.range);
    assert.deepEqual(
      PHQ9_ES.bands.map(({ min, max, label }) => ({ min, max, label })),
      reference.scoring.bands.map(({ min, max, labelEn }) => ({ min, max, label: labelEn })),
    );
    assert.ok(reference.scoring.bands.every((band) => band.labelEs === null));
    assert.equal(PHQ9_ES.notice, reference.notice);
  });

  it('scores and flags as the English form does: only the words differ', () => {
    assert.deepEqual(PHQ9_ES.safetyItems, PHQ9.safetyItems);
    assert.deepEqual(PHQ9_ES.bands, PHQ9.bands);
    assert.deepEqual(
      PHQ9_ES.options.map(({ label: _label, ...rest }) => rest),
      PHQ9.options.map(({ label: _label, ...rest }) => rest),
    );
    assert.deepEqual(
      PHQ9_ES.items.map(({ text: _text, ...rest }) => rest),
      PHQ9.items.map(({ text: _text, ...rest }) => rest),
    );
  });
});

describe('instruments without a verified Spanish form are not translated', () => {
  it('the Spanish module ships the PHQ-9 only: no GAD-7 (provisional record) and no PCL-5 (none exists)', () => {
    assert.deepEqual(Object.keys(FORMS_ES.instruments ?? {}), ['phq-9']);
    assert.equal(FORMS_ES.instruments!['phq-9'], PHQ9_ES);
  });

  it('no text of the provisional Spanish GAD-7 record appears anywhere in the source', () => {
    const provisional = JSON.parse(readFileSync(new URL('es/provisional/gad-7.json', REFERENCE), 'utf8')) as Reference;
    const source = new URL('../../src/', import.meta.url);
    const files = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    assert.ok(files.length > 50);
    const all = files.map((file) => readFileSync(new URL(file, source), 'utf8')).join('\n');
    for (const item of provisional.items) assert.ok(!all.includes(item.text), `GAD-7 item ${item.number} in Spanish must not ship`);
  });
});
