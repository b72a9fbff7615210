/**
 * The marketer's studio, end to end (issue 12, "Done when"), against the real server, its built
 * console and elements and its SQLite file, in Chromium: a marketer builds a two-page form in the
 * console — a new blank form, pages and questions added, a condition set by pointing and clicking,
 * PHQ-9 added — and publishes it; takes the intake's embed code from Embed code and it is pasted
 * into a blank page on ANOTHER origin under a strict CSP made of the lines the console gave; a
 * client completes it there (the conditional question appears when its condition holds); a
 * clinician, signed in with TOTP, sees the answers against form + version 1. Then a second client
 * opens version 1 and is mid-form when the marketer publishes version 2: the second client's
 * answers are accepted and stored against version 1, a third client's against version 2, and the
 * inbox and the database say so. And the editor with the keyboard alone: every control reached by
 * Tab in the built console (no focus set by the test, no pointer), a question added, moved, given a
 * condition, and the form published.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, startDemo, watchPage, type PageWatch, type RunningDemo } from './harness.js';
import { answerPage, answerWholeIntake, type TypedAnswers } from './intake-answers.js';
import { setUpAndSignIn } from './staff.js';

const FORM_ID = 'spring-check-in';
const TITLE = 'Spring check-in';
const TRIGGER = 'Have you taken ketamine before?';
const CONDITIONAL = 'What was it for?';
const ADDED_IN_V2 = 'What should we call you?';

let demo: RunningDemo;
let browser: Browser;
let site: Server;
let siteOrigin: string;
/** The site's one page: the pasted code, under the policy. */
const sitePage = { html: '', csp: '' };

