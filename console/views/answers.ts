/**
 * An intake's answers as the console shows them (the safety queue's entries and the inbox's
 * responses): scores — an incomplete one says how much was answered, never a total of 0 — review
 * flags, then each answer under its question, in the form's order, safety answers marked.
 */
import { html, nothing } from 'lit';
import type { SafetyEntryResponse } from '../../src/api/staff.js';
import type { Translate } from '../i18n/index.js';

export function answersView(t: Translate, { questions, scores, flags }: Omit<SafetyEntryResponse, 'item'>) {
  return html`${
    scores.length
      ? html`<h3>${t('safetyScores')}</h3>
          <ul>
            ${scores.map(
              (score) => html`<li>
                <strong>${score.instrument.toUpperCase()}</strong>:
                ${
                  score.complete && score.total !== null
                    ? html`${t('safetyScoreTotal', { total: score.total })}${score.band ? html` (${score.band.label})` : nothing}`
                    : t('safetyScoreIncomplete', { answered: score.answered, total: score.answered + score.missing.length })
                }
              </li>`,
            )}
          </ul>`
      : nothing
  }
    ${flags.length ? html`<h3>${t('safetyFlags')}</h3><ul>${flags.map((flag) => html`<li>${flag.flag} (${flag.itemId})</li>`)}</ul>` : nothing}
    <h3>${t('safetyAnswers')}</h3>
    <dl>
      ${questions.map(
        (question) => html`<div class=${question.safety ? 'card' : ''}>
          <dt class="label">${question.group ? html`<span class="muted">${question.group}</span><br />` : nothing}${question.question}
            ${question.safety ? html` <span class="badge badge--alert">${t('safetyFlagged')}</span>` : nothing}</dt>
          <dd>${question.answer.length ? question.answer.map((line) => html`${line}<br />`) : html`<em>${t('safetyUnanswered')}</em>`}</dd>
        </div>`,
      )}
    </dl>`;
}
