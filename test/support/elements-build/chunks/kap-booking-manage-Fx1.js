// A stand-in for a lazy chunk.
export { defined } from '../kap-booking.js';
