/**
 * Scoring, exhaustively where feasible: all 4^9 PHQ-9 and 4^7 GAD-7 answer sets against a
 * straightforward oracle written here from the published rules; the PCL-5 (5^20 sets) by
 * property tests; and every kind of incomplete answer set, which must never score as zero.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseFormDefinition, scoreForm, scoreGad7, scoreInstrument, scorePcl5, scorePhq9, type ItemScores } from '../../src/forms/index.js';

const REFERENCE = new URL('../../reference/instruments/', import.meta.url);
const reference = (id: string) => JSON.parse(readFileSync(new URL(`${id}.json`, REFERENCE), 'utf8'));

const ids = (n: number) => Array.from({ length: n }, (_, i) => `q${i + 1}`);
const toAnswers = (scores: readonly (number | null | undefined)[]): ItemScores => Object.fromEntries(scores.map((score, i) => [`q${i + 1}`, score]));

// ---- the oracle: the published rules, written out plainly --------------------------------

function phq9Band(total: number): string {
  if (total <= 4) return 'Minimal';
  if (total <= 9) return 'Mild';
  if (total <= 14) return 'Moderate';
  if (total <= 19) return 'Moderately severe';
  return 'Severe';
}

function gad7Band(total: number): string {
  if (total <= 4) return 'Minimal';
  if (total <= 9) return 'Mild';
  if (total <= 14) return 'Moderate';
  return 'Severe';
}

describe('the oracle agrees with the shared reference bands', () => {
  it('PHQ-9 and GAD-7 bands at every total', () => {
    for (const [id, oracle, max] of [
      ['phq-9', phq9Band, 27],
      ['gad-7', gad7Band, 21],
    ] as const) {
      const bands: { min: number; max: number; label: string }[] = reference(id).scoring.bands;
      for (let total = 0; total <= max; total++) {
        assert.equal(oracle(total), bands.find((b) => total >= b.min && total <= b.max)?.label, `${id} ${total}`);
      }
    }
  });
});

describe('scorePhq9', () => {
  it('scores all 4^9 = 262,144 complete answer sets like the oracle (total, band, item-9 safety)', () => {
    const scores = new Array<number>(9).fill(0);
    let checked = 0;
    for (let n = 0; n < 4 ** 9; n++) {
      let rest = n;
      let total = 0;
      for (let i = 0; i < 9; i++) {
        scores[i] = rest % 4;
        rest = Math.floor(rest / 4);
        total += scores[i]!;
      }
      const result = scorePhq9(toAnswers(scores));
      if (
        result.total !== total ||
        result.band?.label !== phq9Band(total) ||
        result.safety !== scores[8]! > 0 ||
        !result.complete ||
        result.answered !== 9 ||
        result.missing.length !== 0 ||
        result.instrument !== 'phq-9'
      ) {
        assert.fail(`answers ${scores.join(',')}: got ${JSON.stringify(result)}`);
      }
      checked++;
    }
    assert.equal(checked, 262_144);
  });

  it('gives band ids for software alongside the labels', () => {
    assert.deepEqual(scorePhq9(toAnswers([0, 0, 0, 0, 0, 0, 0, 0, 0])).band, { id: 'minimal', label: 'Minimal' });
    assert.deepEqual(scorePhq9(toAnswers([3, 3, 3, 3, 3, 0, 0, 0, 0])).band, { id: 'moderately-severe', label: 'Moderately severe' });
    assert.deepEqual(scorePhq9(toAnswers([3, 3, 3, 3, 3, 3, 3, 3, 3])).band, { id: 'severe', label: 'Severe' });
  });
});

describe('scoreGad7', () => {
  it('scores all 4^7 = 16,384 complete answer sets like the oracle (total, band, further evaluation at 10)', () => {
    const scores = new Array<number>(7).fill(0);
    for (let n = 0; n < 4 ** 7; n++) {
      let rest = n;
      let total = 0;
      for (let i = 0; i < 7; i++) {
        scores[i] = rest % 4;
        rest = Math.floor(rest / 4);
        total += scores[i]!;
      }
      const result = scoreGad7(toAnswers(scores));
      assert.ok(
        result.total === total && result.band?.label === gad7Band(total) && result.furtherEvaluation === total >= 10 && result.complete,
        `answers ${scores.join(',')}: got ${JSON.stringify(result)}`,
      );
    }
  });
});

describe('scorePcl5', () => {
  const CLUSTERS = { B: [1, 2, 3, 4, 5], C: [6, 7], D: [8, 9, 10, 11, 12, 13, 14], E: [15, 16, 17, 18, 19, 20] };
  const NEEDED = { B: 1, C: 1, D: 2, E: 2 };
  const complete = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 20, maxLength: 20 });

  it('totals, cluster subtotals, endorsed counts, provisional diagnosis and cut-point follow the rules (property)', () => {
    fc.assert(
      fc.property(complete, (scores) => {
        const result = scorePcl5(toAnswers(scores));
        const total = scores.reduce((a, b) => a + b, 0);
        assert.equal(result.total, total);
        assert.equal(result.complete, true);
        assert.equal(result.band, null, 'the PCL-5 has no official severity bands');
        let diagnosis = true;
        for (const [id, items] of Object.entries(CLUSTERS)) {
          const cluster = result.clusters.find((c) => c.id === id)!;
          const values = items.map((n) => scores[n - 1]!);
          const endorsed = values.filter((v) => v >= 2).length;
          assert.equal(
            cluster.total,
            values.reduce((a, b) => a + b, 0),
          );
          assert.equal(cluster.endorsed, endorsed);
          if (endorsed < NEEDED[id as keyof typeof NEEDED]) diagnosis = false;
        }
        assert.equal(result.provisionalDiagnosis, diagnosis);
        assert.equal(result.cutPoint, total < 31 ? 'below' : total <= 33 ? 'within' : 'above');
      }),
      { numRuns: 3000 },
    );
  });

  it('meets the provisional diagnosis exactly at the minimum of each cluster, and misses it one short', () => {
    const minimal = new Array<number>(20).fill(1);
    for (const n of [1, 6, 8, 9, 15, 16]) minimal[n - 1] = 2;
    assert.equal(scorePcl5(toAnswers(minimal)).provisionalDiagnosis, true);
    for (const n of [1, 6, 9, 16]) {
      const short = [...minimal];
      short[n - 1] = 1;
      assert.equal(scorePcl5(toAnswers(short)).provisionalDiagnosis, false, `without item ${n}`);
    }
    // Many symptoms rated 1 ("A little bit") never count: high total, no provisional diagnosis.
    const mild = new Array<number>(20).fill(1);
    assert.equal(scorePcl5(toAnswers(mild)).provisionalDiagnosis, false);
  });

  it('places totals against the 31–33 cut-point range at its edges', () => {
    const withTotal = (total: number) => {
      const scores = new Array<number>(20).fill(0);
      for (let i = 0; total > 0; i++, total -= Math.min(4, total)) scores[i] = Math.min(4, total);
      return scorePcl5(toAnswers(scores)).cutPoint;
    };
    assert.deepEqual([30, 31, 33, 34, 80, 0].map(withTotal), ['below', 'within', 'within', 'above', 'above', 'below']);
  });

  it('gives cluster subtotals for complete clusters even when another cluster is incomplete, never a diagnosis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), { minLength: 20, maxLength: 20 }).filter((s) => s.includes(undefined)),
        (scores) => {
          const result = scorePcl5(toAnswers(scores));
          assert.equal(result.complete, false);
          assert.equal(result.total, null);
          assert.equal(result.provisionalDiagnosis, null);
          assert.equal(result.cutPoint, null);
          for (const [id, items] of Object.entries(CLUSTERS)) {
            const cluster = result.clusters.find((c) => c.id === id)!;
            const values = items.map((n) => scores[n - 1]);
            if (values.includes(undefined)) {
              assert.equal(cluster.total, null);
              assert.equal(cluster.endorsed, null);
            } else {
              assert.equal(
                cluster.total,
                (values as number[]).reduce((a, b) => a + b, 0),
              );
            }
          }
          assert.deepEqual(
            result.missing,
            ids(20).filter((_, i) => scores[i] === undefined),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('incomplete answers are incomplete, never zero', () => {
  const INSTRUMENTS = [
    { id: 'phq-9', items: 9, max: 3 },
    { id: 'gad-7', items: 7, max: 3 },
    { id: 'pcl-5', items: 20, max: 4 },
  ] as const;

  for (const { id, items, max } of INSTRUMENTS) {
    const expectIncomplete = (answers: ItemScores, missing: string[]) => {
      const result = scoreInstrument(id, answers);
      assert.equal(result.complete, false);
      assert.equal(result.total, null);
      assert.equal(result.band, null);
      assert.deepEqual(result.missing, missing);
      assert.equal(result.answered, items - missing.length);
      return result;
    };

    it(`${id}: no answers at all`, () => {
      expectIncomplete({}, ids(items));
    });

    it(`${id}: one item missing, at every position, with the others at zero and at the maximum`, () => {
      for (let gap = 0; gap < items; gap++) {
        for (const fill of [0, max]) {
          const scores = new Array<number | undefined>(items).fill(fill);
          scores[gap] = undefined;
          expectIncomplete(toAnswers(scores), [`q${gap + 1}`]);
        }
      }
    });

    it(`${id}: only one item answered, at every position`, () => {
      for (let only = 0; only < items; only++) {
        const answers = { [`q${only + 1}`]: max };
        expectIncomplete(
          answers,
          ids(items).filter((_, i) => i !== only),
        );
      }
    });

    it(`${id}: null, undefined and an absent key all count as missing`, () => {
      const base = toAnswers(new Array(items).fill(1));
      const { q2: _dropped, ...absent } = base;
      for (const answers of [{ ...base, q2: null }, { ...base, q2: undefined }, absent]) expectIncomplete(answers, ['q2']);
    });

    it(`${id}: any non-empty set of missing items (property)`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.option(fc.integer({ min: 0, max }), { nil: null }), { minLength: items, maxLength: items }).filter((s) => s.includes(null)),
          (scores) => {
            expectIncomplete(
              toAnswers(scores),
              ids(items).filter((_, i) => scores[i] === null),
            );
          },
        ),
        { numRuns: 500 },
      );
    });

    it(`${id}: rejects values that are not scores of the item, and ignores other keys`, () => {
      for (const bad of [max + 1, -1, 1.5, Number.NaN, '2' as unknown as number]) {
        assert.throws(() => scoreInstrument(id, { ...toAnswers(new Array(items).fill(0)), q1: bad }), RangeError);
      }
      const result = scoreInstrument(id, { ...toAnswers(new Array(items).fill(1)), q99: 7, note: 3 });
      assert.equal(result.total, items);
    });
  }

  it('PHQ-9 item 9 above zero raises safety even when other items are missing; missing item 9 does not', () => {
    assert.equal(scorePhq9({ q9: 1 }).safety, true);
    assert.equal(scorePhq9({ q9: 0 }).safety, false);
    assert.equal(scorePhq9(toAnswers([3, 3, 3, 3, 3, 3, 3, 3, undefined])).safety, false);
  });

  it('GAD-7 does not judge further evaluation when incomplete', () => {
    assert.equal(scoreGad7(toAnswers([3, 3, 3, 3, 3, 3, undefined])).furtherEvaluation, null);
  });
});

describe('scoreInstrument', () => {
  it('dispatches by id and rejects unknown instruments', () => {
    const answers = toAnswers(new Array(20).fill(2));
    assert.deepEqual(scoreInstrument('phq-9', answers), scorePhq9(answers));
    assert.deepEqual(scoreInstrument('gad-7', answers), scoreGad7(answers));
    assert.deepEqual(scoreInstrument('pcl-5', answers), scorePcl5(answers));
    assert.throws(() => scoreInstrument('c-ssrs' as 'phq-9', answers), /Unknown instrument "c-ssrs"/);
  });
});

describe('scoreForm', () => {
  const parsed = parseFormDefinition({
    id: 'f',
    title: 'F',
    pages: [
      { id: 'gate', title: 'Gate', items: [{ type: 'yesno', id: 'trauma', label: 'Trauma?' }] },
      { instrument: 'phq-9' },
      { instrument: 'pcl-5', when: { item: 'trauma', equals: 'yes' } },
    ],
  });
  assert.ok(parsed.ok);
  const form = parsed.form;
  const phqValues = ['not-at-all', 'several-days', 'more-than-half-the-days', 'nearly-every-day'];

  it('scores instruments from the option values the client chose', () => {
    const answers = Object.fromEntries(ids(9).map((q, i) => [`phq-9.${q}`, phqValues[i % 4]!]));
    const [phq] = scoreForm(form, { ...answers, trauma: 'no' });
    assert.equal(phq?.instrument, 'phq-9');
    assert.equal(phq?.total, 0 + 1 + 2 + 3 + 0 + 1 + 2 + 3 + 0);
    assert.equal(phq?.band?.label, 'Moderate');
  });

  it('scores only visible instruments, and an untouched visible one as incomplete', () => {
    assert.deepEqual(
      scoreForm(form, { trauma: 'no' }).map((s) => s.instrument),
      ['phq-9'],
    );
    const scores = scoreForm(form, { trauma: 'yes' });
    assert.deepEqual(
      scores.map((s) => [s.instrument, s.complete, s.total]),
      [
        ['phq-9', false, null],
        ['pcl-5', false, null],
      ],
    );
  });

  it('treats an unknown option value as unanswered, not as zero', () => {
    const answers = Object.fromEntries(ids(9).map((q) => [`phq-9.${q}`, 'not-at-all']));
    const [phq] = scoreForm(form, { ...answers, 'phq-9.q3': 'sometimes' });
    assert.deepEqual([phq?.complete, phq?.total, phq?.missing], [false, null, ['q3']]);
  });
});
