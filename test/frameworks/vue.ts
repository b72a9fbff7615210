// Vue 3, with `kap-elements/vue`: what vue-tsc checks a template's `<kap-booking …>` against.
import type { GlobalComponents } from 'vue';
import type {} from 'kap-elements/vue';

type BookingProps = InstanceType<GlobalComponents['kap-booking']>['$props'];

export const booking: BookingProps = {
  api: '/kap/',
  'time-zone': 'America/Chicago',
  prefill: { name: 'Sam Rivera' },
  // `@kap-booking-confirm="…"` in a template
  onKapBookingConfirm: (event) => console.info(event.detail.bookingId),
};

// @ts-expect-error -- theme is light, dark or auto
export const wrongTheme: BookingProps = { theme: 'blue' };
