/**
 * `<console-theme-preview .tokens=${…} scheme="light">`: the Theme screen's preview — the REAL
 * elements (`<kap-booking>`, `<kap-intake>`, `<kap-prep-checklist>`: their classes, views and
 * words), each driven into a key state, in the draft's colours. Loaded lazily by `<console-theme>`,
 * so the console's first load carries none of it; the drop-in files are untouched.
 *
 * Nothing leaves the page: every request an element makes is answered here, from sample data (a
 * service, a week of times, a booking, a checklist), and the sample details typed into the booking
 * are words of this file, never a client's. The draft reaches the elements the way a published
 * theme does: as the `theme` of a `GET clinic` answer, read by the elements' own
 * `applyClinicTheme` (src/base/clinic-theme.ts) — only the answer comes from this page.
 */
import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { KapApiClient } from '../../src/api/client.js';
import { applyClinicTheme } from '../../src/base/clinic-theme.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { KapBooking } from '../../src/kap-booking.js';
import { KapPrepChecklist } from '../../src/kap-prep-checklist.js';
import '../studio/preview-intake.js';
import { ConsoleElement } from './console-view.js';
import { themePreviewStyles } from './theme.styles.js';

/** Never asked: every request is answered by this page. */
const NOWHERE = 'https://preview.invalid/';
const ZONE = 'America/New_York';
const HOUR = 3_600_000;
/** The sample details the booking's confirmation is reached with: this file's words, not a client's. */
const SAMPLE = { name: 'Sample Person', email: 'sample@example.com', phone: '+1 212 555 0100' };

type Tokens = Record<string, string>;
type Answer = (method: string, path: string, query: URLSearchParams, body: unknown) => { status: number; body?: unknown };

/** The public clinic this page pretends to be, with the draft as its published theme. */
const clinicOf = (tokens: Tokens) => ({ name: 'Preview clinic', timeZone: ZONE, theme: { tokens } });

/** A client whose every request is answered by `answer`, in this page; `asked` lists method and path only. */
function inPageClient(answer: Answer, asked: string[]): KapApiClient {
  return new KapApiClient({
    api: NOWHERE,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const path = url.pathname.slice(1);
      asked.push(`${method} ${path}`);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const answered = answer(method, path, url.searchParams, body);
      return new Response(answered.body === undefined ? null : JSON.stringify(answered.body), {
        status: answered.status,
        headers: { 'Content-Type': 'application/json' },
      });
    },
  });
}

/** The element's own style sheets, before any theme: each draft replaces the last one's sheet. */
const ownSheets = new WeakMap<ShadowRoot, CSSStyleSheet[]>();

/**
 * Applies `tokens` to `element` through the elements' own `applyClinicTheme`, which reads them from
 * a `GET clinic` answered in this page — the path a published theme takes.
 */
export async function adoptDraft(element: HTMLElement & { updateComplete: Promise<boolean> }, tokens: Tokens): Promise<void> {
  await element.updateComplete;
  const root = element.shadowRoot;
  if (!root) return;
  const own = ownSheets.get(root) ?? root.adoptedStyleSheets;
  ownSheets.set(root, own);
  root.adoptedStyleSheets = own;
  const client = inPageClient((method, path) => (method === 'GET' && path === 'clinic' ? { status: 200, body: clinicOf(tokens) } : { status: 404 }), []);
  await applyClinicTheme(root, client, new AbortController().signal);
}

/** Each weekday of the asked range from tomorrow on: 9:00, 10:30 and 14:00 (clinic time, as UTC-5). */
function slotsBetween(from: string, to: string): { start: string; end: string }[] {
  const slots: { start: string; end: string }[] = [];
  const first = new Date(Math.max(Date.parse(from), Date.now() + 24 * HOUR));
  first.setUTCHours(0, 0, 0, 0);
  for (let day = first.getTime(); day < Date.parse(to); day += 24 * HOUR) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [14, 15.5, 19]) {
      const start = day + hour * HOUR;
      if (start >= Date.parse(from) && start < Date.parse(to)) slots.push({ start: new Date(start).toISOString(), end: new Date(start + HOUR).toISOString() });
    }
  }
  return slots;
}

