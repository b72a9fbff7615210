/**
 * Every state of `<kap-booking>`, each against its own scripted demo clinic (`demo-backend.ts`).
 * States past the first screen are reached the way a client reaches them: `play` clicks a time,
 * types the details and confirms, inside the element's shadow DOM.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/kap-booking.js';
// Spanish registers itself for lang="es"; English stories are unaffected.
import '../src/es.js';
import type { KapBooking } from '../src/elements/kap-booking/kap-booking.js';
import type { BookingPrefill } from '../src/elements/kap-booking/booking-details.js';
import type { BookingCreatedResponse } from '../src/api/schemas.js';
import { bookingOnServer, openClinic, seedBooking, type Clinic, type ClinicScript, type SeedOptions } from './support/clinic.js';
import { applyArgs } from './support/manifest.js';

interface BookingArgs {
  service: string;
  timeZone: string;
  lang: string;
  source: string;
  theme: '' | 'light' | 'dark' | 'auto';
  /** Overrides the demo clinic's address: for the misconfigured story only. */
  api: string;
  /** The clinic's manage page; the confirmation then links to it with the booking's token. */
  manageUrl: string;
  /** Not bound by the template: set on the element by `applyArgs` (the Docs page's object Control). */
  prefill?: BookingPrefill;
}

interface BookingParameters {
  /** How the demo clinic behaves in this story. */
  demo?: ClinicScript;
  /** Width of the frame around the element, to show narrow layouts. */
  width?: string;
  /** The page says it has no privacy notice (`privacy-url=""`, so not even the clinic's own from `GET clinic`): a set-up mistake the element reports. */
  noPrivacyNotice?: boolean;
}

/** What the loader opened for a story: its clinic on the real backend, and a booking made in advance. */
interface Loaded {
  clinic: Clinic;
  seeded?: BookingCreatedResponse;
}

const loadedOf = (loaded: unknown): Loaded => loaded as Loaded;

/** The args every story starts from; the template binds these itself (the other Controls: `applyArgs`). */
const ARGS: BookingArgs = { service: 'consultation', timeZone: '', lang: '', source: 'storybook', theme: '', api: '', manageUrl: '' };
const BOUND = Object.keys(ARGS);

/** Opens the story's clinic on the real reference backend, with the booking it asks for made first. */
async function loadClinic(context: StoryContext<BookingArgs>): Promise<Loaded> {
  const parameters = context.parameters as SeededParameters;
  const clinic = await openClinic(context.id, parameters.demo);
  const seeded = parameters.seed ? await seedBooking(clinic, parameters.seed.service, parameters.seed.options) : undefined;
  return { clinic, seeded };
}

function render(args: BookingArgs, context: StoryContext<BookingArgs>) {
  const parameters = context.parameters as BookingParameters;
  const { clinic } = loadedOf(context.loaded);
  return html`<div style=${parameters.width ? `max-width: ${parameters.width}` : nothing}>
    <kap-booking
      api=${args.api || clinic.api}
      service=${args.service || nothing}
      time-zone=${args.timeZone || nothing}
      lang=${args.lang || nothing}
      source=${args.source || nothing}
      theme=${args.theme || nothing}
      privacy-url=${parameters.noPrivacyNotice ? '' : 'https://clinic.example/privacy'}
      manage-url=${args.manageUrl || nothing}
      ${ref(applyArgs('kap-booking', args, BOUND))}
    ></kap-booking>
  </div>`;
}

interface SeededParameters extends BookingParameters {
  /** A booking placed in advance in the demo clinic. */
  seed?: { service: string; options?: SeedOptions };
  /** `manage`: the element manages it (`booking`); `after`: it opens a follow-up window (`after`). */
  use?: 'manage' | 'after';
  /** Which token the page hands over with it. */
  token?: 'valid' | 'wrong' | 'none';
}

