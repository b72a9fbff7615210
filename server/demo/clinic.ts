/**
 * The fictional clinic the reference backend seeds into a fresh database. Tests and the demo page
 * rely on these values; change them only together with the tests in `test/server/`. Its services
 * are written in English (`DEMO_LANGUAGE`) with Spanish `translations` beside them.
 */
import type { ClinicProfile } from '../../src/api/clinic-config.js';
import type { Service } from '../../src/api/schemas.js';
import type { OpeningPeriod } from '../../src/scheduling/opening-hours.js';

export const DEMO_SERVICES: readonly Service[] = [
  {
    id: 'consultation',
    name: 'Initial consultation',
    description:
      'A private video call with our medical team: your health history, current medications and how you have been feeling, so we can decide together whether ketamine-assisted psychotherapy is safe and right for you. There is no obligation to continue.',
    durationMinutes: 45,
    location: 'virtual',
    mode: 'instant',
    translations: {
      es: {
        name: 'Consulta inicial',
        description:
          'Una videollamada privada con nuestro equipo médico: su historial de salud, los medicamentos que toma y cómo se ha sentido, para decidir juntos si la psicoterapia asistida con ketamina es segura y adecuada para usted. No tiene ningún compromiso de continuar.',
      },
    },
  },
  {
    id: 'preparation',
    name: 'Preparation session',
    description:
      'A video session with your therapist to talk through your goals, set an intention and learn what to expect on the day, from how the medicine feels to who will be with you.',
    durationMinutes: 60,
    location: 'virtual',
    mode: 'instant',
    translations: {
      es: {
        name: 'Sesión de preparación',
        description:
          'Una sesión por video con su terapeuta para hablar de sus objetivos, fijar una intención y saber qué esperar el día de la sesión, desde cómo se siente el medicamento hasta quién estará con usted.',
      },
    },
  },
  {
    id: 'administration',
    name: 'Ketamine session',
    description:
      'About two hours in a quiet treatment room at the clinic, with a clinician present throughout. We confirm each request personally, because it depends on your screening and preparation. Please arrange for someone to take you home.',
    durationMinutes: 120,
    location: 'in_person',
    mode: 'request',
    translations: {
      es: {
        name: 'Sesión con ketamina',
        description:
          'Unas dos horas en una sala de tratamiento tranquila de la clínica, con un profesional clínico presente en todo momento. Confirmamos cada solicitud personalmente, porque depende de su evaluación y su preparación. Pida a alguien que le lleve a casa.',
      },
    },
  },
  {
    id: 'integration',
    name: 'Integration session',
    description:
      'A video session within a day or two of your ketamine session, to make sense of the experience with your therapist and carry what you learned into daily life.',
    durationMinutes: 60,
    location: 'virtual',
    mode: 'instant',
    // Booked only in this window after an administration session (exact elapsed hours after its end).
    followUp: { after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 },
    translations: {
      es: {
        name: 'Sesión de integración',
        description:
          'Una sesión por video uno o dos días después de su sesión con ketamina, para dar sentido a la experiencia con su terapeuta y llevar lo aprendido a su vida diaria.',
      },
    },
  },
];

/** The language of the demo clinic's plain texts (`lang` of `GET services`). */
export const DEMO_LANGUAGE = 'en';

const NINE_AM = 9 * 60;
const FIVE_PM = 17 * 60;

/** Monday to Friday, 09:00–17:00 in the clinic's time zone. */
export const DEMO_OPENING_HOURS: readonly OpeningPeriod[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opensMinute: NINE_AM,
  closesMinute: FIVE_PM,
}));

/** Slots start every 30 minutes from opening; a slot must end by closing time. */
export const DEMO_SLOT_STEP_MINUTES = 30;
/** No booking starts less than 12 hours from now. */
export const DEMO_MIN_NOTICE_MINUTES = 12 * 60;
/** No booking starts 60 days or more from now. */
export const DEMO_HORIZON_DAYS = 60;

/** The demo clinic's profile: `GET clinic`, the privacy notice the booking consent links, the crisis lines. */
export const DEMO_PROFILE = {
  name: 'Harbor Light Ketamine Therapy',
  address: { lines: ['200 Harbor Street, Suite 4', 'New York, NY 10004'], country: 'US' },
  contact: { phone: '+1 212 555 0100', email: 'care@harborlight.example' },
  // A path on the page's own site: the demo site serves it.
  privacyNoticeUrl: '/privacy.html',
  crisisResources: {
    US: [
      {
        name: '988 Suicide & Crisis Lifeline',
        description: 'Call or text 988 to talk to a trained counselor. Free and confidential, 24 hours a day.',
        phone: '988',
        sms: '988',
        url: 'https://988lifeline.org',
      },
      { name: 'Emergency services', description: 'If you or someone else is in immediate danger, call 911.', phone: '911' },
    ],
  },
} as const satisfies Omit<ClinicProfile, 'timeZone' | 'language'>;