const SERVICE = {
  id: 'consultation',
  name: 'Initial consultation',
  description: 'A first conversation with a clinician about whether ketamine-assisted therapy suits you.',
  durationMinutes: 60,
  location: 'virtual',
  mode: 'instant',
  translations: {
    es: { name: 'Consulta inicial', description: 'Una primera conversación con un profesional clínico sobre si la terapia asistida con ketamina le conviene.' },
  },
};

const bookingAnswer: Answer = (method, path, query, body) => {
  if (method === 'GET' && path === 'clinic') return { status: 200, body: { name: 'Preview clinic', timeZone: ZONE } };
  if (method === 'GET' && path === 'services') return { status: 200, body: { lang: 'en', services: [SERVICE] } };
  if (method === 'GET' && path === 'availability') {
    return { status: 200, body: { service: SERVICE.id, timeZone: ZONE, slots: slotsBetween(query.get('from')!, query.get('to')!) } };
  }
  const start = (body as { start?: string } | undefined)?.start ?? new Date().toISOString();
  const end = new Date(Date.parse(start) + HOUR).toISOString();
  if (method === 'POST' && path === 'holds') {
    return { status: 201, body: { hold: { id: 'preview-hold', service: SERVICE.id, start, end, expiresAt: new Date(Date.now() + HOUR).toISOString() } } };
  }
  if (method === 'DELETE' && path.startsWith('holds/')) return { status: 204 };
  if (method === 'POST' && path === 'bookings') {
    return {
      status: 201,
      body: { booking: { id: 'preview-booking', service: SERVICE.id, start, end, status: 'confirmed' }, accessToken: 'preview-access-token-0000' },
    };
  }
  return { status: 404, body: { error: { code: 'not_found', message: 'The preview answers nothing else.' } } };
};

const ITEMS = [
  {
    id: 'ride',
    text: 'Arrange a ride home',
    group: 'The day before',
    dueOffsetMinutes: -1440,
    required: true,
    done: true,
    translations: { es: { text: 'Organice quién le lleve a casa', group: 'El día anterior' } },
  },
  {
    id: 'fast',
    text: 'Stop eating four hours before',
    group: 'On the day',
    dueOffsetMinutes: -240,
    required: true,
    done: false,
    translations: { es: { text: 'Deje de comer cuatro horas antes', group: 'El mismo día' } },
  },
  {
    id: 'music',
    text: 'Bring headphones if you like your own music',
    group: 'On the day',
    required: false,
    done: false,
    translations: { es: { text: 'Traiga auriculares si prefiere su propia música', group: 'El mismo día' } },
  },
];

function checklistAnswer(): Answer {
  const done = new Map(ITEMS.map((item) => [item.id, item.done]));
  const start = new Date(Date.now() + 3 * 24 * HOUR);
  start.setUTCHours(15, 0, 0, 0);
  const booking = {
    id: 'preview-booking',
    service: 'administration',
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * HOUR).toISOString(),
    status: 'confirmed',
  };
  const state = (item: (typeof ITEMS)[number]) => ({ ...item, done: done.get(item.id)! });
  return (method, path, _query, body) => {
    if (method === 'GET' && path === 'bookings/preview-booking/checklist')
      return { status: 200, body: { lang: 'en', booking, timeZone: ZONE, items: ITEMS.map(state) } };
    const item = ITEMS.find((candidate) => path === `bookings/preview-booking/checklist/${candidate.id}`);
    if (method === 'PUT' && item) {
      done.set(item.id, (body as { done: boolean }).done);
      return { status: 200, body: { item: state(item) } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'The preview answers nothing else.' } } };
  };
}

/** `<kap-booking>` answered in this page. */
export class ThemePreviewBooking extends KapBooking {
  readonly asked: string[] = [];
  readonly #local = inPageClient(bookingAnswer, this.asked);
  constructor() {
    super();
    this.api = NOWHERE;
    this.privacyUrl = 'https://preview.invalid/privacy';
  }
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.client = this.#local;
  }
}

