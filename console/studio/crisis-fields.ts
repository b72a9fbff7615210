/**
 * The crisis panel's resources per country in the form studio (`crisis` of the definition,
 * src/forms/definition.ts): the clinic's own phone, offered everywhere, and for each country
 * (ISO code, e.g. GB) the lines to call, text or visit. Without any, the panel offers 988 and 911.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/index.js';
import { assign, textIn, withText, type Json } from './draft.js';

export interface CrisisContext {
  t: Translate;
  lang: string;
  base: string;
  language: string;
  crisis: Json;
  /** The problems the checks found in it, drawn under the heading. */
  problems: unknown;
  edit(change: (crisis: Json) => void): void;
}

type Countries = Record<string, { resources: Json[] } & Json>;

export function crisisFields(ctx: CrisisContext): TemplateResult {
  const { t, crisis } = ctx;
  const countries = (crisis['countries'] as Countries | undefined) ?? {};
  const editCountries = (change: (countries: Countries) => void) =>
    ctx.edit((next) => {
      const all = (next['countries'] as Countries | undefined) ?? {};
      change(all);
      assign(next, 'countries', Object.keys(all).length ? all : undefined);
    });
  const addCountry = (event: Event) => {
    const input = (event.currentTarget as HTMLElement).parentElement?.parentElement?.querySelector<HTMLInputElement>('#crisis-new-country');
    const code = (input?.value ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || code in countries) return input?.focus();
    editCountries((all) => (all[code] = { resources: [{}] }));
  };
  return html`<section class="card" aria-labelledby="crisis-heading">
    <h3 id="crisis-heading" tabindex="-1">${t('studioCrisisHeading')}</h3>
    ${ctx.problems}
    <p class="hint">${t('studioCrisisHint')}</p>
    <div class="field">
      <label for="crisis-phone">${t('studioClinicPhone')}</label>
      <p class="hint" id="crisis-phone-hint">${t('studioClinicPhoneHint')}</p>
      <input id="crisis-phone" type="tel" autocomplete="off" aria-describedby="crisis-phone-hint" .value=${String(crisis['clinicPhone'] ?? '')}
        @change=${(event: Event) => ctx.edit((next) => assign(next, 'clinicPhone', (event.target as HTMLInputElement).value.trim()))} />
    </div>
    ${Object.entries(countries).map(([code, panel]) => country(ctx, code, panel, editCountries))}
    <div class="actions">
      <div class="field">
        <label for="crisis-new-country">${t('studioCountryCode')}</label>
        <p class="hint" id="crisis-new-country-hint">${t('studioCountryCodeHint')}</p>
        <input id="crisis-new-country" maxlength="2" autocomplete="off" spellcheck="false" aria-describedby="crisis-new-country-hint" />
      </div>
      <button class="button button--secondary" type="button" @click=${addCountry}>${t('studioAddCountry')}</button>
    </div>
  </section>`;
}

function country(
  ctx: CrisisContext,
  code: string,
  panel: { resources: Json[] } & Json,
  editCountries: (change: (countries: Countries) => void) => void,
): TemplateResult {
  const { t } = ctx;
  const resources = panel.resources ?? [];
  const editResource = (i: number, change: (resource: Json) => void) => editCountries((all) => change(all[code]!.resources[i]!));
  return html`<fieldset class="field">
    <legend class="label">${t('studioCountry', { code })}</legend>
    <ol class="plain">
      ${resources.map((resource, i) => {
        const id = `crisis-${code}-${i}`;
        const text = (key: string, label: string) => html`<div class="field">
          <label for="${id}-${key}">${label}</label>
          <input id="${id}-${key}" lang=${ctx.lang} .value=${textIn(resource[key], ctx.lang, ctx.base)}
            @input=${(event: Event) => editResource(i, (next) => assign(next, key, withText(next[key], ctx.lang, ctx.base, (event.target as HTMLInputElement).value)))} />
        </div>`;
        const plain = (key: string, label: string, type: string) => html`<div class="field">
          <label for="${id}-${key}">${label}</label>
          <input id="${id}-${key}" type=${type} autocomplete="off" .value=${String(resource[key] ?? '')}
            @change=${(event: Event) => editResource(i, (next) => assign(next, key, (event.target as HTMLInputElement).value.trim()))} />
        </div>`;
        return html`<li class="option">
          ${text('name', t('studioResourceName', { n: i + 1, language: ctx.language }))}
          ${text('description', t('studioResourceDescription', { n: i + 1, language: ctx.language }))}
          ${plain('phone', t('studioResourcePhone', { n: i + 1 }), 'tel')} ${plain('sms', t('studioResourceSms', { n: i + 1 }), 'tel')}
          ${plain('url', t('studioResourceUrl', { n: i + 1 }), 'url')}
          ${resources.length > 1 ? html`<button class="button button--secondary" type="button" @click=${() => editCountries((all) => void all[code]!.resources.splice(i, 1))}>${t('studioRemoveResource', { n: i + 1 })}</button>` : nothing}
        </li>`;
      })}
    </ol>
    <div class="actions">
      <button class="button button--secondary" type="button" @click=${() => editCountries((all) => void all[code]!.resources.push({}))}>${t('studioAddResource', { code })}</button>
      <button class="button button--secondary" type="button" @click=${() => editCountries((all) => void delete all[code])}>${t('studioRemoveCountry', { code })}</button>
    </div>
  </fieldset>`;
}
