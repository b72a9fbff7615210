/**
 * Every word an element shows. Values may contain `{placeholder}`s, filled in by `interpolate`,
 * so a clinic can override any string from JSON without code. Keep the tone calm and plain: the
 * people reading these may be anxious or exhausted.
 */
import type { EmailLinksStrings } from './email-links-strings.js';

export type { EmailLinksStringKey, EmailLinksStrings } from './email-links-strings.js';

/** The words every element shows: failures, loading, configuration problems, writes under way. */
export interface SharedStrings {
  loading: string;
  tryAgain: string;
  /** Read out before each inline error message; visually hidden. */
  errorPrefix: string;
  errorSummaryTitle: string;
  optional: string;
  configurationHeading: string;
  configurationBody: string;
  /** `{detail}` is a technical explanation in English for the site's developer. */
  configurationDetail: string;
  errorNetwork: string;
  errorTimeout: string;
  /** `{wait}` is a duration such as "2 minutes". */
  errorRateLimited: string;
  errorServer: string;
  errorBadResponse: string;
  errorUnexpected: string;
  detailsKept: string;
  /** A `413`: what was sent is more than the clinic's system takes. */
  errorTooLarge: string;
  /** A load that is slow or being retried, beside its "Loading…". */
  loadStillTrying: string;
  /** A write (booking, move, cancel, answers) with no answer for a few seconds. */
  writeStillTrying: string;
  /** The clinic's system is busy; `{wait}` is a duration such as "10 seconds". */
  writeRetryingBusy: string;
  writeRetryingConnection: string;
  /** The button that stops waiting for a write. */
  writeStop: string;
  /** After Stop: the write's outcome is not known, and sending again checks first. */
  writeStopped: string;
}

/** `<kap-intake>`'s words. */
export interface IntakeStrings {
  /**
   * Beside a question whose wording is a validated instrument's, which must stay exactly as
   * published: says it is optional without adding to that wording.
   */
  optionalHint: string;
  /** `{page}` and `{count}` are numbers. */
  intakeStep: string;
  intakeBack: string;
  intakeContinue: string;
  intakeLoadError: string;
  intakeYes: string;
  intakeNo: string;
  /** Between the options and a "none of these" option. */
  intakeOr: string;
  intakeDay: string;
  intakeMonth: string;
  intakeYear: string;
  /** Under a date's three fields: `{example}` is a date as they would be filled in, in the reader's order ("3 27 1985"). */
  intakeDateExample: string;
  intakeSignatureLabel: string;
  /** `{date}` is today, as a long date. */
  intakeSignatureHint: string;
  intakeNewTab: string;
  /** `{number}` is a phone number. */
  intakeCall: string;
  /** `{number}` is a phone number. */
  intakeText: string;
  /**
   * On the first page of an intake linked to a booking (and with safety questions): a safety
   * answer is sent to the clinic at once (`POST safety-signals`), nothing else before sending.
   */
  intakeSafetyNotice: string;
  /** Read once by screen readers when the crisis panel appears; `{heading}` is its heading. */
  intakeCrisisAnnouncement: string;
  /** In the crisis panel of an intake with no booking: nothing reaches the clinic before sending. */
  intakeCrisisUnsent: string;
  /** The crisis panel's entry for the clinic's own number (`crisis.clinicPhone`). */
  intakeCrisisClinic: string;
  intakeCrisisClinicHelp: string;
  /** Beside the 988 Lifeline on Spanish pages: its Spanish-language option. */
  intakeCrisis988Spanish: string;
  /** On check-your-answers: safety answers to questions a later answer skipped, which are still sent. */
  intakeKeptHeading: string;
  intakeKeptBody: string;
  intakeCheckHeading: string;
  intakeChange: string;
  intakeNotAnswered: string;
  /** Used when the form sets no `submitLabel`. */
  intakeSubmit: string;
  intakeSending: string;
  /** A `413` on submit; `{question}` is the label of the longest answer. */
  intakeTooLong: string;
  /** A `413` on submit when no single long answer can be named. */
  intakeTooLongAny: string;
  /** The button that goes to the long answer named by `intakeTooLong`. */
  intakeShortenAnswer: string;
  /** Used when the form sets no `confirmation`. */
  intakeDoneHeading: string;
  intakeDoneBody: string;
  /** The answers shown as sent are an earlier sending whose answer was lost; later changes were not sent. */
  intakeChangesNotSent: string;
  /**
   * Validation messages, one per template of `VALIDATION_MESSAGES` in `src/forms/validation.ts`
   * (the English ones), with the same `{placeholders}`: `{name}`/`{Name}` is the question's short
   * name, others are values such as `{min}`, `{max}`, `{date}`, `{number}`, `{option}`.
   */
  validationEnter: string;
  validationEnterAnswer: string;
  validationSelect: string;
  validationSelectAnswer: string;
  validationSelectRow: string;
  validationSelectSome: string;
  validationExclusive: string;
  validationConsent: string;
  validationSignature: string;
  validationTooShort: string;
  validationTooLong: string;
  validationEmail: string;
  validationPhone: string;
  validationNotNumber: string;
  validationNotWhole: string;
  validationBetween: string;
  validationAtLeast: string;
  validationAtMost: string;
  validationDateDay: string;
  validationDateMonth: string;
  validationDateYear: string;
  validationDateDayMonth: string;
  validationDateDayYear: string;
  validationDateMonthYear: string;
  validationDateReal: string;
  validationYearDigits: string;
  validationDatePast: string;
  validationDateFuture: string;
  validationDateAfter: string;
  validationDateBefore: string;
  validationFallbackName: string;
}

