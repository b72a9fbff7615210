/**
 * Generalized Anxiety Disorder 7-item (GAD-7), reproduced from `reference/instruments/gad-7.json`.
 * Copyright Pfizer Inc., free to reproduce without permission. The notice below must be shown with it.
 * The LOINC codes are LOINC's, shipped with its notice (`LOINC_NOTICE`, quoted in `phq-9.ts`).
 */
import { LOINC_NOTICE } from './loinc.js';
import { FREQUENCY_OPTIONS } from './phq-9.js';
import type { Gad7Instrument } from './types.js';

export const GAD7: Gad7Instrument = {
  id: 'gad-7',
  name: 'Generalized Anxiety Disorder 7-item (GAD-7)',
  formTitle: 'GAD-7',
  loinc: {
    panel: '69737-5',
    panelDisplay: 'Generalized anxiety disorder 7 item (GAD-7)',
    total: '70274-6',
    totalDisplay: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
  recallPeriod: 'last 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  options: FREQUENCY_OPTIONS,
  items: [
    {
      linkId: 'q1',
      number: 1,
      loinc: '69725-0',
      text: 'Feeling nervous, anxious or on edge',
    },
    {
      linkId: 'q2',
      number: 2,
      loinc: '68509-9',
      text: 'Not being able to stop or control worrying',
    },
    {
      linkId: 'q3',
      number: 3,
      loinc: '69733-4',
      text: 'Worrying too much about different things',
    },
    {
      linkId: 'q4',
      number: 4,
      loinc: '69734-2',
      text: 'Trouble relaxing',
    },
    {
      linkId: 'q5',
      number: 5,
      loinc: '69735-9',
      text: 'Being so restless that it is hard to sit still',
    },
    {
      linkId: 'q6',
      number: 6,
      loinc: '69689-8',
      text: 'Becoming easily annoyed or irritable',
    },
    {
      linkId: 'q7',
      number: 7,
      loinc: '69736-7',
      text: 'Feeling afraid as if something awful might happen',
    },
  ],
  // Not scored; optional. Its 0–3 storage ordinals in some apps are not a published score, so none is given.
  extra: {
    linkId: 'q8',
    loinc: null,
    text: 'If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?',
    options: [
      { value: 'not-difficult-at-all', label: 'Not difficult at all', loinc: 'LA6572-7' },
      { value: 'somewhat-difficult', label: 'Somewhat difficult', loinc: 'LA6573-5' },
      { value: 'very-difficult', label: 'Very difficult', loinc: 'LA6575-0' },
      { value: 'extremely-difficult', label: 'Extremely difficult', loinc: 'LA6574-3' },
    ],
  },
  range: [0, 21],
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'Minimal' },
    { id: 'mild', min: 5, max: 9, label: 'Mild' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { id: 'severe', min: 15, max: 21, label: 'Severe' },
  ],
  safetyItems: [],
  furtherEvaluationCutpoint: 10,
  notice:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  loincNotice: LOINC_NOTICE,
};
