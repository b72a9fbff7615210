/**
 * `<kap-intake draft="session">` keeps the pending submission's idempotency key across a reload:
 * the server stored the intake but the answer was lost (or the page went away mid-submit), the
 * client reloads and sends again, and the real reference backend replays the response it stored
 * instead of storing a second one. A changed body after the reload is a new submission with a new
 * key. Without `draft="session"` nothing at all is stored, submission included.
 */
import { expect } from '@open-wc/testing';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { draftKey } from '../../src/elements/kap-intake/intake-draft.js';
import {
  $,
  CLIENT,
  DEMO_FORM,
  button,
  completeDemo,
  expectNoAnswers,
  field,
  freshApi,
  heading,
  loaded,
  mountIntake,
  next,
  recordEvents,
  text,
  type,
  unmountAll,
  until,
} from './support/intake.js';
import { backendRecords } from './support/harness.js';
import { Network, hang, loseAnswerAfterCommit, type Fault } from './support/network.js';

const RESPONSES = /\/intake-responses$/;
const CHECK = 'Check your answers before sending them';
const CONFIRMED = 'Thank you, your answers have been sent';
const KEY = draftKey(DEMO_FORM);

interface Created {
  response: { id: string };
}

let network: Network;
let recorder: ReturnType<typeof recordEvents>;

beforeEach(() => {
  sessionStorage.clear();
  network = new Network().install();
  recorder = recordEvents();
});