/** `<kap-booking>`'s words. */
export interface BookingStrings {
  // ---- kap-booking: choosing a time ----
  chooseTimeHeading: string;
  /** `{duration}` such as "45 minutes". */
  serviceDuration: string;
  locationVirtual: string;
  locationInPerson: string;
  requestModeNote: string;
  /** `{zone}` such as "Eastern Time". */
  zoneNote: string;
  zoneNoteInPerson: string;
  /** `{time}` in the client's own zone, shown beside in-person times. */
  yourTime: string;
  previousWeek: string;
  nextWeek: string;
  /** `{from}` and `{to}` are short days. */
  weekRange: string;
  firstWeekNote: string;
  /** `{weeks}` is a number. */
  lastWeekNote: string;
  daysLabel: string;
  timesAvailableOne: string;
  timesAvailableOther: string;
  /** `{day}`. */
  timesForDay: string;
  /**
   * Heard by screen readers only, after a time button's visible words (the time, and `yourTime`
   * beside in-person times): `{day}` a long day, `{zone}` the zone the times are shown in. It
   * starts with its own separator, such as ", ".
   */
  timeDayZone: string;
  loadingTimes: string;
  loadTimesError: string;
  noTimesThisWeek: string;
  noTimesHint: string;
  showNextWeek: string;
  /** `{service}` is the service id the page asked for. */
  unknownServiceDetail: string;
  placingHold: string;
  holdError: string;
  slotTaken: string;
  holdExpiredChooseAgain: string;

  // ---- kap-booking: details ----
  detailsHeading: string;
  summaryService: string;
  summaryDate: string;
  summaryTime: string;
  changeTime: string;
  /** `{time}` is the clock time the hold ends. */
  holdUntil: string;
  holdEndingSoon: string;
  holdExpired: string;
  nameLabel: string;
  emailLabel: string;
  emailHint: string;
  phoneLabel: string;
  phoneHint: string;
  reasonLegend: string;
  reasonHint: string;
  reasonTreatmentResistantDepression: string;
  reasonPtsd: string;
  reasonAnxiety: string;
  reasonGriefAndLoss: string;
  reasonAddictionRecovery: string;
  reasonOther: string;
  reasonNone: string;
  consentLegend: string;
  privacyHint: string;
  privacyLink: string;
  privacyLabel: string;
  /** Used instead of the two above when the page gives no privacy notice the client could open. */
  privacyHintNoNotice: string;
  privacyLabelNoNotice: string;
  contactLabel: string;
  confirmBooking: string;
  sendRequest: string;
  submitting: string;
  errorName: string;
  errorEmail: string;
  /** `{example}` is a phone number as people in the reader's country write it. */
  errorPhone: string;
  errorPrivacy: string;
  errorPrivacyNoNotice: string;
  errorReason: string;
  errorField: string;

  // ---- kap-booking: confirmation ----
  confirmedHeading: string;
  requestedHeading: string;
  bookingReference: string;
  nextStepsHeading: string;
  nextStepsConfirmed: string;
  /** The booking shown is an earlier request whose answer was lost; later changes were not sent. */
  bookingChangesNotSent: string;
  /** After `bookingChangesNotSent`, when the confirmation has the manage link. */
  changesNotSentManage: string;
  /** After `bookingChangesNotSent`, without a manage link. */
  changesNotSentContact: string;
  nextStepsRequested: string;
  addToCalendar: string;
  /** `{service}` is the service name; goes into the calendar file. */
  calendarSummary: string;
  calendarDescription: string;

  // ---- kap-booking: manage link in the confirmation ----
  manageLink: string;
  manageLinkHint: string;
  /** `{url}` is the manage link; goes into the calendar file instead of `calendarDescription`. */
  calendarDescriptionWithLink: string;

