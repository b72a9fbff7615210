/**
 * Every item type and every state of `<kap-intake>`, each against its own scripted demo clinic
 * (`demo-backend.ts`). A story's form is the demo clinic's intake, a definition served by the demo
 * clinic (`parameters.forms`), or one given straight to the `definition` property. States past the
 * first page are reached the way a client reaches them: `play` answers and presses Continue.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/kap-intake.js';
// Spanish registers itself for lang="es"; English stories are unaffected.
import '../src/es.js';
import type { KapIntake } from '../src/elements/kap-intake/kap-intake.js';
import type { FormDefinition } from '../src/forms/definition.js';
import { openClinic, type Clinic, type ClinicScript } from './support/clinic.js';
import { applyArgs } from './support/manifest.js';

interface IntakeArgs {
  form: string;
  lang: string;
  theme: '' | 'light' | 'dark' | 'auto';
  draft: '' | 'session';
  booking: string;
  /** Overrides the demo clinic's address: for the misconfigured story only. */
  api: string;
}

interface IntakeParameters {
  /** How the demo clinic behaves in this story. */
  demo?: ClinicScript;
  /** Given to the `definition` property instead of loading `form`. */
  definition?: unknown;
  width?: string;
}

/** The args every story starts from; the template binds these itself (the other Controls: `applyArgs`). */
const ARGS: IntakeArgs = { form: 'kap-demo-intake', lang: '', theme: '', draft: '', booking: '', api: '' };
const BOUND = Object.keys(ARGS);

/** Opens the story's clinic on the real reference backend. */
async function loadClinic(context: StoryContext<IntakeArgs>): Promise<{ clinic: Clinic }> {
  return { clinic: await openClinic(context.id, (context.parameters as IntakeParameters).demo) };
}

function render(args: IntakeArgs, context: StoryContext<IntakeArgs>) {
  const parameters = context.parameters as IntakeParameters;
  const { clinic } = context.loaded as { clinic: Clinic };
  return html`<div style=${parameters.width ? `max-width: ${parameters.width}` : nothing}>
    <kap-intake
      api=${args.api || clinic.api}
      form=${parameters.definition ? nothing : args.form || nothing}
      lang=${args.lang || nothing}
      theme=${args.theme || nothing}
      draft=${args.draft || nothing}
      booking=${args.booking || nothing}
      .definition=${parameters.definition}
      ${ref(applyArgs('kap-intake', args, BOUND))}
    ></kap-intake>
  </div>`;
}

