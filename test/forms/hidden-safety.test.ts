/**
 * A safety answer once given never disappears because a later answer hid its question: the
 * submission keeps the flag, the item and that answer, and the backend's own recomputation
 * (`checkSubmission`) accepts and keeps them. A hidden safety question that was never answered
 * (or answered zero) raises nothing, and other hidden answers are still dropped and refused.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntakeSubmission, checkSubmission, safetyTriggered, toSubmission, visiblePages, type Answers } from '../../src/forms/index.js';
import { TODAY, resolve } from './support.js';

const PHQ = ['not-at-all', 'several-days', 'more-than-half-the-days', 'nearly-every-day'];
const phq9 = (item9: string): Answers => ({
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`phq-9.q${i + 1}`, PHQ[1]!])),
  'phq-9.q9': item9,
  'phq-9.q10': 'somewhat-difficult',
});

/** The form: the PHQ-9 asked only of clients who say they feel low. */
const conditionalPhq9 = resolve({
  id: 'conditional',
  title: 'Conditional',
  pages: [
    { id: 'mood', title: 'Mood', items: [{ type: 'yesno', id: 'low', label: 'Have you been feeling low?' }] },
    { instrument: 'phq-9', when: { item: 'low', equals: 'yes' } },
  ],
});

/** A clinic's own branching: a safety follow-up asked only after a first "yes". */
const followUp = resolve({
  id: 'follow-up',
  title: 'Follow-up',
  pages: [
    {
      id: 'p',
      title: 'P',
      items: [
        { type: 'yesno', id: 'thoughts', label: 'Have you wished you were dead?' },
        { type: 'yesno', id: 'plan', label: 'Have you thought about how you might do this?', safety: true, when: { item: 'thoughts', equals: 'yes' } },
      ],
    },
  ],
});

/** What the backend receives and recomputes: the body as JSON, checked against the form. */
function recomputed(form: typeof followUp, answers: Answers) {
  const sent = JSON.parse(JSON.stringify(toSubmission(form, answers, { today: TODAY })));
  const result = checkSubmission(form, IntakeSubmission.parse(sent), { today: TODAY });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.fields));
  return { sent, stored: result.submission };
}

describe('a safety answer whose question a later answer hides', () => {
  it('PHQ-9 item 9 above zero, then the PHQ-9 hidden: still safety, still item 9, its answer sent and kept by the backend', () => {
    const answers = { low: 'no', ...phq9('nearly-every-day') };
    assert.deepEqual(
      visiblePages(conditionalPhq9, answers).map((page) => page.id),
      ['mood'],
      'the PHQ-9 is hidden',
    );
    const { sent, stored } = recomputed(conditionalPhq9, answers);
    for (const body of [sent, stored]) {
      assert.equal(body.safety, true);
      assert.deepEqual(body.safetyItems, ['phq-9.q9']);
      assert.deepEqual(body.answers, { low: false, 'phq-9.q9': 'nearly-every-day' }, 'only the safety answer of the hidden page');
      assert.deepEqual(body.scores, [], 'a hidden instrument is not scored');
    }
  });

  it('a clinic’s safety follow-up, hidden after it was answered "yes", is kept the same way', () => {
    const { sent, stored } = recomputed(followUp, { thoughts: 'no', plan: 'yes' });
    for (const body of [sent, stored]) {
      assert.equal(body.safety, true);
      assert.deepEqual(body.safetyItems, ['plan']);
      assert.deepEqual(body.answers, { thoughts: false, plan: true });
    }
  });

  it('a hidden safety question never answered, or answered zero, raises nothing and is not sent', () => {
    for (const [form, answers] of [
      [conditionalPhq9, { low: 'no' }],
      [conditionalPhq9, { low: 'no', ...phq9('not-at-all') }],
      [followUp, { thoughts: 'no' }],
      [followUp, { thoughts: 'no', plan: 'no' }],
    ] as const) {
      assert.equal(safetyTriggered(form, answers).triggered, false, JSON.stringify(answers));
      const { sent, stored } = recomputed(form, answers);
      for (const body of [sent, stored]) {
        assert.equal(body.safety, false);
        assert.deepEqual(body.safetyItems, []);
        assert.deepEqual(Object.keys(body.answers), [form === followUp ? 'thoughts' : 'low']);
      }
    }
  });

  it('the backend still refuses other hidden answers, and a hidden safety answer of zero', () => {
    const body = JSON.parse(JSON.stringify(toSubmission(conditionalPhq9, { low: 'no', ...phq9('several-days') }, { today: TODAY })));
    body.answers['phq-9.q1'] = 'several-days';
    body.answers['phq-9.q10'] = 'somewhat-difficult';
    const result = checkSubmission(conditionalPhq9, IntakeSubmission.parse(body), { today: TODAY });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && Object.keys(result.fields).sort(), ['answers.phq-9.q1', 'answers.phq-9.q10']);

    const zero = JSON.parse(JSON.stringify(toSubmission(followUp, { thoughts: 'no' }, { today: TODAY })));
    zero.answers.plan = false;
    const refused = checkSubmission(followUp, IntakeSubmission.parse(zero), { today: TODAY });
    assert.deepEqual(!refused.ok && refused.fields, { 'answers.plan': 'This question is hidden by the other answers' });
  });
});
