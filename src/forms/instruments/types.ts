/**
 * The shape of a built-in validated instrument. The texts, options, scores and codes in each
 * instrument module are copied character for character from the curated records in
 * `reference/instruments/*.json`, and `test/forms/instruments.test.ts` compares them with those
 * files, so a typo fails the build. Display wording is the paper form's (`text`), never LOINC's
 * display text (`loincText`).
 */

export type InstrumentId = 'phq-9' | 'gad-7' | 'pcl-5';

/** One answer of the shared response scale, with its ordinal score and LOINC answer code. */
export interface InstrumentOption {
  readonly value: string;
  readonly label: string;
  readonly score: number;
  /** LOINC answer code (`LA…`), or null where none is published (PCL-5). */
  readonly loinc: string | null;
}

export interface InstrumentItem {
  /** `q1`, `q2`…, as in the curated record (and in FHIR `linkId`). */
  readonly linkId: string;
  readonly number: number;
  /** LOINC question code, or null where none is published (PCL-5). */
  readonly loinc: string | null;
  readonly text: string;
  /** PCL-5 only: the DSM-5 symptom cluster (B, C, D or E). */
  readonly cluster?: 'B' | 'C' | 'D' | 'E';
}

/** The unscored difficulty question that follows the PHQ-9 and the GAD-7. */
export interface InstrumentExtra {
  readonly linkId: string;
  readonly loinc: string | null;
  readonly text: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly loinc: string }[];
}

export interface InstrumentBand {
  /** Stable id for software (`moderately-severe`); `label` is for people. */
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

export interface InstrumentCluster {
  readonly id: 'B' | 'C' | 'D' | 'E';
  readonly name: string;
  /** Item numbers (1-based) in the cluster. */
  readonly items: readonly number[];
  /** Endorsed items (rated at or above `endorsedAt`) the provisional diagnosis needs. */
  readonly minEndorsedForProvisionalDx: number;
}

export interface Instrument {
  readonly id: InstrumentId;
  /**
   * The language of the texts (BCP 47); English when absent. A translation is shipped only when it
   * is the publisher's official one, verified against its reference record, and reproduced verbatim.
   */
  readonly language?: string;
  readonly name: string;
  /** The page title, where it differs from `name` (a translation's own printed title). */
  readonly title?: string;
  readonly formTitle: string;
  readonly loinc: {
    readonly panel: string;
    readonly panelDisplay: string;
    readonly total: string;
    readonly totalDisplay: string;
  };
  readonly recallPeriod: string;
  /** The question the items answer, shown as the legend of the scale. */
  readonly stem: string;
  /** Paper instructions, verbatim (PCL-5 only). */
  readonly instructions?: string;
  /**
   * Instructions for on-screen use (PCL-5 only): the published electronic adaptation, since the
   * paper text asks the reader to "circle one of the numbers to the right".
   */
  readonly instructionsElectronic?: string;
  readonly options: readonly InstrumentOption[];
  readonly items: readonly InstrumentItem[];
  readonly extra: InstrumentExtra | null;
  readonly range: readonly [number, number];
  /** Severity bands, in order; empty where the instrument has none (PCL-5). */
  readonly bands: readonly InstrumentBand[];
  /** Items (linkIds) where any answer above zero must show crisis resources at once. */
  readonly safetyItems: readonly string[];
  /** The copyright or citation notice that must be shown with the instrument. */
  readonly notice: string;
  /** LOINC's notice (`LOINC_NOTICE`), which its licence asks for wherever its codes ship. */
  readonly loincNotice: string;
}

export interface Gad7Instrument extends Instrument {
  readonly id: 'gad-7';
  /** A total at or above this warrants further evaluation. */
  readonly furtherEvaluationCutpoint: number;
}

export interface Pcl5Instrument extends Instrument {
  readonly id: 'pcl-5';
  readonly clusters: readonly InstrumentCluster[];
  /** An item counts as an endorsed symptom when rated at least this (2, "Moderately"). */
  readonly endorsedAt: number;
  /** The published range of provisional cut-points for probable PTSD (31–33). */
  readonly provisionalCutPoint: { readonly min: number; readonly max: number; readonly text: string };
}
