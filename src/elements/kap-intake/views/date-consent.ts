/**
 * The questions of `<kap-intake>` a form asks only sometimes: a date (three fields in the reader's
 * order, with an example in that order) and a consent (its text, its checkbox, and a signature dated
 * today when it asks for one). Loaded by `loadQuestionKinds` (questions.ts) before a form that asks
 * either is shown; in the drop-in files, a chunk a form without them never fetches.
 *
 * Their inputs are bound plainly, not with Lit's `live()`: each input event becomes the answer as
 * the client left the field (`nextAnswer`), so a field never shows other than what was last drawn.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isConsentAnswer, isDateParts } from '../../../forms/answers.js';
import { todayIso } from '../../../forms/dates.js';
import { formatLongDate } from '../../../forms/long-date.js';
import type { ConsentItem, DateItem } from '../../../forms/definition-items.js';
import { dateExample, datePartOrder } from '../../../forms/locale-formats.js';
import { enIntakeDateConsent } from '../../../i18n/en-intake-parts.js';
import { registerBuiltInStrings } from '../../../i18n/registry.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { ids, notes, type Hinted, type Questions } from './questions.js';

registerBuiltInStrings(enIntakeDateConsent);

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Three fields in the reader's order, with an example in that order unless the question has its own hint. */
export function renderDate(q: Questions, item: DateItem): TemplateResult {
  const key = item.id;
  const error = q.error(key);
  const value = q.view.answers[key];
  const { locale, t } = q.view;
  // The question's own hint (in its own language), else the example in the page's.
  const hint: Hinted = item.help ? item : { help: t('intakeDateExample', { example: dateExample(locale) }) };
  // An error that names no field (not in the past, say) is about the whole date.
  const invalid = (part: string) => (error && (!error.parts?.length || error.parts.includes(part as 'day')) ? 'true' : nothing);
  return html`<div part="field" class="field ${error ? 'field--error' : ''}">
    <fieldset role="group" aria-describedby=${ids(`h-${key}`, error && `e-${key}`)}>
      <legend>${q.label(item)}</legend>
      ${notes(q.hint(key, hint), q.errorMessage(key, error))}
      <div class="date">
        ${datePartOrder(locale).map(
          (part) =>
            html`<div>
              <label class="label" for="f-${key}.${part}">${t(`intake${capitalized(part)}` as KapStringKey)}</label>
              <input
                class="input input--${part}"
                id="f-${key}.${part}"
                name=${key}
                data-part=${part}
                inputmode="numeric"
                spellcheck="false"
                autocomplete=${ifDefined(item.dateOfBirth ? `bday-${part}` : undefined)}
                .value=${isDateParts(value) ? value[part] : ''}
                aria-required=${item.required ? 'true' : nothing}
                aria-invalid=${invalid(part)}
              />
            </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

/** The consent's text, its checkbox and, when it asks for one, the signature dated today. */
export function renderConsent(q: Questions, item: ConsentItem): TemplateResult {
  const key = item.id;
  const error = q.error(key);
  const value = q.view.answers[key];
  const consent = isConsentAnswer(value) ? value : undefined;
  const signing = error?.field.endsWith('.signature');
  const { t, locale } = q.view;
  return html`<div part="field" class="field ${error ? 'field--error' : ''}">
    <div id="h-${key}">
      ${q.view.md(item.text, item.langs?.['text'])}
      ${item.help ? html`<p class="hint" lang=${item.langs?.['help'] ?? nothing}>${item.help}</p>` : nothing}
    </div>
    ${signing ? nothing : q.errorMessage(key, error)}
    <div class="choice">
      <input
        type="checkbox"
        id="f-${key}"
        name=${key}
        data-part="consent"
        .checked=${!!consent?.agreed}
        aria-describedby=${ids(`h-${key}`, error && !signing && `e-${key}`)}
        aria-required=${item.required ? 'true' : nothing}
        aria-invalid=${error && !signing ? 'true' : nothing}
      />
      <label for="f-${key}">${q.label(item)}</label>
    </div>
    ${
      item.signature
        ? html`<div class="signature">
          <label class="label" for="f-${key}.signature">${t('intakeSignatureLabel')}</label>
          <p class="hint" id="h-${key}.signature">${t('intakeSignatureHint', { date: formatLongDate(todayIso(), locale) })}</p>
          ${signing ? q.errorMessage(key, error) : nothing}
          <input
            class="input"
            id="f-${key}.signature"
            name=${key}
            data-part="signature"
            autocomplete="name"
            spellcheck="false"
            .value=${consent?.signature ?? ''}
            aria-describedby="h-${key}.signature${signing ? ` e-${key}` : ''}"
            aria-required=${item.required || consent?.agreed ? 'true' : nothing}
            aria-invalid=${signing ? 'true' : nothing}
          />
        </div>`
        : nothing
    }
  </div>`;
}
