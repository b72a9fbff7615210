/** Step 2: the chosen time and its hold, then the client's details and consent. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Service } from '../../../api/schemas.js';
import { renderErrorSummary } from '../../../base/error-summary.js';
import { renderWriteStatus } from '../../../base/write-status.js';
import { phoneExample } from '../../../forms/locale-formats.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import { formatTime } from '../../../scheduling/format.js';
import { changeTime, status, submit, submitting } from '../controllers/booking-actions.js';
import type { DetailsField } from '../booking-details.js';
import { CARE_REASONS, PREFER_NOT_TO_SAY } from '../details-contract.js';
import type { HoldState } from '../controllers/booking-flow.js';
import { renderAppointment } from './appointment.js';
import type { BookingView } from './booking-view.js';

/** The message for each field in error (`errorPhone` takes the locale's `{example}`). */
const FIELD_ERRORS: Record<DetailsField, KapStringKey> = {
  name: 'errorName',
  email: 'errorEmail',
  phone: 'errorPhone',
  reason: 'errorReason',
  privacy: 'errorPrivacy',
  contact: 'errorField',
};

/** The label of each reason. */
const REASON_LABELS: Record<string, KapStringKey> = {
  treatment_resistant_depression: 'reasonTreatmentResistantDepression',
  ptsd: 'reasonPtsd',
  anxiety: 'reasonAnxiety',
  grief_and_loss: 'reasonGriefAndLoss',
  addiction_recovery: 'reasonAddictionRecovery',
  other: 'reasonOther',
  [PREFER_NOT_TO_SAY]: 'reasonNone',
};

export function renderDetailsStep(v: BookingView, service: Service): TemplateResult {
  const slot = v.flow.slot!;
  return html`<section class="step" aria-labelledby="details-heading">
    ${renderSummaryOfErrors(v)}
    ${v.ui.heading(v.ui.t('detailsHeading'), { id: 'details-heading', part: 'heading', focusable: true, focus: 'details' })}
    ${renderAppointment(v, service, slot)}
    <button part="button" class="link-button change-time" type="button" @click=${() => changeTime(v.flow)}>
      ${v.ui.t('changeTime')}
    </button>
    ${renderHold(v, v.flow.holdState)} ${renderForm(v, service)}
  </section>`;
}

/** How long the time is held, and what to do once the hold is ending or over. */
export function renderHold(v: BookingView, holdState: HoldState, expiredKey: KapStringKey = 'holdExpired'): TemplateResult {
  const t = v.ui.t;
  const hold = v.flow.hold;
  const until = hold && holdState !== 'expired' ? formatTime(hold.expiresAt, v.data.clientZone, v.ui.locale) : undefined;
  return html`${until ? html`<p part="hold" class="hold">${t('holdUntil', { time: until })}</p>` : nothing}
    <div class="hold-live" aria-live="polite">
      ${holdState === 'ending' ? html`<p part="notice" class="notice">${t('holdEndingSoon')}</p>` : nothing}
      ${
        holdState === 'expired'
          ? html`<div part="notice" class="notice">
            <p>${t(expiredKey)}</p>
            <button part="button" class="button button--secondary" type="button" @click=${() => changeTime(v.flow)}>
              ${t('chooseTimeHeading')}
            </button>
          </div>`
          : nothing
      }
    </div>`;
}

function renderSummaryOfErrors(v: BookingView): unknown {
  return renderErrorSummary(
    (title) => v.ui.heading(title),
    v.ui.t('errorSummaryTitle'),
    v.flow.errors.map((field) => ({
      href: `#${fieldId(field)}`,
      message: fieldError(v, field),
      focus: () => focusField(v, field),
    })),
  );
}

function fieldId(field: DetailsField): string {
  if (field === 'reason') return `kap-reason-${CARE_REASONS[0]}`;
  return `kap-${field}`;
}