  // ---- kap-booking: managing a booking ----
  manageHeading: string;
  manageLoading: string;
  manageLoadError: string;
  manageProblemHeading: string;
  manageLinkMissing: string;
  manageLinkInvalid: string;
  summaryStatus: string;
  statusConfirmed: string;
  statusRequested: string;
  statusCancelled: string;
  manageCancelledNote: string;
  suggestedTimesIntro: string;
  managePastNote: string;
  cancelAppointment: string;
  cancelConfirmHeading: string;
  cancelConfirmBody: string;
  cancelConfirmYes: string;
  cancelConfirmNo: string;
  cancelling: string;
  cancelError: string;
  cancelledHeading: string;
  cancelledBody: string;
  rescheduleHeading: string;
  /** `{when}` is the current date and time (the `dateAtTime` string). */
  rescheduleCurrent: string;
  keepCurrentTime: string;
  rescheduleConfirmHeading: string;
  /** `{from}` and `{to}` are dates and times (the `dateAtTime` string). */
  rescheduleFromTo: string;
  confirmMove: string;
  chooseAnotherTime: string;
  moving: string;
  moveError: string;
  holdExpiredMove: string;
  slotTakenMove: string;
  holdExpiredChooseAgainMove: string;
  rescheduledHeading: string;
  /** `{from}` is the previous date and time (the `dateAtTime` string). */
  rescheduledBody: string;
  /** The move shown is an earlier request whose answer was lost; the time chosen afterwards was not used. */
  moveChangesNotSent: string;
  /** `{min}`, `{max}` hours and `{after}` the opening service's name. */
  moveNotOffered: string;
  /** `{day}` is a long day, `{time}` a clock time with its zone. */
  dateAtTime: string;

  // ---- kap-booking: a follow-up service's window (integration after administration) ----
  /** `{min}`, `{max}` hours, `{after}` the opening service's name, `{from}`/`{to}` (`dateAtTime`). */
  followUpWindow: string;
  /** `{after}` is the opening service's name. */
  followUpMissing: string;
  followUpNotOpener: string;
  followUpOpenerCancelled: string;
  followUpPassed: string;
  followUpWeekNote: string;
}

/** `<kap-prep-checklist>`'s words. */
export interface ChecklistStrings {
  checklistHeading: string;
  checklistLoading: string;
  checklistLoadError: string;
  checklistSessionLabel: string;
  /** `{day}` is a long date, `{time}` a clock time. */
  checklistSessionWhen: string;
  /** `{zone}` such as "Eastern Time". */
  checklistTimesIn: string;
  /** `{done}` and `{total}` are numbers. */
  checklistProgress: string;
  checklistAllDone: string;
  /** An item's due time: `{time}` and `{day}` (a long date). */
  checklistDueBy: string;
  /** An item that lasts until a time after the session (a positive offset, "no driving until…"): `{time}` and `{day}`. */
  checklistDueUntil: string;
  checklistDueSoon: string;
  checklistDueNow: string;
  checklistDueNowHeading: string;
  /** Heading for items the clinic put in no group. */
  checklistOtherGroup: string;
  checklistSaving: string;
  /** `{item}` is the item's text. */
  checklistSaveFailedDone: string;
  /** `{item}` is the item's text. */
  checklistSaveFailedUndone: string;
  /** While the element checks with the backend which ticks are saved (after a save whose answer was lost). */
  checklistSyncChecking: string;
  /** The same check, waiting for the connection to come back. */
  checklistSyncOffline: string;
  /** The check is done: the screen shows what the backend holds. */
  checklistSyncDone: string;
  checklistAddReminders: string;
  /** `{lead}` is a duration such as "1 hour". */
  checklistRemindersHint: string;
  checklistPrint: string;
  /** Goes into the calendar file. */
  checklistCalendarSession: string;
  /** Goes into the calendar file. */
  checklistCalendarDescription: string;
  checklistMissingLinkHeading: string;
  checklistMissingLink: string;
  checklistLinkExpiredHeading: string;
  checklistLinkExpired: string;
  checklistNotFound: string;
  checklistCancelledHeading: string;
  checklistCancelled: string;
  checklistEmpty: string;
}

/**
 * Every word the elements show, one section per element (the English of each lives in
 * `en-shared.ts`, `en-intake.ts`, `en-booking.ts`, `en-checklist.ts`, with the words of parts loaded
 * later beside them: `en-intake-validation.ts`, `en-booking-details.ts`, `en-booking-later.ts`,
 * `en-checklist-reminders.ts`, `en-write-status.ts`; a page loads only its elements' words). A
 * locale module or a clinic may give any of them.
 */
export interface KapStrings extends SharedStrings, IntakeStrings, BookingStrings, ChecklistStrings {}

/** Every word an element may show: `KapStrings` and those of its lazily loaded parts. */
export type ElementStrings = KapStrings & EmailLinksStrings;

export type KapStringKey = keyof KapStrings;

/** Replaces each `{name}` with `params[name]`; unknown placeholders are left as they are. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}
