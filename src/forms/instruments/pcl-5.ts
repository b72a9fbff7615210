/**
 * PTSD Checklist for DSM-5 (PCL-5), reproduced from `reference/instruments/pcl-5.json`.
 * Public domain (a U.S. Government work, VA National Center for PTSD). Cite Weathers et al. (2013):
 * the notice below must be shown with it. Its LOINC panel code is LOINC's, shipped with its notice
 * (`LOINC_NOTICE`, quoted in `phq-9.ts`).
 */
import { LOINC_NOTICE } from './loinc.js';
import type { Pcl5Instrument } from './types.js';

export const PCL5: Pcl5Instrument = {
  id: 'pcl-5',
  name: 'PTSD Checklist for DSM-5 (PCL-5)',
  formTitle: 'PCL-5',
  loinc: {
    panel: '101697-1',
    panelDisplay: 'Post traumatic stress disorder checklist - civilian version DSM-5 [PCL-5]',
    total: '101698-9',
    totalDisplay: 'PTSD PCL-5 score [PCL-5]',
  },
  recallPeriod: 'past month',
  stem: 'In the past month, how much were you bothered by:',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then circle one of the numbers to the right to indicate how much you have been bothered by that problem in the past month.',
  // CamCOPS' adaptation for screens (the VA's own electronic text is only known for the past-week version).
  instructionsElectronic:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to the right to indicate how much you have been bothered by that problem in the past month.',
  options: [
    { value: 'not-at-all', label: 'Not at all', score: 0, loinc: null },
    { value: 'a-little-bit', label: 'A little bit', score: 1, loinc: null },
    { value: 'moderately', label: 'Moderately', score: 2, loinc: null },
    { value: 'quite-a-bit', label: 'Quite a bit', score: 3, loinc: null },
    { value: 'extremely', label: 'Extremely', score: 4, loinc: null },
  ],
  items: [
    {
      linkId: 'q1',
      number: 1,
      loinc: null,
      cluster: 'B',
      text: 'Repeated, disturbing, and unwanted memories of the stressful experience?',
    },
    {
      linkId: 'q2',
      number: 2,
      loinc: null,
      cluster: 'B',
      text: 'Repeated, disturbing dreams of the stressful experience?',
    },
    {
      linkId: 'q3',
      number: 3,
      loinc: null,
      cluster: 'B',
      text: 'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
    },
    {
      linkId: 'q4',
      number: 4,
      loinc: null,
      cluster: 'B',
      text: 'Feeling very upset when something reminded you of the stressful experience?',
    },
    {
      linkId: 'q5',
      number: 5,
      loinc: null,
      cluster: 'B',
      text: 'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
    },
    {
      linkId: 'q6',
      number: 6,
      loinc: null,
      cluster: 'C',
      text: 'Avoiding memories, thoughts, or feelings related to the stressful experience?',
    },
    {
      linkId: 'q7',
      number: 7,
      loinc: null,
      cluster: 'C',
      text: 'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
    },
    {
      linkId: 'q8',
      number: 8,
      loinc: null,
      cluster: 'D',
      text: 'Trouble remembering important parts of the stressful experience?',
    },
    {
      linkId: 'q9',
      number: 9,
      loinc: null,
      cluster: 'D',
      text: 'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
    },
    {
      linkId: 'q10',
      number: 10,
      loinc: null,
      cluster: 'D',
      text: 'Blaming yourself or someone else for the stressful experience or what happened after it?',
    },
    {
      linkId: 'q11',
      number: 11,
      loinc: null,
      cluster: 'D',
      text: 'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
    },
    {
      linkId: 'q12',
      number: 12,
      loinc: null,
      cluster: 'D',
      text: 'Loss of interest in activities that you used to enjoy?',
    },
    {
      linkId: 'q13',
      number: 13,
      loinc: null,
      cluster: 'D',
      text: 'Feeling distant or cut off from other people?',
    },
    {
      linkId: 'q14',
      number: 14,
      loinc: null,
      cluster: 'D',
      text: 'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
    },
    {
      linkId: 'q15',
      number: 15,
      loinc: null,
      cluster: 'E',
      text: 'Irritable behavior, angry outbursts, or acting aggressively?',
    },
    {
      linkId: 'q16',
      number: 16,
      loinc: null,
      cluster: 'E',
      text: 'Taking too many risks or doing things that could cause you harm?',
    },
    {
      linkId: 'q17',
      number: 17,
      loinc: null,
      cluster: 'E',
      text: 'Being “superalert” or watchful or on guard?',
    },
    {
      linkId: 'q18',
      number: 18,
      loinc: null,
      cluster: 'E',
      text: 'Feeling jumpy or easily startled?',
    },
    {
      linkId: 'q19',
      number: 19,
      loinc: null,
      cluster: 'E',
      text: 'Having difficulty concentrating?',
    },
    {
      linkId: 'q20',
      number: 20,
      loinc: null,
      cluster: 'E',
      text: 'Trouble falling or staying asleep?',
    },
  ],
  extra: null,
  range: [0, 80],
  bands: [],
  safetyItems: [],
  clusters: [
    { id: 'B', name: 'Intrusion', items: [1, 2, 3, 4, 5], minEndorsedForProvisionalDx: 1 },
    { id: 'C', name: 'Avoidance', items: [6, 7], minEndorsedForProvisionalDx: 1 },
    { id: 'D', name: 'Negative alterations in cognitions and mood', items: [8, 9, 10, 11, 12, 13, 14], minEndorsedForProvisionalDx: 2 },
    { id: 'E', name: 'Alterations in arousal and reactivity', items: [15, 16, 17, 18, 19, 20], minEndorsedForProvisionalDx: 2 },
  ],
  endorsedAt: 2,
  provisionalCutPoint: {
    min: 31,
    max: 33,
    text: 'Initial research suggests that a PCL-5 cut-off score between 31-33 is indicative of probable PTSD across samples.',
  },
  notice:
    'Weathers, F. W., Litz, B. T., Keane, T. M., Palmieri, P. A., Marx, B. P., & Schnurr, P. P. (2013). The PTSD Checklist for DSM-5 (PCL-5) – Standard [Measurement instrument]. Available from https://www.ptsd.va.gov/',
  loincNotice: LOINC_NOTICE,
};
