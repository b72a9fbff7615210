/**
 * Theming: the three elements side by side, with a Control for every `--kap-*` token the manifest
 * documents. A token set here lands on the page around the elements, as a clinic's own stylesheet
 * would set it, and reaches into each element's shadow DOM.
 */
import type { ArgTypes, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/kap-booking.js';
import '../src/kap-intake.js';
import '../src/kap-prep-checklist.js';
import { KAP_DEFAULT_CHECKLIST } from '../src/checklist/kap-default.js';
import { openClinic, type Clinic } from './support/clinic.js';
import { elementDoc } from './support/manifest.js';

type ThemeArgs = Record<string, string>;

/** The tokens, as every element documents them (they share one set: src/styles/tokens.ts). */
const TOKENS = elementDoc('kap-booking').cssProperties ?? [];

const argTypes: ArgTypes<ThemeArgs> = Object.fromEntries(
  TOKENS.map((token) => [
    token.name,
    {
      name: token.name,
      description: token.description,
      control: { type: /color/.test(token.name) ? 'color' : 'text' },
      table: { category: 'tokens' },
    },
  ]),
);

async function loadClinics(context: StoryContext<ThemeArgs>): Promise<{ booking: Clinic; intake: Clinic }> {
  const [booking, intake] = await Promise.all([openClinic(`${context.id}-booking`), openClinic(`${context.id}-intake`)]);
  return { booking, intake };
}

/** The checklist needs no clinic here: it comes in the element's JSON script, for a session in 3 days. */
function staticChecklist(): HTMLElement {
  const element = document.createElement('kap-prep-checklist');
  const script = document.createElement('script');
  script.type = 'application/json';
  const sessionStart = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 72 * 3_600_000).toISOString();
  script.textContent = JSON.stringify({ checklist: KAP_DEFAULT_CHECKLIST, sessionStart });
  element.append(script);
  return element;
}

function render(args: ThemeArgs, context: StoryContext<ThemeArgs>) {
  const { booking, intake } = context.loaded as { booking: Clinic; intake: Clinic };
  const style = Object.entries(args)
    .filter(([name, value]) => name.startsWith('--kap-') && value)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  return html`<div class="kap-theme" style=${style}>
    <kap-booking api=${booking.api} service="consultation" source="storybook" privacy-url="https://clinic.example/privacy"></kap-booking>
    <kap-intake api=${intake.api} form="kap-demo-intake"></kap-intake>
    ${staticChecklist()}
  </div>`;
}

const meta = {
  title: 'Theming/Tokens',
  render,
  loaders: [loadClinics],
  args: Object.fromEntries(TOKENS.map((token) => [token.name, ''])),
  argTypes,
} satisfies Meta<ThemeArgs>;

export default meta;
type Story = StoryObj<ThemeArgs>;

const SLOW = { timeout: 15_000 };

/** A primary button inside `tag`'s shadow root, once it shows one. */
async function primaryButton(canvas: HTMLElement, tag: string, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`<${tag}> shows no ${selector} yet`);
    return found;
  }, SLOW);
}

/** Every token at its default: change any of them in the Controls panel and watch all three elements follow. */
export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    await primaryButton(canvasElement, 'kap-intake', 'button.button');
    await primaryButton(canvasElement, 'kap-prep-checklist', '[part~="item"]');
  },
};

/** A clinic's own brand: a purple primary colour and rounder corners, on all three elements at once. */
export const ClinicBrand: Story = {
  args: { '--kap-color-primary': '#6a1b9a', '--kap-radius': '14px' },
  play: async ({ canvasElement }) => {
    const button = await primaryButton(canvasElement, 'kap-intake', 'button.button');
    await waitFor(() => expect(getComputedStyle(button).borderTopColor).toBe('rgb(106, 27, 154)'), SLOW);
    await expect(getComputedStyle(button).borderTopLeftRadius).toBe('14px');
    await primaryButton(canvasElement, 'kap-prep-checklist', '[part~="item"]');
  },
};