const meta = {
  title: 'Elements/kap-intake',
  component: 'kap-intake',
  tags: ['autodocs'],
  render,
  loaders: [loadClinic],
  decorators: [withActions],
  args: ARGS,
  argTypes: {
    lang: { control: 'select', options: ['', 'en', 'es'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark', 'auto'] },
    draft: { control: 'inline-radio', options: ['', 'session'] },
    api: { control: 'text', description: 'Empty = this story’s demo clinic' },
  },
  parameters: {
    actions: { handles: ['kap-intake-page', 'kap-intake-submit', 'kap-error'] },
  },
} satisfies Meta<IntakeArgs>;

export default meta;
type Story = StoryObj<IntakeArgs>;

// ---- forms -----------------------------------------------------------------------------------

type Items = Extract<FormDefinition['pages'][number], { items: unknown }>['items'];

/** A one-page form with these items. */
const onePage = (id: string, title: string, items: Items): FormDefinition => ({ id, title, pages: [{ id: 'page', title, items }] });

const TEXT_FIELDS = onePage('text-fields', 'About you', [
  { type: 'text', id: 'name', label: 'Full name', autocomplete: 'name', requiredMessage: 'Enter your full name' },
  { type: 'text', id: 'nickname', label: 'Preferred name', help: 'What you like to be called', required: false },
  { type: 'textarea', id: 'story', label: 'Anything else we should know?', required: false },
  { type: 'email', id: 'email', label: 'Email address', shortText: 'your email address' },
  { type: 'phone', id: 'phone', label: 'Phone number', help: 'Include the country code if you are outside the US.' },
  { type: 'number', id: 'weight', label: 'Weight', unit: 'kg', min: 30, max: 300, integer: true },
]);

const DATE = onePage('date', 'Your date of birth', [{ type: 'date', id: 'dob', label: 'Date of birth', dateOfBirth: true }]);

const CHOICES = onePage('choices', 'How we contact you', [
  {
    type: 'choice',
    id: 'contact-by',
    label: 'How should we contact you?',
    options: [
      { value: 'email', label: 'Email' },
      { value: 'phone', label: 'Phone', help: 'We call between 9am and 5pm' },
      { value: 'post', label: 'Post' },
    ],
  },
  {
    type: 'multi',
    id: 'medicines',
    label: 'Do you take any of these?',
    help: 'Select all that apply.',
    options: [
      { value: 'benzodiazepines', label: 'Benzodiazepines' },
      { value: 'lamotrigine', label: 'Lamotrigine' },
      { value: 'none', label: 'None of these', exclusive: true },
    ],
  },
]);

const YES_NO = onePage('yes-no', 'Pregnancy', [
  { type: 'yesno', id: 'pregnant', label: 'Are you pregnant?', review: { when: { equals: 'yes' }, flag: 'pregnancy' } },
  { type: 'number', id: 'weeks', label: 'How many weeks pregnant are you?', integer: true, min: 1, max: 45, when: { item: 'pregnant', equals: 'yes' } },
]);

const SCALE = onePage('scale', 'How you feel', [
  {
    type: 'scale',
    id: 'mood',
    label: 'Over the last week, how often have you felt:',
    options: [
      { value: 'never', label: 'Never', score: 0 },
      { value: 'sometimes', label: 'Sometimes', score: 1 },
      { value: 'often', label: 'Often', score: 2 },
    ],
    rows: [
      { id: 'mood.calm', label: 'Calm' },
      { id: 'mood.rested', label: 'Rested' },
    ],
  },
]);

const CONSENT = onePage('consent', 'Consent', [
  {
    type: 'consent',
    id: 'consent',
    label: 'I have read and agree to this',
    text: 'By sending this form you agree that:\n\n- our clinicians may use your answers to plan your care\n- we may contact you about it\n\nRead our [privacy notice](https://clinic.example/privacy).',
    signature: true,
  },
]);

const DISPLAY = onePage('display', 'Before you start', [
  { type: 'display', id: 'welcome', text: 'This takes **about 10 minutes**.\n\n1. Answer a few questions\n2. Check your answers\n3. Send them to us' },
  { type: 'text', id: 'name', label: 'Full name' },
]);

const PHQ9 = { id: 'phq', title: 'PHQ-9', pages: [{ instrument: 'phq-9' }] } satisfies FormDefinition;

const SHORT = onePage('short', 'A short form', [
  { type: 'text', id: 'name', label: 'Full name' },
  { type: 'yesno', id: 'allergies', label: 'Do you have any allergies?' },
]);

const BROKEN = {
  id: 'broken',
  title: 'Broken',
  pages: [
    {
      id: 'p',
      title: 'Page',
      items: [
        { type: 'text', id: 'a', label: 'A', when: { item: 'b', equals: 'x' } },
        { type: 'text', id: 'b', label: 'B' },
      ],
    },
  ],
};

// ---- helpers for play functions ------------------------------------------------------------

const SLOW = { timeout: 15_000 };
const quiet = (options: { timeout: number }) => ({ ...options, onTimeout: (error: Error) => error });

function elementIn(canvas: HTMLElement): KapIntake {
  const element = canvas.querySelector('kap-intake');
  if (!element?.shadowRoot) throw new Error('<kap-intake> is not on the canvas');
  return element;
}

async function find<T extends Element = HTMLElement>(element: KapIntake, selector: string, options = SLOW): Promise<T> {
  return waitFor(() => {
    const found = element.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`nothing matches ${selector} in <kap-intake>`);
    return found;
  }, quiet(options));
}

async function findText(element: KapIntake, text: string, options = SLOW): Promise<void> {
  await waitFor(() => {
    const shown = element.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
    if (!shown.includes(text)) throw new Error(`<kap-intake> does not show "${text}"`);
  }, quiet(options));
}

/** The input of an answer (`f-<key>`). */
const input = (element: KapIntake, key: string) => find<HTMLInputElement>(element, `#${CSS.escape(`f-${key}`)}`);

async function pressContinue(element: KapIntake): Promise<void> {
  await userEvent.click(await find(element, 'button[type="submit"]'));
}

/** Answers the short form and arrives on check-your-answers. */
async function answerShortForm(element: KapIntake): Promise<void> {
  await userEvent.type(await input(element, 'name'), 'Alex Rivera');
  await userEvent.click(await input(element, 'allergies-1'));
  await pressContinue(element);
  await findText(element, 'Check your answers before sending them');
}

// ---- the demo clinic's intake ----------------------------------------------------------------

/** The first page of the demo clinic's intake, loaded with `form="kap-demo-intake"`. */
export const DemoIntake: Story = {
  name: 'Demo intake',
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Step 1 of 6');
    await findText(element, 'Your details');
  },
};

