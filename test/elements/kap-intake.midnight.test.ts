/**
 * A submission sent just before midnight and retried just after is the same submission: the
 * consent signature keeps the date it was first sent with, so the body is byte-identical, the
 * Idempotency-Key is the same and the real backend replays the response it stored instead of
 * storing the intake twice. The same holds across a reload with `draft="session"`. The clock is
 * faked in the page only (`Date`); the backend runs on real time.
 */
import { expect } from '@open-wc/testing';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { isoDate } from '../../src/forms/dates.js';
import {
  $,
  CLIENT,
  DEMO_FORM,
  button,
  completeDemo,
  freshApi,
  heading,
  intakeTests,
  loaded,
  mountIntake,
  next,
  unmountAll,
  until,
} from './support/intake.js';
import { loseAnswerAfterCommit } from './support/network.js';

const RESPONSES = /\/intake-responses$/;
const CHECK = 'Check your answers before sending them';
const CONFIRMED = 'Thank you, your answers have been sent';
const SIGNATURE = 'consent-treatment-information';

const RealDate = Date;

/** From now on `Date` in this page reads `at`, then runs on from there in real time. */
function setClock(at: number): void {
  const offset = at - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/** Local midnight at the start of today, in real time. */
function midnight(): number {
  const now = new RealDate();
  return new RealDate(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}

function localIso(ms: number): string {
  const day = new RealDate(ms);
  return isoDate(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

const { network, recorder } = intakeTests({
  secrets: [CLIENT.name, CLIENT.email, CLIENT.phone],
  after: () => {
    globalThis.Date = RealDate;
    sessionStorage.clear();
  },
});

function sent(): { key: string; body: string }[] {
  return network.to('POST', RESPONSES).map((request) => ({ key: request.headers.get('Idempotency-Key')!, body: request.body }));
}

function submitted(): string[] {
  return recorder.events.filter((e) => e.type === 'kap-intake-submit').map((e) => e.detail.responseId);
}

function signedOn(body: string): string {
  return (JSON.parse(body) as { answers: Record<string, { signedOn: string }> }).answers[SIGNATURE]!.signedOn;
}

describe('<kap-intake> retried after midnight', () => {
  it('the answer is lost at 23:59, Try again at 00:01: the same body and key, one response on the server', async function () {
    this.timeout(40_000);
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    setClock(midnight() - 60_000);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen), 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    expect(seen.length, 'the server stored it before midnight').to.be.at.least(1);

    setClock(midnight() + 60_000);
    button(el, 'Try again').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);

    const requests = sent();
    expect(new Set(requests.map((r) => r.key)).size, 'one Idempotency-Key').to.equal(1);
    expect(new Set(requests.map((r) => r.body)).size, 'one body, byte for byte').to.equal(1);
    expect(signedOn(requests.at(-1)!.body), 'signed on the day it was first sent').to.equal(localIso(midnight() - 60_000));
    expect(submitted(), 'the response stored before midnight, not a second one').to.deep.equal([seen[0]!.response.id]);
  });

  it('with draft="session", a reload after midnight sends the same body with the same key', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    setClock(midnight() - 60_000);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen), 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    network.clearFaults();

    setClock(midnight() + 60_000);
    unmountAll();
    const again: KapIntake = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(again);
    if (heading(again) !== CHECK) await next(again);
    await until(() => heading(again) === CHECK, 'check your answers');
    button(again, 'Send my answers').click();
    await until(() => heading(again) === CONFIRMED, 'the confirmation', 12_000);

    const requests = sent();
    expect(new Set(requests.map((r) => r.key)).size, 'one Idempotency-Key across the reload').to.equal(1);
    expect(new Set(requests.map((r) => r.body)).size, 'one body, byte for byte').to.equal(1);
    expect(submitted()).to.deep.equal([seen[0]!.response.id]);
    expect(sessionStorage.length, 'the draft is gone after success').to.equal(0);
  });
});
