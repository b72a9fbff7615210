// React 19 renders the tags themselves; `kap-elements/react-jsx` types them. Compiled by
// test/package/frameworks.test.ts: each `@ts-expect-error` must meet its error.
import type {} from 'kap-elements/react-jsx';
import type { KapBookingConfirmEvent, KapErrorEvent } from 'kap-elements';

export function Booking({ onBooked }: { onBooked: (event: KapBookingConfirmEvent) => void }) {
  return (
    <kap-booking
      api="https://api.clinic.example/kap/"
      service="consultation"
      time-zone="America/Chicago"
      weeks-ahead="8"
      theme="dark"
      prefill={{ name: 'Sam Rivera', email: 'sam@example.com' }}
      strings={{ chooseTimeHeading: 'Pick a time' }}
      onkap-booking-confirm={onBooked}
      onkap-error={(event) => console.info(event.detail.kind, event.detail.code)}
    />
  );
}

export function Intake() {
  return <kap-intake api="/kap/" form="intake" draft="session" heading-level={3} onkap-intake-submit={(event) => console.info(event.detail.responseId)} />;
}

export function Checklist() {
  return <kap-prep-checklist api="/kap/" booking="" reminderMinutes={30} onkap-checklist-complete={(event) => console.info(event.detail.bookingId)} />;
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error -- theme is light, dark or auto */}
      <kap-booking theme="blue" />
      {/* @ts-expect-error -- weeks-ahead is a number */}
      <kap-booking weeks-ahead="soon" />
      {/* @ts-expect-error -- prefill has no address */}
      <kap-booking prefill={{ address: '1 Main St' }} />
      {/* @ts-expect-error -- the confirm event is not an error event */}
      <kap-booking onkap-booking-confirm={(event: KapErrorEvent) => console.info(event.detail.kind)} />
      {/* @ts-expect-error -- no such attribute */}
      <kap-intake forms="intake" />
    </>
  );
}
