/**
 * What every element's browser tests share: a fresh clinic on the test server, mounting an
 * element and reading its shadow DOM, recording the kap-* events it sends, the per-test set-up
 * and tear-down (network, events, mounted elements), and the check that no event leaks what the
 * client typed. The per-element modules (`booking.ts`, `checklist.ts`, `intake.ts`) add their
 * own steps on top.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { Network } from './network.js';

let counter = 0;

/** A fresh clinic on the test server: `/api/<unique>/`, with optional backend options. */
export function freshApi(options: Record<string, string | number> = {}): string {
  counter += 1;
  const id = `t${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const suffix = Object.entries(options)
    .map(([key, value]) => `~${key}=${encodeURIComponent(String(value))}`)
    .join('');
  return `/api/${id}${suffix}/`;
}

const mounted: HTMLElement[] = [];

/** Mounts a `<tag>` with `attributes`; `setup` runs before it joins the page. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  setup?: (element: HTMLElementTagNameMap[K]) => void,
): Promise<HTMLElementTagNameMap[K]> {
  const host = document.createElement('div');
  // The page's own heading above the element, as on a clinic's page: axe's heading-order rule then
  // checks that the element's headings (its top level, `heading-level`, default 2) fit under it.
  const title = document.createElement('h1');
  title.textContent = 'A clinic page';
  host.append(title);
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  setup?.(element);
  host.append(element);
  document.body.append(host);
  mounted.push(host);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Puts `settings` in a child `<script type="application/json">`, where elements read their settings. */
export function appendSettings(element: Element, settings: unknown): void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = typeof settings === 'string' ? settings : JSON.stringify(settings);
  element.append(script);
}

export function unmountAll(): void {
  for (const host of mounted.splice(0)) host.remove();
}

export function $<T extends Element = HTMLElement>(element: Element, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

/** The text an element shows (its shadow root's, else its own), runs of white space as one space. */
export function text(element: Element): string {
  return ((element.shadowRoot ?? element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first button whose text (white space collapsed) contains `label`, or matches it. */
export function button(element: Element, label: string | RegExp, within: ParentNode = element.shadowRoot!): HTMLButtonElement {
  const match = [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => {
    const content = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof label === 'string' ? content.includes(label) : label.test(content);
  });
  if (!match) throw new Error(`No button "${String(label)}" in: ${text(element)}`);
  return match;
}

/** What each role the tests look for is written as in the elements' markup. */
const ROLES = {
  alert: '[role="alert"]',
  button: 'button, [role="button"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  group: 'fieldset, [role="group"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  link: 'a[href], [role="link"]',
  status: 'output, [role="status"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], textarea, [role="textbox"]',
} as const;

export type Role = keyof typeof ROLES;

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/**
 * An element's accessible name, as far as the elements' markup needs: `aria-labelledby`, then
 * `aria-label`, then its `<label>`s or a fieldset's `<legend>`, then its text.
 */
export function accessibleName(node: Element): string {
  const root = node.getRootNode() as Document | ShadowRoot;
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy)
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent)
        .join(' '),
    );
  const label = node.getAttribute('aria-label');
  if (label) return squash(label);
  const labels = (node as HTMLInputElement).labels;
  if (labels?.length) return squash([...labels].map((l) => l.textContent).join(' '));
  if (node instanceof HTMLFieldSetElement) return squash(node.querySelector('legend')?.textContent);
  return squash(node.textContent);
}

/** Every element of `role` (and with a name that matches, when given) inside `within`, in order. */
export function allByRole<T extends HTMLElement = HTMLElement>(
  element: Element,
  role: Role,
  name?: string | RegExp,
  within: ParentNode = element.shadowRoot!,
): T[] {
  return [...within.querySelectorAll<T>(ROLES[role])].filter(
    (node) => name === undefined || (typeof name === 'string' ? accessibleName(node) === name : name.test(accessibleName(node))),
  );
}

/** The one element of `role` named `name`; throws, listing what there is, when there is not exactly one. */
export function byRole<T extends HTMLElement = HTMLElement>(element: Element, role: Role, name: string | RegExp, within: ParentNode = element.shadowRoot!): T {
  const found = allByRole<T>(element, role, name, within);
  if (found.length !== 1) {
    const names = allByRole(element, role, undefined, within).map((node) => JSON.stringify(accessibleName(node)));
    throw new Error(`${found.length} ${role} named ${String(name)}; there are: ${names.join(', ')}`);
  }
  return found[0]!;
}

/** The links of the "There is a problem" summary (in English or Spanish), in order. */
export function errorSummaryLinks(element: Element): HTMLAnchorElement[] {
  return allByRole(element, 'alert', /^(There is a problem|Hay un problema)/).flatMap((alert) =>
    allByRole<HTMLAnchorElement>(element, 'link', undefined, alert),
  );
}

/** The focused element inside the shadow root. */
export function focused(element: Element): Element | null {
  return element.shadowRoot!.activeElement;
}

interface Updating extends Element {
  readonly updateComplete: Promise<unknown>;
}

/**
 * Runs one axe rule on `element` (the whole page is its context, as for heading order) and says
 * whether it ran there at all — a rule with nothing to check proves nothing — and what it found.
 */
export async function axeRule(element: Element, rule: string): Promise<{ ran: boolean; violations: string[] }> {
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const results = await axe.run(element, { runOnly: [rule], resultTypes: ['violations', 'passes'] });
  const violations = results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}`));
  return { ran: results.passes.length + results.violations.length > 0, violations };
}

