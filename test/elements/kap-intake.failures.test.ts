/**
 * `<kap-intake>` when things go wrong, and its draft: a broken definition, a form the backend does
 * not have, answers lost in transit, offline and server errors on submit, a double click; and the
 * opt-in sessionStorage draft (restored on reload, expired, cleared on submit, off by default).
 * The real backend stores the responses; the network is faked only for faults it cannot produce.
 */
import { expect } from '@open-wc/testing';
import { draftKey } from '../../src/elements/kap-intake/intake-draft.js';
import {
  $,
  CLIENT,
  DEMO_FORM,
  answerScreeningNo,
  button,
  completeDemo,
  errorSummaryLinks,
  field,
  fillContact,
  freshApi,
  heading,
  intakeTests,
  loaded,
  mountIntake,
  next,
  text,
  type,
  unmountAll,
  until,
} from './support/intake.js';
import { BROKEN_FORM, EVERY_TYPE_FORM } from './support/intake-forms.js';
import { answer, errorAnswer, loseAnswerAfterCommit, offline } from './support/network.js';

const { network, recorder } = intakeTests({
  secrets: [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zephyrine', '1979', 'several-days'],
  after: () => sessionStorage.clear(),
});

function errors(): unknown[] {
  return recorder.of('kap-error');
}

function keys(): string[] {
  return network.to('POST', /\/intake-responses$/).map((request) => request.headers.get('Idempotency-Key')!);
}

function submitted(): string[] {
  return recorder.events.filter((e) => e.type === 'kap-intake-submit').map((e) => e.detail.responseId);
}

const CONFIRMED = 'Thank you, your answers have been sent';

describe('<kap-intake> with a definition it cannot show', () => {
  it('a broken child-script definition: a calm message, the precise problem for the website team, kap-error', async () => {
    const el = await mountIntake({ api: freshApi() }, BROKEN_FORM);
    await until(() => $(el, '[part~="problem"]'), 'the problem');
    expect(text(el)).to.include('Sorry, this is not available online right now');
    expect(text(el)).to.include('Please contact the clinic directly.');
    expect(text(el)).to.include('For the website team: the form definition is not valid: pages[0].items[1] ("second"): "label" must not be empty');
    expect($(el, 'form')).to.equal(null);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_form' }]);
    await expect(el).to.be.accessible();
  });

  it('an unusable api with a definition on the page: the problem from the first render, never the form', async () => {
    const tiny = { id: 'tiny', title: 'About you', pages: [{ id: 'p', title: 'About you', items: [{ type: 'text', id: 'name', label: 'Preferred name' }] }] };
    const el = await mountIntake({ api: 'http://evil.example/kap/' }, tiny);
    // Nothing a client types could be sent: no field is ever offered.
    expect($(el, '[part~="problem"]'), 'at once').to.exist;
    expect($(el, 'form')).to.equal(null);
    await until(() => text(el).includes('plain http:'), 'the website team’s words');
    expect($(el, 'form')).to.equal(null);
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_api' }]);
    expect(network.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a broken definition from the backend is the same configuration problem', async () => {
    network.fail('GET', /\/forms\/kap-demo-intake$/, answer(200, { ...EVERY_TYPE_FORM, pages: [{ id: 'x', title: 'X', items: [] }] }));
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await until(() => $(el, '[part~="problem"]'), 'the problem');
    expect(text(el)).to.include('pages[0] ("x"): "items" must have at least 1 entry');
    expect(errors()).to.deep.equal([{ kind: 'configuration', code: 'invalid_form' }]);
  });

  it('a form the backend does not have, or no form at all, says which', async () => {
    const unknown = await mountIntake({ api: freshApi(), form: 'no-such-form' });
    await until(() => $(unknown, '[part~="problem"]'), 'the problem');
    expect(text(unknown)).to.include('the backend has no form with the id "no-such-form"');
    const none = await mountIntake({ api: freshApi() });
    await until(() => $(none, '[part~="problem"]'), 'the problem');
    expect(text(none)).to.include('set the form attribute');
    expect(errors()).to.deep.equal([
      { kind: 'configuration', code: 'unknown_form' },
      { kind: 'configuration', code: 'missing_form' },
    ]);
  });

  it('a failed load offers Try again', async () => {
    network.fail('GET', /\/forms\//, errorAnswer(500, 'internal_error'), 4);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await until(() => $(el, '[role="alert"]'), 'the failure', 12_000);
    expect(text(el)).to.include("We couldn't load the form.");
    expect(errors()).to.deep.include({ kind: 'server', code: 'internal_error' });
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await loaded(el);
    expect(heading(el)).to.equal('Your details');
  });
});

describe('<kap-intake> submitting', () => {
  it('the answer is lost after the server stored it: the retry carries the same key and gets the same response', async () => {
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', /\/intake-responses$/, loseAnswerAfterCommit(seen), 1);
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);
    expect(seen).to.have.length(1);
    expect(keys()).to.have.length(2);
    expect(new Set(keys()).size, 'one idempotency key').to.equal(1);
    expect(submitted(), 'one response, not two').to.deep.equal([seen[0]!.response.id]);
  });

  it('every attempt lost: a message, every answer kept, and Try again with the same key stores it once', async function () {
    this.timeout(40_000);
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', /\/intake-responses$/, loseAnswerAfterCommit(seen), 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    expect(text(el)).to.include("We couldn't reach the clinic. Please check your internet connection and try again.");
    expect(text(el)).to.include("We've kept the details you entered.");
    expect(text(el)).to.include(CLIENT.email);
    expect(errors()).to.deep.equal([{ kind: 'network' }]);
    await expect(el).to.be.accessible();

    button(el, 'Try again').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);
    expect(keys()).to.have.length(5);
    expect(new Set(keys()).size, 'the same key for every attempt').to.equal(1);
    expect(submitted()).to.deep.equal([seen[0]!.response.id]);
    expect(new Set(seen.map((body) => body.response.id)).size, 'the server replayed one response').to.equal(1);
  });

  it('offline, then a server error: answers kept, the same key throughout', async function () {
    this.timeout(40_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', /\/intake-responses$/, offline, 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'offline', 20_000);
    network.clearFaults();
    network.fail('POST', /\/intake-responses$/, errorAnswer(500, 'internal_error'), 4);
    button(el, 'Try again').click();
    await until(() => text(el).includes('Something went wrong at the clinic’s end'), 'the server error', 20_000);
    network.clearFaults();
    button(el, 'Try again').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);
    expect(new Set(keys()).size).to.equal(1);
    expect(submitted()).to.have.length(1);
  });

  it('a double click submits once', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    const send = button(el, 'Send my answers');
    send.click();
    send.click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation');
    expect(keys()).to.have.length(1);
    expect(submitted()).to.have.length(1);
  });

  it('answers the server refuses are shown on their page, with its messages', async () => {
    const refusal = { error: { code: 'validation_failed', message: 'x', fields: { 'answers.phone': 'This phone number cannot be reached' } } };
    network.fail('POST', /\/intake-responses$/, answer(422, refusal), 1);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    button(el, 'Send my answers').click();
    await until(() => $(el, '.error-summary'), 'the error summary');
    expect(heading(el)).to.equal('Your details');
    expect(errorSummaryLinks(el)[0]!.textContent).to.equal('This phone number cannot be reached');
    expect(field(el, 'phone').value).to.equal(CLIENT.phone);
    await type(el, 'phone', '+1 917 555 0199');
    await next(el);
    expect(heading(el), 'back to check-your-answers').to.equal('Check your answers before sending them');
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation');
    expect(new Set(keys()).size, 'changed answers are a new submission').to.equal(2);
  });
});

