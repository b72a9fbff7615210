// Defines <kap-booking>; Lit is shared with anything else on the page that uses it.
import 'kap-elements/kap-booking.js';
import type { KapBookingConfirmEvent } from 'kap-elements';
// The JSX types of the kap- tags, generated from custom-elements.json (README, "Using the elements in a framework").
import type {} from 'kap-elements/react-jsx';
import { useState } from 'react';

const API = import.meta.env.VITE_KAP_API as string;

export function App() {
  const [reference, setReference] = useState<string | null>(null);

  // The event carries ids, instants and status only — never who booked.
  const onBooked = (event: KapBookingConfirmEvent) => setReference(event.detail.bookingId);

  return (
    <main>
      <h1>Book a free consultation</h1>
      <kap-booking api={API} service="consultation" privacy-url="/privacy.html" onkap-booking-confirm={onBooked} />
      {reference && <p role="status">Thank you. Your booking reference is {reference}.</p>}
    </main>
  );
}
