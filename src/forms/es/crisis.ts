/**
 * The default crisis panel (`crisis.ts`) in Spanish. The 988 Lifeline's Spanish name is the one
 * its Spanish-language service uses; its Spanish line (call 988 and press 2, or text AYUDA to 988)
 * is added beside it by the element on every Spanish page (`intakeCrisis988Spanish`).
 */
import type { CrisisPanel } from '../definition.js';

export const CRISIS_PANEL_ES: CrisisPanel = {
  heading: 'Hay apoyo disponible ahora mismo',
  body: 'Algunas de sus respuestas indican que puede estar pasando por un momento muy difícil. No tiene que esperar a su cita para hablar con alguien.\n\nPuede continuar con este formulario cuando se sienta con ánimo.',
  resources: [
    {
      name: '988 Línea de Prevención del Suicidio y Crisis',
      description: 'Llame o envíe un mensaje de texto al 988 para hablar con un consejero capacitado. Es gratuito y confidencial, las 24 horas del día.',
      phone: '988',
      sms: '988',
      url: 'https://988lifeline.org',
    },
    {
      name: 'Servicios de emergencia',
      description: 'Si usted u otra persona está en peligro inmediato, llame al 911.',
      phone: '911',
    },
  ],
};
