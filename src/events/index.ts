export * from './kap-slot-select.js';
export * from './kap-booking-confirm.js';
export * from './kap-error.js';
