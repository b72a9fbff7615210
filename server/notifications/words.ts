/**
 * The emails' words, English and Spanish side by side (the server's own: emails are not part of the
 * elements' bundle). Neutral on purpose: no subject names a service, since a service's name can
 * reveal treatment, and nothing quotes an answer, a reason or a score. `{clinic}` and the like are
 * filled by `fill`.
 */
export interface EmailWords {
  subjectRequestReceived: string;
  subjectConfirmed: string;
  subjectDeclined: string;
  subjectCancelled: string;
  subjectRescheduled: string;
  subjectReminder: string;
  subjectLinks: string;
  subjectChecklistDue: string;
  subjectFollowUp: string;
  greeting: string;
  requestReceived: string;
  confirmed: string;
  requestConfirmed: string;
  declined: string;
  cancelled: string;
  rescheduled: string;
  rescheduledRequest: string;
  reminder: string;
  links: string;
  checklistDue: string;
  comingDue: string;
  followUp: string;
  followUpWindow: string;
  followUpBook: string;
  when: string;
  yourTime: string;
  clinicTime: string;
  where: string;
  online: string;
  yourLinks: string;
  manage: string;
  checklist: string;
  intake: string;
  linksPrivate: string;
  calendarAttached: string;
  bookAgain: string;
  signature: string;
  calendarSummary: string;
  staffSubjectRequest: string;
  staffSubjectSafety: string;
  staffSubjectEscalation: string;
  staffRequest: string;
  staffSafety: string;
  staffEscalation: string;
  staffOpenConsole: string;
  staffNoData: string;
}

