/**
 * `kap-elements/react`: React components for the three elements, through `@lit/react`, for React
 * 18 (which sets every prop of a custom element as a string attribute and cannot listen to its
 * events) and for anyone who prefers typed components: objects such as `prefill` and `strings`
 * are set as properties, and each event has a typed prop, `on` + its name without `kap-` in camel
 * case (`kap-booking-confirm` → `onBookingConfirm`). Importing this module defines the elements.
 * The components are named like the classes (`import { KapBooking } from 'kap-elements/react'`).
 * React 19 renders the tags themselves just as well (`kap-elements/react-jsx` types them).
 * React, Lit and @lit/react stay external: the app's own copies are used.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { KapBooking as KapBookingClass } from '../kap-booking.js';
import { KapIntake as KapIntakeClass } from '../kap-intake.js';
import { KapPrepChecklist as KapPrepChecklistClass } from '../kap-prep-checklist.js';
import type {
  KapBookingCancelEvent,
  KapBookingConfirmEvent,
  KapBookingRescheduleEvent,
  KapChecklistChangeEvent,
  KapChecklistCompleteEvent,
  KapErrorEvent,
  KapIntakePageEvent,
  KapIntakeSubmitEvent,
  KapSlotSelectEvent,
} from '../events/index.js';

/** `<kap-booking>` as a React component. */
export const KapBooking = createComponent({
  react: React,
  tagName: 'kap-booking',
  elementClass: KapBookingClass,
  displayName: 'KapBooking',
  events: {
    onSlotSelect: 'kap-slot-select' as EventName<KapSlotSelectEvent>,
    onBookingConfirm: 'kap-booking-confirm' as EventName<KapBookingConfirmEvent>,
    onBookingCancel: 'kap-booking-cancel' as EventName<KapBookingCancelEvent>,
    onBookingReschedule: 'kap-booking-reschedule' as EventName<KapBookingRescheduleEvent>,
    onError: 'kap-error' as EventName<KapErrorEvent>,
  },
});

/** `<kap-intake>` as a React component. */
export const KapIntake = createComponent({
  react: React,
  tagName: 'kap-intake',
  elementClass: KapIntakeClass,
  displayName: 'KapIntake',
  events: {
    onIntakePage: 'kap-intake-page' as EventName<KapIntakePageEvent>,
    onIntakeSubmit: 'kap-intake-submit' as EventName<KapIntakeSubmitEvent>,
    onError: 'kap-error' as EventName<KapErrorEvent>,
  },
});

/** `<kap-prep-checklist>` as a React component. */
export const KapPrepChecklist = createComponent({
  react: React,
  tagName: 'kap-prep-checklist',
  elementClass: KapPrepChecklistClass,
  displayName: 'KapPrepChecklist',
  events: {
    onChecklistChange: 'kap-checklist-change' as EventName<KapChecklistChangeEvent>,
    onChecklistComplete: 'kap-checklist-complete' as EventName<KapChecklistCompleteEvent>,
    onError: 'kap-error' as EventName<KapErrorEvent>,
  },
});