/** The ready-made medical screening page. */
export const MedicalScreening: Story = {
  name: 'Medical screening page',
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.type(await input(element, 'full-name'), 'Alex Rivera');
    await userEvent.type(await input(element, 'date-of-birth.day'), '27');
    await userEvent.type(await input(element, 'date-of-birth.month'), '3');
    await userEvent.type(await input(element, 'date-of-birth.year'), '1985');
    await userEvent.type(await input(element, 'email'), 'alex@example.com');
    await userEvent.type(await input(element, 'phone'), '212 555 0100');
    await pressContinue(element);
    await findText(element, 'Step 2 of 6');
  },
};

/** The form has not arrived yet. */
export const Loading: Story = {
  parameters: { demo: { form: 'never' } },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'Loading…');
  },
};

/** The form could not be loaded: a calm message and "Try again". */
export const LoadFailed: Story = {
  name: 'Load failed',
  parameters: { demo: { form: 'network-error' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, "We couldn't load the form.");
    await findText(element, 'Try again');
  },
};

/** A definition that fails the schema: a calm message for the client, the problem for the website team. */
export const BrokenDefinition: Story = {
  name: 'Broken definition',
  parameters: { definition: BROKEN },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await find(element, '[part~="problem"]');
    await findText(element, 'condition refers to "b"');
  },
};

/** `form` names a form the backend does not have. */
export const UnknownForm: Story = {
  name: 'Unknown form',
  args: { form: 'no-such-form' },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'the backend has no form with the id "no-such-form"');
  },
};

// ---- item types ------------------------------------------------------------------------------

/** Short and long text, email, phone, and a number with its unit; "(optional)" labels, no asterisks. */
export const TextFields: Story = {
  name: 'Item types: text, long text, email, phone, number',
  parameters: { definition: TEXT_FIELDS },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'Preferred name (optional)');
  },
};

/** A date of birth as three fields, with `bday-*` autocomplete. */
export const DateOfBirth: Story = {
  name: 'Item type: date',
  parameters: { definition: DATE },
  play: async ({ canvasElement }) => {
    await expect((await input(elementIn(canvasElement), 'dob.year')).autocomplete).toBe('bday-year');
  },
};

/** Radios with an option hint, and checkboxes with an exclusive "None of these". */
export const Choices: Story = {
  name: 'Item types: single and multiple choice',
  parameters: { definition: CHOICES },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await input(element, 'medicines'));
    await userEvent.click(await input(element, 'medicines-2'));
    await expect((await input(element, 'medicines')).checked).toBe(false);
  },
};

