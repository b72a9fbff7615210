/**
 * Every state of `<kap-prep-checklist>`, each against its own scripted demo clinic
 * (`demo-backend.ts`) with a booking placed in advance, or as a static page with the checklist in
 * a child JSON script. `play` ticks items inside the element's shadow DOM as a client would.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/kap-prep-checklist.js';
// Spanish registers itself for lang="es"; English stories are unaffected.
import '../src/es.js';
import { KAP_DEFAULT_CHECKLIST } from '../src/checklist/kap-default.js';
import type { KapPrepChecklist } from '../src/elements/kap-prep-checklist/kap-prep-checklist.js';
import type { BookingCreatedResponse } from '../src/api/schemas.js';
import { checkOff, openClinic, seedBooking, type Clinic, type ClinicScript, type SeedOptions } from './support/clinic.js';
import { applyArgs } from './support/manifest.js';

interface ChecklistArgs {
  timeZone: string;
  lang: string;
  theme: '' | 'light' | 'dark' | 'auto';
  /** Overrides the demo clinic's address: for the misconfigured story only. */
  api: string;
}

interface ChecklistParameters {
  /** How the demo clinic behaves in this story. */
  demo?: ClinicScript;
  /** The booking placed in advance; default an administration session a few days ahead. */
  seed?: SeedOptions;
  /** Item ids the client checked off on an earlier visit. */
  done?: string[];
  /** Which token the element is given; default the booking's own. */
  token?: 'valid' | 'wrong' | 'none';
  /** A static page: the child JSON script's content instead of a backend. */
  settings?: () => unknown;
  width?: string;
}

/** The args every story starts from; the template binds these itself (the other Controls: `applyArgs`). */
const ARGS: ChecklistArgs = { timeZone: '', lang: '', theme: '', api: '' };
const BOUND = Object.keys(ARGS);

/** Opens the story's clinic on the real reference backend, with the booking made (and items checked off) first. */
async function loadClinic(context: StoryContext<ChecklistArgs>): Promise<{ clinic?: Clinic; seeded?: BookingCreatedResponse }> {
  const parameters = context.parameters as ChecklistParameters;
  if (parameters.settings) return {};
  const clinic = await openClinic(context.id, parameters.demo);
  const seeded = await seedBooking(clinic, 'administration', { daysAhead: 3, ...parameters.seed });
  if (parameters.done) await checkOff(clinic, seeded, parameters.done);
  return { clinic, seeded };
}

function render(args: ChecklistArgs, context: StoryContext<ChecklistArgs>): HTMLElement {
  const parameters = context.parameters as ChecklistParameters;
  const element = document.createElement('kap-prep-checklist');
  for (const [name, value] of [
    ['time-zone', args.timeZone],
    ['lang', args.lang],
    ['theme', args.theme],
  ] as const) {
    if (value) element.setAttribute(name, value);
  }
  if (parameters.settings) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(parameters.settings());
    element.append(script);
  } else {
    const { clinic, seeded } = context.loaded as { clinic: Clinic; seeded: BookingCreatedResponse };
    const { booking, accessToken } = seeded;
    element.setAttribute('api', args.api || clinic.api);
    element.setAttribute('booking', booking.id);
    const token = parameters.token ?? 'valid';
    if (token !== 'none') element.token = token === 'valid' ? accessToken : 'a-token-that-does-not-open-this-booking';
  }
  applyArgs('kap-prep-checklist', args, BOUND)(element);
  const frame = document.createElement('div');
  if (parameters.width) frame.style.maxWidth = parameters.width;
  frame.append(element);
  return frame;
}

