/**
 * `<kap-intake>` when the outcome of sending is unknown — the answer was lost after the server
 * stored the intake, or the client stopped waiting — and the client then changes an answer: the
 * element finds out first (it sends the first body again under its key), so the server holds one
 * response, and the client is told plainly that the later change was not sent. And long answers:
 * the longest the form allows, in Cyrillic and emoji, reach the real backend; a 413 from a proxy is
 * a clear message naming the answer to shorten, never a dead end.
 */
import { expect } from '@open-wc/testing';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import {
  $,
  CLIENT,
  DEMO_FORM,
  allByRole,
  button,
  choose,
  completeDemo,
  field,
  freshApi,
  heading,
  intakeTests,
  loaded,
  mountIntake,
  next,
  text,
  type,
  until,
} from './support/intake.js';
import { backendRecords } from './support/harness.js';
import { hang, loseAnswerAfterCommit } from './support/network.js';

const { network, recorder } = intakeTests({ secrets: [CLIENT.name, CLIENT.email, CLIENT.phone, 'Zephyrine', '1979', 'ЖЖЖ', '😀'] });

const RESPONSES = /\/intake-responses$/;
const CHECK = 'Check your answers before sending them';
const CONFIRMED = 'Thank you, your answers have been sent';
const HEALTH = 'Your health';
const OTHER = 'Is there anything else about your health you would like us to know?';

function keys(): string[] {
  return network.to('POST', RESPONSES).map((request) => request.headers.get('Idempotency-Key')!);
}

function submitted(): string[] {
  return recorder.events.filter((e) => e.type === 'kap-intake-submit').map((e) => e.detail.responseId);
}

/** On the health page: every "yes" that opens a free-text question, each answered with `fill(maxLength)`. */
async function answerHealthAtLength(el: KapIntake, fill: (count: number) => string, other: string): Promise<void> {
  for (const key of ['ms-heart', 'ms-substance-use', 'ms-ketamine-before', 'ms-allergies']) await choose(el, key, 'yes');
  await choose(el, 'ms-medications', 'lamotrigine');
  const lengths: Record<string, number> = {
    'ms-heart-details': 2000,
    'ms-substance-details': 2000,
    'ms-medications-list': 4000,
    'ms-ketamine-details': 2000,
    'ms-allergies-details': 2000,
  };
  for (const [key, count] of Object.entries(lengths)) await type(el, key, fill(count));
  await type(el, 'ms-other', other);
}

describe('<kap-intake> after a sending whose answer was lost', () => {
  it('the client changes an answer and sends again: one response (the first), and the client is told the change was not sent', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const seen: { response: { id: string } }[] = [];
    const el = await mountIntake({ api, form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, loseAnswerAfterCommit(seen));
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the failure', 20_000);
    network.clearFaults();

    button(el, 'Change').click();
    await until(() => heading(el) === 'Your details', 'the details page');
    await type(el, 'phone', '+1 917 555 0199');
    await next(el);
    expect(heading(el)).to.equal(CHECK);
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation', 12_000);

    expect(text(el)).to.include(
      'Your answers had already reached the clinic before your last changes, so those changes were not sent. Please tell the clinic about them.',
    );
    expect(submitted()).to.deep.equal([seen[0]!.response.id]);
    expect(new Set(keys()).size, 'one key: the first sending, asked about again').to.equal(1);
    const records = await backendRecords(api, network.realFetch);
    expect(records.intakeResponses, 'one response on the server, not two').to.have.length(1);
    expect(records.intakeResponses[0]!.answers).to.include(CLIENT.phone);
    expect(records.intakeResponses[0]!.answers).not.to.include('0199');
    await expect(el).to.be.accessible();
  });

  it('no answer: "Still trying" with Stop; Stop keeps every answer, and sending again stores one response', async () => {
    const api = freshApi();
    const el = await mountIntake({ api, form: DEMO_FORM, 'request-timeout': '5000' });
    await loaded(el);
    await completeDemo(el);
    network.fail('POST', RESPONSES, hang, 1);
    button(el, 'Send my answers').click();
    await until(() => allByRole(el, 'button', 'Stop waiting')[0], 'the Stop button', 8_000);
    expect(text(el)).to.include('Still trying — the clinic’s system is slow to answer…');
    await expect(el).to.be.accessible();
    button(el, 'Stop waiting').click();
    await until(() => text(el).includes('You stopped waiting.'), 'the stopped note');
    expect(heading(el)).to.equal(CHECK);
    expect(text(el)).to.include(CLIENT.email);
    expect(recorder.of('kap-error')).to.deep.equal([]);

    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation');
    expect(new Set(keys()).size).to.equal(1);
    expect((await backendRecords(api, network.realFetch)).intakeResponses).to.have.length(1);
  });
});