afterEach(() => {
  unmountAll();
  recorder.stop();
  network.restore();
  expectNoAnswers(recorder.events, [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zephyrine', '1979', 'several-days']);
  sessionStorage.clear();
});

/** The Idempotency-Key of every POST intake-responses, in order. */
function keys(): string[] {
  return network.to('POST', RESPONSES).map((request) => request.headers.get('Idempotency-Key')!);
}

function submitted(): string[] {
  return recorder.events.filter((e) => e.type === 'kap-intake-submit').map((e) => e.detail.responseId);
}

function storedDraft(): { answers: object; page: string; submission?: { key: string; body: string } } | null {
  return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
}

/** The request reaches the real backend (which stores the intake), then the page never hears back. */
function commitThenHang(seen: unknown[]): Fault {
  return async (request, passThrough) => {
    const response = await passThrough();
    seen.push(await response.json());
    return hang(request, passThrough);
  };
}

/** Passes through to the real backend and notes whether it replayed a stored response. */
function noteReplays(replayed: (string | null)[]): Fault {
  return async (_request, passThrough) => {
    const response = await passThrough();
    replayed.push(response.headers.get('Idempotent-Replayed'));
    return response;
  };
}

/** "Reloads": the element leaves the page (aborting anything in flight) and a new one is made. */
async function reload(api: string, attributes: Record<string, string> = { draft: 'session' }): Promise<KapIntake> {
  unmountAll();
  const again = await mountIntake({ api, form: DEMO_FORM, ...attributes });
  await loaded(again);
  return again;
}

/** From the restored page (the last one) on to check-your-answers. */
async function toCheck(element: KapIntake): Promise<void> {
  if (heading(element) !== CHECK) await next(element);
  await until(() => heading(element) === CHECK, 'check your answers');
}

describe('<kap-intake draft="session"> and the idempotency key', () => {
  it('the answer is lost after the server stored it, the client reloads and sends again: the same key, one response', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: Created[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen));
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    expect(text(el)).to.include("We couldn't reach the clinic.");
    expect(seen.length, 'the server stored it (and replayed it to the retries)').to.be.at.least(1);
    const [sent] = keys();
    expect(new Set(keys()).size).to.equal(1);
    expect(storedDraft()!.submission!.key, 'the pending key is in the draft').to.equal(sent);
    expect(JSON.stringify(storedDraft()!.submission), 'the draft holds a key and a fingerprint, not the body').not.to.include(CLIENT.email);
    network.clearFaults();

    const again = await reload(api);
    expect(heading(again), 'the draft brought the client back to the last page').to.equal('Consent');
    await toCheck(again);
    const replayed: (string | null)[] = [];
    network.fail('POST', RESPONSES, noteReplays(replayed), 1);
    button(again, 'Send my answers').click();
    await until(() => heading(again) === CONFIRMED, 'the confirmation', 12_000);

    expect(submitted(), 'the response the server stored first, not a second one').to.deep.equal([seen[0]!.response.id]);
    expect(replayed, 'the server replayed what it stored').to.deep.equal(['true']);
    expect(keys().at(-1), 'the same Idempotency-Key after the reload').to.equal(sent);
    expect(new Set(seen.map((body) => body.response.id)).size, 'one response on the server').to.equal(1);
    expect(sessionStorage.length, 'the draft and its key are gone after success').to.equal(0);
  });

  it('the page goes away while the request is in flight: the key was stored before it left, and the reload reuses it', async () => {
    const api = freshApi();
    const seen: Created[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, commitThenHang(seen), 1);
    button(el, 'Send my answers').click();
    await until(() => seen.length === 1, 'the server to store the intake');
    const [sent] = keys();
    expect(storedDraft()!.submission!.key).to.equal(sent);

    const again = await reload(api);
    expect(network.to('POST', RESPONSES)[0]!.signal.aborted, 'the first request was abandoned').to.equal(true);
    await toCheck(again);
    button(again, 'Send my answers').click();
    await until(() => heading(again) === CONFIRMED, 'the confirmation');
    expect(keys()).to.deep.equal([sent, sent]);
    expect(submitted()).to.deep.equal([seen[0]!.response.id]);
    expect(sessionStorage.length).to.equal(0);
  });

  it('answers changed after the reload: the stored sending is asked about first, so one response, and the client is told', async () => {
    const api = freshApi();
    const seen: Created[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, commitThenHang(seen), 1);
    button(el, 'Send my answers').click();
    await until(() => seen.length === 1, 'the server to store the intake');
    const [first] = keys();

    const again = await reload(api);
    await toCheck(again);
    button(again, 'Change').click();
    await until(() => heading(again) === 'Your details', 'the details page');
    await type(again, 'phone', '+1 917 555 0199');
    await next(again);
    expect(heading(again)).to.equal(CHECK);
    const kept = JSON.stringify(storedDraft()!.submission);
    expect(kept, 'the draft keeps the earlier value of the changed answer, to rebuild what was sent').to.include(CLIENT.phone);
    expect(kept, 'and nothing else of the answers').not.to.include(CLIENT.email);
    button(again, 'Send my answers').click();
    await until(() => heading(again) === CONFIRMED, 'the confirmation');

    expect(keys(), 'the first sending again, under its key; nothing else').to.deep.equal([first, first]);
    const sent = network.to('POST', RESPONSES);
    expect(sent[1]!.body, 'byte for byte').to.equal(sent[0]!.body);
    expect(submitted(), 'the response stored first').to.deep.equal([seen[0]!.response.id]);
    expect(text(again)).to.include(
      'Your answers had already reached the clinic before your last changes, so those changes were not sent. Please tell the clinic about them.',
    );
    const records = await backendRecords(api, network.realFetch);
    expect(records.intakeResponses, 'one response on the server').to.have.length(1);
    expect(records.intakeResponses[0]!.answers).to.include(CLIENT.phone);
    expect(sessionStorage.length).to.equal(0);
  });

  it('without draft="session" nothing is stored, not even the key, and a reload starts afresh', async () => {
    const api = freshApi();
    const seen: Created[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, commitThenHang(seen), 1);
    button(el, 'Send my answers').click();
    await until(() => seen.length === 1, 'the server to store the intake');
    expect(sessionStorage.length, 'nothing in sessionStorage mid-submit').to.equal(0);
    expect(localStorage.length).to.equal(0);

    const again = await reload(api, {});
    expect(heading(again)).to.equal('Your details');
    expect(field(again, 'full-name').value).to.equal('');
    expect(sessionStorage.length).to.equal(0);
  });
});