const meta = {
  title: 'Elements/kap-prep-checklist',
  component: 'kap-prep-checklist',
  tags: ['autodocs'],
  render,
  loaders: [loadClinic],
  decorators: [withActions],
  args: ARGS,
  argTypes: {
    timeZone: { control: 'text', description: 'IANA zone; empty = the browser’s' },
    lang: { control: 'select', options: ['', 'en', 'es'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    api: { control: 'text', description: 'Empty = this story’s demo clinic' },
  },
  parameters: {
    actions: { handles: ['kap-checklist-change', 'kap-checklist-complete', 'kap-error'] },
  },
} satisfies Meta<ChecklistArgs>;

export default meta;
type Story = StoryObj<ChecklistArgs>;

// ---- helpers for play functions ------------------------------------------------------------

const SLOW = { timeout: 15_000 };
const quiet = (options: { timeout: number }) => ({ ...options, onTimeout: (error: Error) => error });

function elementIn(canvas: HTMLElement): KapPrepChecklist {
  const element = canvas.querySelector('kap-prep-checklist');
  if (!element?.shadowRoot) throw new Error('<kap-prep-checklist> is not on the canvas');
  return element;
}

async function find<T extends Element = HTMLElement>(element: KapPrepChecklist, selector: string, options = SLOW): Promise<T> {
  return waitFor(() => {
    const found = element.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`nothing matches ${selector} in <kap-prep-checklist>`);
    return found;
  }, quiet(options));
}

async function findText(element: KapPrepChecklist, text: string, options = SLOW): Promise<void> {
  await waitFor(() => {
    const shown = element.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
    if (!shown.includes(text)) throw new Error(`<kap-prep-checklist> does not show "${text}"`);
  }, quiet(options));
}

function box(itemId: string): string {
  return `[data-item="${itemId}"] input[type="checkbox"]`;
}

const REQUIRED = KAP_DEFAULT_CHECKLIST.items.filter((item) => item.required !== false).map((item) => item.id);

/** A session `hours` from now, on the minute. */
function sessionIn(hours: number): string {
  return new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

// ---- stories ---------------------------------------------------------------------------------

/** A fresh checklist: the session, the groups, each due time as a local date and time. */
export const Checklist: Story = {
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="item"]');
    await findText(element, `0 of ${KAP_DEFAULT_CHECKLIST.items.length} done`);
    await expect((await find(element, 'a[download]')).getAttribute('href')).toMatch(/^blob:/);
  },
};

/** The clinic has not answered yet. */
export const Loading: Story = {
  parameters: { demo: { checklist: 'never' } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'Loading your checklist');
  },
};

/** Back on a later visit: what was ticked before comes from the clinic's server. */
export const InProgress: Story = {
  name: 'In progress',
  parameters: { done: ['arrange-ride-home', 'ask-about-medications', 'plan-quiet-evening'] },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, `3 of ${KAP_DEFAULT_CHECKLIST.items.length} done`);
    await expect((await find<HTMLInputElement>(element, box('arrange-ride-home'))).checked).toBe(true);
  },
};

/** A tick shows at once while it is being saved (this clinic never answers the save). */
export const Saving: Story = {
  parameters: { demo: { checklistItem: 'never' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    const checkbox = await find<HTMLInputElement>(element, box('stop-eating'));
    await userEvent.click(checkbox);
    await expect(checkbox.checked).toBe(true);
    await findText(element, 'Saving…');
  },
};

/** The save failed: the item goes back, the client is told, and can try again. */
export const SaveFailed: Story = {
  name: 'Save failed',
  parameters: { demo: { checklistItem: [{ status: 503, code: 'internal_error', message: 'Unavailable' }] } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    const checkbox = await find<HTMLInputElement>(element, box('stop-eating'));
    await userEvent.click(checkbox);
    await find(element, '[data-item="stop-eating"] [role="alert"]');
    await findText(element, 'so it is shown as not done');
    await expect(checkbox.checked).toBe(false);
  },
};

/** Every required item done. */
export const AllDone: Story = {
  name: 'All done',
  parameters: { done: REQUIRED.slice(0, -1) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await find(element, box(REQUIRED[REQUIRED.length - 1]!)));
    await findText(element, 'Everything on your list is done.');
  },
};

