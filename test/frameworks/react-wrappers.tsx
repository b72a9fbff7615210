// React 18 (or 19) with the components of `kap-elements/react` (@lit/react): typed event props.
import { KapBooking, KapIntake } from 'kap-elements/react';

export function Booking() {
  return (
    <KapBooking
      api="https://api.clinic.example/kap/"
      timeZone="America/Chicago"
      weeksAhead={8}
      prefill={{ name: 'Sam Rivera' }}
      onBookingConfirm={(event) => console.info(event.detail.bookingId, event.detail.status)}
      onError={(event) => console.info(event.detail.kind)}
    />
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error -- weeksAhead is a number */}
      <KapBooking weeksAhead="8" />
      {/* @ts-expect-error -- the submit event carries a response id, no answers */}
      <KapIntake onIntakeSubmit={(event) => console.info(event.detail.answers)} />
    </>
  );
}
