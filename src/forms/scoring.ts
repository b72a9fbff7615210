/**
 * Scoring of the built-in instruments: pure functions of item scores keyed by the instrument's
 * linkIds (`{ q1: 0, q2: 3, … }`). A missing item (absent, `undefined` or `null`) makes the
 * score incomplete: total, band and derived results are then `null`, never a partial sum or
 * zero. A value that is not one of the item's scores is a programming error and throws.
 */
import type { ResolvedForm } from './definition.js';
import { chosenOptions, modelValue, type Answers } from './answers.js';
import { visibility } from './conditions.js';
import { GAD7, PCL5, PHQ9, type Instrument, type InstrumentId } from './instruments/index.js';

/** Item scores by linkId (`q1`…). */
export type ItemScores = Readonly<Record<string, number | null | undefined>>;

export interface ScoreBand {
  id: string;
  label: string;
}

export interface InstrumentScoreBase {
  instrument: InstrumentId;
  /** Every scored item answered. */
  complete: boolean;
  /** Sum of the item scores, only when complete. */
  total: number | null;
  /** How many scored items are answered. */
  answered: number;
  /** linkIds of unanswered scored items, in order. */
  missing: string[];
  /** Severity band, only when complete and the instrument has bands. */
  band: ScoreBand | null;
}

export interface Phq9Score extends InstrumentScoreBase {
  instrument: 'phq-9';
  /** Item 9 (thoughts of death or self-harm) answered above zero — known even when incomplete. */
  safety: boolean;
}

export interface Gad7Score extends InstrumentScoreBase {
  instrument: 'gad-7';
  /** Total at or above 10, the recommended cut-point for further evaluation; `null` when incomplete. */
  furtherEvaluation: boolean | null;
}

export interface Pcl5Cluster {
  id: 'B' | 'C' | 'D' | 'E';
  /** Sum of the cluster's items, only when all of them are answered. */
  total: number | null;
  /** Items rated 2 ("Moderately") or higher, only when all of them are answered. */
  endorsed: number | null;
}

export interface Pcl5Score extends InstrumentScoreBase {
  instrument: 'pcl-5';
  clusters: Pcl5Cluster[];
  /** DSM-5 rule: ≥1 B, ≥1 C, ≥2 D, ≥2 E items rated 2 or higher; `null` when incomplete. */
  provisionalDiagnosis: boolean | null;
  /**
   * The total against the published cut-point range (31–33): below 31, within 31–33, or above
   * 33 (meets any proposed cut-point); `null` when incomplete.
   */
  cutPoint: 'below' | 'within' | 'above' | null;
}

export type InstrumentScore = Phq9Score | Gad7Score | Pcl5Score;

function base(instrument: Instrument, answers: ItemScores): InstrumentScoreBase & { scores: (number | null)[] } {
  const allowed = new Set(instrument.options.map((option) => option.score));
  const scores = instrument.items.map((item) => {
    const value = answers[item.linkId];
    if (value === undefined || value === null) return null;
    if (!allowed.has(value)) {
      const accepted = [...allowed].join(', ');
      throw new RangeError(`${instrument.id} ${item.linkId}: ${String(value)} is not one of the item's scores (${accepted})`);
    }
    return value;
  });
  const missing = instrument.items.filter((_, i) => scores[i] === null).map((item) => item.linkId);
  const complete = missing.length === 0;
  const total = complete ? scores.reduce<number>((sum, score) => sum + (score ?? 0), 0) : null;
  const found = total === null ? undefined : instrument.bands.find((band) => total >= band.min && total <= band.max);
  return {
    instrument: instrument.id,
    complete,
    total,
    answered: scores.length - missing.length,
    missing,
    band: found ? { id: found.id, label: found.label } : null,
    scores,
  };
}

export function scorePhq9(answers: ItemScores): Phq9Score {
  const { scores, ...score } = base(PHQ9, answers);
  const item9 = scores[8] ?? null;
  return { ...score, instrument: 'phq-9', safety: item9 !== null && item9 > 0 };
}

export function scoreGad7(answers: ItemScores): Gad7Score {
  const { scores: _scores, ...score } = base(GAD7, answers);
  const furtherEvaluation = score.total === null ? null : score.total >= GAD7.furtherEvaluationCutpoint;
  return { ...score, instrument: 'gad-7', furtherEvaluation };
}

export function scorePcl5(answers: ItemScores): Pcl5Score {
  const { scores, ...score } = base(PCL5, answers);
  const clusters = PCL5.clusters.map((cluster): Pcl5Cluster => {
    const values = cluster.items.map((number) => scores[number - 1] ?? null);
    const complete = values.every((value) => value !== null);
    return {
      id: cluster.id,
      total: complete ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null,
      endorsed: complete ? values.filter((value) => (value ?? 0) >= PCL5.endorsedAt).length : null,
    };
  });
  const provisionalDiagnosis = score.complete ? PCL5.clusters.every((cluster, i) => (clusters[i]!.endorsed ?? 0) >= cluster.minEndorsedForProvisionalDx) : null;
  const { min, max } = PCL5.provisionalCutPoint;
  const total = score.total;
  const cutPoint = total === null ? null : total < min ? 'below' : total <= max ? 'within' : 'above';
  return { ...score, instrument: 'pcl-5', clusters, provisionalDiagnosis, cutPoint };
}

const SCORERS = { 'phq-9': scorePhq9, 'gad-7': scoreGad7, 'pcl-5': scorePcl5 } as const;

/** Scores any built-in instrument by id. */
export function scoreInstrument(id: 'phq-9', answers: ItemScores): Phq9Score;
export function scoreInstrument(id: 'gad-7', answers: ItemScores): Gad7Score;
export function scoreInstrument(id: 'pcl-5', answers: ItemScores): Pcl5Score;
export function scoreInstrument(id: InstrumentId, answers: ItemScores): InstrumentScore;
export function scoreInstrument(id: InstrumentId, answers: ItemScores): InstrumentScore {
  const scorer = SCORERS[id];
  if (!scorer) throw new RangeError(`Unknown instrument "${String(id)}"`);
  return scorer(answers);
}

/**
 * Scores every instrument on a visible page of the form from the client's answers (hidden
 * instruments are not scored). Scale rows read the chosen option's score.
 */
export function scoreForm(form: ResolvedForm, answers: Answers): InstrumentScore[] {
  const { pages } = visibility(form, answers);
  const results: InstrumentScore[] = [];
  for (const page of form.pages) {
    if (!pages.has(page.id)) continue;
    for (const item of page.items) {
      if (item.type !== 'scale' || !item.instrument) continue;
      const scores: Record<string, number | undefined> = {};
      for (const row of item.rows) {
        if (row.linkId) scores[row.linkId] = chosenOptions(item, modelValue(item, answers[row.id]))[0]?.score;
      }
      results.push(scoreInstrument(item.instrument, scores));
    }
  }
  return results;
}