function focusField(v: BookingView, field: DetailsField): void {
  const input =
    field === 'reason'
      ? (v.root.querySelector<HTMLInputElement>('input[name="reason"]:checked') ?? v.root.querySelector<HTMLInputElement>('input[name="reason"]'))
      : v.root.querySelector<HTMLInputElement>(`#${fieldId(field)}`);
  input?.focus();
  input?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Consent to a privacy notice the client cannot open would mean nothing: it is worded without one.
 * The phone's example is the reader's locale's.
 */
function fieldError(v: BookingView, field: DetailsField): string {
  const key = field === 'privacy' && !v.privacy.available ? 'errorPrivacyNoNotice' : FIELD_ERRORS[field];
  return v.ui.t(key, { example: phoneExample(v.ui.locale) });
}

function errorFor(v: BookingView, field: DetailsField): TemplateResult | typeof nothing {
  if (!v.flow.errors.includes(field)) return nothing;
  return html`<p class="error-message" id="kap-${field}-error">
    <span class="visually-hidden">${v.ui.t('errorPrefix')}</span> ${fieldError(v, field)}
  </p>`;
}

function textField(
  v: BookingView,
  field: 'name' | 'email' | 'phone',
  options: { label: KapStringKey; hint?: KapStringKey; type: string; autocomplete: string; inputmode?: string },
): TemplateResult {
  const invalid = v.flow.errors.includes(field);
  const describedBy = [options.hint ? `kap-${field}-hint` : '', invalid ? `kap-${field}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
    <label class="label" for="kap-${field}">${v.ui.t(options.label)}</label>
    ${options.hint ? html`<p class="hint" id="kap-${field}-hint">${v.ui.t(options.hint)}</p>` : nothing}
    ${errorFor(v, field)}
    <input
      class="input input--${field}"
      id="kap-${field}"
      name=${field}
      type=${options.type}
      autocomplete=${options.autocomplete}
      inputmode=${ifDefined(options.inputmode)}
      spellcheck="false"
      .value=${live(v.flow.values[field])}
      aria-describedby=${describedBy || nothing}
      aria-required="true"
      aria-invalid=${invalid ? 'true' : nothing}
      @input=${(event: Event) => v.flow.update(field, (event.target as HTMLInputElement).value)}
    />
  </div>`;
}

function renderReasons(v: BookingView): TemplateResult {
  const t = v.ui.t;
  const invalid = v.flow.errors.includes('reason');
  return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
    <fieldset role="radiogroup" aria-invalid=${invalid ? 'true' : nothing} aria-describedby="kap-reason-hint${invalid ? ' kap-reason-error' : ''}">
      <legend>${`${t('reasonLegend')} ${t('optional')}`}</legend>
      <p class="hint" id="kap-reason-hint">${t('reasonHint')}</p>
      ${errorFor(v, 'reason')}
      <div class="choices">
        ${[...CARE_REASONS, PREFER_NOT_TO_SAY].map(
          (reason) =>
            html`<div class="choice">
              <input
                type="radio"
                id="kap-reason-${reason}"
                name="reason"
                value=${reason}
                .checked=${live(v.flow.values.reason === reason)}
                aria-invalid=${invalid ? 'true' : nothing}
                @change=${() => v.flow.update('reason', reason)}
              />
              <label for="kap-reason-${reason}">${t(REASON_LABELS[reason]!)}</label>
            </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

function renderConsent(v: BookingView): TemplateResult {
  const t = v.ui.t;
  const values = v.flow.values;
  const invalid = v.flow.errors.includes('privacy');
  const privacy = v.privacy;
  return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
    <fieldset>
      <legend>${t('consentLegend')}</legend>
      <div class="hint" id="kap-privacy-hint">
        <slot name="privacy"
          >${
            privacy.url
              ? html`${t('privacyHint')}
                <a href=${privacy.url} target="_blank" rel="noopener noreferrer">${t('privacyLink')}</a>.`
              : t('privacyHintNoNotice')
          }</slot
        >
      </div>
      ${errorFor(v, 'privacy')}
      <div class="choices">
        <div class="choice">
          <input
            type="checkbox"
            id="kap-privacy"
            name="privacy"
            .checked=${live(values.privacy)}
            aria-describedby="kap-privacy-hint${invalid ? ' kap-privacy-error' : ''}"
            aria-required="true"
            aria-invalid=${invalid ? 'true' : nothing}
            @change=${(event: Event) => v.flow.update('privacy', (event.target as HTMLInputElement).checked)}
          />
          <label for="kap-privacy">${t(privacy.available ? 'privacyLabel' : 'privacyLabelNoNotice')}</label>
        </div>
        <div class="choice">
          <input
            type="checkbox"
            id="kap-contact"
            name="contact"
            .checked=${live(values.contact)}
            @change=${(event: Event) => v.flow.update('contact', (event.target as HTMLInputElement).checked)}
          />
          <label for="kap-contact">${`${t('contactLabel')} ${t('optional')}`}</label>
        </div>
      </div>
    </fieldset>
  </div>`;
}

function renderForm(v: BookingView, service: Service): TemplateResult {
  const t = v.ui.t;
  const flow = v.flow;
  return html`<form
    part="form"
    class="form"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      void submit(flow);
    }}
  >
    ${textField(v, 'name', { label: 'nameLabel', type: 'text', autocomplete: 'name' })}
    ${textField(v, 'email', { label: 'emailLabel', hint: 'emailHint', type: 'email', autocomplete: 'email' })}
    ${textField(v, 'phone', { label: 'phoneLabel', hint: 'phoneHint', type: 'tel', autocomplete: 'tel' })}
    ${renderReasons(v)} ${renderConsent(v)}
    ${
      flow.submitFailure
        ? html`<div part="notice" class="notice notice--error" role="alert">
          <p>${v.ui.failureMessage(flow.submitFailure)}</p>
          <p>${t('detailsKept')}</p>
          <button part="button" class="button button--secondary" type="button" data-focus-fallback="button.confirm" @click=${() => void submit(flow)}>
            ${t('tryAgain')}
          </button>
        </div>`
        : nothing
    }

    <button part="button" class="button confirm" type="submit" aria-disabled=${submitting(flow) ? 'true' : 'false'}>
      ${t(service.mode === 'request' ? 'sendRequest' : 'confirmBooking')}
    </button>
    ${renderWriteStatus(v.ui, status(flow), 'submitting')}
  </form>`;
}
