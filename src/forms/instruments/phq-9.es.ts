/**
 * Patient Health Questionnaire-9 (PHQ-9), the official "Spanish for the USA" form distributed by
 * Pfizer (phqscreeners.com), reproduced verbatim from `reference/instruments/es/phq-9.json`, the
 * verified record (read `reference/instruments/es/README.md`). Nothing here is translated by us:
 * every text is the record's, character for character (items 6 and 8 keep the form's en dash,
 * option 0 is "Ningún día"), and `test/forms/instruments.test.ts` compares it with the record as it
 * does the English forms. Codes, scores, bands and the safety item are the English instrument's:
 * a translation changes only what the client reads. The Spanish footer (`notice`) must be shown with it.
 *
 * Not in the browser bundle: the Spanish module (`i18n/es.js`) registers it for Spanish pages.
 */
import { PHQ9 } from './phq-9.js';
import type { Instrument } from './types.js';

/** Option labels by value, in the English form's order (the values, scores and LOINC codes are its). */
const LABELS: Readonly<Record<string, string>> = {
  'not-at-all': 'Ningún día',
  'several-days': 'Varios días',
  'more-than-half-the-days': 'Más de la mitad de los días',
  'nearly-every-day': 'Casi todos los días',
};

/** Item texts by linkId. */
const ITEMS: Readonly<Record<string, string>> = {
  q1: 'Poco interés o placer en hacer cosas',
  q2: 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
  q3: 'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
  q4: 'Se ha sentido cansado(a) o con poca energía',
  q5: 'Sin apetito o ha comido en exceso',
  q6: 'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
  q7: 'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
  q8: '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
  q9: 'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
};

const DIFFICULTY: Readonly<Record<string, string>> = {
  'not-difficult-at-all': 'No ha sido difícil',
  'somewhat-difficult': 'Un poco difícil',
  'very-difficult': 'Muy difícil',
  'extremely-difficult': 'Extremadamente difícil',
};

export const PHQ9_ES: Instrument = {
  ...PHQ9,
  language: 'es-US',
  name: 'Patient Health Questionnaire-9 (PHQ-9), Spanish for the USA',
  // The printed title's words ("CUESTIONARIO SOBRE LA SALUD DEL PACIENTE-9 (PHQ-9)") in the case
  // the truvex-content transcription stores (the record's formTitleNote): a heading in capitals reads as shouting.
  title: 'Cuestionario sobre la Salud del Paciente-9 (PHQ-9)',
  formTitle: 'CUESTIONARIO SOBRE LA SALUD DEL PACIENTE-9 (PHQ-9)',
  stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
  options: PHQ9.options.map((option) => ({ ...option, label: LABELS[option.value]! })),
  items: PHQ9.items.map((item) => ({ ...item, text: ITEMS[item.linkId]! })),
  extra: {
    ...PHQ9.extra!,
    text: 'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
    options: PHQ9.extra!.options.map((option) => ({ ...option, label: DIFFICULTY[option.value]! })),
  },
  notice:
    'Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, presentar o distribuir.',
};