describe('<kap-intake> draft="session"', () => {
  const key = draftKey(DEMO_FORM);

  async function answerFirstPages(api: string) {
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    return el;
  }

  it('a reload restores every answer and the page, from sessionStorage only, under a key without answers', async () => {
    const api = freshApi();
    await answerFirstPages(api);
    expect(sessionStorage.length).to.equal(1);
    expect(sessionStorage.key(0)).to.equal('kap-intake:kap-demo-intake');
    expect(localStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
    const draft = JSON.parse(sessionStorage.getItem(key)!);
    expect(draft.expires - Date.now()).to.be.within(2 * 3600_000 - 60_000, 2 * 3600_000);
    unmountAll();

    const again = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(again);
    expect(heading(again)).to.equal('Your health');
    expect(field(again, 'ms-heart-1').checked, '"No" still chosen').to.equal(true);
    button(again, 'Back').click();
    await until(() => heading(again) === 'Your details', 'the first page');
    expect(field(again, 'full-name').value).to.equal(CLIENT.name);
    expect(field(again, 'date-of-birth.year').value).to.equal('1979');
  });

  it('an expired draft is discarded', async () => {
    const api = freshApi();
    await answerFirstPages(api);
    unmountAll();
    const draft = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...draft, expires: Date.now() - 1 }));
    const again = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(again);
    expect(heading(again)).to.equal('Your details');
    expect(field(again, 'full-name').value).to.equal('');
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('is cleared on submit', async () => {
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    expect(sessionStorage.getItem(key)).not.to.equal(null);
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation');
    expect(sessionStorage.length).to.equal(0);
  });

  it('is off by default: nothing is stored anywhere, and a reload starts afresh', async () => {
    const api = freshApi();
    const el = await mountIntake({ api, form: DEMO_FORM });
    await loaded(el);
    await fillContact(el);
    await next(el);
    await answerScreeningNo(el);
    expect(sessionStorage.length).to.equal(0);
    expect(localStorage.length).to.equal(0);
    unmountAll();
    const again = await mountIntake({ api, form: DEMO_FORM });
    await loaded(again);
    expect(heading(again)).to.equal('Your details');
    expect(field(again, 'full-name').value).to.equal('');
  });
});