/** A node of Chromium's accessibility tree: role, name and states (`required`, `invalid`, `checked`…). */
export interface AccessibleNode {
  role: string;
  name: string;
  required?: boolean;
  invalid?: string;
  [state: string]: unknown;
}

/** Every node of Chromium's own accessibility tree for the page, in tree order (see web-test-runner.config.js). */
export async function accessibilityTree(): Promise<AccessibleNode[]> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  return executeServerCommand<AccessibleNode[], undefined>('accessibility-tree');
}

/** The one node with `role` and accessible `name` in `tree`. */
export function accessibleNode(tree: AccessibleNode[], role: string, name: string): AccessibleNode {
  const found = tree.filter((node) => node.role === role && node.name === name);
  if (found.length !== 1) {
    const named = tree.filter((node) => node.role === role).map((node) => JSON.stringify(node.name));
    throw new Error(`${found.length} ${role} named "${name}" in the accessibility tree; there are: ${named.join(', ')}`);
  }
  return found[0]!;
}

/**
 * Watches where focus is while a test acts: `lost()` lists each moment (sampled every few
 * milliseconds) focus sat on the page's `<body>` instead of in the element — what a keyboard user
 * gets when a render removes the control they were on.
 */
export function watchFocus(): { lost(): number; stop(): void } {
  let lost = 0;
  const timer = setInterval(() => {
    if (document.activeElement === document.body || document.activeElement === null) lost += 1;
  }, 4);
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

/** Lets the element render, then whatever that rendering queued. */
export async function settle(element: Updating): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

export function until(predicate: () => unknown, message: string, timeout = 10_000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

/** Every kap-* event of the given types that reaches the document between `start()` and `stop()`. */
export class EventRecorder {
  events: CustomEvent[] = [];
  readonly #names: readonly string[];
  readonly #listener = (event: Event) => this.events.push(event as CustomEvent);

  constructor(names: readonly string[]) {
    this.#names = names;
  }

  start(): this {
    this.events = [];
    for (const name of this.#names) document.addEventListener(name, this.#listener);
    return this;
  }

  stop(): void {
    for (const name of this.#names) document.removeEventListener(name, this.#listener);
  }

  /** The details of the recorded events of `type`, in order. */
  of(type: string): unknown[] {
    return this.events.filter((event) => event.type === type).map((event) => event.detail);
  }
}

/** Every value of `value`, deeply, as strings (for scanning event details). */
export function deepStrings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.values(value).flatMap(deepStrings);
  return [String(value)];
}

/** Fails if any of `secrets` appears anywhere in `details` (event details, say). */
export function expectNoLeak(details: unknown, secrets: readonly string[]): void {
  const strings = deepStrings(details).join('\n');
  for (const secret of secrets) expect(strings, `"${secret}" leaked into an event`).not.to.include(secret);
}

export interface ElementTests {
  /** This test's network: every request recorded, faults injected on demand. */
  readonly network: Network;
  /** This test's kap-* events. */
  readonly recorder: EventRecorder;
}

/**
 * Registers the per-test set-up every element test file needs: a recorded network and event
 * recorder before each test; after it, the mounted elements removed, the recording stopped and
 * `fetch` restored, then `after` (the file's own checks and clean-up).
 */
export function elementTests(options: { events: readonly string[]; before?: () => void | Promise<void>; after?: () => void | Promise<void> }): ElementTests {
  const tests: ElementTests = { network: new Network(), recorder: new EventRecorder(options.events) };
  beforeEach(async () => {
    // Each test is a new tab: no credential kept from an earlier test's link (src/base/tab-credential.ts).
    sessionStorage.removeItem('kap-booking-access');
    await options.before?.();
    tests.network.install();
    tests.recorder.start();
  });
  afterEach(async () => {
    unmountAll();
    tests.recorder.stop();
    tests.network.restore();
    await options.after?.();
  });
  return tests;
}

/**
 * Books `start` of `service` for `client` straight through the backend's API, as another visit
 * (or the clinic's staff) would; `realFetch` bypasses any injected faults.
 */
export async function postBooking(
  api: string,
  realFetch: typeof fetch,
  booking: { service: string; start: string; client: { name: string; email: string; phone: string } },
): Promise<any> {
  const response = await realFetch(`${api}bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ ...booking, consent: { privacy: true } }),
  });
  const answer = await response.json();
  expect(response.status, `booking ${booking.service}: ${JSON.stringify(answer)}`).to.equal(201);
  return answer;
}

/** What the test server's backend for `api` holds (see `/api-records/` in test/support/reference-backend.js). */
export interface BackendRecords {
  bookings: { id: string; status: string; startMs: number; name: string }[];
  /** `answers` is the stored JSON text. */
  intakeResponses: { id: string; answers: string }[];
}

export async function backendRecords(api: string, realFetch: typeof fetch): Promise<BackendRecords> {
  const response = await realFetch(`/api-records/${namespaceOf(api)}`);
  expect(response.status).to.equal(200);
  return response.json();
}

/** Moves the clock of the test server's backend for `api` on by `ms` (`/api-clock/`): no waiting. */
export async function advanceBackendClock(api: string, ms: number, realFetch: typeof fetch): Promise<void> {
  const response = await realFetch(`/api-clock/${namespaceOf(api)}`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  expect(response.status, 'the backend clock moved on').to.equal(200);
}

function namespaceOf(api: string): string {
  const namespace = /^\/api\/([^/]+)\/$/.exec(api)?.[1];
  if (!namespace) throw new Error(`Not a test api: ${api}`);
  return namespace;
}