/** Stories about an existing booking: managing it, or booking the session that follows it. */
function renderSeeded(args: BookingArgs, context: StoryContext<BookingArgs>) {
  const parameters = context.parameters as SeededParameters;
  const { clinic, seeded } = loadedOf(context.loaded);
  const id = seeded?.booking.id ?? 'bk-not-in-this-clinic';
  const token = parameters.token === 'none' ? undefined : parameters.token === 'wrong' ? 'an-expired-or-mistyped-token-000' : seeded?.accessToken;
  const use = parameters.use ?? 'manage';
  return html`<div style=${parameters.width ? `max-width: ${parameters.width}` : nothing}><kap-booking
    api=${clinic.api}
    service=${args.service || nothing}
    time-zone=${args.timeZone || nothing}
    lang=${args.lang || nothing}
    theme=${args.theme || nothing}
    privacy-url="https://clinic.example/privacy"
    booking=${use === 'manage' ? id : nothing}
    after=${use === 'after' && parameters.seed ? id : nothing}
    .token=${use === 'manage' ? token : undefined}
    .afterToken=${use === 'after' ? token : undefined}
    ${ref(applyArgs('kap-booking', args, BOUND))}
  ></kap-booking></div>`;
}

const meta = {
  title: 'Elements/kap-booking',
  component: 'kap-booking',
  tags: ['autodocs'],
  render,
  loaders: [loadClinic],
  decorators: [withActions],
  args: ARGS,
  argTypes: {
    service: { control: 'select', options: ['consultation', 'preparation', 'administration', 'integration'] },
    timeZone: { control: 'text', description: 'IANA zone; empty = the browser’s' },
    lang: { control: 'select', options: ['', 'en', 'es'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    api: { control: 'text', description: 'Empty = this story’s demo clinic' },
    manageUrl: { control: 'text', description: 'The clinic’s manage page (https: or a path); empty = no manage link' },
  },
  parameters: {
    actions: { handles: ['kap-slot-select', 'kap-booking-confirm', 'kap-booking-cancel', 'kap-booking-reschedule', 'kap-error'] },
  },
} satisfies Meta<BookingArgs>;

export default meta;
type Story = StoryObj<BookingArgs>;

// ---- helpers for play functions ------------------------------------------------------------

/** Generous for a loaded CI machine; on timeout, report our own message rather than a DOM dump. */
const SLOW = { timeout: 15_000 };
const quiet = (options: { timeout: number }) => ({ ...options, onTimeout: (error: Error) => error });

function elementIn(canvas: HTMLElement): KapBooking {
  const element = canvas.querySelector('kap-booking');
  if (!element?.shadowRoot) throw new Error('<kap-booking> is not on the canvas');
  return element;
}

/** Waits until `selector` matches inside the element's shadow root and returns the first match. */
async function find<T extends Element = HTMLElement>(element: KapBooking, selector: string, options = SLOW): Promise<T> {
  return waitFor(() => {
    const found = element.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`nothing matches ${selector} in <kap-booking>`);
    return found;
  }, quiet(options));
}

/**
 * The first free time shown, moving on from a week without any as a client would ("Show next
 * week"): the story clinics open on weekdays and need 12 hours' notice, so at a weekend the
 * current week has none.
 */
async function findTime(element: KapBooking): Promise<HTMLElement> {
  for (let week = 0; week < 5; week++) {
    const shown = await find(element, '[part~="time"], .empty');
    if (shown.matches('[part~="time"]')) return shown;
    await userEvent.click(await find(element, '.empty button'));
    await waitFor(() => {
      if (element.shadowRoot!.querySelector('.empty')) throw new Error('the next week is still to come');
    }, quiet(SLOW));
  }
  throw new Error('no week in the next five has a free time');
}

/** Waits until the element shows `text` somewhere in its shadow root. */
async function findText(element: KapBooking, text: string, options = SLOW): Promise<void> {
  await waitFor(() => {
    const shown = element.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
    if (!shown.includes(text)) throw new Error(`<kap-booking> does not show "${text}"`);
  }, quiet(options));
}

function buttonNamed(element: KapBooking, text: string): HTMLButtonElement {
  const button = [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim().includes(text));
  if (!button) throw new Error(`no button "${text}" in <kap-booking>`);
  return button;
}

/** Clicks the first free time and waits for the details step. */
async function chooseFirstTime(element: KapBooking): Promise<void> {
  const time = await findTime(element);
  await userEvent.click(time);
  await find(element, '[data-focus="details"]');
}

const CLIENT = { name: 'Alex Rivera', email: 'alex@example.com', phone: '+1 212 555 0100' };

async function fillDetails(element: KapBooking): Promise<void> {
  await userEvent.type(await find<HTMLInputElement>(element, '#kap-name'), CLIENT.name);
  await userEvent.type(await find<HTMLInputElement>(element, '#kap-email'), CLIENT.email);
  await userEvent.type(await find<HTMLInputElement>(element, '#kap-phone'), CLIENT.phone);
  await userEvent.click(await find(element, '#kap-reason-anxiety'));
  await userEvent.click(await find(element, '#kap-privacy'));
}

async function confirm(element: KapBooking): Promise<void> {
  await userEvent.click(await find(element, 'button[type="submit"]'));
}

// ---- stories ---------------------------------------------------------------------------------

/** A week of free times in the client's own zone: days on the left, the chosen day's times. */
export const Slots: Story = {
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findTime(element);
    await expect(element.shadowRoot!.querySelectorAll('[part~="day"]').length).toBeGreaterThan(0);
    await expect(element.shadowRoot!.querySelector('[part~="day"][aria-pressed="true"]')).not.toBeNull();
  },
};

