/**
 * What a new form starts from: the KAP intake (the demo clinic's own form: contact details, the
 * medical screening page, PHQ-9, GAD-7, PCL-5 and consent), a short pre-consultation form, or a
 * blank page. Each is a draft to change; its wording is the clinic's to make its own, in English
 * and Spanish. The KAP intake is loaded only when it is chosen.
 */
import { baseLang, blankDraft, copy, editable, withText, type Draft } from './draft.js';

export const TEMPLATES = ['kap-intake', 'pre-consultation', 'blank'] as const;
export type Template = (typeof TEMPLATES)[number];

/** A short form before a first conversation: what brings them, what they have tried, how to reach them. */
export const PRE_CONSULTATION: Draft = {
  lang: 'en',
  title: { en: 'Before we talk', es: 'Antes de hablar' },
  intro: {
    en: 'A few questions so that your first conversation with us is about you. It takes about 3 minutes.',
    es: 'Unas preguntas para que su primera conversación con nosotros trate de usted. Se tarda unos 3 minutos.',
  },
  pages: [
    {
      id: 'about-you',
      title: { en: 'About you', es: 'Sobre usted' },
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
          type: 'email',
          id: 'email',
          label: { en: 'Email address', es: 'Correo electrónico' },
          requiredMessage: { en: 'Enter your email address', es: 'Escriba su correo electrónico' },
          autocomplete: 'email',
        },
        {
          type: 'choice',
          id: 'reason',
          label: { en: 'What brings you to us?', es: '¿Qué le trae a nosotros?' },
          requiredMessage: { en: 'Select what brings you to us', es: 'Seleccione qué le trae a nosotros' },
          options: [
            { value: 'depression', label: { en: 'Low mood or depression', es: 'Ánimo bajo o depresión' } },
            { value: 'anxiety', label: { en: 'Anxiety or worry', es: 'Ansiedad o preocupación' } },
            { value: 'trauma', label: { en: 'Trauma or PTSD', es: 'Trauma o TEPT' } },
            { value: 'other', label: { en: 'Something else', es: 'Otra cosa' } },
          ],
        },
        {
          type: 'textarea',
          id: 'reason-other',
          label: { en: 'Tell us a little about it', es: 'Cuéntenos un poco' },
          required: false,
          maxLength: 2000,
          when: { item: 'reason', equals: 'other' },
        },
        {
          type: 'yesno',
          id: 'tried-treatment',
          label: { en: 'Have you had treatment for this before?', es: '¿Ha recibido tratamiento para esto antes?' },
          requiredMessage: { en: 'Select yes if you have had treatment before', es: 'Seleccione sí si ha recibido tratamiento antes' },
        },
      ],
    },
  ],
  confirmation: {
    heading: { en: 'Thank you', es: 'Gracias' },
    body: { en: 'We will be in touch within two working days.', es: 'Nos pondremos en contacto en un plazo de dos días hábiles.' },
  },
};

/** The draft a new form with `id` starts from, its title in `lang` replaced by `title`. */
export async function templateDraft(template: Template, id: string, title: string, lang: string): Promise<Draft> {
  let draft: Draft;
  if (template === 'kap-intake') {
    const { DEMO_INTAKE_FORM } = await import('../../src/forms/demo-intake.js');
    draft = editable(DEMO_INTAKE_FORM as unknown as Record<string, unknown>, id);
  } else {
    draft = template === 'pre-consultation' ? copy(PRE_CONSULTATION) : blankDraft();
  }
  const titled = withText(draft.title, lang, baseLang(draft), title);
  return { ...draft, id, ...(titled ? { title: titled } : {}) };
}
