/**
 * The demo clinic's intake form, as the JSON a clinic would write: contact details, the ready-made
 * medical screening page, PHQ-9, GAD-7, PCL-5 and consent. The reference backend serves it at
 * `GET forms/kap-demo-intake`. Not part of the browser bundle (import it directly).
 */
import type { FormDefinition } from './definition.js';

export const DEMO_INTAKE_FORM = {
  $schema: 'https://unpkg.com/kap-elements/dist/form-definition.schema.json',
  id: 'demo-intake',
  version: '2026-11-1',
  title: 'Before your consultation',
  intro:
    'This form helps our medical team prepare for your consultation. It takes about 15 minutes. You can go back and change any answer before you send it.\n\nYour answers are private and are seen only by the clinicians caring for you.',
  pages: [
    {
      id: 'contact',
      title: 'Your details',
      items: [
        {
          type: 'text',
          id: 'full-name',
          label: 'Full name',
          requiredMessage: 'Enter your full name',
          autocomplete: 'name',
          maxLength: 200,
        },
        {
          type: 'date',
          id: 'date-of-birth',
          label: 'Date of birth',
          requiredMessage: 'Enter your date of birth',
          dateOfBirth: true,
        },
        {
          type: 'email',
          id: 'email',
          label: 'Email address',
          help: 'We will only use this to contact you about your care.',
          requiredMessage: 'Enter your email address',
        },
        {
          type: 'phone',
          id: 'phone',
          label: 'Phone number',
          help: 'For example, 212 555 0100. Include the country code if you are outside the US.',
          requiredMessage: 'Enter your phone number',
        },
      ],
    },
    { include: 'kap-medical-screening' },
    { instrument: 'phq-9', title: 'How you have been feeling' },
    { instrument: 'gad-7', title: 'Worry and anxiety' },
    { instrument: 'pcl-5', title: 'Stressful experiences' },
    {
      id: 'consent',
      title: 'Consent',
      items: [
        {
          type: 'consent',
          id: 'consent-treatment-information',
          label: 'I have read and agree to this',
          text: 'By sending this form you agree that:\n\n- the clinicians at our clinic may use your answers to assess whether ketamine-assisted psychotherapy is safe and suitable for you\n- we may contact you by email or phone about your care\n- your answers are kept confidentially, as described in our [privacy notice](/privacy.html)\n\nIf anything in this form worries you, you can call us on [212 555 0100](tel:+12125550100) before you send it.',
          signature: true,
        },
      ],
    },
  ],
  crisis: { clinicPhone: '+1 212 555 0100' },
  submitLabel: 'Send my answers',
  confirmation: {
    heading: 'Thank you, your answers have been sent',
    body: 'A clinician will read your answers before your consultation and may contact you if anything needs discussing first.\n\nIf you need support before then, you can call or text **988** at any time, or call **911** in an emergency.',
  },
} satisfies FormDefinition;