/** `<kap-prep-checklist>` answered in this page (its ticks live in this page too). */
export class ThemePreviewChecklist extends KapPrepChecklist {
  readonly asked: string[] = [];
  readonly #local = inPageClient(checklistAnswer(), this.asked);
  constructor() {
    super();
    this.api = NOWHERE;
    this.booking = 'preview-booking';
    this.token = 'preview-access-token-0000';
  }
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.client = this.#local;
  }
}

if (!customElements.get('theme-preview-booking')) customElements.define('theme-preview-booking', ThemePreviewBooking);
if (!customElements.get('theme-preview-checklist')) customElements.define('theme-preview-checklist', ThemePreviewChecklist);

/** A form whose first page is PHQ-9: item 9 answered shows the crisis panel. */
const CRISIS_FORM = { ...DEMO_INTAKE_FORM, pages: DEMO_INTAKE_FORM.pages.filter((page) => 'instrument' in page && page.instrument === 'phq-9') };

/** The element's shadow root, which the preview reaches into to drive it like a person would. */
const within = (element: Element | null | undefined) => element?.shadowRoot ?? undefined;

async function until<T>(find: () => T | null | undefined, tries = 200): Promise<T | undefined> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}

function type(root: ShadowRoot, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export class ConsoleThemePreview extends ConsoleElement {
  static override properties: PropertyDeclarations = { tokens: { attribute: false }, scheme: {} };
  static override styles = [...ConsoleElement.styles, themePreviewStyles];
  /** The draft's tokens, as `GET clinic` would serve them once published. */
  declare tokens: Tokens;
  declare scheme: 'light' | 'dark';
  #driven = false;

  constructor() {
    super();
    this.tokens = {};
    this.scheme = 'light';
  }

  override render() {
    const t = this.t;
    const state = (id: string, name: string, element: unknown) =>
      html`<section class="state state--${this.scheme}" aria-labelledby="preview-${id}-heading" data-state=${id}>
        <h4 id="preview-${id}-heading">${name}</h4>
        ${element}
      </section>`;
    const common = { lang: this.lang, theme: this.scheme };
    return html`<div class="states">
      ${state('times', t('themeSampleTimes'), html`<theme-preview-booking id="preview-times" lang=${common.lang} theme=${common.theme} heading-level="5"></theme-preview-booking>`)}
      ${state('details', t('themeSampleDetails'), html`<theme-preview-booking id="preview-details" lang=${common.lang} theme=${common.theme} heading-level="5"></theme-preview-booking>`)}
      ${state('confirmed', t('themeSampleConfirmation'), html`<theme-preview-booking id="preview-confirmed" lang=${common.lang} theme=${common.theme} heading-level="5"></theme-preview-booking>`)}
      ${state(
        'intake',
        t('themeSampleIntake'),
        html`<studio-preview-intake id="preview-intake" .definition=${DEMO_INTAKE_FORM} lang=${common.lang} theme=${common.theme} heading-level="5"></studio-preview-intake>`,
      )}
      ${state(
        'crisis',
        t('themeSampleCrisis'),
        html`<studio-preview-intake id="preview-crisis" .definition=${CRISIS_FORM} .clinic=${() => Promise.resolve(clinicOf(this.tokens))} lang=${common.lang} theme=${common.theme} heading-level="5"></studio-preview-intake>`,
      )}
      ${state('checklist', t('themeSampleChecklist'), html`<theme-preview-checklist id="preview-checklist" lang=${common.lang} theme=${common.theme} heading-level="5"></theme-preview-checklist>`)}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('tokens')) for (const element of this.#elements()) void adoptDraft(element, this.tokens);
    if (!this.#driven) {
      this.#driven = true;
      void this.#drive();
    }
  }

  #elements() {
    return [
      ...this.renderRoot.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>(
        'theme-preview-booking, theme-preview-checklist, studio-preview-intake',
      ),
    ];
  }

  /** Resolves once every element is in its key state (or has tried to be). */
  readonly driven: Promise<void> = new Promise((resolve) => (this.#resolveDriven = resolve));
  #resolveDriven!: () => void;

  /**
   * Drives each element into its key state as a person would, inside its shadow root. The elements
   * move focus as their steps change: while they are driven, focus they take goes straight back to
   * where the person had it, so the screen never moves the keyboard's place by itself.
   */
  async #drive() {
    const byId = (id: string) => this.renderRoot.querySelector(`#${id}`);
    this.addEventListener('focusin', this.#giveBack);
    try {
      await Promise.all([
        this.#toTimes(byId('preview-times')),
        this.#toDetails(byId('preview-details'), false),
        this.#toDetails(byId('preview-confirmed'), true),
        this.#toIntakeErrors(byId('preview-intake')),
        this.#toCrisis(byId('preview-crisis')),
      ]);
    } finally {
      this.removeEventListener('focusin', this.#giveBack);
      this.#resolveDriven();
    }
  }

  #giveBack = (event: FocusEvent) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && from !== this && !this.renderRoot.contains(from)) from.focus({ preventScroll: true });
    else (event.composedPath()[0] as HTMLElement | undefined)?.blur();
  };

  /**
   * Free times on screen. The booking shows a calendar week, and the sample schedule has times on
   * weekdays only: late in the week there are none left, so it shows the next week, as a person would.
   */
  async #toTimes(element: Element | null) {
    const root = within(element);
    const shown = await until(() => root?.querySelector<HTMLButtonElement>('button.time, .empty button'));
    if (shown && !shown.classList.contains('time')) shown.click();
    return until(() => root?.querySelector<HTMLButtonElement>('button.time'));
  }

  async #toDetails(element: Element | null, confirm: boolean) {
    const root = within(element);
    const time = await this.#toTimes(element);
    if (!root || !time) return;
    time.click();
    const confirmButton = await until(() => root.querySelector<HTMLButtonElement>('button.confirm'));
    if (!confirmButton) return;
    if (confirm) {
      type(root, '#kap-name', SAMPLE.name);
      type(root, '#kap-email', SAMPLE.email);
      type(root, '#kap-phone', SAMPLE.phone);
      root.querySelector<HTMLInputElement>('#kap-privacy')?.click();
      await (element as ThemePreviewBooking).updateComplete;
    }
    confirmButton.click();
    await until(() => root.querySelector(confirm ? '[data-focus="done"]' : '.error-summary, [role="alert"]'));
  }

  /** Continue pressed with the page empty, past the form's start page if it has one: the error summary. */
  async #toIntakeErrors(element: Element | null) {
    const root = within(element);
    for (let page = 0; root && page < 3; page++) {
      const submit = await until(() => root.querySelector<HTMLButtonElement>('button[type="submit"]'));
      if (!submit) return;
      submit.click();
      if (await until(() => root.querySelector('.error-summary'), 20)) return;
    }
  }

  /** PHQ-9 item 9 answered above zero (past the form's start page if it has one): the crisis panel. */
  async #toCrisis(element: Element | null) {
    const root = within(element);
    const item9 = () =>
      [...(root?.querySelectorAll<HTMLInputElement>('input') ?? [])].find((input) => input.name === 'phq-9.q9' && input.value === 'nearly-every-day');
    for (let page = 0; root && page < 3 && !item9(); page++) {
      const submit = await until(() => item9() ?? root.querySelector<HTMLButtonElement>('button[type="submit"]'));
      if (!submit || submit instanceof HTMLInputElement) break;
      submit.click();
      await until(item9, 20);
    }
    const answer = item9();
    if (!root || !answer) return;
    answer.click();
    await until(() => root.querySelector('[part="crisis"]'));
  }
}

if (!customElements.get('console-theme-preview')) customElements.define('console-theme-preview', ConsoleThemePreview);

declare global {
  interface HTMLElementTagNameMap {
    'theme-preview-booking': ThemePreviewBooking;
    'theme-preview-checklist': ThemePreviewChecklist;
    'console-theme-preview': ConsoleThemePreview;
  }
}
