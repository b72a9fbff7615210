/**
 * Answering the demo clinic's intake in Chromium as a calm, low-risk client would — except PHQ-9
 * item 9, answered "Several days" so the safety flag must be raised.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export interface TypedAnswers {
  name: string;
  email: string;
  phone: string;
  /** What goes into every free-text answer (the medicines, the details asked for): "None" unless given. */
  freeText?: string;
}

/**
 * Answers every visible, still unanswered question of the page: "No" where offered, the first
 * option otherwise, the lowest score on scales except PHQ-9 item 9, which gets "Several days".
 * Repeats while answers reveal more.
 */
export async function answerPage(intake: Locator, typed: TypedAnswers): Promise<void> {
  for (let round = 0; round < 6; round++) {
    let answered = 0;
    const names = await intake.locator('input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
    for (const name of names) {
      const group = intake.locator(`input[type="radio"][name="${name}"]`);
      if (await group.evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked))) continue;
      const labels = await group.evaluateAll((inputs) => inputs.map((input) => input.closest('.choice, label, div')?.textContent?.trim() ?? ''));
      let index = labels.findIndex((label) => /^No\b/.test(label));
      if (index < 0) index = name === 'phq-9.q9' ? 1 : 0;
      await group.nth(index).check();
      answered++;
    }
    for (const box of await intake.locator('input[type="checkbox"]').all()) {
      const name = (await box.getAttribute('name')) ?? '';
      const siblings = intake.locator(`input[type="checkbox"][name="${name}"]`);
      if (await siblings.evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked))) continue;
      await box.check();
      answered++;
    }
    for (const field of await intake.locator('input[type="text"], input[type="email"], input[type="tel"], input:not([type]), textarea').all()) {
      if (await field.inputValue()) continue;
      const id = (await field.getAttribute('id')) ?? '';
      const type = (await field.getAttribute('type')) ?? '';
      const mode = (await field.getAttribute('inputmode')) ?? '';
      const value = id.endsWith('.day')
        ? '14'
        : id.endsWith('.month')
          ? '6'
          : id.endsWith('.year')
            ? '1987'
            : type === 'email'
              ? typed.email
              : type === 'tel'
                ? typed.phone
                : mode === 'numeric' || mode === 'decimal'
                  ? '70'
                  : id.includes('name') || id.endsWith('.signature')
                    ? typed.name
                    : (typed.freeText ?? 'None');
      await field.fill(value);
      answered++;
    }
    if (!answered) return;
  }
}

/** Answers page after page, each one complete, until "Check your answers"; then sends them. */
export async function answerWholeIntake(page: Page, typed: TypedAnswers): Promise<void> {
  const intake = page.locator('kap-intake');
  const heading = intake.locator('#heading');
  await heading.waitFor();
  for (let step = 0; step < 20; step++) {
    if (/Check your answers/.test((await heading.textContent()) ?? '')) break;
    await answerPage(intake, typed);
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
  await intake.getByRole('button', { name: 'Send my answers' }).click();
  await intake.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
}
