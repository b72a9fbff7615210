/**
 * What the console's browser tests share: a fresh clinic on the test server with staff accounts
 * (web-test-runner.config.js `/api-staff/`), a requested booking and a safety signal made through
 * the public API, `<kap-console>` mounted against it, and queries that look through the console's
 * nested shadow roots.
 */
import { waitUntil } from '@open-wc/testing';
import '../../console/kap-console.js';
import type { KapConsole } from '../../console/kap-console.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { parseFormDefinition, toSubmission } from '../../src/forms/index.js';
import { completeDemoAnswers } from '../forms/demo-answers.js';
import { nextDaysQuery } from '../support/availability-range.js';
import { freshApi } from '../elements/support/harness.js';

export { freshApi };

export interface TestAccount {
  email: string;
  password: string;
  code?: string;
}

export async function addStaff(api: string, role: string, options: { factor?: false } = {}): Promise<TestAccount> {
  const namespace = api.split('/')[2];
  const response = await fetch(`/api-staff/${namespace}/${role}${options.factor === false ? '?factor=0' : ''}`, { method: 'POST' });
  return response.json();
}

export async function inviteStaff(api: string, role: string): Promise<{ email: string; token: string }> {
  const namespace = api.split('/')[2];
  return (await fetch(`/api-staff/${namespace}/${role}?invite=1`, { method: 'POST' })).json();
}

/** A request for the first free administration session, as a client makes it. */
export async function requestSession(api: string): Promise<{ id: string; token: string }> {
  const { slots } = await (await fetch(`${api}availability?${nextDaysQuery('administration')}`)).json();
  const response = await fetch(`${api}bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      service: 'administration',
      start: slots[0].start,
      client: { name: 'Robin Queue', email: 'robin.queue@example.com', phone: '+1 212 555 0123' },
      consent: { privacy: true },
    }),
  });
  const body = await response.json();
  return { id: body.booking.id, token: body.accessToken };
}

/** PHQ-9 item 9 answered above zero in the booking's intake, before it is sent. */
export async function sendSafetySignal(api: string, booking: { id: string; token: string }): Promise<void> {
  const response = await fetch(`${api}safety-signals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Authorization: `Bearer ${booking.token}` },
    body: JSON.stringify({ booking: booking.id, form: 'kap-demo-intake', version: DEMO_INTAKE_FORM.version, items: ['phq-9.q9'] }),
  });
  if (response.status !== 201) throw new Error(`safety signal: ${response.status}`);
}

/** The booking's demo intake, answered in full and sent, as the client's page sends it; its id. */
export async function sendIntake(api: string, booking: { id: string; token: string }): Promise<string> {
  const parsed = parseFormDefinition({ ...DEMO_INTAKE_FORM, id: 'kap-demo-intake' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const body = toSubmission(parsed.form, completeDemoAnswers(), { booking: booking.id });
  const response = await fetch(`${api}intake-responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Authorization: `Bearer ${booking.token}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`intake: ${response.status} ${await response.text()}`);
  return (await response.json()).response.id;
}

const mounted: HTMLElement[] = [];

export async function mountConsole(api: string, lang = 'en'): Promise<KapConsole> {
  const element = document.createElement('kap-console') as KapConsole;
  element.setAttribute('api', api);
  element.lang = lang === 'es' ? 'es' : 'en';
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Every element matching `selector` in `root` and the shadow roots below it. */
export function deepAll<T extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): T[] {
  const found: T[] = [];
  const walk = (node: Element | ShadowRoot) => {
    const scope = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
    found.push(...scope.querySelectorAll<T>(selector));
    for (const child of scope.querySelectorAll('*')) if (child.shadowRoot) walk(child);
  };
  walk(root);
  return found;
}

export function deep<T extends Element = HTMLElement>(root: Element, selector: string): T | undefined {
  return deepAll<T>(root, selector)[0];
}

/** All the text the console shows, through its shadow roots. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const element = node as Element;
    if (element.shadowRoot) walk(element.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function buttonNamed(root: Element, name: string | RegExp): HTMLButtonElement {
  const match = deepAll<HTMLButtonElement>(root, 'button').find((candidate) => {
    const label = candidate.getAttribute('aria-label') ?? (candidate.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!match) throw new Error(`No button "${String(name)}" in: ${deepText(root)}`);
  return match;
}

export function until(predicate: () => unknown, message: string, timeout = 10_000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

/** Types into the field labelled `label` (its `<label for>`), as input events. */
export function fill(root: Element, label: string, value: string): void {
  const labelElement = deepAll<HTMLLabelElement>(root, 'label').find((candidate) => (candidate.textContent ?? '').trim() === label);
  if (!labelElement) throw new Error(`No field "${label}" in: ${deepText(root)}`);
  const field = (labelElement.getRootNode() as ShadowRoot).getElementById(labelElement.htmlFor) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) throw new Error(`The label "${label}" names no field`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Signs in through the form. */
export async function signIn(element: KapConsole, account: TestAccount): Promise<void> {
  await until(() => deep(element, 'console-sign-in') && deep(element, '#email'), 'the sign-in form shows');
  fill(element, 'Email', account.email);
  fill(element, 'Password', account.password);
  if (account.code) fill(element, 'Code from your authenticator app', account.code);
  buttonNamed(element, 'Sign in').click();
  await until(() => deepText(element).includes(`Signed in as ${account.email}`), `signed in as ${account.email}`);
}
