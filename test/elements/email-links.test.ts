/**
 * "Email me my links" (src/base/email-links-form.ts) in every element's link-missing state: the
 * manage view of `<kap-booking>` without a link or with a refused one, `<kap-prep-checklist>`
 * without a link or with an expired one, and `<kap-intake>` whose answers a refused link could not
 * send. Against the real reference backend (its `202`, its rate limit of 5 an hour per address);
 * only the offline case is injected. Every state passes axe; it works with the keyboard alone; and
 * the address never reaches an event, a URL, storage or the console.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/es.js';
import { enEmailLinks } from '../../src/i18n/en-email-links.js';
import { esEmailLinks } from '../../src/i18n/es-email-links.js';
import { bookSession, mountChecklist, mountForSession } from './support/checklist.js';
import { mountBooking } from './support/booking.js';
import { $, button, elementTests, expectNoLeak, focused, freshApi, settle, text, until } from './support/harness.js';
import { DEMO_FORM, completeDemo, loaded, mountIntake, next } from './support/intake.js';
import { bookThroughApi, EARLIER_CLIENT } from './support/manage.js';
import { offline } from './support/network.js';

/** The address typed in the form: none of it may leave the form but in the request's body. */
const ADDRESS = 'robin.earlier@example.org';
/** The backend's requests an hour per address (`EMAIL_LINKS_LIMITS.perAddress`, server/routes/booking-access.ts). */
const PER_ADDRESS = 5;
expect(ADDRESS).to.equal(EARLIER_CLIENT.email);

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
let logged: string[] = [];
const originals = Object.fromEntries(CONSOLE_METHODS.map((method) => [method, console[method]]));

const { network, recorder } = elementTests({
  events: ['kap-error', 'kap-booking-cancel', 'kap-checklist-change', 'kap-intake-submit', 'kap-intake-page'],
  before: () => {
    logged = [];
    for (const method of CONSOLE_METHODS) console[method] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  },
  after: () => {
    for (const method of CONSOLE_METHODS) console[method] = originals[method]!;
    // The address is in no event, URL, storage or console line.
    expectNoLeak(
      recorder.events.map((event) => event.detail),
      [ADDRESS],
    );
    for (const request of network.requests) expect(request.url).not.to.include(ADDRESS);
    expect(location.href).not.to.include(ADDRESS);
    for (const storage of [sessionStorage, localStorage]) {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i)!;
        expect(`${key}=${storage.getItem(key)}`).not.to.include(ADDRESS);
      }
    }
    expect(logged.join('\n')).not.to.include(ADDRESS);
  },
});

/** The form's address field, once its module has loaded. */
async function emailField(element: HTMLElement): Promise<HTMLInputElement> {
  await until(() => $(element, '#kap-email-links-email'), 'the Email me my links form');
  return $<HTMLInputElement>(element, '#kap-email-links-email')!;
}

