/**
 * Patient Health Questionnaire-9 (PHQ-9), reproduced from `reference/instruments/phq-9.json`.
 * Copyright Pfizer Inc., free to reproduce without permission. The notice below must be shown with it.
 * The LOINC codes are LOINC's, shipped with its notice (`LOINC_NOTICE`): "This material contains content
 * from LOINC® (https://loinc.org). LOINC is copyright © 1995-2026, Regenstrief Institute, Inc. and the
 * Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the
 * license at https://loinc.org/license/. LOINC® is a registered United States trademark of Regenstrief
 * Institute, Inc."
 */
import { LOINC_NOTICE } from './loinc.js';
import type { Instrument } from './types.js';

/**
 * The answer scale the PHQ-9 and the GAD-7 share, with the same LOINC answer codes (both Pfizer forms):
 * how often, over the last 2 weeks, scored 0 to 3.
 */
export const FREQUENCY_OPTIONS = [
  { value: 'not-at-all', label: 'Not at all', score: 0, loinc: 'LA6568-5' },
  { value: 'several-days', label: 'Several days', score: 1, loinc: 'LA6569-3' },
  { value: 'more-than-half-the-days', label: 'More than half the days', score: 2, loinc: 'LA6570-1' },
  { value: 'nearly-every-day', label: 'Nearly every day', score: 3, loinc: 'LA6571-9' },
] as const;

export const PHQ9: Instrument = {
  id: 'phq-9',
  name: 'Patient Health Questionnaire-9 (PHQ-9)',
  formTitle: 'PATIENT HEALTH QUESTIONNAIRE-9 (PHQ-9)',
  loinc: {
    panel: '44249-1',
    panelDisplay: 'PHQ-9 quick depression assessment panel [Reported.PHQ]',
    total: '44261-6',
    totalDisplay: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  recallPeriod: 'last 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  options: FREQUENCY_OPTIONS,
  items: [
    {
      linkId: 'q1',
      number: 1,
      loinc: '44250-9',
      text: 'Little interest or pleasure in doing things',
    },
    {
      linkId: 'q2',
      number: 2,
      loinc: '44255-8',
      text: 'Feeling down, depressed, or hopeless',
    },
    {
      linkId: 'q3',
      number: 3,
      loinc: '44259-0',
      text: 'Trouble falling or staying asleep, or sleeping too much',
    },
    {
      linkId: 'q4',
      number: 4,
      loinc: '44254-1',
      text: 'Feeling tired or having little energy',
    },
    {
      linkId: 'q5',
      number: 5,
      loinc: '44251-7',
      text: 'Poor appetite or overeating',
    },
    {
      linkId: 'q6',
      number: 6,
      loinc: '44258-2',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    },
    {
      linkId: 'q7',
      number: 7,
      loinc: '44252-5',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
    {
      linkId: 'q8',
      number: 8,
      loinc: '44253-3',
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    },
    {
      linkId: 'q9',
      number: 9,
      loinc: '44260-8',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    },
  ],
  // Not scored; optional. Its 0–3 storage ordinals in some apps are not a published score, so none is given.
  extra: {
    linkId: 'q10',
    loinc: '69722-7',
    text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    options: [
      { value: 'not-difficult-at-all', label: 'Not difficult at all', loinc: 'LA6572-7' },
      { value: 'somewhat-difficult', label: 'Somewhat difficult', loinc: 'LA6573-5' },
      { value: 'very-difficult', label: 'Very difficult', loinc: 'LA6575-0' },
      { value: 'extremely-difficult', label: 'Extremely difficult', loinc: 'LA6574-3' },
    ],
  },
  range: [0, 27],
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'Minimal' },
    { id: 'mild', min: 5, max: 9, label: 'Mild' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { id: 'moderately-severe', min: 15, max: 19, label: 'Moderately severe' },
    { id: 'severe', min: 20, max: 27, label: 'Severe' },
  ],
  safetyItems: ['q9'],
  notice:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  loincNotice: LOINC_NOTICE,
};