describe('<kap-intake> loading slowly', () => {
  it('a form slow to load says so after a few seconds, then shows', async () => {
    network.fail('GET', /\/forms\//, hang, 1);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM, 'request-timeout': '600' });
    await until(() => text(el).includes('Loading… This is taking longer than usual. Still trying…'), 'the still-loading note', 5_000);
    await loaded(el);
    expect(heading(el)).to.equal('Your details');
  });
});

describe('<kap-intake> with long answers', () => {
  it('the longest answers the demo form allows, in Cyrillic and emoji, are stored by the real backend', async function () {
    this.timeout(40_000);
    const api = freshApi();
    const el = await mountIntake({ api, form: DEMO_FORM });
    await loaded(el);
    const cyrillic = (count: number) => 'Ж'.repeat(count);
    const emoji = '😀'.repeat(2000); // 4,000 UTF-16 units: the question's maxLength
    await completeDemo(el, {
      onPage: async (page) => {
        if (page === 'screening') await answerHealthAtLength(el, cyrillic, emoji);
      },
    });
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED || $(el, 'form [role="alert"]'), 'the outcome', 15_000);
    expect(heading(el), text(el).slice(0, 300)).to.equal(CONFIRMED);
    const sent = new TextEncoder().encode(network.to('POST', RESPONSES)[0]!.body).length;
    expect(sent, 'more than the 32 KB that refused it before').to.be.greaterThan(32 * 1024);
    const [stored] = (await backendRecords(api, network.realFetch)).intakeResponses;
    const answers = JSON.parse(stored!.answers);
    expect(answers['ms-other']).to.equal(emoji);
    expect(answers['ms-medications-list']).to.equal(cyrillic(4000));
  });

  it('a 413 (here from a proxy, with no error envelope) names the answer to shorten, keeps everything, and is not a dead end', async function () {
    this.timeout(40_000);
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    await completeDemo(el, {
      onPage: async (page) => {
        if (page === 'screening') await type(el, 'ms-other', 'ЖЖЖ '.repeat(700));
      },
    });
    network.fail(
      'POST',
      RESPONSES,
      async () => new Response('<html>413 Request Entity Too Large</html>', { status: 413, headers: { 'Content-Type': 'text/html' } }),
      1,
    );
    button(el, 'Send my answers').click();
    await until(() => $(el, 'form [role="alert"]'), 'the message');
    const alert = $(el, 'form [role="alert"]')!;
    expect(alert.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `Your answers are longer than the clinic's system can take. Please shorten your answer to “${OTHER}”, then send them again. Everything you typed is still here. Shorten this answer`,
    );
    expect(() => button(el, 'Try again'), 'no Try again that repeats the failure').to.throw();
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'validation', code: 'payload_too_large' }]);
    expect(network.to('POST', RESPONSES), 'not retried').to.have.length(1);
    await expect(el).to.be.accessible();

    button(el, 'Shorten this answer').click();
    await until(() => heading(el) === HEALTH, 'the page with the long answer');
    expect(field<HTMLTextAreaElement>(el, 'ms-other').value, 'everything typed is still there').to.equal('ЖЖЖ '.repeat(700));
    await type(el, 'ms-other', 'ЖЖЖ');
    await next(el);
    expect(heading(el)).to.equal(CHECK);
    expect($(el, 'form [role="alert"]'), 'the message is gone once the client acted on it').to.equal(null);
    button(el, 'Send my answers').click();
    await until(() => heading(el) === CONFIRMED, 'the confirmation');
    const keys = network.to('POST', RESPONSES).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[1], 'the refused sending stored nothing: the shorter answers are a new one').not.to.equal(keys[0]);
  });
});
