/** A complete, valid set of answers to the demo intake (no Node imports: the browser tests use it too). */
import type { Answers } from '../../src/forms/index.js';

const rows = (instrument: string, count: number, value: (i: number) => string) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${instrument}.q${i + 1}`, value(i)]));

const PHQ = ['not-at-all', 'several-days', 'more-than-half-the-days', 'nearly-every-day'];
const PCL = ['not-at-all', 'a-little-bit', 'moderately', 'quite-a-bit', 'extremely'];

/** A complete, valid set of answers to the demo intake, as the client typed them. */
export function completeDemoAnswers(): Answers {
  return {
    'full-name': ' Ann Lee ',
    'date-of-birth': { day: '4', month: '03', year: '1985' },
    email: 'ann@example.com',
    phone: '212 555 0100',
    'ms-blood-pressure': 'no',
    'ms-heart': 'no',
    'ms-aneurysm': 'no',
    'ms-psychosis': 'no',
    'ms-mania': 'no',
    'ms-family-psychosis': 'not-sure',
    'ms-dissociative': 'no',
    'ms-suicide-attempt': 'no',
    'ms-substance-use': 'no',
    'ms-pregnancy': ['none'],
    'ms-seizures': 'no',
    'ms-liver': 'no',
    'ms-bladder': 'no',
    'ms-intracranial': 'no',
    'ms-glaucoma': 'no',
    'ms-thyroid': 'no',
    'ms-breathing': ['none'],
    'ms-medications': ['none'],
    'ms-ketamine-before': 'no',
    'ms-allergies': 'no',
    // PHQ-9: 1,1,1,1,1,1,1,1,0 → 8 (mild); item 9 not at all
    ...rows('phq-9', 9, (i) => PHQ[i < 8 ? 1 : 0]!),
    'phq-9.q10': 'somewhat-difficult',
    // GAD-7: 2 each → 14 (moderate)
    ...rows('gad-7', 7, () => PHQ[2]!),
    // PCL-5: 2 each → 40
    ...rows('pcl-5', 20, () => PCL[2]!),
    'consent-treatment-information': { agreed: true, signature: 'Ann Lee' },
  };
}
