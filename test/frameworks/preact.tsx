/** @jsxImportSource preact */
// Preact, with `kap-elements/preact-jsx`.
import type {} from 'kap-elements/preact-jsx';

export function Booking() {
  return (
    <kap-booking
      api="/kap/"
      time-zone="America/Chicago"
      prefill={{ name: 'Sam Rivera' }}
      onkap-booking-confirm={(event) => console.info(event.detail.bookingId)}
    />
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error -- theme is light, dark or auto */}
      <kap-booking theme="blue" />
      {/* @ts-expect-error -- the submit event carries a response id */}
      <kap-intake onkap-intake-submit={(event) => console.info(event.detail.bookingId)} />
    </>
  );
}
