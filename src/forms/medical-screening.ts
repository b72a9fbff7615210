/**
 * The ready-made `kap-medical-screening` page (`{ "include": "kap-medical-screening" }`): the
 * health questions KAP clinics ask before treatment, with follow-ups shown only when relevant.
 *
 * Answers that need a clinician's eye carry a review flag (ids below, stable for backends).
 * Nothing here decides or hints at eligibility: the intro says a clinician reviews every answer
 * with the client, and flags are for staff only.
 *
 * Review flags: `blood-pressure`, `blood-pressure-uncontrolled`, `heart-condition`,
 * `aneurysm-avm-brain-bleed`, `psychosis-history`, `mania-history`, `family-psychosis-history`,
 * `dissociative-disorder`, `past-suicide-attempt`, `suicide-attempt-discuss`, `substance-use`,
 * `pregnancy`, `pregnancy-planned`, `breastfeeding`, `seizures`, `liver`, `bladder`,
 * `intracranial-pressure`, `glaucoma`, `hyperthyroidism`, `sleep-apnea`, `copd`,
 * `breathing-other`, `benzodiazepines`, `lamotrigine`, `stimulants`, `maoi`, `opioids`,
 * `naltrexone`, `other-medications`, `prior-ketamine`, `allergies`, `weight-low`, `weight-high`,
 * `other-health-notes`.
 *
 * A past suicide attempt is a review flag, not a safety answer: it is history, not acute risk,
 * so it neither shows the crisis panel nor alerts the clinic at once (treating the disclosure of
 * a past attempt as an emergency can feel like a verdict and make people less open). Acute risk
 * is asked by PHQ-9 item 9 and by any item a clinic marks as a safety item. Weight is flagged outside
 * 45–136 kg (100–300 lb), for a clinician to consider with height, dosing and airway.
 *
 * All the client-facing text of the page is here, in one place, for translation.
 */
import type { z } from 'zod/mini';
import type { ItemsPage } from './definition.js';

const YES_FLAG = (flag: string) => ({ when: { equals: 'yes' }, flag });
/** The weight, given in `unit`, is below or above `limit`. */
const weightIn = (unit: 'lb' | 'kg', operator: 'lessThan' | 'greaterThan', limit: number) => ({
  all: [
    { item: 'ms-weight-unit', equals: unit },
    { item: 'ms-weight', [operator]: limit },
  ],
});