/** The clinic has not answered yet. */
export const Loading: Story = {
  parameters: { demo: { availability: 'never' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[role="status"].loading');
    await findText(element, 'Loading available times');
  },
};

/** A fully booked clinic. */
export const NoSlots: Story = {
  name: 'No slots',
  parameters: { demo: { noSlots: true } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'There are no free times in this week.');
    await expect(element.shadowRoot!.querySelector('[part~="time"]')).toBeNull();
  },
};

/** A time is held; the client gives their details. */
export const Details: Story = {
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await findText(element, 'holding this time for you until');
    await expect(element.shadowRoot!.activeElement?.getAttribute('data-focus')).toBe('details');
  },
};

/** Contact details from the page (`prefill`, an object Control on the Docs page): the form starts with them. */
export const DetailsPrefilled: Story = {
  args: { prefill: { name: 'Sam Example', email: 'sam.example@example.org' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await expect((await find<HTMLInputElement>(element, 'input[autocomplete="name"]')).value).toBe('Sam Example');
    await expect((await find<HTMLInputElement>(element, 'input[autocomplete="email"]')).value).toBe('sam.example@example.org');
  },
};

/**
 * The page gave no privacy notice: the consent does not name a notice the client cannot open, and
 * the website team gets `kap-error` `missing_privacy_url` and a console warning.
 */
export const DetailsWithoutPrivacyNotice: Story = {
  name: 'Details without a privacy notice',
  parameters: { noPrivacyNotice: true },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await findText(element, 'I agree that the clinic may keep and use these details to arrange my appointment');
    await findText(element, 'You can ask the clinic how it looks after your information.');
  },
};

/** Confirming without the required answers: the error summary takes focus. */
export const DetailsWithErrors: Story = {
  name: 'Details with errors',
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await confirm(element);
    await find(element, '[part~="error-summary"]');
    await findText(element, 'There is a problem');
    await findText(element, 'Enter your full name');
  },
};

/** The hold ran out while the client was typing (this clinic holds times for 4 seconds). */
export const HoldExpired: Story = {
  name: 'Hold expired',
  parameters: { demo: { holdSeconds: 4 } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await userEvent.type(await find<HTMLInputElement>(element, '#kap-name'), CLIENT.name);
    await findText(element, "We've stopped holding this time", { timeout: 10_000 });
    // What the client typed is still there.
    await expect((await find<HTMLInputElement>(element, '#kap-name')).value).toBe(CLIENT.name);
  },
};

/** Someone else booked the time just before the client chose it: back to fresh times, without it. */
export const SlotTaken: Story = {
  name: 'Slot taken',
  // Someone else really books the time on the backend first; the backend's own 409 comes back.
  parameters: { demo: { hold: [{ status: 409, code: 'slot_unavailable' }, 'ok'] } },
  play: async ({ canvasElement, loaded }) => {
    const element = elementIn(canvasElement);
    const time = await findTime(element);
    const taken = time.getAttribute('data-roving');
    await userEvent.click(time);
    await findText(element, 'that time is no longer available');
    await findTime(element);
    await waitFor(() => expect(element.shadowRoot!.querySelector(`[data-roving="${taken}"]`)).toBeNull(), quiet(SLOW));
    await chooseFirstTime(element);
    // The one booking is someone else's.
    await expect((await loadedOf(loaded).clinic.records()).bookings.map((booking) => booking.name)).not.toContain(CLIENT.name);
  },
};

