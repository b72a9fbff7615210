/**
 * The demo clinic's checklist templates, one per service, seeded into `services.checklist_template`
 * (a clinic edits them there). Each booking gets a copy of its service's template when it is made,
 * so later edits change new bookings only.
 *
 * - `administration`: the library's KAP default set (an example to adapt with the prescriber).
 * - `consultation`, `preparation`, `integration`: all video calls, so a short list to be ready for
 *   the call, plus one item that makes each call more useful.
 *
 * Every text is in English and Spanish (`{"en": …, "es": …}`): a Spanish page shows the Spanish.
 */
import { KAP_DEFAULT_CHECKLIST, type ChecklistDefinitionInput } from '../../src/checklist/index.js';
import { pickText, type LocalText } from '../../src/i18n/local-text.js';

const quietPlace = {
  id: 'quiet-private-place',
  text: { en: 'Find a quiet, private place for the call', es: 'Busque un lugar tranquilo y privado para la llamada' },
  details: {
    en: 'Somewhere you can talk freely without being overheard, with headphones if you have them.',
    es: 'Un sitio donde pueda hablar con libertad sin que nadie le oiga, con auriculares si los tiene.',
  },
  group: { en: 'Before your call', es: 'Antes de la llamada' },
} as const;

const testVideo = {
  id: 'test-video',
  text: { en: 'Test your camera, microphone and internet connection', es: 'Pruebe la cámara, el micrófono y la conexión a internet' },
  details: {
    en: 'Open the video link from your confirmation email a few minutes early; it works in any up-to-date browser.',
    es: 'Abra el enlace de video de su correo de confirmación unos minutos antes; funciona en cualquier navegador actualizado.',
  },
  group: { en: 'Before your call', es: 'Antes de la llamada' },
  dueOffsetMinutes: -15,
} as const;

export const DEMO_CHECKLIST_TEMPLATES: Readonly<Record<string, ChecklistDefinitionInput>> = {
  consultation: {
    id: 'demo-consultation',
    lang: 'en',
    title: { en: 'Getting ready for your consultation', es: 'Cómo prepararse para su consulta' },
    items: [
      {
        id: 'list-medications',
        text: { en: 'Write down the medicines and supplements you take, with their doses', es: 'Anote los medicamentos y suplementos que toma, con sus dosis' },
        details: {
          en: 'The medical team needs this to decide whether ketamine is safe for you.',
          es: 'El equipo médico lo necesita para valorar si la ketamina es segura para usted.',
        },
        group: { en: 'Before your call', es: 'Antes de la llamada' },
        dueOffsetMinutes: -60,
      },
      { ...quietPlace },
      { ...testVideo },
      {
        id: 'note-questions',
        text: { en: 'Note any questions you want to ask', es: 'Anote las preguntas que quiera hacer' },
        group: { en: 'Before your call', es: 'Antes de la llamada' },
        required: false,
      },
    ],
  },
  preparation: {
    id: 'demo-preparation',
    lang: 'en',
    title: { en: 'Getting ready for your preparation session', es: 'Cómo prepararse para su sesión de preparación' },
    items: [
      {
        id: 'think-about-goals',
        text: { en: 'Think about what you hope treatment will help with', es: 'Piense en qué espera que le ayude el tratamiento' },
        details: {
          en: 'A few notes are enough. Your therapist will help you shape them into an intention.',
          es: 'Bastan unas notas. Su terapeuta le ayudará a convertirlas en una intención.',
        },
        group: { en: 'Before your call', es: 'Antes de la llamada' },
        required: false,
      },
      { ...quietPlace },
      { ...testVideo },
    ],
  },
  administration: KAP_DEFAULT_CHECKLIST,
  integration: {
    id: 'demo-integration',
    lang: 'en',
    title: { en: 'Getting ready for your integration session', es: 'Cómo prepararse para su sesión de integración' },
    items: [
      {
        id: 'note-what-stood-out',
        text: { en: 'Jot down what stood out from your ketamine session', es: 'Anote lo que más le llamó la atención de su sesión con ketamina' },
        details: {
          en: 'Images, feelings, thoughts or questions: anything you would like to talk through.',
          es: 'Imágenes, sentimientos, pensamientos o preguntas: cualquier cosa de la que quiera hablar.',
        },
        group: { en: 'Before your call', es: 'Antes de la llamada' },
        required: false,
      },
      { ...quietPlace },
      { ...testVideo },
    ],
  },
};

/**
 * A template as the demo seeded it before its texts were given per language: the English of each
 * text, no `lang`. A database seeded then still holds exactly this (unless the clinic edited it),
 * which is how migration 7 knows it may replace it with the bilingual template.
 */
export function englishOnlyTemplate(template: ChecklistDefinitionInput): ChecklistDefinitionInput {
  const english = (value: LocalText) => pickText(value, 'en', 'en').text;
  const { lang: _lang, title, items, ...rest } = template;
  return {
    ...rest,
    ...(title === undefined ? {} : { title: english(title) }),
    items: items.map(({ id, text, details, group, ...item }) => ({
      id,
      text: english(text),
      ...(details === undefined ? {} : { details: english(details) }),
      group: english(group),
      ...item,
    })),
  };
}
