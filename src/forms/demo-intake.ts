/**
 * The demo clinic's intake form, as the JSON a clinic would write: contact details, the ready-made
 * medical screening page, PHQ-9, GAD-7, PCL-5 and consent, its own texts in English and Spanish
 * (`{"en": …, "es": …}`; the ready-made page and the instruments bring their own). The reference
 * backend serves it at `GET forms/kap-demo-intake`. Not part of the browser bundle (import it directly).
 */
import type { FormDefinition } from './definition.js';

export const DEMO_INTAKE_FORM = {
  $schema: 'https://unpkg.com/kap-elements/dist/form-definition.schema.json',
  id: 'demo-intake',
  version: '2026-11-1',
  lang: 'en',
  title: { en: 'Before your consultation', es: 'Antes de su consulta' },
  intro: {
    en: 'This form helps our medical team prepare for your consultation. It takes about 15 minutes. You can go back and change any answer before you send it.\n\nYour answers are private and are seen only by the clinicians caring for you.',
    es: 'Este formulario ayuda a nuestro equipo médico a prepararse para su consulta. Se tarda unos 15 minutos. Puede volver atrás y cambiar cualquier respuesta antes de enviarlo.\n\nSus respuestas son privadas y solo las ven los profesionales clínicos que le atienden.',
  },
  pages: [
    {
      id: 'contact',
      title: { en: 'Your details', es: 'Sus datos' },
      items: [
        {
          type: 'text',
          id: 'full-name',
          label: { en: 'Full name', es: 'Nombre y apellidos' },
          requiredMessage: { en: 'Enter your full name', es: 'Escriba su nombre y apellidos' },
          autocomplete: 'name',
          maxLength: 200,
        },
        {
          type: 'date',
          id: 'date-of-birth',
          label: { en: 'Date of birth', es: 'Fecha de nacimiento' },
          requiredMessage: { en: 'Enter your date of birth', es: 'Escriba su fecha de nacimiento' },
          dateOfBirth: true,
        },
        {
          type: 'email',
          id: 'email',
          label: { en: 'Email address', es: 'Correo electrónico' },
          help: {
            en: 'We will only use this to contact you about your care.',
            es: 'Solo lo usaremos para ponernos en contacto con usted sobre su atención.',
          },
          requiredMessage: { en: 'Enter your email address', es: 'Escriba su correo electrónico' },
        },
        {
          type: 'phone',
          id: 'phone',
          label: { en: 'Phone number', es: 'Número de teléfono' },
          help: {
            en: 'For example, 212 555 0100. Include the country code if you are outside the US.',
            es: 'Por ejemplo, 212 555 0100. Si está fuera de los Estados Unidos, incluya el prefijo del país.',
          },
          requiredMessage: { en: 'Enter your phone number', es: 'Escriba su número de teléfono' },
        },
      ],
    },
    { include: 'kap-medical-screening' },
    { instrument: 'phq-9', title: { en: 'How you have been feeling', es: 'Cómo se ha sentido' } },
    // No official Spanish GAD-7 or PCL-5 is available: Spanish pages show them in English, marked lang="en".
    { instrument: 'gad-7', title: { en: 'Worry and anxiety', es: 'Preocupación y ansiedad' } },
    { instrument: 'pcl-5', title: { en: 'Stressful experiences', es: 'Experiencias estresantes' } },
    {
      id: 'consent',
      title: { en: 'Consent', es: 'Consentimiento' },
      items: [
        {
          type: 'consent',
          id: 'consent-treatment-information',
          label: { en: 'I have read and agree to this', es: 'He leído esto y estoy de acuerdo' },
          text: {
            en: 'By sending this form you agree that:\n\n- the clinicians at our clinic may use your answers to assess whether ketamine-assisted psychotherapy is safe and suitable for you\n- we may contact you by email or phone about your care\n- your answers are kept confidentially, as described in our [privacy notice](/privacy.html)\n\nIf anything in this form worries you, you can call us on [212 555 0100](tel:+12125550100) before you send it.',
            es: 'Al enviar este formulario, usted acepta que:\n\n- los profesionales clínicos de nuestra clínica pueden usar sus respuestas para valorar si la psicoterapia asistida con ketamina es segura y adecuada para usted\n- podemos ponernos en contacto con usted por correo electrónico o por teléfono sobre su atención\n- sus respuestas se guardan de forma confidencial, como se explica en nuestro [aviso de privacidad](/es/privacy.html)\n\nSi algo de este formulario le preocupa, puede llamarnos al [212 555 0100](tel:+12125550100) antes de enviarlo.',
          },
          signature: true,
        },
      ],
    },
  ],
  crisis: { clinicPhone: '+1 212 555 0100' },
  submitLabel: { en: 'Send my answers', es: 'Enviar mis respuestas' },
  confirmation: {
    heading: { en: 'Thank you, your answers have been sent', es: 'Gracias, se han enviado sus respuestas' },
    body: {
      en: 'A clinician will read your answers before your consultation and may contact you if anything needs discussing first.\n\nIf you need support before then, you can call or text **988** at any time, or call **911** in an emergency.',
      es: 'Un profesional clínico leerá sus respuestas antes de su consulta y puede que se ponga en contacto con usted si hay algo que conviene hablar antes.\n\nSi necesita apoyo antes, puede llamar o enviar un mensaje de texto al **988** en cualquier momento (en español, llame al 988 y oprima el 2), o llamar al **911** en caso de emergencia.',
    },
  },
} satisfies FormDefinition;