/** The booking is on its way to the clinic (which never answers here). */
export const Submitting: Story = {
  parameters: { demo: { booking: 'never' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await fillDetails(element);
    await confirm(element);
    await findText(element, 'Confirming your booking');
    // Announced: no aria-busy around the live status (it would hold the announcement back).
    await expect((await find(element, 'form .status')).closest('[aria-busy="true"]')).toBe(null);
  },
};

/** Booked: date, time and zone, what happens next, and an .ics file. */
export const Confirmed: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await fillDetails(element);
    await confirm(element);
    const heading = await find(element, '[data-focus="done"]');
    await expect(heading.textContent).toContain('Your booking is confirmed');
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(heading), quiet(SLOW));
    await expect((await find(element, 'a[download]')).getAttribute('href')).toMatch(/^blob:/);
    const { clinic } = loadedOf(loaded);
    await expect((await clinic.records()).bookings).toHaveLength(1);
    // One logical submission, one idempotency key.
    const posts = clinic.requests.filter((request) => request.method === 'POST' && request.path === 'bookings');
    await expect(new Set(posts.map((request) => request.idempotencyKey)).size).toBe(1);
  },
};

/** A service the clinic has to confirm: "Send request" and a "requested" confirmation. */
export const RequestMode: Story = {
  name: 'Request mode (in person)',
  args: { service: 'administration', timeZone: 'Europe/London' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, "the clinic's local time");
    await chooseFirstTime(element);
    await fillDetails(element);
    await userEvent.click(buttonNamed(element, 'Send request'));
    await findText(element, 'Your request has been sent');
  },
};

/** The device is offline: requests fail, are retried, then the client is told. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { demo: { availability: 'network-error' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, "We couldn't reach the clinic");
    buttonNamed(element, 'Try again');
  },
};

/** The clinic's server keeps failing (503). */
export const ServerError: Story = {
  name: 'Server error',
  parameters: { demo: { availability: { status: 503, code: 'internal_error', message: 'Service unavailable' } } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Something went wrong at the clinic');
  },
};

/** Too many attempts: the clinic asks to wait two minutes (429 with Retry-After). */
export const RateLimited: Story = {
  name: 'Rate limited',
  parameters: { demo: { hold: { status: 429, code: 'rate_limited', message: 'Slow down', retryAfterSeconds: 120 } } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await findTime(element));
    await findText(element, 'There have been a lot of attempts in a short time');
  },
};

/** The backend answers something that is not the contract. */
export const WrongShape: Story = {
  name: 'Backend sends the wrong shape',
  parameters: { demo: { availability: 'wrong-shape' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, "The clinic's system sent an answer we couldn't read");
  },
};

/** `api` is plain http on a public host: refused, and explained for the site's developer. */
export const BadConfiguration: Story = {
  name: 'Bad configuration',
  args: { api: 'http://clinic.example/kap/' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="problem"]');
    await findText(element, 'Sorry, this is not available online right now');
    await findText(element, 'plain http:');
  },
};

/** A dark page (`color-scheme: dark`, which the element follows with no theme attribute). */
export const DarkTheme: Story = {
  name: 'Dark theme',
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findTime(element);
    await expect(getComputedStyle(element).colorScheme).toBe('dark');
    // The built-in dark background, #111a1d.
    await expect(getComputedStyle(await find(element, '[part~="base"]')).backgroundColor).toBe('rgb(17, 26, 29)');
  },
};

/** `theme="dark"` forces the dark scheme even on a light page. */
export const DarkThemeForced: Story = {
  name: 'Dark theme (forced by attribute)',
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findTime(element);
    await expect(getComputedStyle(await find(element, '[part~="base"]')).backgroundColor).toBe('rgb(17, 26, 29)');
  },
};

/** Spanish, whose strings run about a third longer than English, in a 320 px column. */
export const SpanishLongStrings: Story = {
  name: 'Spanish-length strings',
  args: { lang: 'es' },
  parameters: { width: '320px' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await confirm(element);
    await find(element, '[part~="error-summary"]');
    await findText(element, 'Hay un problema');
    // Long words wrap: nothing sticks out of the 320 px column.
    await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    await expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(320);
  },
};

// ---- after booking: the manage link, managing a booking, the integration window ------------------

/** Booked on a site that set `manage-url`: the confirmation links to the manage page. */
export const ConfirmedWithManageLink: Story = {
  name: 'Confirmed, with a manage link',
  args: { manageUrl: 'https://clinic.example/my-appointment' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await chooseFirstTime(element);
    await fillDetails(element);
    await confirm(element);
    const link = await find<HTMLAnchorElement>(element, '[part~="manage-link"]');
    const url = new URL(link.href);
    await expect(url.search).toBe('');
    await expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(element.accessToken);
  },
};

