/**
 * Texts per language in form definitions: the one rule that picks a text (src/i18n/local-text.ts),
 * definitions resolved for a page's language with each fallback marked, the checks on texts given
 * per language, the built-in content in Spanish (screening page, crisis panel, the official
 * Spanish PHQ-9) and the English GAD-7 and PCL-5 marked lang="en" with a warning for the clinic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { FORMS_ES } from '../../src/forms/es/index.js';
import { MEDICAL_SCREENING_ES } from '../../src/forms/es/medical-screening.js';
import {
  GAD7,
  MEDICAL_SCREENING_PAGE,
  PCL5,
  crisisPanel,
  parseFormDefinition,
  validatePage,
  type ChoiceItem,
  type Item,
  type ResolvedForm,
  type ScaleItem,
} from '../../src/forms/index.js';
import { PHQ9_ES } from '../../src/forms/instruments/phq-9.es.js';
import { pickText, translatedField } from '../../src/i18n/local-text.js';

function parsed(json: unknown, options: Parameters<typeof parseFormDefinition>[1] = {}) {
  const result = parseFormDefinition(json, options);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  return result;
}

function problemsOf(json: unknown): string[] {
  const result = parseFormDefinition(json);
  assert.equal(result.ok, false, 'expected the definition to be refused');
  return result.ok ? [] : result.problems;
}

const page = (items: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'f', title: 'F', ...extra, pages: [{ id: 'p', title: 'P', items }] });

describe('pickText: the language asked for, then its base language, then the default', () => {
  const text = { en: 'Full name', es: 'Nombre completo', 'es-MX': 'Nombre', 'pt-BR': 'Nome' };

  it('takes the exact tag first, case-insensitively', () => {
    assert.deepEqual(pickText(text, 'es-MX', 'en'), { text: 'Nombre', lang: 'es-MX' });
    assert.deepEqual(pickText(text, 'ES-mx', 'en'), { text: 'Nombre', lang: 'es-MX' });
  });

  it('then the base language, then another variant of it', () => {
    assert.deepEqual(pickText(text, 'es-US', 'en'), { text: 'Nombre completo', lang: 'es' });
    assert.deepEqual(pickText(text, 'pt', 'en'), { text: 'Nome', lang: 'pt-BR' });
  });

  it('then the default language; a plain string is in the default language', () => {
    assert.deepEqual(pickText(text, 'fr', 'en'), { text: 'Full name', lang: 'en' });
    assert.deepEqual(pickText('Nombre completo', 'en', 'es'), { text: 'Nombre completo', lang: 'es' });
  });

  it('reads a contract object’s translations the same way, the plain field being in the response’s language', () => {
    const service = { name: 'Consultation', translations: { es: { name: 'Consulta' }, fr: { description: 'Appel' } } };
    assert.deepEqual(translatedField(service, 'name', 'es-MX', 'en'), { text: 'Consulta', lang: 'es' });
    assert.deepEqual(translatedField(service, 'name', 'fr', 'en'), { text: 'Consultation', lang: 'en' });
  });
});

describe('a definition with texts per language', () => {
  const definition = page(
    [
      {
        type: 'text',
        id: 'name',
        label: { en: 'Full name', es: 'Nombre y apellidos' },
        help: 'As on your ID',
        requiredMessage: { en: 'Enter your full name', es: 'Escriba su nombre y apellidos' },
      },
      {
        type: 'choice',
        id: 'contact',
        label: { en: 'How should we contact you?', es: '¿Cómo prefiere que le contactemos?' },
        options: [
          { value: 'email', label: { en: 'Email', es: 'Correo electrónico' } },
          { value: 'phone', label: 'Phone' },
        ],
      },
      { type: 'number', id: 'weight', label: { en: 'Weight', es: 'Peso' }, unit: { en: 'lb', es: 'lb' }, required: false },
    ],
    { title: { en: 'Before your visit', es: 'Antes de su visita' }, submitLabel: { en: 'Send', es: 'Enviar' } },
  );

  it('is shown in the language asked for; a text with no version in it falls back to the definition’s, marked', () => {
    const { form, warnings } = parsed(definition, { lang: 'es' });
    assert.equal(form.lang, 'es');
    assert.equal(form.title, 'Antes de su visita');
    assert.equal(form.submitLabel, 'Enviar');
    assert.equal(form.langs, undefined);
    const [name, contact] = form.pages[0]!.items as [Item & { help?: string }, ChoiceItem];
    assert.equal(name.type === 'text' && name.label, 'Nombre y apellidos');
    assert.equal(name.help, 'As on your ID');
    assert.deepEqual(name.langs, { help: 'en' });
    assert.deepEqual(
      contact.options.map((option) => [option.label, option.langs?.['label']]),
      [
        ['Correo electrónico', undefined],
        ['Phone', 'en'],
      ],
    );
    assert.equal(form.pages[0]!.title, 'P');
    assert.deepEqual(form.pages[0]!.langs, { title: 'en' });
    assert.deepEqual(warnings, [
      '3 texts of the form have no "es" version and are shown in "en", marked lang="en": give them per language, like {"en": "…", "es": "…"}.',
    ]);
  });

  it('a regional tag takes the base language’s texts, unmarked', () => {
    const { form } = parsed(definition, { lang: 'es-MX' });
    assert.equal(form.title, 'Antes de su visita');
    assert.equal(form.langs, undefined);
  });

  it('in the definition’s own language nothing is marked and nothing is warned', () => {
    const { form, warnings } = parsed(definition, { lang: 'en-US' });
    assert.equal(form.title, 'Before your visit');
    assert.deepEqual(warnings, []);
    const marked = JSON.stringify(form).includes('"langs"');
    assert.equal(marked, false);
  });

  it('without a language, is shown in the definition’s own (`lang`), as the backend reads it', () => {
    const { form } = parsed({ ...definition, lang: 'es', title: 'Antes de su visita' });
    assert.equal(form.lang, 'es');
    assert.equal(form.title, 'Antes de su visita');
    const english = parsed({ ...definition, lang: 'es', title: 'Antes de su visita' }, { lang: 'en' }).form;
    assert.equal(english.title, 'Antes de su visita');
    assert.deepEqual(english.langs, { title: 'es' }, 'a plain string is in the definition’s language');
  });

  it('the clinic’s own required message in another language is marked on the error', () => {
    const { form } = parsed(page([{ type: 'text', id: 'name', label: { en: 'Name', es: 'Nombre' }, requiredMessage: 'Enter your name' }]), {
      lang: 'es',
    });
    const [error] = validatePage(form, 0, {});
    assert.deepEqual(error, { itemId: 'name', field: 'name', message: 'Enter your name', lang: 'en' });
  });

  it('refuses a text per language without the definition’s own language, naming it', () => {
    assert.deepEqual(problemsOf(page([{ type: 'text', id: 'name', label: { es: 'Nombre' } }])), [
      'pages[0].items[0] ("name").label: has no "en" text; a text given per language must include the form\'s own language ("lang": "en")',
    ]);
    assert.ok(parseFormDefinition({ ...page([{ type: 'text', id: 'name', label: { es: 'Nombre' } }]), lang: 'es' }).ok);
  });

  it('checks links in every language of a markdown text, naming the language', () => {
    assert.deepEqual(problemsOf(page([{ type: 'display', id: 'd', text: { en: 'See [us](/about)', es: 'Vea [esto](javascript:alert(1))' } }])), [
      'pages[0].items[0] ("d").text (es): link "javascript:alert(1)" is not allowed: links may use https:, tel:, mailto: or a relative address',
    ]);
  });

  it('refuses language tags that are not tags, and texts that are neither a string nor a map', () => {
    assert.deepEqual(problemsOf(page([{ type: 'text', id: 'name', label: { en: 'Name', 'not a tag': 'x' } }])), [
      'pages[0].items[0] ("name"): label: key "not a tag" must be a language tag such as "en", "es" or "es-MX"',
    ]);
    assert.deepEqual(problemsOf(page([{ type: 'text', id: 'name', label: 7 }])), [
      'pages[0].items[0] ("name"): "label" must be a string, or a text per language like {"en": "…", "es": "…"}, not number 7',
    ]);
  });
});

describe('the built-in content on a Spanish page', () => {
  const es = (json: unknown = DEMO_INTAKE_FORM) => parsed(json, { lang: 'es', translations: FORMS_ES });
  const instrumentPage = (form: ResolvedForm, id: string) => form.pages.find((candidate) => candidate.instrument === id)!;

  it('the PHQ-9 is its official Spanish form, verbatim, unmarked', () => {
    const phq = instrumentPage(es().form, 'phq-9');
    const [scale, difficulty] = phq.items as [ScaleItem, ChoiceItem];
    assert.equal(scale.label, PHQ9_ES.stem);
    assert.deepEqual(
      scale.rows.map((row) => row.label),
      PHQ9_ES.items.map((item) => item.text),
    );
    assert.deepEqual(
      scale.options.map((option) => option.label),
      PHQ9_ES.options.map((option) => option.label),
    );
    assert.equal(difficulty.label, PHQ9_ES.extra!.text);
    assert.equal(phq.notice, PHQ9_ES.notice);
    assert.equal(phq.title, 'Cómo se ha sentido', 'the clinic’s own Spanish title');
    assert.ok(!JSON.stringify(phq).includes('"langs"'), 'nothing on it is marked');
    assert.equal(instrumentPage(es({ id: 'f', title: 'F', pages: [{ instrument: 'phq-9' }] }).form, 'phq-9').title, PHQ9_ES.title);
  });

  for (const instrument of [GAD7, PCL5]) {
    it(`the ${instrument.id.toUpperCase()} is the English form, every text of it marked lang="en"; the clinic is warned`, () => {
      const { form, warnings } = es();
      const shown = instrumentPage(form, instrument.id);
      const [scale, ...rest] = shown.items as [ScaleItem, ...ChoiceItem[]];
      assert.equal(scale.label, instrument.stem);
      assert.deepEqual(scale.langs, { label: 'en' });
      assert.deepEqual(
        scale.rows.map((row) => [row.label, row.langs]),
        instrument.items.map((item) => [item.text, { label: 'en' }]),
      );
      assert.deepEqual(
        scale.options.map((option) => [option.label, option.langs]),
        instrument.options.map((option) => [option.label, { label: 'en' }]),
      );
      for (const choice of rest) {
        assert.deepEqual(choice.langs, { label: 'en' });
        assert.ok(choice.options.every((option) => option.langs?.['label'] === 'en'));
      }
      assert.equal(shown.notice, instrument.notice);
      assert.deepEqual(
        shown.langs,
        { notice: 'en', ...(instrument.instructionsElectronic ? { intro: 'en' } : {}) },
        'the clinic’s Spanish title is not marked',
      );
      assert.ok(
        warnings.some((warning) => warning.startsWith(`${shown.source}: the ${instrument.name} has no official "es" translation here`)),
        warnings.join('\n'),
      );
    });
  }

  it('warns of nothing else for the demo intake, whose own texts are all in Spanish too', () => {
    assert.equal(es().warnings.length, 2);
  });

  it('the medical screening page is in Spanish, its title and every question, hint, message and option', () => {
    const screening = es().form.pages.find((candidate) => candidate.include)!;
    assert.equal(screening.title, 'Su salud');
    assert.ok(!JSON.stringify(screening).includes('"langs"'), 'nothing falls back to English');
    const attempt = screening.items.find((item) => item.id === 'ms-suicide-attempt') as ChoiceItem;
    assert.equal(attempt.label, '¿Ha intentado alguna vez quitarse la vida?');
    assert.deepEqual(
      attempt.options.map((option) => option.label),
      ['Sí', 'No', 'Prefiero hablar de esto con un profesional clínico'],
    );
  });

  it('the screening translation covers every text of the page, differs from the English (but "No"), and names no unknown item', () => {
    const ids = new Set(MEDICAL_SCREENING_PAGE.items.map((item) => item.id));
    assert.deepEqual(
      Object.keys(MEDICAL_SCREENING_ES.items).filter((id) => !ids.has(id)),
      [],
    );
    const missing: string[] = [];
    const same: string[] = [];
    const compare = (where: string, english: unknown, spanish: string | undefined) => {
      if (typeof english !== 'string') return;
      if (spanish === undefined) missing.push(where);
      else if (spanish === english && english !== 'No') same.push(where);
    };
    compare('title', MEDICAL_SCREENING_PAGE.title, MEDICAL_SCREENING_ES.title);
    compare('intro', MEDICAL_SCREENING_PAGE.intro, MEDICAL_SCREENING_ES.intro);
    for (const item of MEDICAL_SCREENING_PAGE.items) {
      const translated = MEDICAL_SCREENING_ES.items[item.id] ?? {};
      for (const field of ['label', 'shortText', 'requiredMessage', 'help', 'patternMessage', 'unit', 'text'] as const) {
        compare(`${item.id}.${field}`, (item as Record<string, unknown>)[field], translated[field]);
      }
      for (const option of 'options' in item ? item.options : []) {
        compare(`${item.id}.${option.value}.label`, option.label, translated.options?.[option.value]?.label);
        compare(`${item.id}.${option.value}.help`, option.help, translated.options?.[option.value]?.help);
      }
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(same, []);
  });

  it('the default crisis panel is in Spanish; without the Spanish module, in English, marked', () => {
    const spanish = crisisPanel(es({ id: 'f', title: 'F', pages: [{ instrument: 'phq-9' }] }).form, 'US');
    assert.equal(spanish.heading, 'Hay apoyo disponible ahora mismo');
    assert.equal(spanish.resources[0]!.name, '988 Línea de Prevención del Suicidio y Crisis');
    assert.equal(spanish.langs, undefined);
    assert.ok(spanish.resources.every((resource) => !resource.langs));

    const english = crisisPanel(parsed({ id: 'f', title: 'F', pages: [{ instrument: 'phq-9' }] }, { lang: 'es' }).form, 'US');
    assert.equal(english.heading, 'Support is available now');
    assert.deepEqual(english.langs, { heading: 'en', body: 'en' });
    assert.ok(english.resources.every((resource) => resource.langs?.['name'] === 'en'));
  });

  it('a clinic’s own crisis texts are shown in its Spanish where given, else marked', () => {
    const definition = {
      id: 'f',
      title: 'F',
      pages: [{ instrument: 'phq-9' }],
      crisis: { heading: { en: 'Help now', es: 'Ayuda ahora' }, body: 'Call us.', resources: [{ name: 'Our line', phone: '+1 212 555 0100' }] },
    };
    const panel = crisisPanel(es(definition).form, 'US');
    assert.equal(panel.heading, 'Ayuda ahora');
    assert.deepEqual(panel.langs, { body: 'en' });
    assert.deepEqual(panel.resources[0]!.langs, { name: 'en' });
  });

  it('the answers and scores do not depend on the language: the submission is the same', () => {
    const english = parsed(DEMO_INTAKE_FORM).form;
    const spanish = es().form;
    const keys = (form: ResolvedForm) =>
      form.pages.flatMap((candidate) =>
        candidate.items.flatMap((item) => [
          item.id,
          ...('options' in item ? item.options.map((option) => `${option.value}:${option.score ?? ''}:${option.code ?? ''}`) : []),
        ]),
      );
    assert.deepEqual(keys(spanish), keys(english));
  });
});