export const EMAIL_WORDS: Record<'en' | 'es', EmailWords> = {
  en: {
    subjectRequestReceived: 'Your appointment request at {clinic}',
    subjectConfirmed: 'Your appointment at {clinic}',
    subjectDeclined: 'Your appointment request at {clinic}',
    subjectCancelled: 'Your appointment at {clinic} is cancelled',
    subjectRescheduled: 'Your appointment at {clinic} has moved',
    subjectReminder: 'Reminder: your appointment at {clinic}',
    subjectLinks: 'Your links for your appointment at {clinic}',
    subjectChecklistDue: 'Preparing for your appointment at {clinic}',
    subjectFollowUp: 'Book your next appointment at {clinic}',
    greeting: 'Hello,',
    requestReceived: 'We have received your request for an appointment. The clinic will confirm it or contact you soon.',
    confirmed: 'Your appointment is confirmed.',
    requestConfirmed: 'The clinic has confirmed your request. Your appointment is booked.',
    declined: 'The clinic could not confirm your request for this time. You are welcome to choose another time, or to contact the clinic.',
    cancelled: 'Your appointment has been cancelled.',
    rescheduled: 'Your appointment has moved to a new time.',
    rescheduledRequest: 'Your appointment has moved to a new time. The clinic will confirm the new time soon.',
    reminder: 'This is a reminder of your appointment.',
    links: 'You asked for your links again. Here they are, new for this email. If you did not ask, you can ignore this message.',
    checklistDue: 'Some steps of your preparation checklist are coming due. You can tick them off in your checklist.',
    comingDue: 'Coming due',
    followUp: 'Your session has ended. You can now book your follow-up session, in the window below.',
    followUpWindow: 'You can book a time between',
    followUpBook: 'Choose a time for your follow-up session',
    when: 'When',
    yourTime: 'your time',
    clinicTime: "the clinic's time",
    where: 'Where',
    online: 'Online',
    yourLinks: 'Your links',
    manage: 'See, move or cancel your appointment',
    checklist: 'Your preparation checklist',
    intake: 'Your intake questionnaire',
    linksPrivate: 'These links open your appointment: please do not forward this email.',
    calendarAttached: 'A calendar file is attached.',
    bookAgain: 'Choose another time',
    signature: '{clinic}',
    calendarSummary: 'Appointment at {clinic}',
    staffSubjectRequest: 'New appointment request — {clinic}',
    staffSubjectSafety: 'SAFETY FLAG — {clinic}: a clinician is needed now',
    staffSubjectEscalation: 'SAFETY FLAG not acknowledged — {clinic}',
    staffRequest: 'A new appointment request is waiting for a decision.',
    staffSafety: 'An intake has a safety answer. A clinician needs to review it and acknowledge it in the safety queue now.',
    staffEscalation: 'A safety answer has waited {duration} and nobody has acknowledged it yet. Please make sure a clinician reviews it now.',
    staffOpenConsole: 'Open the console',
    staffNoData: 'For privacy this email holds no client details: sign in to the console to see them.',
  },
  es: {
    subjectRequestReceived: 'Su solicitud de cita en {clinic}',
    subjectConfirmed: 'Su cita en {clinic}',
    subjectDeclined: 'Su solicitud de cita en {clinic}',
    subjectCancelled: 'Su cita en {clinic} está cancelada',
    subjectRescheduled: 'Su cita en {clinic} ha cambiado de hora',
    subjectReminder: 'Recordatorio: su cita en {clinic}',
    subjectLinks: 'Sus enlaces para su cita en {clinic}',
    subjectChecklistDue: 'La preparación de su cita en {clinic}',
    subjectFollowUp: 'Reserve su próxima cita en {clinic}',
    greeting: 'Hola:',
    requestReceived: 'Hemos recibido su solicitud de cita. La clínica la confirmará o se pondrá en contacto con usted pronto.',
    confirmed: 'Su cita está confirmada.',
    requestConfirmed: 'La clínica ha confirmado su solicitud. Su cita está reservada.',
    declined: 'La clínica no pudo confirmar su solicitud para esta hora. Puede elegir otra hora o ponerse en contacto con la clínica.',
    cancelled: 'Su cita ha sido cancelada.',
    rescheduled: 'Su cita ha cambiado a una nueva hora.',
    rescheduledRequest: 'Su cita ha cambiado a una nueva hora. La clínica confirmará la nueva hora pronto.',
    reminder: 'Le recordamos su cita.',
    links: 'Ha pedido de nuevo sus enlaces. Aquí los tiene, nuevos para este mensaje. Si no los ha pedido, puede ignorar este mensaje.',
    checklistDue: 'Algunos pasos de su lista de preparación vencen pronto. Puede marcarlos en su lista.',
    comingDue: 'Vencen pronto',
    followUp: 'Su sesión ha terminado. Ya puede reservar su sesión de seguimiento, en el plazo indicado abajo.',
    followUpWindow: 'Puede reservar una hora entre',
    followUpBook: 'Elegir una hora para su sesión de seguimiento',
    when: 'Cuándo',
    yourTime: 'su hora',
    clinicTime: 'hora de la clínica',
    where: 'Dónde',
    online: 'En línea',
    yourLinks: 'Sus enlaces',
    manage: 'Ver, cambiar o cancelar su cita',
    checklist: 'Su lista de preparación',
    intake: 'Su cuestionario de admisión',
    linksPrivate: 'Estos enlaces abren su cita: no reenvíe este correo.',
    calendarAttached: 'Se adjunta un archivo de calendario.',
    bookAgain: 'Elegir otra hora',
    signature: '{clinic}',
    calendarSummary: 'Cita en {clinic}',
    staffSubjectRequest: 'Nueva solicitud de cita — {clinic}',
    staffSubjectSafety: 'ALERTA DE SEGURIDAD — {clinic}: se necesita un clínico ahora',
    staffSubjectEscalation: 'ALERTA DE SEGURIDAD sin confirmar — {clinic}',
    staffRequest: 'Una nueva solicitud de cita espera una decisión.',
    staffSafety: 'Un cuestionario tiene una respuesta de seguridad. Un clínico debe revisarla y confirmarla ahora en la cola de seguridad.',
    staffEscalation: 'Una respuesta de seguridad lleva {duration} esperando y nadie la ha confirmado. Asegúrese de que un clínico la revise ahora.',
    staffOpenConsole: 'Abrir la consola',
    staffNoData: 'Por privacidad, este correo no contiene datos del cliente: inicie sesión en la consola para verlos.',
  },
};

/** The words of `lang` (its base language), English when there are none. */
export function emailWords(lang: string | undefined): { lang: 'en' | 'es'; words: EmailWords } {
  const base = (lang ?? 'en').toLowerCase().split('-')[0];
  return base === 'es' ? { lang: 'es', words: EMAIL_WORDS.es } : { lang: 'en', words: EMAIL_WORDS.en };
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