function typeAddress(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const submitButton = (element: HTMLElement) => $<HTMLButtonElement>(element, '#kap-email-links-submit')!;
const linkRequests = () => network.to('POST', /\/booking-access\/email-links$/);

describe('Email me my links', () => {
  it('has every English word in Spanish, with the same placeholders', () => {
    expect(Object.keys(esEmailLinks).sort()).to.deep.equal(Object.keys(enEmailLinks).sort());
  });

  it('<kap-booking booking> without a link: validates, sends, confirms without saying whether the address is known, and sends again', async function () {
    this.timeout(30_000);
    const api = freshApi();
    await bookThroughApi(api, network.realFetch);
    const el = await mountBooking({ api, booking: 'bk_without_token' });
    const field = await emailField(el);
    expect(text(el)).to.include('Open the link in your confirmation');
    expect(field.type).to.equal('email');
    expect(field.getAttribute('autocomplete')).to.equal('email');
    await expect(el).to.be.accessible();

    submitButton(el).click();
    await until(() => focused(el)?.classList.contains('error-summary'), 'the error summary takes focus');
    expect(text(el)).to.include('There is a problem');
    expect($(el, '#kap-email-links-error')!.textContent).to.include('Enter your email address');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    typeAddress(field, 'robin.earlier@');
    submitButton(el).click();
    await settle(el);
    expect($(el, '#kap-email-links-error')!.textContent).to.include('Enter an email address in the correct format, like name@example.com');
    $<HTMLAnchorElement>(el, '.error-summary a')!.click();
    expect(focused(el)).to.equal(field, 'the summary’s link leads to the field');
    expect(linkRequests()).to.deep.equal([], 'nothing is sent while the address is wrong');

    typeAddress(field, ` ${ADDRESS} `);
    submitButton(el).click();
    await until(() => focused(el)?.id === 'kap-email-links-sent', 'the confirmation takes focus');
    expect(text(el)).to.include('Check your inbox');
    expect(text(el)).to.include('If this address has a booking with us, we have sent its links to it.');
    const [request, ...more] = linkRequests();
    expect(more).to.deep.equal([]);
    expect(JSON.parse(request!.body)).to.deep.equal({ email: ADDRESS });
    expect(request!.headers.get('Idempotency-Key')).to.match(/^[\w-]{16,}$/);
    expect(recorder.of('kap-error')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    button(el, 'Send them again').click();
    await until(() => focused(el)?.id === 'kap-email-links-email', 'back to the field');
    expect((focused(el) as HTMLInputElement).value.trim()).to.equal(ADDRESS, 'the address is kept');
    submitButton(el).click();
    await until(() => focused(el)?.id === 'kap-email-links-sent', 'sent again');
    const keys = linkRequests().map((sent) => sent.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).not.to.equal(keys[1], 'sending again is a new request');
  });

  it('<kap-booking booking> with a refused token: the same form under “This link has expired”, in Spanish too', async () => {
    const api = freshApi();
    const created = await bookThroughApi(api, network.realFetch);
    const el = await mountBooking({ api, booking: created.booking.id, lang: 'es' }, (e) => (e.token = 'not-the-right-token-at-all'));
    await emailField(el);
    expect(text(el)).to.include('Enviarme mis enlaces por correo');
    expect(text(el)).to.include('Correo electrónico');
    await expect(el).to.be.accessible();
  });

  it('<kap-prep-checklist> without a link: a rate limit (429) is said plainly, the address kept, kap-error without it', async function () {
    this.timeout(30_000);
    const api = freshApi();
    // The backend's own limit: the address has asked 5 times this hour already.
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      const response = await network.realFetch(`${api}booking-access/email-links`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: ADDRESS }),
      });
      expect(response.status).to.equal(202);
    }
    const el = await mountChecklist({ api, booking: '' });
    const field = await emailField(el);
    expect(text(el)).to.include('Open the link from your email');
    typeAddress(field, ADDRESS);
    submitButton(el).click();
    await until(() => $(el, '.email-links [role="alert"]'), 'the failure');
    expect(text(el)).to.include('There have been a lot of attempts in a short time. Please wait');
    expect(text(el)).to.include("We've kept the details you entered.");
    expect(field.value).to.equal(ADDRESS);
    expect(recorder.of('kap-error')).to.deep.include({ kind: 'rate_limited', code: 'rate_limited' });
    expect(linkRequests(), 'a wait of an hour is not retried').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('<kap-prep-checklist> with an expired link: the form under “This link no longer works”; offline is said, retried under one key, then sent', async function () {
    this.timeout(40_000);
    const session = await bookSession(freshApi(), network.realFetch);
    const el = await mountForSession({ ...session, token: 'expired-or-revoked-token-0000' });
    const field = await emailField(el);
    expect(text(el)).to.include('This link no longer works');
    network.fail('POST', /\/booking-access\/email-links$/, offline);
    typeAddress(field, ADDRESS);
    submitButton(el).click();
    await until(() => $(el, '.email-links [role="alert"]'), 'the failure', 20_000);
    expect(text(el)).to.include("We couldn't reach the clinic.");
    expect(recorder.of('kap-error')).to.deep.include({ kind: 'network' });
    const keys = new Set(linkRequests().map((sent) => sent.headers.get('Idempotency-Key')));
    expect(linkRequests().length, 'retried').to.be.greaterThan(1);
    expect(keys.size, 'every retry under the same key').to.equal(1);
    await expect(el).to.be.accessible();

    network.clearFaults();
    button(el, 'Try again').click();
    await until(() => focused(el)?.id === 'kap-email-links-sent', 'sent');
    expect(new Set(linkRequests().map((sent) => sent.headers.get('Idempotency-Key'))).size, 'Try again is the same request').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('<kap-intake> whose link is refused on sending: says so, keeps the answers, and offers the form after the page', async function () {
    this.timeout(90_000);
    const session = await bookSession(freshApi(), network.realFetch);
    const el = await mountIntake({ api: session.api, form: DEMO_FORM, booking: session.bookingId });
    el.token = 'expired-or-revoked-token-0000';
    await loaded(el);
    await completeDemo(el);
    await next(el);
    const field = await emailField(el);
    expect(text(el)).to.include('The link to your booking no longer works, so your answers were not sent.');
    expect(field.closest('form')).not.to.equal($(el, 'form'), 'a form of its own, not inside the answers’ form');
    expect(text(el)).to.include('Check your answers before sending them');
    await expect(el).to.be.accessible();
    typeAddress(field, ADDRESS);
    submitButton(el).click();
    await until(() => focused(el)?.id === 'kap-email-links-sent', 'sent');
    expect(recorder.of('kap-intake-submit')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('keyboard alone: Tab to the field, type, Enter sends; Tab and Enter to send again', async function () {
    this.timeout(30_000);
    const el = await mountBooking({ api: freshApi(), booking: 'bk_without_token' });
    await emailField(el);
    for (let presses = 0; presses < 20 && focused(el)?.id !== 'kap-email-links-email'; presses += 1) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('kap-email-links-email');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.classList.contains('error-summary'), 'the error summary takes focus');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(focused(el)?.id).to.equal('kap-email-links-email', 'the summary’s link, by keyboard');
    await sendKeys({ type: ADDRESS });
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'kap-email-links-sent', 'sent');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Send them again');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'kap-email-links-email', 'back to the field');
    expect(linkRequests()).to.have.length(1);
  });
});
