/**
 * The studio's live preview in the built console at /console/, against the real server and SQLite
 * file, in Chromium under the console's own CSP (nothing bypassed): a marketer previews the demo
 * intake from Forms, beside its editor — the real intake element, loaded as a chunk from the console's origin —
 * answers it whole (PHQ-9 item 9 above zero: the crisis panel) and sends it: the confirmation
 * shows, no request carries an answer, the server stores no response, and the page reports no
 * CSP or Trusted Types problem.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, startDemo, type RunningDemo } from './harness.js';
import { answerPage } from './intake-answers.js';
import { setUpAndSignIn } from './staff.js';

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

const TYPED = { name: 'Quill Preview', email: 'quill.preview@example.com', phone: '+1 212 555 0177', freeText: 'Zebracorn tablets' };

/** Waits until the preview's page heading is no longer `before`, or an error summary shows. */
async function nextPage(intake: Locator, before: string | null): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await intake.locator('#heading').textContent()) !== before || (await intake.locator('[part~="error-summary"]').count()) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the preview stayed on "${before}"`);
}

describe('the studio’s live preview', () => {
  test('a marketer answers and sends the preview under the console’s CSP: nothing is sent, nothing stored', async () => {
    const { page, watch } = await setUpAndSignIn(browser, demo, 'marketer@clinic.example', 'marketer');
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
    const app = page.locator('kap-console');
    await app.getByRole('button', { name: 'Forms', exact: true }).click();
    // The form's editor, with its live preview beside it.
    await app.getByRole('button', { name: /^Edit\W+Before your consultation$/ }).click();
    const intake = app.locator('studio-preview-intake');
    const heading = intake.locator('#heading');
    await heading.waitFor();
    for (let step = 0; step < 20; step++) {
      if (/Check your answers/.test((await heading.textContent()) ?? '')) break;
      await answerPage(intake, TYPED);
      const before = await heading.textContent();
      await intake.getByRole('button', { name: 'Continue' }).click();
      await nextPage(intake, before);
      assert.equal(await intake.locator('[part~="error-summary"] a').count(), 0, 'the page is complete');
    }
    assert.ok(await intake.locator('[part~="crisis"]').count(), 'PHQ-9 item 9 showed the crisis panel');
    await intake.getByRole('button', { name: 'Send my answers' }).click();
    await intake.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
    await app.getByText('Preview only: these answers were not sent anywhere.').waitFor();

    const carrying = sent.filter((request) => [TYPED.name, TYPED.email, '555 0177', 'Zebracorn'].some((value) => decodeURIComponent(request).includes(value)));
    assert.deepEqual(carrying, [], 'no request carries an answer');
    assert.deepEqual(
      sent.filter((request) => /intake-responses|safety-signals/.test(request)),
      [],
    );
    assert.equal(demo.query<{ n: number }>('select count(*) as n from intake_responses')[0]!.n, 0, 'the server stored nothing');
    const apiOrigin = new URL(demo.apiUrl).origin;
    assert.ok(
      sent.some((request) => /\/console\/assets\/preview-intake-[\w-]+\.js/.test(request)),
      'the element came as a chunk of the console',
    );
    assert.deepEqual(
      sent.filter((request) => new URL(request.split(' ')[1]!).origin !== apiOrigin && !request.split(' ')[1]!.startsWith('data:')),
      [],
      'no request leaves the API origin',
    );
    assert.deepEqual(watch.problems, [], 'no console errors, CSP or Trusted Types violations');
    await page.close();
  });
});
