import assert from 'node:assert/strict';
import { parseFormDefinition, type ResolvedForm } from '../../src/forms/index.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';

export const TODAY = '2026-11-25';

export function resolve(json: unknown): ResolvedForm {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result.form;
}

export const demoForm = (): ResolvedForm => resolve(DEMO_INTAKE_FORM);

export { completeDemoAnswers } from './demo-answers.js';
