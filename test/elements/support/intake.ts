/** Mounting `<kap-intake>` against a fresh reference backend, answering it, and reading what it shows. */
import '../../../src/kap-intake.js';
import type { KapIntake } from '../../../src/elements/kap-intake/kap-intake.js';
import {
  $,
  $$,
  EventRecorder,
  appendSettings,
  button as buttonMatching,
  elementTests,
  expectNoLeak,
  freshApi,
  mount,
  settle,
  text,
  until,
  type ElementTests,
} from './harness.js';
import { EVERY_TYPE_FORM } from './intake-forms.js';

export { $, $$, allByRole, byRole, errorSummaryLinks, focused, freshApi, settle, text, unmountAll, until } from './harness.js';

export const DEMO_FORM = 'kap-demo-intake';

/** Mounts a `<kap-intake>` with `attributes`; `definition` goes in a child `<script type="application/json">`. */
export function mountIntake(attributes: Record<string, string>, definition?: unknown): Promise<KapIntake> {
  return mount('kap-intake', attributes, definition === undefined ? undefined : (element) => appendSettings(element, definition));
}

/** The input for an answer key (`f-<key>`, as error summary links name them). */
export function field<T extends HTMLElement = HTMLInputElement>(element: KapIntake, key: string): T {
  const found = element.shadowRoot!.getElementById(`f-${key}`) as T | null;
  if (!found) throw new Error(`No field ${key} in: ${text(element)}`);
  return found;
}

export function heading(element: KapIntake): string {
  return $(element, '#heading')?.textContent?.trim() ?? '';
}

/** Waits until the first page of the form is shown. */
export async function loaded(element: KapIntake): Promise<void> {
  await until(() => $(element, '#heading'), 'the form');
}

