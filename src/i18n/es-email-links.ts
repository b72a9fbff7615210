import type { EmailLinksStrings } from './strings.js';

/** "Email me my links" in Spanish; the Spanish module (src/es.ts) registers it with the rest. */
export const esEmailLinks: EmailLinksStrings = {
  emailLinksHeading: 'Enviarme mis enlaces por correo',
  emailLinksIntro: 'Podemos enviar enlaces nuevos a la dirección de correo electrónico con la que reservó.',
  emailLinksLabel: 'Correo electrónico',
  emailLinksSubmit: 'Enviarme mis enlaces',
  emailLinksSending: 'Enviando…',
  emailLinksErrorEmpty: 'Introduzca su correo electrónico',
  emailLinksErrorFormat: 'Introduzca un correo electrónico con el formato correcto, como nombre@ejemplo.com',
  emailLinksSentHeading: 'Revise su bandeja de entrada',
  emailLinksSent: 'Si esta dirección tiene una cita con nosotros, le hemos enviado sus enlaces. El correo puede tardar unos minutos en llegar.',
  emailLinksAgain: 'Enviarlos de nuevo',
  emailLinksAnswersKept: 'El enlace de su cita ya no funciona, así que sus respuestas no se han enviado. Siguen aquí.',
};
