/**
 * The steps after a time is chosen: the client's details, then the confirmation (the
 * `AfterPickViews` of booking-view.ts), with their words. Imported as the client picks a time,
 * beside the request that holds it (in the drop-in file, a chunk fetched from the script's own
 * origin): a page whose visitors only look at the times never loads them.
 */
export { renderConfirmation } from './appointment.js';
export { styles } from './later.styles.js';
export { renderDetailsStep } from './details-form.js';
