/**
 * The owner's Webhooks (in Settings) in `<kap-console>`, in Chromium against the real reference
 * backend: the form asks for what is missing; a loopback address is refused by the server in its
 * own words at the field; an endpoint added shows its signing secret once; New secret shows another
 * once; its delivery log opens; Disable stops it; Delete after a confirm step. Every state passes
 * axe.
 */
import { expect } from '@open-wc/testing';
import type { KapConsole } from '../../console/kap-console.js';
import { addStaff, buttonNamed, deep, deepText, fill, freshApi, mountConsole, signIn, unmountAll, until } from './support.js';

afterEach(() => unmountAll());

function activeElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function shownOnce(element: KapConsole): string | undefined {
  return deep<HTMLInputElement>(element, '#shown-once-value')?.value;
}

async function openWebhooks(api: string): Promise<KapConsole> {
  const element = await mountConsole(api);
  await signIn(element, await addStaff(api, 'owner'));
  buttonNamed(element, 'Settings').click();
  await until(() => deep(element, '#settings-heading'), 'Settings shows');
  buttonNamed(element, 'Webhooks').click();
  await until(() => deep(element, '#hook-url'), 'Webhooks shows');
  return element;
}

describe('<kap-console> webhooks (owner)', () => {
  it('added with an address and events, the secret shown once; a loopback address refused in the server’s words; new secret, log, disable, delete', async () => {
    const element = await openWebhooks(freshApi());
    expect(activeElement()?.id).to.equal('hooks-heading');
    await until(() => deepText(element).includes('No webhook endpoints.'), 'the empty list');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Add endpoint').click();
    await until(() => deepText(element).includes('Choose at least one event.'), 'the summary says what is missing');
    expect(deepText(element)).to.include('Enter the address.');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();

    fill(element, 'Address', 'https://127.0.0.1/hooks');
    deep<HTMLInputElement>(element, 'input[value="booking.confirmed"]')!.click();
    buttonNamed(element, 'Add endpoint').click();
    await until(() => deepText(element).includes('private, loopback or link-local'), 'the server refuses a loopback address');
    expect(shownOnce(element)).to.equal(undefined);
    await expect(element).to.be.accessible();

    fill(element, 'Address', 'https://203.0.113.10/hooks');
    buttonNamed(element, 'Add endpoint').click();
    await until(() => shownOnce(element), 'the secret shows');
    const first = shownOnce(element)!;
    expect(first).to.match(/^whsec_/);
    expect(activeElement()?.id).to.equal('shown-once-heading');
    expect(deepText(element)).to.include('it will not be shown again');
    expect(deep(element, 'tr[data-hook]')!.textContent).to.include('Booking confirmed');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'New secret for https://203.0.113.10/hooks').click();
    await until(() => shownOnce(element) && shownOnce(element) !== first, 'a new secret shows');
    expect(shownOnce(element)).to.match(/^whsec_/);

    buttonNamed(element, 'Deliveries to https://203.0.113.10/hooks').click();
    await until(() => activeElement()?.id === 'hook-log-heading', 'the log takes focus');
    expect(deepText(element)).to.include('Nothing sent yet.');
    expect(shownOnce(element), 'the secret is gone once something else is done').to.equal(undefined);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Disable https://203.0.113.10/hooks').click();
    await until(() => deepText(element).includes('Deliveries to https://203.0.113.10/hooks have stopped.'), 'disabled');
    expect(deep(element, 'tr[data-hook]')!.textContent).to.include('Disabled');

    buttonNamed(element, 'Delete https://203.0.113.10/hooks…').click();
    await until(() => activeElement()?.id === 'hook-confirm-heading', 'the confirm step takes focus');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Yes, delete').click();
    await until(() => deepText(element).includes('The endpoint https://203.0.113.10/hooks is deleted.'), 'deleted');
    expect(deep(element, 'tr[data-hook]')).to.equal(undefined);
  });
});
