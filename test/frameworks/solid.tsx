/** @jsxImportSource solid-js */
// Solid, with `kap-elements/solid-jsx`: plain props are set as properties, `attr:` as attributes, `on:` listens.
import type {} from 'kap-elements/solid-jsx';

export function Booking() {
  return (
    <kap-booking
      api="/kap/"
      time-zone="America/Chicago"
      attr:weeks-ahead="8"
      prop:prefill={{ name: 'Sam Rivera' }}
      on:kap-booking-confirm={(event) => console.info(event.detail.bookingId)}
    />
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error -- theme is light, dark or auto */}
      <kap-booking theme="blue" />
      {/* @ts-expect-error -- the checklist's change event is not the booking's */}
      <kap-prep-checklist on:kap-checklist-change={(event) => console.info(event.detail.status)} />
    </>
  );
}
