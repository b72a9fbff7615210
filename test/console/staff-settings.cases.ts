/**
 * The owner's Staff and API keys (in Settings) and the Audit log in `<kap-console>`, in Chromium
 * against the real reference backend (a fresh clinic per test): a person added gets a set-up link
 * shown once, which sets up their account in a second client; the server's refusals are what the
 * screen says; an API key shown once opens what its scope allows until it is revoked; the audit log
 * lists the owner's own read, filters, pages and downloads. Every state passes axe; keyboard alone;
 * dark, Spanish, 320 px; other roles are offered none of it and the server answers them 403.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../console/views/setup.js';
import type { ConsoleSetup } from '../../console/views/setup.js';
import { ConsoleApi } from '../../console/api-client.js';
import { dayOf } from '../../src/scheduling/zones.js';
import { words } from '../../console/i18n/index.js';
import type { KapConsole } from '../../console/kap-console.js';
import {
  addStaff,
  buttonNamed,
  deep,
  deepAll,
  deepText,
  fill,
  freshApi,
  mountConsole,
  requestSession,
  signIn,
  unmountAll,
  until,
  type TestAccount,
} from './support.js';

afterEach(async () => {
  unmountAll();
  document.documentElement.style.colorScheme = '';
  await setViewport({ width: 800, height: 600 });
});

/** The focused element, through the console's shadow roots. */
function activeElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The console signed in as a new owner. */
async function asOwner(api: string): Promise<{ element: KapConsole; owner: TestAccount }> {
  const element = await mountConsole(api);
  const owner = await addStaff(api, 'owner');
  await signIn(element, owner);
  return { element, owner };
}

/** Settings, then one of its sections. */
async function openSection(element: KapConsole, section: string, ready: string) {
  buttonNamed(element, 'Settings').click();
  await until(() => deep(element, '#settings-heading'), 'Settings shows');
  buttonNamed(element, section).click();
  await until(() => deep(element, ready), `${section} shows`);
}

function shownOnce(element: KapConsole): string | undefined {
  return deep<HTMLInputElement>(element, '#shown-once-value')?.value;
}

