/**
 * `<kap-booking>`'s English for views a booking page seldom shows, registered by the view modules
 * that show them when they load (in the drop-in file, chunks fetched only then): managing a
 * booking (views/manage.ts) and a follow-up service that cannot offer times yet (views/follow-up.ts).
 * The words of the steps after a time is chosen are in en-booking-details.ts.
 * Part of the whole English (`en`) like the rest; a page or locale module overrides them as any other.
 */
import type { BookingStrings } from './strings.js';

export const enBookingManage = {
  manageHeading: 'Your appointment',
  suggestedTimesIntro: 'The clinic suggested these other times instead. They are not held for you: choose one to book it, if it is still free.',
  cancelAppointment: 'Cancel appointment',
  cancelConfirmHeading: 'Are you sure you want to cancel this appointment?',
  cancelConfirmBody: 'The time will be given up so that someone else can book it.',
  cancelConfirmYes: 'Yes, cancel it',
  cancelConfirmNo: 'No, keep it',
  cancelError: "We couldn't cancel your appointment.",
  cancelledHeading: 'Your appointment is cancelled',
  cancelledBody: 'You do not need to do anything else. If you would like another appointment, you can book again at any time.',
  rescheduleHeading: 'Choose a new time',
  rescheduleCurrent: 'Your appointment is now on {when}. It stays there until you confirm a new time.',
  keepCurrentTime: 'Keep my current time',
  rescheduleConfirmHeading: 'Check your new time',
  rescheduleFromTo: 'Move your appointment from {from} to {to}.',
  confirmMove: 'Move my appointment',
  chooseAnotherTime: 'Choose another time',
  moveError: "We couldn't move your appointment.",
  holdExpiredMove: "We've stopped holding this time, so someone else could book it. You can still try to move to it, or choose another time.",
  rescheduledHeading: 'Your appointment has been moved',
  rescheduledBody: 'Your previous time, {from}, has been given up.',
  moveChangesNotSent:
    'Your appointment had already moved to the time shown here before you chose again, so the other time was not used. You can change the time again from your booking link.',
  moveNotOffered: 'To move this session, please contact the clinic: it has to be {min} to {max} hours after your {after} ends.',
  // Shown only while managing (the writes' progress, the picker's notices while moving, the notes
  // where Cancel and Change time would be), with these views loaded.
  cancelling: 'Cancelling your appointment…',
  moving: 'Moving your appointment…',
  slotTakenMove: 'Sorry, that time is no longer available. Please choose another — your appointment has not changed.',
  holdExpiredChooseAgainMove: 'We could only hold that time for a few minutes. Please choose a time again — your appointment has not changed.',
  manageCancelledNote: 'This appointment has been cancelled. If you would like another one, you can book again.',
  managePastNote:
    'This appointment has already started or taken place, so it can no longer be cancelled or moved here. Please contact the clinic if you need help.',
} satisfies Partial<BookingStrings>;

export const enBookingFollowUp = {
  followUpMissing:
    "This session is booked after your {after}. Please open the link in the confirmation of your {after} to see the times that fit. If you can't find it, the clinic can book it with you.",
  followUpOpenerCancelled: 'Your {after} has been cancelled, so this session cannot be booked after it. Please contact the clinic.',
  followUpPassed: 'The time for booking this session after your {after} has passed. Please contact the clinic.',
  // views/manage.ts imports views/follow-up.ts, so these are registered while managing too.
  dateAtTime: '{day} at {time}',
  followUpWindow: 'This session is offered {min} to {max} hours after your {after} ends, so the times shown are between {from} and {to}.',
  followUpNotOpener: "The booking in your link isn't one this session follows. Please use the link in the confirmation of your {after}, or contact the clinic.",
  followUpWeekNote: 'Only the weeks around your {after} are shown.',
} satisfies Partial<BookingStrings>;
