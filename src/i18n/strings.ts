/**
 * Every word an element shows. Values may contain `{placeholder}`s, filled in by `interpolate`,
 * so a clinic can override any string from JSON without code. Keep the tone calm and plain: the
 * people reading these may be anxious or exhausted.
 */
export interface KapStrings {
  // ---- shared by every element ----
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
  /** `{day}` is a long day, `{count}` the number of times. */
  dayName: string;
  /** `{day}`. */
  timesForDay: string;
  /** `{time}`, `{day}`, `{zone}`. */
  timeName: string;
  /**
   * `{time}` on the clinic's clock, `{own}` the client's time (the `yourTime` string), `{day}`,
   * `{zone}` the clinic's zone. Must contain the visible "{time} {own}" in that order.
   */
  timeNameTwoZones: string;
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
  contactLabel: string;
  confirmBooking: string;
  sendRequest: string;
  submitting: string;
  errorName: string;
  errorEmail: string;
  errorPhone: string;
  errorPrivacy: string;
  errorReason: string;
  errorField: string;

  // ---- kap-booking: confirmation ----
  confirmedHeading: string;
  requestedHeading: string;
  bookingReference: string;
  nextStepsHeading: string;
  nextStepsConfirmed: string;
  nextStepsRequested: string;
  addToCalendar: string;
  /** `{service}` is the service name; goes into the calendar file. */
  calendarSummary: string;
  calendarDescription: string;
}

export type KapStringKey = keyof KapStrings;

/** Replaces each `{name}` with `params[name]`; unknown placeholders are left as they are. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
