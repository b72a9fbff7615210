/**
 * A person completes the demo clinic's whole intake on the demo page, against the real server and
 * SQLite file: contact details, the medical screening, PHQ-9, GAD-7, PCL-5 and consent, page by
 * page, then check-your-answers and submit. The server's stored scores and flags are checked.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { kapErrorsOf, launchBrowser, recordKapErrors, refuseChunks, startDemo, watchPage, type RunningDemo } from './harness.js';
import { answerPage } from './intake-answers.js';

let demo: RunningDemo;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

const TYPED = { name: 'Riley Intake-E2E', email: 'riley.e2e@example.com', phone: '+1 212 555 0142' };

test('a person completes the whole demo intake and the server stores recomputed scores and the safety flag', async () => {
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  const watch = watchPage(page);
  await page.goto(new URL('/intake.html', demo.demoUrl).href);
  const intake = page.locator('kap-intake');
  const heading = intake.locator('#heading');
  await heading.waitFor();

  let sawCrisisPanel = false;
  for (let step = 0; step < 20; step++) {
    if (/Check your answers/.test((await heading.textContent()) ?? '')) break;
    await answerPage(intake, TYPED);
    sawCrisisPanel ||= await intake.locator('[part~="crisis"]').isVisible();
    const before = await heading.textContent();
    await intake.getByRole('button', { name: 'Continue' }).click();
    await page.waitForFunction((previous) => {
      const root = document.querySelector('kap-intake')?.shadowRoot;
      return root?.querySelector('#heading')?.textContent !== previous || !!root?.querySelector('[part~="error-summary"]');
    }, before);
    const problems = intake.locator('[part~="error-summary"] a');
    assert.equal(await problems.count(), 0, `the page is complete: ${(await problems.allInnerTexts()).join(' | ')}`);
  }
  assert.match((await heading.textContent()) ?? '', /Check your answers/);
  assert.ok(sawCrisisPanel, 'an answer above zero on PHQ-9 item 9 shows the crisis resources at once');

  await intake.getByRole('button', { name: 'Send my answers' }).click();
  await intake.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();

  const rows = demo.queryOpened<{ scores: string; safety: number; answers: string }>(
    'intake_responses',
    'select id, scores, safety, answers from intake_responses',
  );
  assert.equal(rows.length, 1, 'one response is stored');
  assert.equal(rows[0]!.safety, 1, 'the submission is flagged for same-day review');
  const scores = JSON.parse(rows[0]!.scores) as { instrument: string; total: number | null; complete: boolean }[];
  const phq9 = scores.find((score) => score.instrument === 'phq-9');
  assert.deepEqual([phq9?.complete, phq9?.total], [true, 1], 'PHQ-9: all zero but item 9 at one');
  assert.deepEqual(
    scores.filter((score) => score.instrument !== 'phq-9').map((score) => [score.instrument, score.complete, score.total]),
    [
      ['gad-7', true, 0],
      ['pcl-5', true, 0],
    ],
  );
  assert.ok(!watch.requests.some((url) => Object.values(TYPED).some((v) => decodeURIComponent(url).includes(v))));
  assert.ok(!demo.output.join('\n').includes(TYPED.email), 'the server log holds no answers');
  assert.deepEqual(watch.problems, []);
  await page.close();
});

/**
 * The demo intake with the chunks `chunk` names refused (404), as on a site that serves the drop-in
 * file without its chunks/ folder (or a device gone offline); `kapErrors` on the page collects each
 * `kap-error` code.
 */
async function openWithout(chunk: string) {
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  const watch = watchPage(page);
  await refuseChunks(page, chunk);
  await page.addInitScript(recordKapErrors);
  await page.goto(new URL('/intake.html', demo.demoUrl).href);
  return { page, watch, intake: page.locator('kap-intake') };
}

// Parts the demo form needs before it shows: it uses instruments, asks a date and a consent, has
// markdown in its texts and safety questions (the crisis panel must be there before any of them is answered).
for (const [part, chunk] of [
  ['the instruments’', '**/chunks/*-built-in-*.js'],
  ['the date and consent questions’', '**/chunks/*-date-consent-*.js'],
  ['the markdown parser’s', '**/chunks/*-markdown-*.js'],
  // The crisis panel with the words of the intake's parts (the date and consent questions' too).
  ['the crisis panel’s', '**/chunks/*-intake-parts-*.js'],
] as const) {
  test(`${part} chunk that does not arrive: no form, a failure with Try again and chunk_unavailable, then the form once it can be fetched`, async () => {
    const { page, watch, intake } = await openWithout(chunk);
    const retry = intake.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.match(await intake.locator('[role="alert"]').innerText(), /connection|internet|offline/i);
    assert.equal(await intake.locator('input').count(), 0, 'no question shows without it');
    assert.deepEqual(await kapErrorsOf(page), ['chunk_unavailable']);
    assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');

    await page.unroute(chunk);
    await retry.click();
    await intake.locator('#heading').waitFor();
    assert.equal(await retry.count(), 0);
    await page.close();
  });
}

test('the answer checks’ chunk that does not arrive: Continue says so and keeps the answers, then goes on once it can be fetched', async () => {
  const chunk = '**/chunks/*-validation-*.js';
  const { page, watch, intake } = await openWithout(chunk);
  const heading = intake.locator('#heading');
  await heading.waitFor();
  const first = await heading.textContent();
  await answerPage(intake, TYPED);
  const continueButton = intake.getByRole('button', { name: 'Continue' });
  await continueButton.click();
  const alert = intake.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /connection|internet|offline/i, 'the client reads what a request that did not arrive says');
  assert.equal(await heading.textContent(), first, 'the page stays, with its answers');
  assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');
  assert.deepEqual(await kapErrorsOf(page), ['chunk_unavailable']);

  await page.unroute(chunk);
  await continueButton.click();
  await page.waitForFunction((previous) => document.querySelector('kap-intake')?.shadowRoot?.querySelector('#heading')?.textContent !== previous, first);
  assert.equal(await alert.count(), 0, 'the failure is gone once the checks are here');
  await page.close();
});

test('the opt-in draft, a chunk of its own in the drop-in file, brings the answers back after a reload', async () => {
  const page = await browser.newPage({ timezoneId: 'America/New_York' });
  const watch = watchPage(page);
  await page.goto(new URL('/intake.html', demo.demoUrl).href);
  const intake = page.locator('kap-intake');
  await intake.locator('#heading').waitFor();
  await answerPage(intake, TYPED);
  await page.reload();
  await intake.locator('#heading').waitFor();
  const email = intake.locator('input[type="email"]');
  assert.equal(await email.inputValue(), TYPED.email, 'the draft restored what the client typed');
  assert.ok(
    watch.requests.some((url) => /chunks\/[^/]*-intake-draft-[^/]*\.js$/.test(url)),
    'the draft came as its own chunk',
  );
  assert.deepEqual(watch.problems, []);
  await page.close();
});

test('the draft’s chunk that does not arrive: the form starts without a draft, and the website team is told', async () => {
  const { page, watch, intake } = await openWithout('**/chunks/*-intake-draft-*.js');
  await intake.locator('#heading').waitFor();
  await answerPage(intake, TYPED);
  assert.deepEqual(await kapErrorsOf(page), ['chunk_unavailable']);
  assert.equal(watch.problems.filter((line) => line.includes('chunk_unavailable')).length, 1, 'the website team reads once what to serve');
  const stored = await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('kap-intake:')));
  assert.deepEqual(stored, [], 'no draft is written without its chunk');
  await page.close();
});
