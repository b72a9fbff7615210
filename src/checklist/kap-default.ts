/**
 * AN EXAMPLE, NOT MEDICAL ADVICE. A starting point for a clinic's own preparation checklist for a
 * ketamine session, to be reviewed and adapted with the clinic's prescriber before any client sees
 * it: fasting windows, medication holds and aftercare differ between clinics, routes of
 * administration and prescribers. It is marked as an example in its `id` and its `$comment`.
 * Its texts are in English and Spanish (the Spanish translated with care, as product wording; the
 * same caveat applies to it).
 */
import type { ChecklistDefinitionInput } from './definition.js';

export const KAP_DEFAULT_CHECKLIST_NOTICE =
  'EXAMPLE ONLY, NOT MEDICAL ADVICE: review and adapt every item, especially fasting times and medication guidance, with your clinic’s prescriber before clients see it.';

export const KAP_DEFAULT_CHECKLIST: ChecklistDefinitionInput = {
  $comment: KAP_DEFAULT_CHECKLIST_NOTICE,
  id: 'kap-default-example',
  lang: 'en',
  title: { en: 'Getting ready for your ketamine session', es: 'Cómo prepararse para su sesión con ketamina' },
  items: [
    {
      id: 'arrange-ride-home',
      text: { en: 'Arrange for someone to take you home after your session', es: 'Pida a alguien que le lleve a casa después de la sesión' },
      details: {
        en: 'You will not be able to drive for the rest of the day. Ask a friend or family member to collect you from the clinic and, if they can, to stay with you for the evening. Tell your care team if this is hard to arrange.',
        es: 'No podrá conducir durante el resto del día. Pida a un amigo o a un familiar que le recoja en la clínica y, si puede, que se quede con usted esa noche. Si le resulta difícil organizarlo, dígaselo a su equipo de atención.',
      },
      group: { en: 'The week before', es: 'La semana antes' },
      dueOffsetMinutes: -2 * 24 * 60,
    },
    {
      id: 'ask-about-medications',
      text: { en: 'Ask your prescriber about the medicines you take', es: 'Hable de los medicamentos que toma con el profesional que se los receta' },
      details: {
        en: 'Tell your prescriber about every medicine and supplement you take. Some, such as **benzodiazepines** (for example lorazepam, clonazepam or alprazolam) and **lamotrigine**, can change how ketamine works, and your prescriber may adjust them before your session.\n\n**Never stop or change a medicine on your own.**',
        es: 'Informe al profesional que le receta de todos los medicamentos y suplementos que toma. Algunos, como las **benzodiacepinas** (por ejemplo, lorazepam, clonazepam o alprazolam) y la **lamotrigina**, pueden cambiar el efecto de la ketamina, y es posible que haya que ajustarlos antes de su sesión.\n\n**Nunca deje ni cambie un medicamento por su cuenta.**',
      },
      group: { en: 'The week before', es: 'La semana antes' },
      dueOffsetMinutes: -3 * 24 * 60,
    },
    {
      id: 'plan-quiet-evening',
      text: { en: 'Plan a quiet evening after your session', es: 'Planifique una tarde tranquila después de la sesión' },
      details: {
        en: 'Keep the rest of the day free: no work, no big decisions, somewhere calm and familiar to rest.',
        es: 'Deje libre el resto del día: sin trabajo ni decisiones importantes, en un lugar tranquilo y conocido donde descansar.',
      },
      group: { en: 'The week before', es: 'La semana antes' },
      required: false,
    },
    {
      id: 'no-alcohol-or-cannabis',
      text: { en: 'No alcohol or cannabis from 24 hours before your session', es: 'No tome alcohol ni cannabis desde 24 horas antes de la sesión' },
      group: { en: 'The day before', es: 'El día antes' },
      dueOffsetMinutes: -24 * 60,
    },
    {
      id: 'set-an-intention',
      text: { en: 'Set an intention for your session', es: 'Piense en una intención para su sesión' },
      details: {
        en: 'A few words about what you hope to explore or understand. Your therapist may have talked this through with you in your preparation session.',
        es: 'Unas pocas palabras sobre lo que espera explorar o comprender. Puede que su terapeuta ya lo haya hablado con usted en la sesión de preparación.',
      },
      group: { en: 'The day before', es: 'El día antes' },
      required: false,
    },
    {
      id: 'stop-eating',
      text: { en: 'Stop eating 4 hours before your session', es: 'Deje de comer 4 horas antes de la sesión' },
      details: {
        en: 'Eating a light meal before then is fine. An empty stomach makes feeling sick less likely. If your care team has told you something different, follow their instructions.',
        es: 'Antes de esa hora puede tomar una comida ligera. Con el estómago vacío es menos probable que sienta náuseas. Si su equipo de atención le ha indicado otra cosa, siga sus instrucciones.',
      },
      group: { en: 'On the day', es: 'El día de la sesión' },
      dueOffsetMinutes: -4 * 60,
    },
    {
      id: 'clear-liquids-only',
      text: {
        en: 'Clear liquids only, and nothing to drink in the last 2 hours before your session',
        es: 'Solo líquidos claros, y no beba nada en las 2 últimas horas antes de la sesión',
      },
      details: {
        en: 'Clear liquids are water, clear apple juice, and black tea or coffee without milk. If your care team has told you something different, follow their instructions.',
        es: 'Los líquidos claros son el agua, el jugo de manzana claro y el té o el café solos, sin leche. Si su equipo de atención le ha indicado otra cosa, siga sus instrucciones.',
      },
      group: { en: 'On the day', es: 'El día de la sesión' },
      dueOffsetMinutes: -2 * 60,
    },
    {
      id: 'usual-medications',
      text: {
        en: 'Take your usual medicines, unless your prescriber told you otherwise',
        es: 'Tome sus medicamentos habituales, salvo que el profesional que se los receta le haya dicho otra cosa',
      },
      details: {
        en: 'Take them with a small sip of water. If you were asked to pause or change one before your session, follow that advice.',
        es: 'Tómelos con un pequeño sorbo de agua. Si le pidieron que suspendiera o cambiara alguno antes de la sesión, siga esa indicación.',
      },
      group: { en: 'On the day', es: 'El día de la sesión' },
    },
    {
      id: 'comfortable-clothes',
      text: { en: 'Wear comfortable, loose clothes', es: 'Use ropa cómoda y holgada' },
      details: {
        en: 'Layers help, as you may feel warmer or cooler during the session. You may also bring an eye mask or a soft blanket.',
        es: 'Conviene llevar varias capas, porque durante la sesión puede sentir más calor o más frío. También puede traer un antifaz para los ojos o una manta suave.',
      },
      group: { en: 'On the day', es: 'El día de la sesión' },
      required: false,
    },
    {
      id: 'no-driving',
      text: {
        en: 'No driving, cycling or operating machinery until the next day',
        es: 'No conduzca, no ande en bicicleta ni use maquinaria hasta el día siguiente',
      },
      details: {
        en: 'Your reactions may be slower for the rest of the day, even if you feel fine.',
        es: 'Sus reflejos pueden estar más lentos durante el resto del día, aunque se sienta bien.',
      },
      group: { en: 'After your session', es: 'Después de la sesión' },
      dueOffsetMinutes: 24 * 60,
    },
    {
      id: 'book-integration',
      text: {
        en: 'Book your integration session, 24 to 48 hours after your session',
        es: 'Reserve su sesión de integración, entre 24 y 48 horas después de su sesión',
      },
      details: {
        en: 'Integration is a conversation with your therapist to make sense of the experience. Booking it before your session means one less thing to think about afterwards.',
        es: 'La integración es una conversación con su terapeuta para dar sentido a la experiencia. Si la reserva antes de su sesión, tendrá una cosa menos en la que pensar después.',
      },
      group: { en: 'After your session', es: 'Después de la sesión' },
    },
  ],
};
