export * from './zones.js';
export * from './slots.js';
export * from './format.js';
export * from './ics.js';
export * from './booking-changes.js';
export * from './opening-hours.js';
export * from './follow-up.js';
