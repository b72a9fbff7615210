// Svelte, with `kap-elements/svelte`: what svelte-check checks a `<kap-booking …>` against.
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'kap-elements/svelte';

type BookingProps = SvelteHTMLElements['kap-booking'];

export const booking: BookingProps = {
  api: '/kap/',
  'time-zone': 'America/Chicago',
  prefill: { name: 'Sam Rivera' },
  'onkap-booking-confirm': (event) => console.info(event.detail.bookingId),
};

// @ts-expect-error -- theme is light, dark or auto
export const wrongTheme: BookingProps = { theme: 'blue' };
