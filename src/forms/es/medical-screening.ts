/**
 * The ready-made medical screening page (`medical-screening.ts`) in Spanish, text by text, keyed
 * by item id (options by value). Product wording, not a validated instrument: calm, plain and
 * respectful (usted), medically accurate, in the neutral Spanish of the element's own strings;
 * medicine names keep their US brand names in brackets. Anything missing here would be shown in
 * English, marked `lang="en"` — `test/forms/translations.test.ts` requires every text.
 */
import type { PageTranslation } from '../localize.js';

const YES_NO_UNSURE = { yes: { label: 'Sí' }, no: { label: 'No' }, 'not-sure': { label: 'No estoy seguro(a)' } };

export const MEDICAL_SCREENING_ES: PageTranslation = {
  title: 'Su salud',
  intro:
    'Estas preguntas ayudan a su profesional clínico a planificar una atención segura para usted. Responder que sí no significa que no pueda recibir el tratamiento: un profesional clínico revisará sus respuestas con usted.\n\nSi tiene dudas sobre una respuesta, elija la que más se acerque. Podrá explicarlo mejor en su consulta.',
  items: {
    'ms-blood-pressure': {
      label: '¿Le han dicho que tiene la presión arterial alta?',
      requiredMessage: 'Seleccione «Sí» si le han dicho que tiene la presión arterial alta',
    },
    'ms-blood-pressure-controlled': {
      label: '¿Tiene ahora la presión arterial bajo control?',
      help: 'Por ejemplo, con medicamentos o con cambios en su estilo de vida.',
      requiredMessage: 'Seleccione si su presión arterial está bajo control',
      options: YES_NO_UNSURE,
    },
    'ms-heart': {
      label: '¿Tiene o ha tenido alguna afección del corazón o de la circulación?',
      help: 'Por ejemplo, una enfermedad del corazón, un infarto, dolor en el pecho, latidos irregulares, insuficiencia cardíaca o un accidente cerebrovascular (derrame cerebral).',
      requiredMessage: 'Seleccione «Sí» si tiene o ha tenido alguna afección del corazón o de la circulación',
    },
    'ms-heart-details': {
      label: 'Cuéntenos sobre su afección del corazón o de la circulación',
      shortText: 'su afección del corazón o de la circulación',
    },
    'ms-aneurysm': {
      label: '¿Ha tenido alguna vez un aneurisma, una malformación arteriovenosa (MAV) o un sangrado en el cerebro?',
      help: 'Por ejemplo, un vaso sanguíneo dilatado en el cerebro o en la aorta, o un accidente cerebrovascular causado por un sangrado.',
      requiredMessage: 'Seleccione «Sí» si ha tenido alguna vez un aneurisma, una MAV o un sangrado en el cerebro',
    },
    'ms-psychosis': {
      label: '¿Ha tenido alguna vez psicosis, o le han diagnosticado esquizofrenia o una afección parecida?',
      help: 'La psicosis puede incluir ver u oír cosas que otras personas no ven ni oyen, o tener creencias muy firmes que los demás no compartían.',
      requiredMessage: 'Seleccione «Sí» si ha tenido alguna vez psicosis o un diagnóstico parecido',
    },
    'ms-mania': {
      label: '¿Ha tenido alguna vez un episodio de manía o hipomanía, o le han diagnosticado trastorno bipolar?',
      help: 'La manía puede incluir días en los que se siente extraordinariamente eufórico(a) o irritable, necesita dormir mucho menos o tiene pensamientos acelerados.',
      requiredMessage: 'Seleccione «Sí» si ha tenido alguna vez manía, hipomanía o trastorno bipolar',
    },
    'ms-family-psychosis': {
      label: '¿Algún familiar cercano ha tenido esquizofrenia, trastorno bipolar u otra enfermedad psicótica?',
      help: 'Su padre o su madre, un hermano o una hermana, o un hijo o una hija.',
      requiredMessage: 'Seleccione si algún familiar cercano ha tenido una de estas afecciones',
      options: YES_NO_UNSURE,
    },
    'ms-dissociative': {
      label: '¿Le han diagnosticado un trastorno disociativo?',
      help: 'Por ejemplo, trastorno de identidad disociativo o trastorno de despersonalización-desrealización.',
      requiredMessage: 'Seleccione «Sí» si le han diagnosticado un trastorno disociativo',
    },
    'ms-suicide-attempt': {
      label: '¿Ha intentado alguna vez quitarse la vida?',
      help: 'Se lo preguntamos a todas las personas, porque ayuda a su profesional clínico a planificar una atención segura para usted.',
      requiredMessage: 'Seleccione sí, no, o que prefiere hablar de esto con un profesional clínico',
      options: {
        yes: { label: 'Sí' },
        no: { label: 'No' },
        'talk-first': { label: 'Prefiero hablar de esto con un profesional clínico' },
      },
    },
    'ms-substance-use': {
      label: 'En los últimos 12 meses, ¿ha consumido alcohol o drogas más de lo que pretendía, o le ha preocupado su consumo?',
      help: 'Las drogas incluyen los medicamentos recetados que no se toman como se indicó. Su respuesta es confidencial y nos ayuda a cuidar de su seguridad.',
      requiredMessage: 'Seleccione «Sí» si ha consumido alcohol o drogas más de lo que pretendía',
    },
    'ms-substance-details': {
      label: 'Si se siente cómodo(a), díganos qué sustancias y, más o menos, con qué frecuencia',
      shortText: 'qué sustancias y con qué frecuencia',
    },
    'ms-pregnancy': {
      label: '¿Está embarazada, planea un embarazo o está amamantando?',
      help: 'Seleccione todas las que correspondan.',
      requiredMessage: 'Seleccione si está embarazada, planea un embarazo o está amamantando, o seleccione «Ninguna de estas»',
      options: {
        pregnant: { label: 'Estoy embarazada' },
        planning: { label: 'Estoy planeando un embarazo' },
        breastfeeding: { label: 'Estoy amamantando' },
        none: { label: 'Ninguna de estas' },
      },
    },
    'ms-seizures': {
      label: '¿Ha tenido alguna vez una convulsión, o le han diagnosticado epilepsia?',
      requiredMessage: 'Seleccione «Sí» si ha tenido alguna vez una convulsión o epilepsia',
    },
    'ms-liver': {
      label: '¿Tiene o ha tenido problemas del hígado?',
      help: 'Por ejemplo, hepatitis, cirrosis o análisis de sangre del hígado con resultados anormales.',
      requiredMessage: 'Seleccione «Sí» si tiene o ha tenido problemas del hígado',
    },
    'ms-bladder': {
      label: '¿Tiene problemas de la vejiga o urinarios?',
      help: 'Por ejemplo, dolor al orinar, necesidad de orinar a menudo o con urgencia, o sangre en la orina.',
      requiredMessage: 'Seleccione «Sí» si tiene problemas de la vejiga o urinarios',
    },
    'ms-intracranial': {
      label: '¿Le han dicho que tiene la presión elevada dentro de la cabeza (presión intracraneal)?',
      help: 'Puede ocurrir después de una lesión grave en la cabeza, un tumor cerebral o un sangrado en el cerebro.',
      requiredMessage: 'Seleccione «Sí» si le han dicho que tiene la presión elevada dentro de la cabeza',
    },
    'ms-glaucoma': {
      label: '¿Le han diagnosticado glaucoma o presión elevada en los ojos?',
      requiredMessage: 'Seleccione «Sí» si tiene glaucoma o presión elevada en los ojos',
    },
    'ms-thyroid': {
      label: '¿Le han dicho que tiene la tiroides hiperactiva (hipertiroidismo)?',
      help: 'Por ejemplo, la enfermedad de Graves, aunque ahora esté en tratamiento.',
      requiredMessage: 'Seleccione «Sí» si le han dicho que tiene la tiroides hiperactiva',
    },
    'ms-breathing': {
      label: '¿Tiene alguna de estas afecciones de la respiración o de los pulmones?',
      help: 'Seleccione todas las que correspondan.',
      requiredMessage: 'Seleccione las afecciones de la respiración o de los pulmones que tiene, o seleccione «Ninguna de estas»',
      options: {
        'sleep-apnea': { label: 'Apnea del sueño', help: 'La respiración se detiene y se reanuda mientras duerme.' },
        copd: { label: 'EPOC, enfisema o bronquitis crónica' },
        other: { label: 'Otra afección que afecta a su respiración', help: 'Por ejemplo, asma difícil de controlar.' },
        none: { label: 'Ninguna de estas' },
      },
    },
    'ms-medications': {
      label: '¿Toma actualmente alguno de estos medicamentos?',
      help: 'Seleccione todos los que correspondan, incluidos los que toma solo de vez en cuando.',
      requiredMessage: 'Seleccione los medicamentos que toma, o seleccione «Ninguno de estos»',
      options: {
        benzodiazepines: {
          label: 'Benzodiacepinas',
          help: 'Por ejemplo, alprazolam (Xanax), clonazepam (Klonopin), diazepam (Valium) o lorazepam (Ativan).',
        },
        lamotrigine: { label: 'Lamotrigina (Lamictal)' },
        stimulants: {
          label: 'Estimulantes',
          help: 'Por ejemplo, medicamentos para el TDAH como las sales de anfetamina (Adderall), la lisdexanfetamina (Vyvanse) o el metilfenidato (Ritalin).',
        },
        maoi: {
          label: 'Antidepresivos IMAO',
          help: 'Por ejemplo, fenelzina (Nardil), tranilcipromina (Parnate), isocarboxazida (Marplan) o parches de selegilina (Emsam).',
        },
        opioids: {
          label: 'Opioides',
          help: 'Por ejemplo, oxicodona, hidrocodona, morfina, tramadol, metadona o buprenorfina (Suboxone).',
        },
        naltrexone: { label: 'Naltrexona', help: 'Por ejemplo, Vivitrol, Revia o Contrave.' },
        other: { label: 'Otros medicamentos con receta o de venta libre' },
        none: { label: 'Ninguno de estos' },
      },
    },
    'ms-medications-list': {
      label: 'Escriba los medicamentos que toma, con la dosis si la sabe',
      shortText: 'los medicamentos que toma',
      requiredMessage: 'Escriba los medicamentos que toma',
    },
    'ms-ketamine-before': {
      label: '¿Ha tomado o recibido ketamina alguna vez?',
      help: 'Como tratamiento, como anestesia o en cualquier otro contexto.',
      requiredMessage: 'Seleccione «Sí» si ha tomado o recibido ketamina alguna vez',
    },
    'ms-ketamine-details': {
      label: 'Cuéntenos su experiencia con la ketamina',
      help: 'Por ejemplo, cuándo y por qué la tomó o la recibió, y cualquier cosa que le resultara difícil.',
      shortText: 'su experiencia con la ketamina',
    },
    'ms-allergies': {
      label: '¿Tiene alguna alergia?',
      help: 'A medicamentos, alimentos, látex o cualquier otra cosa.',
      requiredMessage: 'Seleccione «Sí» si tiene alguna alergia',
    },
    'ms-allergies-details': {
      label: '¿A qué es alérgico(a) y qué le pasa cuando tiene una reacción?',
      shortText: 'sus alergias',
      requiredMessage: 'Escriba a qué es alérgico(a)',
    },
    'ms-weight': {
      label: '¿Cuánto pesa?',
      help: 'Basta con un cálculo aproximado. Ayuda a su profesional clínico a planificar una dosis segura.',
      shortText: 'su peso',
    },
    'ms-weight-unit': {
      label: '¿Es en libras o en kilogramos?',
      shortText: 'libras o kilogramos',
      requiredMessage: 'Seleccione libras o kilogramos',
      options: { lb: { label: 'Libras (lb)' }, kg: { label: 'Kilogramos (kg)' } },
    },
    'ms-other': {
      label: '¿Hay algo más sobre su salud que quiera que sepamos?',
      shortText: 'algo más sobre su salud',
    },
  },
};