describe('<kap-console> staff, API keys and the audit log (owner)', () => {
  it('staff: the form asks for what is missing in an error summary; a person added gets a set-up link shown once, which sets up their account in a second client', async () => {
    const api = freshApi();
    const { element, owner } = await asOwner(api);
    await openSection(element, 'Staff', '#staff-email');
    expect(activeElement()?.id).to.equal('staff-heading', 'focus moves to the section’s heading');
    expect(deepText(element)).to.include(`${owner.email} (you)`);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Add and make a set-up link').click();
    await until(() => deepText(element).includes('There is a problem'), 'the error summary shows');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true, 'the summary takes focus');
    expect(deepText(element)).to.include('Enter the person’s email address.');
    expect(deepText(element)).to.include('Choose a role.');
    await expect(element).to.be.accessible();

    fill(element, 'Email', 'Sam.Marketer@clinic.example');
    fill(element, 'Role', 'marketer');
    buttonNamed(element, 'Add and make a set-up link').click();
    await until(() => shownOnce(element), 'the set-up link shows');
    const link = shownOnce(element)!;
    expect(link).to.match(/\/console\/setup#token=[\w-]{20,}$/);
    expect(deepText(element)).to.include('Set-up link for sam.marketer@clinic.example');
    expect(activeElement()?.id).to.equal('shown-once-heading');
    const row = () =>
      deepAll(element, 'tr')
        .find((tr) => tr.textContent?.includes('sam.marketer@clinic.example'))
        ?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(row()).to.include('marketer').and.include('Invited').and.include('Never');
    const ownRow = deepAll(element, 'tr').find((tr) => tr.textContent?.includes(`${owner.email} (you)`))!.textContent!;
    expect(ownRow).not.to.include('Never', 'the owner’s own sign-in is shown');
    await expect(element).to.be.accessible();

    // The same email again: the server's answer, at the field.
    fill(element, 'Email', 'sam.marketer@clinic.example');
    fill(element, 'Role', 'clinician');
    buttonNamed(element, 'Add and make a set-up link').click();
    await until(() => deepText(element).includes('There is already an account with this email.'), 'the server’s refusal shows');
    expect(shownOnce(element)).to.equal(undefined, 'the link is gone: shown once');

    // The person opens the link: a second client, with the token from its fragment.
    const setup = document.createElement('console-setup') as ConsoleSetup;
    setup.api = new ConsoleApi(api);
    setup.t = words('en');
    setup.token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
    document.body.append(setup);
    try {
      await until(() => deep(setup, '#password'), 'the set-up form shows');
      expect(deepText(setup)).to.include('Account sam.marketer@clinic.example, role marketer.');
      fill(setup, 'New password', 'harbour quilt meadow 73');
      buttonNamed(setup, 'Finish set-up').click();
      await until(() => deepText(setup).includes('Your account is ready.'), 'set-up completes');
    } finally {
      setup.remove();
    }
    buttonNamed(element, 'API keys').click();
    await until(() => deep(element, '#key-name'), 'another section');
    buttonNamed(element, 'Staff').click();
    await until(() => row().includes('Active'), 'the list shows the account set up');
    expect(row()).to.match(/Active Yes/, 'set up');
    expect(shownOnce(element)).to.equal(undefined);
  });

  it('staff: disabling one’s own account is refused by the server and said; another is disabled after a confirm; a new set-up link for them', async () => {
    const api = freshApi();
    const { element, owner } = await asOwner(api);
    const desk = await addStaff(api, 'front-desk');
    await openSection(element, 'Staff', '#staff-email');
    await until(() => deepText(element).includes(desk.email), 'the list shows the front desk');

    buttonNamed(element, `Disable ${owner.email}…`).click();
    await until(() => activeElement()?.id === 'staff-confirm-heading', 'the confirm step takes focus');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Yes, disable').click();
    await until(() => deepText(element).includes('You cannot disable your own account. Another owner can.'), 'the refusal shows');
    expect(activeElement()?.id).to.equal('staff-refusal');
    await expect(element).to.be.accessible();

    buttonNamed(element, `Disable ${desk.email}…`).click();
    await until(() => deep(element, '#staff-confirm-heading'), 'the confirm step');
    buttonNamed(element, 'No, keep it').click();
    await until(() => !deep(element, '#staff-confirm-heading'), 'the confirm step closes');
    expect(activeElement()?.getAttribute('aria-label')).to.equal(`Disable ${desk.email}…`, 'focus returns to the button');

    buttonNamed(element, `Disable ${desk.email}…`).click();
    await until(() => deep(element, '#staff-confirm-heading'), 'the confirm step');
    buttonNamed(element, 'Yes, disable').click();
    await until(() => deepText(element).includes(`${desk.email} is disabled.`), 'the account is disabled');
    const row = () =>
      deepAll(element, 'tr')
        .find((tr) => tr.textContent?.includes(desk.email))
        ?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(row()).to.include('Disabled');

    buttonNamed(element, `New set-up link for ${desk.email}`).click();
    await until(() => shownOnce(element), 'a new set-up link shows');
    expect(row()).to.include('Invited');
    await expect(element).to.be.accessible();
  });

  it('API keys: created with a name and scopes, shown once; it opens a booking (200) until revoked after a confirm (401)', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    const { element } = await asOwner(api);
    await openSection(element, 'API keys', '#key-name');
    expect(activeElement()?.id).to.equal('keys-heading');
    await until(() => deepText(element).includes('No API keys.'), 'the empty list');
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Create key').click();
    await until(() => deepText(element).includes('Choose at least one scope.'), 'the summary says what is missing');
    expect(deepText(element)).to.include('Name the key.');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();
    deepAll<HTMLAnchorElement>(element, '.error-summary a')
      .find((link) => link.textContent === 'Choose at least one scope.')!
      .click();
    expect(activeElement()?.id).to.equal('key-scope-0', 'the summary’s link moves focus to its field');

    fill(element, 'Name', 'EHR sync');
    deep<HTMLInputElement>(element, 'input[value="read:bookings"]')!.click();
    buttonNamed(element, 'Create key').click();
    await until(() => shownOnce(element), 'the key shows');
    const secret = shownOnce(element)!;
    expect(secret).to.match(/^kap_/);
    expect(deepText(element)).to.include('it will not be shown again');
    expect(activeElement()?.id).to.equal('shown-once-heading');
    expect(deepText(element)).to.include('Read bookings and clients’ details');
    await expect(element).to.be.accessible();

    const read = () => fetch(`${api}staff/bookings/${booking.id}`, { credentials: 'omit', headers: { Authorization: `Bearer ${secret}` } });
    expect((await read()).status).to.equal(200);
    expect((await fetch(`${api}staff/bookings/${booking.id}`, { credentials: 'omit', headers: { Authorization: `Bearer ${secret}x` } })).status).to.equal(401);

    buttonNamed(element, 'Revoke EHR sync…').click();
    await until(() => activeElement()?.id === 'key-confirm-heading', 'the confirm step takes focus');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Yes, revoke').click();
    await until(() => deepText(element).includes('The key “EHR sync” is revoked.'), 'the key is revoked');
    const row = deep(element, 'tr[data-key]')!.textContent!.replace(/\s+/g, ' ');
    expect(row).to.include('Revoked');
    expect(row).not.to.include('Never', 'its use is shown');
    expect(shownOnce(element)).to.equal(undefined);
    expect((await read()).status).to.equal(401);
  });

  it('API keys with the keyboard alone: Tab to the name, type, Space a scope, Enter; Copy', async () => {
    const api = freshApi();
    const { element } = await asOwner(api);
    await openSection(element, 'API keys', '#key-name');
    const tabTo = async (match: (active: Element | null) => boolean, what: string) => {
      for (let presses = 0; presses < 40; presses++) {
        await sendKeys({ press: 'Tab' });
        if (match(activeElement())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabTo((active) => active?.id === 'key-name', 'the name');
    await sendKeys({ type: 'Billing export' });
    await tabTo((active) => active?.id === 'key-scope-1', 'the second scope');
    await sendKeys({ press: 'Space' });
    await tabTo((active) => active?.textContent?.trim() === 'Create key', 'Create key');
    await sendKeys({ press: 'Enter' });
    await until(() => shownOnce(element), 'the key shows');
    expect(activeElement()?.id).to.equal('shown-once-heading');
    expect(deepText(element)).to.include('Read intake responses');
    await tabTo((active) => active?.textContent?.trim() === 'Copy', 'Copy');
    await sendKeys({ press: 'Enter' });
    await until(() => /Copied\.|Could not copy/.test(deepText(element)), 'Copy answers');
  });

  it('the audit log: the owner’s own earlier read, in words, with who and from where; filtered by person and dates; paged; its CSV has the same filter', async () => {
    const api = freshApi();
    const booking = await requestSession(api);
    const { element, owner } = await asOwner(api);
    const readAt = new Date();
    expect((await fetch(`${api}staff/bookings/${booking.id}`, { credentials: 'same-origin' })).status).to.equal(200);

    buttonNamed(element, 'Audit log').click();
    await until(() => deepText(element).includes('Opened a booking'), 'the read is listed');
    expect(activeElement()?.id).to.equal('audit-heading');
    // The console's own reads as it opened (the schedule) may be logged after this one: find its row.
    const rows = deepAll(element, 'tbody tr').map((row) => row.textContent!.replace(/\s+/g, ' '));
    const read = rows.find((row) => row.includes('Opened a booking'));
    expect(read).to.include(owner.email).and.include(`Booking ${booking.id}`);
    await expect(element).to.be.accessible();

    // By person: the owner's id in the CSV link too.
    const ownerId = deepAll<HTMLOptionElement>(element, '#audit-person option').find((option) => option.textContent === owner.email)!.value;
    fill(element, 'Person', ownerId);
    buttonNamed(element, 'Show').click();
    const csv = () => deep<HTMLAnchorElement>(element, 'a[download]')?.href ?? '';
    await until(() => csv().includes(`actor=${ownerId}`), 'the CSV link carries the filter');
    const download = await fetch(csv(), { credentials: 'same-origin' });
    expect(download.status).to.equal(200);
    expect(download.headers.get('Content-Type')).to.match(/^text\/csv/);
    expect(await download.text()).to.include(`"booking.read","booking","${booking.id}"`);

    // Dates, in the clinic's zone: the read's day alone (the end day included) has the read; from
    // the day after tomorrow nothing; an end before the start is refused in the summary. (The
    // read's day, not today's: midnight may fall between the two.)
    const { timeZone } = await (await fetch(`${api}staff/schedule?days=1`, { credentials: 'same-origin' })).json();
    const today = dayOf(readAt, timeZone);
    fill(element, 'From (date)', today);
    fill(element, 'To (date, included)', today);
    buttonNamed(element, 'Show').click();
    await until(() => csv().includes('to='), 'the range is applied');
    await until(() => deepText(element).includes('Opened a booking'), 'today’s read is listed');
    fill(element, 'To (date, included)', '');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    fill(element, 'From (date)', tomorrow);
    buttonNamed(element, 'Show').click();
    await until(() => deepText(element).includes('Nothing recorded for this filter.'), 'nothing from tomorrow');
    expect(csv()).to.include('from=');
    fill(element, 'To (date, included)', '2020-01-01');
    buttonNamed(element, 'Show').click();
    await until(() => deepText(element).includes('The end date must be on or after the start date.'), 'the range is refused');
    expect(activeElement()?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();

    // Pages of 50, newest first: Older, then Newer.
    for (let read = 0; read < 55; read++) await fetch(`${api}staff/bookings/${booking.id}`, { credentials: 'same-origin' });
    fill(element, 'From (date)', '');
    fill(element, 'To (date, included)', '');
    buttonNamed(element, 'Show').click();
    await until(() => deepAll(element, 'tbody tr').length === 50, 'a page of 50');
    const ids = () => deepAll(element, 'tbody tr').map((tr) => Number(tr.dataset['entry']));
    const newest = ids();
    expect(newest).to.deep.equal(
      [...newest].sort((a, b) => b - a),
      'newest first',
    );
    buttonNamed(element, 'Older').click();
    await until(() => deepText(element).includes('Page 2'), 'the older page');
    expect(Math.max(...ids())).to.be.below(Math.min(...newest), 'every entry older than the first page’s');
    expect(activeElement()?.id).to.equal('audit-heading');
    buttonNamed(element, 'Newer').click();
    await until(() => deepText(element).includes('Page 1'), 'back to the newest page');
    expect(ids()).to.deep.equal(newest);
  });

  it('in Spanish, dark, at 320 px: Staff, API keys and the audit log are accessible and nothing is wider than the screen', async () => {
    const api = freshApi();
    document.documentElement.style.colorScheme = 'dark';
    await setViewport({ width: 320, height: 640 });
    const { element } = await asOwner(api);
    element.lang = 'es';
    await element.updateComplete;
    buttonNamed(element, 'Configuración').click();
    await until(() => deep(element, '#settings-heading'), 'la configuración');
    buttonNamed(element, 'Personal').click();
    await until(() => deepText(element).includes('Invitada') || deepText(element).includes('Activa'), 'la lista del personal');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    buttonNamed(element, 'Claves de API').click();
    await until(() => deepText(element).includes('No hay claves de API.'), 'las claves');
    buttonNamed(element, 'Crear clave').click();
    await until(() => deepText(element).includes('Hay un problema'), 'el resumen de errores');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    buttonNamed(element, 'Registro de auditoría').click();
    await until(() => deepText(element).includes('Inició sesión'), 'el registro');
    await expect(element).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('other roles are offered neither Settings nor the audit log, and the server answers them 403', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    await until(() => deepAll(element, 'nav button').length > 0, 'the navigation shows');
    expect(deepAll(element, 'nav button').map((button) => button.textContent?.trim())).to.deep.equal(['Schedule', 'Requests']);
    for (const path of ['staff/accounts', 'staff/api-keys', 'staff/audit', 'staff/audit.csv']) {
      expect((await fetch(`${api}${path}`, { credentials: 'same-origin' })).status).to.equal(403, path);
    }
  });

  it('Sign out everywhere, in the header: the server ends the account’s sessions, this one included', async () => {
    const api = freshApi();
    const element = await mountConsole(api);
    await signIn(element, await addStaff(api, 'front-desk'));
    buttonNamed(element, 'Sign out everywhere').click();
    await until(() => deepText(element).includes('You have signed out on every device and browser.'), 'signed out');
    expect(activeElement()?.tagName).to.equal('H1');
    expect((await fetch(`${api}staff/me`, { credentials: 'same-origin' })).status).to.equal(401);
    await expect(element).to.be.accessible();
  });
});