/** Close to the session: what is due now or soon is set apart, calmly. */
export const DueNow: Story = {
  name: 'Due now and soon',
  parameters: { settings: () => ({ checklist: KAP_DEFAULT_CHECKLIST, sessionStart: sessionIn(5) }) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="due-now"]');
    await findText(element, 'Due now or soon');
    await find(element, '[part~="badge"]');
  },
};

/** A static page: the checklist in a child JSON script, here for a session just after the clocks change. */
export const StaticPage: Story = {
  name: 'Static page (no backend), across a clock change',
  args: { timeZone: 'America/New_York', lang: 'en-US' },
  parameters: { settings: () => ({ checklist: KAP_DEFAULT_CHECKLIST, sessionStart: '2027-03-15T14:00:00Z' }) },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    // 48 hours before 10:00 EDT on Monday is 09:00 EST on Saturday.
    await findText(element, 'By 9:00 AM on Saturday, March 13, 2027');
    await userEvent.click(await find(element, box('arrange-ride-home')));
    await findText(element, '1 of');
  },
};

/** The clinic has no items for this booking. */
export const NoItems: Story = {
  name: 'No items',
  parameters: { demo: { checklists: { administration: null } } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'The clinic has not added anything to prepare yet.');
  },
};

/** Opened without the link from the email (no token). */
export const MissingToken: Story = {
  name: 'Missing link',
  parameters: { token: 'none' },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'open the link in your confirmation email');
  },
};

/** A wrong or expired token. */
export const LinkExpired: Story = {
  name: 'Link expired',
  parameters: { token: 'wrong' },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'This link no longer works');
  },
};

/** A backend that says the booking does not exist. */
export const NotFound: Story = {
  name: 'Booking not found',
  parameters: { demo: { checklist: { status: 404, code: 'not_found', message: 'No such booking.' } } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), "We couldn't find this booking");
  },
};

/** The booking was cancelled: its link stopped working at once, and the client may ask for fresh links. */
export const Cancelled: Story = {
  name: "A cancelled booking's link",
  parameters: { seed: { cancelled: true } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'This link no longer works');
    await findText(elementIn(canvasElement), 'Email me my links');
  },
};

/** Offline: retried, then the client is told, with Try again. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { demo: { checklist: 'network-error' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, "We couldn't reach the clinic");
    await findText(element, 'Try again');
  },
};

/** The backend answers something that is not the contract. */
export const WrongShape: Story = {
  name: 'Backend sends the wrong shape',
  parameters: { demo: { checklist: 'wrong-shape' } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), "The clinic's system sent an answer we couldn't read");
  },
};

/** `api` is plain http on a public host. */
export const BadConfiguration: Story = {
  name: 'Bad configuration',
  args: { api: 'http://clinic.example/kap/' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="problem"]');
    await findText(element, 'plain http:');
  },
};

/** A static checklist with mistakes: precise problems for the site's developer. */
export const InvalidDefinition: Story = {
  name: 'Invalid checklist definition',
  parameters: {
    settings: () => ({ checklist: { items: [{ id: 'fast', text: '', group: 'On the day', dueOffsetMinutes: 'four hours' }] }, sessionStart: 'soon' }),
  },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="problem"]');
    await findText(element, 'items[0] ("fast").text: must not be empty');
  },
};

/** Spanish, in a 320 px column. */
export const Spanish: Story = {
  args: { lang: 'es' },
  parameters: { width: '320px' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Cómo prepararse para su sesión');
    await findText(element, 'Fecha límite');
    await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
  },
};

/** A dark page, which the element follows with no theme attribute. */
export const DarkTheme: Story = {
  name: 'Dark theme',
  globals: { backgrounds: { value: 'dark' } },
  parameters: { done: ['arrange-ride-home'] },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="item"]');
    await expect(getComputedStyle(await find(element, '[part~="base"]')).backgroundColor).toBe('rgb(17, 26, 29)');
  },
};