/** Yes/no, with a follow-up question shown by a condition. */
export const YesNoWithCondition: Story = {
  name: 'Item type: yes/no, with a condition',
  parameters: { definition: YES_NO },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await input(element, 'pregnant'));
    await findText(element, 'How many weeks pregnant are you?');
  },
};

/** A scale: each row is its own radio group, never a slider. */
export const Scale: Story = {
  name: 'Item type: scale',
  parameters: { definition: SCALE },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), '2. Rested');
  },
};

/** A built-in instrument: the stem with its recall period, the items, the copyright notice. */
export const Instrument: Story = {
  name: 'Instrument page (PHQ-9)',
  parameters: { definition: PHQ9 },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Over the last 2 weeks');
    await find(element, '[part~="notice"]');
  },
};

/** Consent: the clinic's text, the checkbox, and a typed name as signature with today's date. */
export const Consent: Story = {
  name: 'Item type: consent with signature',
  parameters: { definition: CONSENT },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'Type your full name to sign.');
  },
};

/** Display text in the markdown subset. */
export const DisplayText: Story = {
  name: 'Item type: display text',
  parameters: { definition: DISPLAY },
  play: async ({ canvasElement }) => {
    await findText(elementIn(canvasElement), 'Check your answers');
  },
};

// ---- states ----------------------------------------------------------------------------------

/** Continue with answers missing: the error summary takes focus and links to each field. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  parameters: { definition: TEXT_FIELDS },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.type(await input(element, 'weight'), '12');
    await pressContinue(element);
    const summary = await find(element, '[part~="error-summary"]');
    await expect(element.shadowRoot!.activeElement).toBe(summary);
    await findText(element, 'Enter a number between 30 and 300');
  },
};

/** PHQ-9 item 9 answered above zero: the crisis resources appear at once, on the page. */
export const CrisisResources: Story = {
  name: 'Crisis resources',
  parameters: { definition: PHQ9 },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await userEvent.click(await input(element, 'phq-9.q9-1'));
    await find(element, '[part~="crisis"] a[href="tel:988"]');
  },
};

/** Check your answers: each page's answers under its title, with one Change per page. */
export const CheckYourAnswers: Story = {
  name: 'Check your answers',
  args: { form: 'short' },
  parameters: { demo: { forms: [SHORT] } },
  play: async ({ canvasElement }) => answerShortForm(elementIn(canvasElement)),
};

/** Sending, while the clinic has not answered. */
export const Submitting: Story = {
  args: { form: 'short' },
  parameters: { demo: { forms: [SHORT], intake: 'never' } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await answerShortForm(element);
    await pressContinue(element);
    await findText(element, 'Sending your answers…');
  },
};

/** Sending failed: every answer kept, "Try again" with the same idempotency key. */
export const SubmitFailed: Story = {
  name: 'Submit failed',
  args: { form: 'short' },
  parameters: { demo: { forms: [SHORT], intake: { status: 503, code: 'internal_error' } } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await answerShortForm(element);
    await pressContinue(element);
    await findText(element, 'Try again');
    await findText(element, 'Alex Rivera');
  },
};

/** Sent: what happens next; no scores, no verdict. */
export const Confirmation: Story = {
  args: { form: 'short' },
  parameters: { demo: { forms: [SHORT] } },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await answerShortForm(element);
    await pressContinue(element);
    await findText(element, 'Your answers have been sent');
  },
};

/** Spanish, in a 320 px column. */
export const Spanish: Story = {
  name: 'Spanish, narrow',
  args: { lang: 'es' },
  parameters: { width: '320px' },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await findText(element, 'Paso 1 de 6');
    await pressContinue(element);
    await findText(element, 'Hay un problema');
    await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
  },
};

/** `theme="dark"`. */
export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  parameters: { definition: CHOICES },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement);
    await pressContinue(element);
    await find(element, '[part~="error-summary"]');
    await expect(getComputedStyle(await find(element, '[part~="base"]')).backgroundColor).toBe('rgb(17, 26, 29)');
  },
};
