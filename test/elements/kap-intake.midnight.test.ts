/**
 * A submission sent just before midnight and retried just after is the same submission: the
 * consent signature keeps the date it was first sent with, so the body is byte-identical, the
 * Idempotency-Key is the same and the real backend replays the response it stored instead of
 * storing the intake twice. The same holds across a reload with `draft="session"`. The page's
 * clock (`src/time/clock.ts`) is set by the test; the backend runs on real time.
 */
import { expect } from '@open-wc/testing';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { isoDate } from '../../src/forms/dates.js';
import { $, CLIENT, DEMO_FORM, button, completeDemo, freshApi, heading, intakeTests, loaded, mountIntake, next, unmountAll, until } from './support/intake.js';
import { installClock, restoreClock } from '../support/manual-clock.js';
import { loseAnswerAfterCommit } from './support/network.js';

const RESPONSES = /\/intake-responses$/;
const CHECK = 'Check your answers before sending them';
const CONFIRMED = 'Thank you, your answers have been sent';
const SIGNATURE = 'consent-treatment-information';

/** Local midnight at the start of today (read once, so both sides of it stay one day apart). */
const MIDNIGHT = (() => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
})();

function localIso(ms: number): string {
  const day = new Date(ms);
  return isoDate(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

const { network, recorder } = intakeTests({
  secrets: [CLIENT.name, CLIENT.email, CLIENT.phone],
  after: () => {
    restoreClock();
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
    const clock = installClock(MIDNIGHT - 60_000);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen), 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    expect(seen.length, 'the server stored it before midnight').to.be.at.least(1);

    clock.set(MIDNIGHT + 60_000);
    button(el, 'Try again').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);

    const requests = sent();
    expect(new Set(requests.map((r) => r.key)).size, 'one Idempotency-Key').to.equal(1);
    expect(new Set(requests.map((r) => r.body)).size, 'one body, byte for byte').to.equal(1);
    expect(signedOn(requests.at(-1)!.body), 'signed on the day it was first sent').to.equal(localIso(MIDNIGHT - 60_000));
    expect(submitted(), 'the response stored before midnight, not a second one').to.deep.equal([seen[0]!.response.id]);
  });

  it('with draft="session", a reload after midnight sends the same body with the same key', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(el);
    await completeDemo(el);
    const clock = installClock(MIDNIGHT - 60_000);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen), 4);
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    network.clearFaults();

    clock.set(MIDNIGHT + 60_000);
    unmountAll();
    const again: KapIntake = await mountIntake({ api, form: DEMO_FORM, draft: 'session' });
    await loaded(again);
    expect(heading(again), 'the draft brings the client back to the last page of questions').to.equal('Consent');
    await next(again);
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