/** `<kap-booking booking>` with the booking's token: the appointment, Change time and Cancel. */
export const ManageBooking: Story = {
  name: 'Manage: the booking',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await findText(element, 'Confirmed');
    buttonNamed(element, 'Change time');
    buttonNamed(element, 'Cancel appointment');
  },
};

/** "Cancel appointment" asks first. */
export const ManageCancelQuestion: Story = {
  name: 'Manage: are you sure?',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Cancel appointment'));
    const question = await find(element, '[data-focus="confirm-cancel"]');
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(question), quiet(SLOW));
    buttonNamed(element, 'Yes, cancel it');
    buttonNamed(element, 'No, keep it');
  },
};

/** Cancelled: said plainly, focus on the heading, the clinic's record updated. */
export const ManageCancelled: Story = {
  name: 'Manage: cancelled',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement, loaded }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Cancel appointment'));
    await userEvent.click(await waitFor(() => buttonNamed(element, 'Yes, cancel it'), quiet(SLOW)));
    const heading = await find(element, '[data-focus="cancelled"]');
    await expect(heading.textContent).toContain('Your appointment is cancelled');
    // The booking's link stops at once, so the clinic's records tell (GET with the token answers 401).
    const { clinic, seeded } = loadedOf(loaded);
    const record = (await clinic.records()).bookings.find((booking) => booking.id === seeded!.booking.id);
    await expect(record?.status).toBe('cancelled');
  },
};

/** Cancelling could not reach the clinic: the question stays, with the reason. */
export const ManageCancelFailed: Story = {
  name: 'Manage: cancelling failed',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' }, demo: { cancel: 'network-error' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Cancel appointment'));
    await userEvent.click(await waitFor(() => buttonNamed(element, 'Yes, cancel it'), quiet(SLOW)));
    await findText(element, "We couldn't cancel your appointment.");
    await findText(element, "We couldn't reach the clinic");
  },
};

/**
 * The link of a booking cancelled earlier: it stopped working at the cancellation, so the client is told
 * the link is not valid and may ask for fresh links (there are none for a cancelled booking).
 */
export const ManageAlreadyCancelled: Story = {
  name: "Manage: a cancelled booking's link",
  render: renderSeeded,
  parameters: { seed: { service: 'consultation', options: { cancelled: true } } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'This link has expired or is not valid.');
    await findText(element, 'Email me my links');
    await expect(element.shadowRoot!.querySelector('[data-focus="manage"]')).toBeNull();
  },
};

/** "Change time": the booking picker, with the current time and a way back. */
export const ManageChooseNewTime: Story = {
  name: 'Manage: choose a new time',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Change time'));
    await findTime(element);
    await findText(element, 'Choose a new time');
    buttonNamed(element, 'Keep my current time');
  },
};

/** A new time is held: "Move your appointment from … to …". */
export const ManageCheckNewTime: Story = {
  name: 'Manage: check the new time',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Change time'));
    await chooseFirstTime(element);
    await findText(element, 'Move your appointment from');
    buttonNamed(element, 'Move my appointment');
  },
};

/** Moved: the new time, the old one given up, a calendar file for the new one. */
export const ManageMoved: Story = {
  name: 'Manage: moved',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' } },
  play: async ({ canvasElement, loaded }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    const before = await bookingOnServer(loadedOf(loaded).clinic, loadedOf(loaded).seeded!);
    await userEvent.click(buttonNamed(element, 'Change time'));
    await chooseFirstTime(element);
    await userEvent.click(buttonNamed(element, 'Move my appointment'));
    await findText(element, 'Your appointment has been moved');
    await find(element, 'a[download]');
    const after = await bookingOnServer(loadedOf(loaded).clinic, loadedOf(loaded).seeded!);
    await expect(after.start).not.toBe(before.start);
  },
};

/** Someone else took the new time first: back to fresh times, the booking unchanged. */
export const ManageMoveSlotTaken: Story = {
  name: 'Manage: new time taken',
  render: renderSeeded,
  parameters: {
    seed: { service: 'consultation' },
    demo: { reschedule: [{ status: 409, code: 'slot_unavailable', message: 'That time is no longer available.' }, 'ok'] },
  },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Change time'));
    await chooseFirstTime(element);
    await userEvent.click(buttonNamed(element, 'Move my appointment'));
    await findText(element, 'your appointment has not changed');
    await findTime(element);
  },
};