/** Types into a text field (or a date part, `<key>.day`), as a person would. */
export async function type(element: KapIntake, key: string, value: string): Promise<void> {
  const input = field<HTMLInputElement>(element, key);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function date(element: KapIntake, key: string, day: string, month: string, year: string): Promise<void> {
  await type(element, `${key}.day`, day);
  await type(element, `${key}.month`, month);
  await type(element, `${key}.year`, year);
}

/** Clicks the radio or checkbox with `value` in the group `key`. */
export async function choose(element: KapIntake, key: string, value: string): Promise<void> {
  const input = $$<HTMLInputElement>(element, 'input').find((candidate) => candidate.name === key && candidate.value === value);
  if (!input) throw new Error(`No option ${value} for ${key}`);
  input.click();
  await element.updateComplete;
}

/** The first button whose text starts with `label`. */
export function button(element: KapIntake, label: string): HTMLButtonElement {
  return buttonMatching(element, new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

/** Clicks Continue (or the submit button) and waits for the page it leads to. */
export async function next(element: KapIntake): Promise<void> {
  $<HTMLButtonElement>(element, 'button[type="submit"]')!.click();
  await settle(element);
}

export const CLIENT = {
  name: 'Zephyrine Okonkwo-Hale',
  email: 'zephyrine.oh@example.com',
  phone: '+1 917 555 0163',
  signature: 'Zephyrine Okonkwo-Hale',
};

/** How the every-type form's pages are answered, where tests differ. */
export interface EveryTypeAnswers {
  /** Page 2: how to be contacted (default `phone`) and the symptom chosen (default `nausea`). */
  contactBy?: string;
  symptoms?: string;
  /** Page 3: the "calm" row of the mood scale (default `never`). */
  calm?: string;
}

/** Mounts the every-type form from a child script, against a fresh backend (`attributes` beside it), and waits for page 1. */
export async function mountEveryType(attributes: Record<string, string> = {}): Promise<KapIntake> {
  const element = await mountIntake({ api: freshApi(), ...attributes }, EVERY_TYPE_FORM);
  await loaded(element);
  return element;
}

/** Answers the first `pages` pages of the every-type form and continues past each (all three: on to check-your-answers). */
export async function answerEveryType(element: KapIntake, pages = 3, answers: EveryTypeAnswers = {}): Promise<void> {
  if (pages >= 1) {
    await type(element, 'email', CLIENT.email);
    await type(element, 'weight', '72');
    await date(element, 'dob', '14', '7', '1979');
    await next(element);
  }
  if (pages >= 2) {
    await choose(element, 'contact-by', answers.contactBy ?? 'phone');
    await choose(element, 'symptoms', answers.symptoms ?? 'nausea');
    await choose(element, 'pregnant', 'no');
    await next(element);
  }
  if (pages >= 3) {
    await choose(element, 'mood.calm', answers.calm ?? 'never');
    await choose(element, 'mood.hopeless', 'never');
    await choose(element, 'agree', 'on');
    await type(element, 'agree.signature', CLIENT.signature);
    await next(element);
  }
}

export async function fillContact(element: KapIntake): Promise<void> {
  await type(element, 'full-name', CLIENT.name);
  await date(element, 'date-of-birth', '14', '7', '1979');
  await type(element, 'email', CLIENT.email);
  await type(element, 'phone', CLIENT.phone);
}

/** "No" (or "None of these") to every question on the medical screening page. */
export async function answerScreeningNo(element: KapIntake): Promise<void> {
  const groups = new Set($$<HTMLInputElement>(element, 'input[type="radio"], input[type="checkbox"]').map((input) => input.name));
  for (const name of groups) await choose(element, name, $$<HTMLInputElement>(element, `input[name="${name}"][value="none"]`).length ? 'none' : 'no');
}

/** Answers every row of an instrument page: `values[i]` for row i+1, else `value`. */
export async function answerRows(element: KapIntake, instrument: string, count: number, value: string, values: Record<number, string> = {}): Promise<void> {
  for (let row = 1; row <= count; row++) await choose(element, `${instrument}.q${row}`, values[row] ?? value);
}

export interface DemoOptions {
  /** The PHQ-9 item 9 answer; default "not-at-all". */
  phq9q9?: string;
  /** Called on each page after it is answered, before Continue (e.g. to run axe). */
  onPage?: (page: string) => Promise<void>;
}

/** Answers the whole demo intake and arrives on check-your-answers. */
export async function completeDemo(element: KapIntake, options: DemoOptions = {}): Promise<void> {
  const step = async (page: string, answer: () => Promise<void>) => {
    await until(() => $(element, '#heading') && $(element, 'form'), page);
    await answer();
    await options.onPage?.(page);
    await next(element);
  };
  await step('contact', () => fillContact(element));
  await step('screening', () => answerScreeningNo(element));
  await step('phq-9', () => answerRows(element, 'phq-9', 9, 'several-days', { 9: options.phq9q9 ?? 'not-at-all' }));
  await step('gad-7', () => answerRows(element, 'gad-7', 7, 'more-than-half-the-days'));
  await step('pcl-5', () => answerRows(element, 'pcl-5', 20, 'a-little-bit'));
  await step('consent', async () => {
    await choose(element, 'consent-treatment-information', 'on');
    await type(element, 'consent-treatment-information.signature', CLIENT.signature);
  });
  await until(() => heading(element) === 'Check your answers before sending them', 'check your answers');
}

export const INTAKE_EVENTS = ['kap-intake-page', 'kap-intake-submit', 'kap-error'] as const;

/** Starts recording every kap-* event of the intake that reaches the document. */
export function recordEvents(): EventRecorder {
  return new EventRecorder(INTAKE_EVENTS).start();
}

/** Fails if any event detail carries something the client typed or chose. */
export function expectNoAnswers(events: CustomEvent[], secrets: string[]): void {
  expectNoLeak(
    events.map((event) => event.detail),
    secrets,
  );
}

/**
 * The per-test set-up of a `<kap-intake>` test file (see `elementTests`), sessionStorage empty
 * before each test; after each, `after` runs, then no event may carry any of `secrets`.
 */
export function intakeTests(options: { secrets: string[]; after?: () => void | Promise<void> }): ElementTests {
  const tests = elementTests({
    events: INTAKE_EVENTS,
    before: () => sessionStorage.clear(),
    after: async () => {
      expectNoAnswers(tests.recorder.events, options.secrets);
      await options.after?.();
    },
  });
  return tests;
}