export const MEDICAL_SCREENING_PAGE: z.input<typeof ItemsPage> = {
  id: 'medical-screening',
  title: 'Your health',
  intro:
    'These questions help your clinician plan care that is safe for you. Answering yes does not mean you cannot have treatment: a clinician goes through your answers with you.\n\nIf you are not sure about an answer, choose the closest one. You can explain more at your consultation.',
  items: [
    {
      type: 'yesno',
      id: 'ms-blood-pressure',
      label: 'Have you been told you have high blood pressure?',
      requiredMessage: 'Select yes if you have been told you have high blood pressure',
      review: YES_FLAG('blood-pressure'),
    },
    {
      type: 'choice',
      id: 'ms-blood-pressure-controlled',
      label: 'Is your blood pressure currently under control?',
      help: 'For example, with medicine or changes to your lifestyle.',
      requiredMessage: 'Select whether your blood pressure is under control',
      when: { item: 'ms-blood-pressure', equals: 'yes' },
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No', review: 'blood-pressure-uncontrolled' },
        { value: 'not-sure', label: 'I’m not sure', review: 'blood-pressure-uncontrolled' },
      ],
    },
    {
      type: 'yesno',
      id: 'ms-heart',
      label: 'Do you have, or have you had, a heart or circulation condition?',
      help: 'For example, heart disease, a heart attack, chest pain, an irregular heartbeat, heart failure or a stroke.',
      requiredMessage: 'Select yes if you have, or have had, a heart or circulation condition',
      review: YES_FLAG('heart-condition'),
    },
    {
      type: 'textarea',
      id: 'ms-heart-details',
      label: 'Tell us about your heart or circulation condition',
      shortText: 'your heart or circulation condition',
      required: false,
      maxLength: 2000,
      when: { item: 'ms-heart', equals: 'yes' },
    },
    {
      type: 'yesno',
      id: 'ms-aneurysm',
      label: 'Have you ever had an aneurysm, an arteriovenous malformation (AVM) or bleeding in the brain?',
      help: 'For example, a bulging blood vessel in the brain or the aorta, or a stroke caused by bleeding.',
      requiredMessage: 'Select yes if you have ever had an aneurysm, an AVM or bleeding in the brain',
      review: YES_FLAG('aneurysm-avm-brain-bleed'),
    },
    {
      type: 'yesno',
      id: 'ms-psychosis',
      label: 'Have you ever had psychosis, or been diagnosed with schizophrenia or a similar condition?',
      help: 'Psychosis can include seeing or hearing things other people do not, or holding strong beliefs that others did not share.',
      requiredMessage: 'Select yes if you have ever had psychosis or a similar diagnosis',
      review: YES_FLAG('psychosis-history'),
    },
    {
      type: 'yesno',
      id: 'ms-mania',
      label: 'Have you ever had an episode of mania or hypomania, or been diagnosed with bipolar disorder?',
      help: 'Mania can include days of feeling unusually high or irritable, needing much less sleep, or racing thoughts.',
      requiredMessage: 'Select yes if you have ever had mania, hypomania or bipolar disorder',
      review: YES_FLAG('mania-history'),
    },
    {
      type: 'choice',
      id: 'ms-family-psychosis',
      label: 'Has a close relative had schizophrenia, bipolar disorder or another psychotic illness?',
      help: 'A parent, brother, sister or child.',
      requiredMessage: 'Select whether a close relative has had one of these conditions',
      options: [
        { value: 'yes', label: 'Yes', review: 'family-psychosis-history' },
        { value: 'no', label: 'No' },
        { value: 'not-sure', label: 'I’m not sure' },
      ],
    },
    {
      type: 'yesno',
      id: 'ms-dissociative',
      label: 'Have you been diagnosed with a dissociative disorder?',
      help: 'For example, dissociative identity disorder, or depersonalization-derealization disorder.',
      requiredMessage: 'Select yes if you have been diagnosed with a dissociative disorder',
      review: YES_FLAG('dissociative-disorder'),
    },
    {
      type: 'choice',
      id: 'ms-suicide-attempt',
      label: 'Have you ever tried to end your life?',
      help: 'We ask everyone this, because it helps your clinician plan care that is safe for you.',
      requiredMessage: 'Select yes, no, or that you would rather talk about this with a clinician',
      options: [
        { value: 'yes', label: 'Yes', review: 'past-suicide-attempt' },
        { value: 'no', label: 'No' },
        { value: 'talk-first', label: 'I would rather talk about this with a clinician', review: 'suicide-attempt-discuss' },
      ],
    },
    {
      type: 'yesno',
      id: 'ms-substance-use',
      label: 'In the past 12 months, have you used alcohol or drugs more than you meant to, or felt worried about your use?',
      help: 'Drugs include prescribed medicines not taken as prescribed. Your answer is confidential and helps us keep you safe.',
      requiredMessage: 'Select yes if you have used alcohol or drugs more than you meant to',
      review: YES_FLAG('substance-use'),
    },
    {
      type: 'textarea',
      id: 'ms-substance-details',
      label: 'If you are comfortable, tell us which substances and roughly how often',
      shortText: 'which substances and how often',
      required: false,
      maxLength: 2000,
      when: { item: 'ms-substance-use', equals: 'yes' },
    },
    {
      type: 'multi',
      id: 'ms-pregnancy',
      label: 'Are you pregnant, planning a pregnancy or breastfeeding?',
      help: 'Select all that apply.',
      requiredMessage: 'Select whether you are pregnant, planning a pregnancy or breastfeeding, or select “None of these”',
      options: [
        { value: 'pregnant', label: 'I am pregnant', review: 'pregnancy' },
        { value: 'planning', label: 'I am planning a pregnancy', review: 'pregnancy-planned' },
        { value: 'breastfeeding', label: 'I am breastfeeding', review: 'breastfeeding' },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    },
    {
      type: 'yesno',
      id: 'ms-seizures',
      label: 'Have you ever had a seizure, or been diagnosed with epilepsy?',
      requiredMessage: 'Select yes if you have ever had a seizure or epilepsy',
      review: YES_FLAG('seizures'),
    },
    {
      type: 'yesno',
      id: 'ms-liver',
      label: 'Do you have, or have you had, liver problems?',
      help: 'For example, hepatitis, cirrhosis or abnormal liver blood tests.',
      requiredMessage: 'Select yes if you have, or have had, liver problems',
      review: YES_FLAG('liver'),
    },
    {
      type: 'yesno',
      id: 'ms-bladder',
      label: 'Do you have bladder or urinary problems?',
      help: 'For example, pain when passing urine, needing to go often or urgently, or blood in your urine.',
      requiredMessage: 'Select yes if you have bladder or urinary problems',
      review: YES_FLAG('bladder'),
    },
    {
      type: 'yesno',
      id: 'ms-intracranial',
      label: 'Have you been told you have raised pressure inside your head (intracranial pressure)?',
      help: 'This can follow a serious head injury, a brain tumor or bleeding in the brain.',
      requiredMessage: 'Select yes if you have been told you have raised pressure inside your head',
      review: YES_FLAG('intracranial-pressure'),
    },
    {
      type: 'yesno',
      id: 'ms-glaucoma',
      label: 'Have you been diagnosed with glaucoma or raised pressure in your eyes?',
      requiredMessage: 'Select yes if you have glaucoma or raised pressure in your eyes',
      review: YES_FLAG('glaucoma'),
    },
    {
      type: 'yesno',
      id: 'ms-thyroid',
      label: 'Have you been told you have an overactive thyroid (hyperthyroidism)?',
      help: 'For example, Graves’ disease, even if it is treated now.',
      requiredMessage: 'Select yes if you have been told you have an overactive thyroid',
      review: YES_FLAG('hyperthyroidism'),
    },
    {
      type: 'multi',
      id: 'ms-breathing',
      label: 'Do you have any of these breathing or lung conditions?',
      help: 'Select all that apply.',
      requiredMessage: 'Select the breathing or lung conditions you have, or select “None of these”',
      options: [
        {
          value: 'sleep-apnea',
          label: 'Sleep apnea',
          help: 'Breathing that stops and starts while you sleep.',
          review: 'sleep-apnea',
        },
        { value: 'copd', label: 'COPD, emphysema or chronic bronchitis', review: 'copd' },
        {
          value: 'other',
          label: 'Another condition that affects your breathing',
          help: 'For example, asthma that is hard to control.',
          review: 'breathing-other',
        },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    },
    {
      type: 'multi',
      id: 'ms-medications',
      label: 'Do you currently take any of these medicines?',
      help: 'Select all that apply, including medicines you take only sometimes.',
      requiredMessage: 'Select the medicines you take, or select “None of these”',
      options: [
        {
          value: 'benzodiazepines',
          label: 'Benzodiazepines',
          help: 'For example, alprazolam (Xanax), clonazepam (Klonopin), diazepam (Valium) or lorazepam (Ativan).',
          review: 'benzodiazepines',
        },
        { value: 'lamotrigine', label: 'Lamotrigine (Lamictal)', review: 'lamotrigine' },
        {
          value: 'stimulants',
          label: 'Stimulants',
          help: 'For example, ADHD medicines such as amphetamine salts (Adderall), lisdexamfetamine (Vyvanse) or methylphenidate (Ritalin).',
          review: 'stimulants',
        },
        {
          value: 'maoi',
          label: 'MAOI antidepressants',
          help: 'For example, phenelzine (Nardil), tranylcypromine (Parnate), isocarboxazid (Marplan) or selegiline patches (Emsam).',
          review: 'maoi',
        },
        {
          value: 'opioids',
          label: 'Opioids',
          help: 'For example, oxycodone, hydrocodone, morphine, tramadol, methadone or buprenorphine (Suboxone).',
          review: 'opioids',
        },
        {
          value: 'naltrexone',
          label: 'Naltrexone',
          help: 'For example, Vivitrol, Revia or Contrave.',
          review: 'naltrexone',
        },
        { value: 'other', label: 'Other prescribed or over-the-counter medicines', review: 'other-medications' },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    },
    {
      type: 'textarea',
      id: 'ms-medications-list',
      label: 'List the medicines you take, with the dose if you know it',
      shortText: 'the medicines you take',
      requiredMessage: 'List the medicines you take',
      maxLength: 4000,
      when: { item: 'ms-medications', notEquals: 'none' },
    },
    {
      type: 'yesno',
      id: 'ms-ketamine-before',
      label: 'Have you had ketamine before?',
      help: 'As a treatment, an anesthetic or in any other setting.',
      requiredMessage: 'Select yes if you have had ketamine before',
      review: YES_FLAG('prior-ketamine'),
    },
    {
      type: 'textarea',
      id: 'ms-ketamine-details',
      label: 'Tell us about your experience with ketamine',
      help: 'For example, when and why you had it, and anything you found difficult.',
      shortText: 'your experience with ketamine',
      required: false,
      maxLength: 2000,
      when: { item: 'ms-ketamine-before', equals: 'yes' },
    },
    {
      type: 'yesno',
      id: 'ms-allergies',
      label: 'Do you have any allergies?',
      help: 'To medicines, foods, latex or anything else.',
      requiredMessage: 'Select yes if you have any allergies',
      review: YES_FLAG('allergies'),
    },
    {
      type: 'textarea',
      id: 'ms-allergies-details',
      label: 'What are you allergic to, and what happens when you react?',
      shortText: 'your allergies',
      requiredMessage: 'Enter what you are allergic to',
      maxLength: 2000,
      when: { item: 'ms-allergies', equals: 'yes' },
    },
    {
      type: 'number',
      id: 'ms-weight',
      label: 'What is your weight?',
      help: 'An estimate is fine. It helps your clinician plan a safe dose.',
      shortText: 'your weight',
      required: false,
      min: 20,
      max: 700,
    },
    {
      type: 'choice',
      id: 'ms-weight-unit',
      label: 'Is that in pounds or kilograms?',
      shortText: 'pounds or kilograms',
      requiredMessage: 'Select pounds or kilograms',
      when: { item: 'ms-weight', answered: true },
      options: [
        { value: 'lb', label: 'Pounds (lb)' },
        { value: 'kg', label: 'Kilograms (kg)' },
      ],
      review: [
        { when: { any: [weightIn('lb', 'lessThan', 100), weightIn('kg', 'lessThan', 45)] }, flag: 'weight-low' },
        { when: { any: [weightIn('lb', 'greaterThan', 300), weightIn('kg', 'greaterThan', 136)] }, flag: 'weight-high' },
      ],
    },
    {
      type: 'textarea',
      id: 'ms-other',
      label: 'Is there anything else about your health you would like us to know?',
      shortText: 'anything else about your health',
      required: false,
      maxLength: 4000,
      review: { when: { answered: true }, flag: 'other-health-notes' },
    },
  ],
};