/** The page has no token for the booking (the link was not used). */
export const ManageLinkMissing: Story = {
  name: 'Manage: no link',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' }, token: 'none' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Open the link in your confirmation');
  },
};

/**
 * "Email me my links" under the missing link (src/base/email-links-form.ts, loaded with it): sending
 * with no address is an error summary that takes focus, and the field says what to do.
 */
export const ManageEmailLinksNoAddress: Story = {
  name: 'Manage: Email me my links, no address',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' }, token: 'none' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '#kap-email-links-email');
    await userEvent.click(buttonNamed(element, 'Email me my links'));
    await find(element, '.error-summary');
    await findText(element, 'Enter your email address');
    await waitFor(() => expect(element.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true));
  },
};

/** Sent: the same words whatever the address, and a way to send again. */
export const ManageEmailLinksSent: Story = {
  name: 'Manage: Email me my links, sent',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' }, token: 'none' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.type(await find(element, '#kap-email-links-email'), 'someone@example.com');
    await userEvent.click(buttonNamed(element, 'Email me my links'));
    await findText(element, 'If this address has a booking with us, we have sent its links to it.');
    buttonNamed(element, 'Send them again');
  },
};

/** Too many requests for the address (429): said plainly, the address kept, with Try again. */
export const ManageEmailLinksRateLimited: Story = {
  name: 'Manage: Email me my links, rate limited',
  render: renderSeeded,
  parameters: {
    seed: { service: 'consultation' },
    token: 'none',
    demo: { emailLinks: { status: 429, code: 'rate_limited', retryAfterSeconds: 3600 } },
  },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    const field = await find<HTMLInputElement>(element, '#kap-email-links-email');
    await userEvent.type(field, 'someone@example.com');
    await userEvent.click(buttonNamed(element, 'Email me my links'));
    await findText(element, 'There have been a lot of attempts in a short time.');
    await expect(field.value).toBe('someone@example.com');
    buttonNamed(element, 'Try again');
  },
};

/** The token is wrong or has expired (401). */
export const ManageLinkExpired: Story = {
  name: 'Manage: link expired',
  render: renderSeeded,
  parameters: { seed: { service: 'consultation' }, token: 'wrong' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'This link has expired or is not valid.');
  },
};

/** Integration, given the ketamine session: only times 24–48 hours after it ends, on its week. */
export const IntegrationWindow: Story = {
  name: 'Integration: in the window',
  render: renderSeeded,
  args: { service: 'integration' },
  parameters: { seed: { service: 'administration', options: { daysAhead: 8, weekdays: [1, 2, 3] } }, use: 'after' },
  play: async ({ canvasElement, loaded }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="window"]');
    await findText(element, '24 to 48 hours after your Ketamine session ends');
    await findTime(element);
    const opener = await bookingOnServer(loadedOf(loaded).clinic, loadedOf(loaded).seeded!);
    const ended = Date.parse(opener.end);
    for (const time of element.shadowRoot!.querySelectorAll('[part~="time"]')) {
      const after = Date.parse(time.getAttribute('data-roving')!) - ended;
      await expect(after).toBeGreaterThanOrEqual(24 * 3_600_000);
      await expect(after).toBeLessThanOrEqual(48 * 3_600_000);
    }
  },
};

/** Integration without the ketamine session it follows: how to get there. */
export const IntegrationWithoutSession: Story = {
  name: 'Integration: no session to follow',
  render: renderSeeded,
  args: { service: 'integration' },
  parameters: { use: 'after' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'This session is booked after your Ketamine session.');
  },
};

/** The cancel question in Spanish, in a 320 px column, on a dark page. */
export const ManageSpanishDarkNarrow: Story = {
  name: 'Manage: Spanish, dark, narrow',
  render: renderSeeded,
  args: { lang: 'es' },
  globals: { backgrounds: { value: 'dark' } },
  parameters: { seed: { service: 'consultation' }, width: '320px' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[data-focus="manage"]');
    await userEvent.click(buttonNamed(element, 'Cancelar la cita'));
    await findText(element, '¿Seguro que quiere cancelar esta cita?');
    buttonNamed(element, 'Sí, cancelarla');
    await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
  },
};