before(async () => {
  site = createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': sitePage.csp }).end(sitePage.html);
  });
  // Port 0, then the backend allows the origin the site got (see `startDemo`).
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  demo = await startDemo({ env: { KAP_ALLOWED_ORIGINS: siteOrigin } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

/** Publishes the editor's draft as `version`, through the confirmation. */
async function publish(app: Locator, version: number): Promise<void> {
  await app.getByText('No problems: this form can be published.').waitFor();
  await app.locator('#publish-button').click();
  await app.getByRole('heading', { name: `Publish version ${version}?` }).waitFor();
  await app.getByRole('button', { name: `Publish version ${version}`, exact: true }).click();
  await app.getByText(`Version ${version} is published.`).waitFor();
}

/** A client's own browser, on the site's page with the pasted code. */
async function clientOnSite(): Promise<{ context: BrowserContext; page: Page; watch: PageWatch; intake: Locator }> {
  const context = await browser.newContext({ timezoneId: 'America/Chicago', locale: 'en-US' });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${siteOrigin}/`);
  const intake = page.locator('kap-intake');
  await intake.locator('#heading').waitFor();
  return { context, page, watch, intake };
}

/** Answers the page shown and continues to the next one. */
async function continueFrom(page: Page, intake: Locator, typed: TypedAnswers): Promise<void> {
  await answerPage(intake, typed);
  const before = await intake.locator('#heading').textContent();
  await intake.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction((previous) => document.querySelector('kap-intake')?.shadowRoot?.querySelector('#heading')?.textContent !== previous, before);
}

/** The focused element, through shadow roots: its id and its text. */
async function focused(page: Page): Promise<{ id: string; text: string }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { id: active?.id ?? '', text: active?.textContent?.trim() ?? '' };
  });
}

/** Presses Tab (only) until the focused element is `target` (an id, or a button's words): it is in the tab order. */
async function tabTo(page: Page, target: { id: string } | { text: string }): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    const now = await focused(page);
    if ('id' in target ? now.id === target.id : now.text === target.text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** Waits until the focused element's id is `id`. */
async function focusReaches(page: Page, id: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await focused(page)).id === id) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`focus never reached #${id}: ${JSON.stringify(await focused(page))}`);
}

describe('the marketer’s studio, end to end', () => {
  test('build, publish, embed on another origin, answered there; a new version while a client is mid-form: each answer against its own version', async () => {
    // The marketer builds the form in the console, pointing and clicking.
    const marketer = await setUpAndSignIn(browser, demo, 'marketer.studio@clinic.example', 'marketer');
    const app = marketer.page.locator('kap-console');
    await app.getByRole('button', { name: 'Forms', exact: true }).click();
    await app.getByLabel('Title clients see').fill(TITLE);
    await app.getByLabel('Form id').fill(FORM_ID);
    await app.getByLabel(/A blank form/).check();
    await app.getByRole('button', { name: 'Make the form' }).click();
    await app.getByRole('heading', { name: `Edit form: ${TITLE}` }).waitFor();

    await app.locator('#page-0-title').fill('About you');
    await app.locator('#add-type-0').selectOption({ label: 'Yes or no' });
    await app.locator('.page').nth(0).getByRole('button', { name: 'Add a question', exact: true }).click();
    await app.locator('#q1-label').fill(TRIGGER);
    await app.locator('#add-type-0').selectOption({ label: 'Short text' });
    await app.locator('.page').nth(0).getByRole('button', { name: 'Add a question', exact: true }).click();
    await app.locator('#q2-label').fill(CONDITIONAL);
    await app.locator('#q2-add-condition').click();
    await app.locator('#q2-cond-0-item').selectOption({ label: TRIGGER });
    await app.locator('#q2-cond-0-operator').selectOption({ label: 'is' });
    await app.locator('#q2-cond-0-value').selectOption({ label: 'Yes' });
    await app.getByText('Shown only when its condition holds.').waitFor();

    await app.getByRole('button', { name: 'Add a page of questions' }).click();
    await app.locator('#page-1-title').fill('Anything else');
    await app.locator('#add-type-1').selectOption({ label: 'Long text' });
    await app.locator('.page').nth(1).getByRole('button', { name: 'Add a question', exact: true }).click();
    await app.locator('#q3-label').fill('Is there anything else we should know?');

    await app.locator('#add-block').selectOption('phq-9');
    await app.getByRole('button', { name: 'Add the block' }).click();
    await app.getByRole('heading', { name: /^Page 3/ }).waitFor();
    await publish(app, 1);

    // The embed code for that form, from Embed code.
    await app.getByRole('button', { name: 'Embed code', exact: true }).click();
    await app.getByLabel('Intake form').check();
    const offered = await app.locator('#embed-form option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    assert.ok(offered.includes(FORM_ID), `the published form is offered: ${offered.join(', ')}`);
    await app.locator('#embed-form').selectOption(FORM_ID);
    await app.getByRole('button', { name: 'Make the code' }).click();
    const code = await app.locator('#embed-code').inputValue();
    const csp = ((await app.locator('#embed-csp').textContent()) ?? '').split('\n');
    assert.match(code, new RegExp(`<kap-intake api="${demo.apiUrl}" form="${FORM_ID}"></kap-intake>`));
    assert.match(code, /<script type="module" src="[^"]+\/kap-intake\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>/);

    sitePage.csp = ["default-src 'none'", ...csp, "require-trusted-types-for 'script'"].join('; ');
    sitePage.html = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Before we meet</title></head>\n<body><main><h1>Before we meet</h1>\n${code}</main></body>\n</html>\n`;

    // The first client, on the clinic's site: the conditional question appears when triggered.
    const first = await clientOnSite();
    const conditional = first.intake.getByLabel(CONDITIONAL);
    assert.equal(await conditional.count(), 0, 'hidden until its condition holds');
    await first.intake.getByRole('radiogroup', { name: TRIGGER }).getByLabel('Yes').check();
    await conditional.waitFor();
    const one: TypedAnswers = { name: 'Ada First', email: 'ada.first@example.com', phone: '+1 212 555 0101', freeText: 'Migraine relief' };
    await answerWholeIntake(first.page, one);
    assert.deepEqual(first.watch.problems, [], 'no console errors, CSP or Trusted Types violations on the site');
    await first.context.close();

    // The second client opens version 1 and is mid-form.
    const second = await clientOnSite();
    const two: TypedAnswers = { name: 'Bo Second', email: 'bo.second@example.com', phone: '+1 212 555 0102', freeText: 'Second client words' };
    await continueFrom(second.page, second.intake, two);
    assert.match((await second.intake.locator('#heading').textContent()) ?? '', /Anything else/);

    // The marketer adds a question and publishes version 2.
    await app.getByRole('button', { name: 'Forms', exact: true }).click();
    await app.locator('tr', { hasText: FORM_ID }).getByRole('button', { name: /^Edit/ }).click();
    await app.getByRole('heading', { name: `Edit form: ${TITLE}` }).waitFor();
    await app.locator('#add-type-0').selectOption({ label: 'Short text' });
    await app.locator('.page').nth(0).getByRole('button', { name: 'Add a question', exact: true }).click();
    await app.locator('#q4-label').fill(ADDED_IN_V2);
    await publish(app, 2);

    // The second client sends version 1's answers; the third, on a new page load, answers version 2.
    await answerWholeIntake(second.page, two);
    await second.context.close();
    const third = await clientOnSite();
    await third.intake.getByLabel(ADDED_IN_V2).waitFor();
    const three: TypedAnswers = { name: 'Cy Third', email: 'cy.third@example.com', phone: '+1 212 555 0103', freeText: 'Third client words' };
    await answerWholeIntake(third.page, three);
    await third.context.close();

    const stored = demo.queryOpened<{ id: string; form_id: string; form_version: string; answers: string }>(
      'intake_responses',
      'select id, form_id, form_version, answers from intake_responses order by received_at_ms',
    );
    assert.deepEqual(
      stored.map((row) => [row.form_id, row.form_version]),
      [
        [FORM_ID, '1'],
        [FORM_ID, '1'],
        [FORM_ID, '2'],
      ],
    );
    const answers = stored.map((row) => JSON.parse(row.answers) as Record<string, unknown>);
    assert.equal(answers[0]!['q2'], 'Migraine relief', 'the conditional question’s answer was stored');
    assert.equal(answers[1]!['q3'], 'Second client words');
    assert.ok(!('q4' in answers[1]!), 'the second client answered version 1');
    assert.equal(answers[2]!['q4'], 'Third client words', 'the third client answered version 2’s new question');

    // The marketer's console never received a client's answers.
    assert.deepEqual(
      marketer.watch.requests.filter((url) => /intake-responses|intake-inbox|safety/.test(new URL(url).pathname)),
      [],
      'the marketer’s console asked for no answers',
    );
    assert.deepEqual(marketer.watch.problems, [], 'the console under its own CSP: no errors');
    await marketer.page.close();

    // The clinician, with TOTP: the inbox shows each response against its own version.
    const clinician = await setUpAndSignIn(browser, demo, 'clinician.studio@clinic.example', 'clinician');
    const staffApp = clinician.page.locator('kap-console');
    await staffApp.getByRole('button', { name: 'Intake inbox', exact: true }).click();
    await staffApp.getByRole('heading', { name: 'Intake inbox' }).waitFor();
    const entries = staffApp.locator('console-intake-inbox li.card').filter({ hasText: TITLE });
    await entries.nth(2).waitFor();
    const versions = (await entries.allInnerTexts()).map((text) => /Form (\S+), version (\S+)/.exec(text)?.slice(1).join(' '));
    assert.deepEqual(versions.sort(), [`${FORM_ID} 1`, `${FORM_ID} 1`, `${FORM_ID} 2`]);
    const firstEntry = entries.filter({ hasText: 'version 1' }).last();
    await firstEntry.getByRole('button', { name: /^Open/ }).click();
    const response = staffApp.locator('console-intake-response');
    await response.getByText(/form version 1/).waitFor();
    await response.getByText('Migraine relief').first().waitFor();
    await response.getByText(CONDITIONAL).first().waitFor();
    await clinician.page.close();
  });

  test('with the keyboard alone (Tab, arrows, Enter and typing): add questions, move one, set its condition, publish', async () => {
    const marketer = await setUpAndSignIn(browser, demo, 'marketer.keys@clinic.example', 'marketer');
    const { page } = marketer;
    const app = page.locator('kap-console');
    const keys = page.keyboard;
    let clicks = 0;
    await page.exposeFunction('countClick', () => clicks++);
    await page.evaluate(() => document.addEventListener('pointerdown', () => (window as unknown as { countClick(): void }).countClick(), true));

    await tabTo(page, { text: 'Forms' });
    await keys.press('Enter');
    await app.locator('#new-form-title').waitFor();
    await tabTo(page, { id: 'new-form-title' });
    await keys.type('Medicines check');
    await tabTo(page, { id: 'new-form-id' });
    await keys.type('keyboard-check');
    await tabTo(page, { text: 'Make the form' }); // "A blank form" is already chosen
    await keys.press('Enter');
    await focusReaches(page, 'editor-heading');
    await tabTo(page, { id: 'page-0-title' });
    await keys.type('Medicines');

    /** Chooses the type `downs` arrow presses below the first, then Add a question: its wording field has focus. */
    const add = async (downs: number, wording: string, id: string) => {
      await tabTo(page, { id: 'add-type-0' });
      await keys.press('Home');
      for (let i = 0; i < downs; i++) await keys.press('ArrowDown');
      await keys.press('Tab');
      assert.equal((await focused(page)).text, 'Add a question');
      await keys.press('Enter');
      await focusReaches(page, `${id}-label`);
      await keys.type(wording);
    };
    await add(8, 'Do you still take lithium?', 'q1'); // Yes or no
    await add(0, 'When did you stop?', 'q2'); // Short text
    await add(4, 'Your weight', 'q3'); // Number
    await app.getByText('Saved', { exact: true }).waitFor();

    await tabTo(page, { id: 'q3-up' });
    await keys.press('Enter');
    await app.locator('#item-0-1-heading', { hasText: 'Your weight' }).waitFor();
    assert.equal((await focused(page)).id, 'q3-up', 'focus stays on Move up');

    await tabTo(page, { id: 'q2-edit' });
    await keys.press('Enter');
    await tabTo(page, { id: 'q2-add-condition' });
    await keys.press('Enter');
    await app.locator('#q2-cond-0-item').waitFor();
    await tabTo(page, { id: 'q2-cond-0-item' });
    assert.equal(await app.locator('#q2-cond-0-item').inputValue(), 'q1', 'the first earlier question is offered first');
    await tabTo(page, { id: 'q2-cond-0-value' });
    await keys.press('End'); // "No"
    await app.getByText('Shown only when its condition holds.').waitFor();
    assert.equal(await app.locator('#q2-cond-0-value').inputValue(), 'no');

    await tabTo(page, { id: 'publish-button' });
    await keys.press('Enter');
    await focusReaches(page, 'publish-confirm-heading');
    await keys.press('Tab');
    assert.equal((await focused(page)).text, 'Publish version 1');
    await keys.press('Enter');
    await app.getByText('Version 1 is published.').waitFor();
    assert.equal(clicks, 0, 'no pointer was used');

    const served = (await (await fetch(new URL('forms/keyboard-check', demo.apiUrl))).json()) as {
      version: string;
      pages: { title: unknown; items: { id: string; when?: unknown }[] }[];
    };
    assert.equal(served.version, '1');
    assert.deepEqual(
      served.pages[0]!.items.map((item) => item.id),
      ['q1', 'q3', 'q2'],
    );
    assert.deepEqual(served.pages[0]!.items[2]!.when, { item: 'q1', equals: 'no' });
    assert.deepEqual(marketer.watch.problems, [], 'the console under its own CSP: no errors');
    await page.close();
  });
});
