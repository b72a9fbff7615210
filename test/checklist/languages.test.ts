/**
 * Checklist texts per language: definitions that give them, the contract's shape (plain text in
 * the checklist's language, the others in `translations`), what the element shows for a page's
 * language, and the Spanish of the KAP default and the demo clinic's checklists.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KAP_DEFAULT_CHECKLIST, itemTexts, parseChecklistDefinition, shownTexts, type ChecklistDefinitionInput } from '../../src/checklist/index.js';
import { variantsOf, type LocalText } from '../../src/i18n/local-text.js';
import { DEMO_CHECKLIST_TEMPLATES } from '../../server/demo/checklists.js';

const DEFINITION = {
  lang: 'en',
  title: { en: 'Getting ready', es: 'Cómo prepararse' },
  items: [
    { id: 'fast', text: { en: 'Stop eating', es: 'Deje de comer' }, details: 'Water is fine.', group: { en: 'On the day', es: 'El día de la sesión' } },
    { id: 'clothes', text: 'Wear comfortable clothes', group: { en: 'On the day', es: 'El día de la sesión' }, required: false },
  ],
};

describe('a checklist definition with texts per language', () => {
  test('is accepted; plain strings are in its `lang`', () => {
    const parsed = parseChecklistDefinition(DEFINITION);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
    assert.equal(parsed.checklist.lang, 'en');
  });

  test('refuses a text per language without the checklist’s own language, and bad links in any language', () => {
    const parsed = parseChecklistDefinition({
      items: [{ id: 'a', text: { es: 'Deje de comer' }, details: { en: 'Fine', es: 'Vea [esto](javascript:alert(1))' }, group: 'G' }],
    });
    assert.equal(parsed.ok, false);
    assert.deepEqual(!parsed.ok && parsed.problems, [
      'items[0] ("a").text: has no "en" text; a text given per language must include the checklist\'s own language ("lang": "en")',
      'items[0] ("a").details (es): the link to "javascript:alert(1)" is not allowed; links may go to https:, tel: or mailto: addresses or to a page on this site',
    ]);
  });

  test('reports a text of the wrong kind, and a problem inside a text per language, in words', () => {
    const parsed = parseChecklistDefinition({ items: [{ id: 'a', text: 7, group: { en: '', es: 'G' } }] });
    assert.equal(parsed.ok, false);
    assert.deepEqual(!parsed.ok && parsed.problems, [
      'items[0] ("a").text: must be text, or a text per language like {"en": "…", "es": "…"}',
      'items[0] ("a").group.en: must not be empty',
    ]);
  });
});

describe('texts between the definition, the contract and the screen', () => {
  const parsed = parseChecklistDefinition(DEFINITION);
  assert.ok(parsed.ok);
  const [fast, clothes] = parsed.checklist.items.map((item) => itemTexts(item, 'en'));

  test('the contract carries the checklist’s language plain and the others in translations', () => {
    assert.deepEqual(fast, {
      text: 'Stop eating',
      details: 'Water is fine.',
      group: 'On the day',
      translations: { es: { text: 'Deje de comer', group: 'El día de la sesión' } },
    });
    assert.deepEqual(clothes, { text: 'Wear comfortable clothes', group: 'On the day', translations: { es: { group: 'El día de la sesión' } } });
  });

  test('a Spanish page shows the Spanish, each text with its language; what has none stays English', () => {
    assert.deepEqual(shownTexts(fast!, 'es-MX', 'en'), {
      text: { text: 'Deje de comer', lang: 'es' },
      details: { text: 'Water is fine.', lang: 'en' },
      group: { text: 'El día de la sesión', lang: 'es' },
    });
    assert.deepEqual(shownTexts(clothes!, 'es', 'en').text, { text: 'Wear comfortable clothes', lang: 'en' });
    assert.deepEqual(shownTexts(fast!, 'en-US', 'en').text, { text: 'Stop eating', lang: 'en' });
  });
});

describe('the shipped checklists in Spanish', () => {
  const checklists: [string, ChecklistDefinitionInput][] = [
    ['KAP default', KAP_DEFAULT_CHECKLIST],
    ...Object.entries(DEMO_CHECKLIST_TEMPLATES).map(([service, template]): [string, ChecklistDefinitionInput] => [`demo ${service}`, template]),
  ];

  for (const [name, checklist] of checklists) {
    test(`${name}: every text has a Spanish version that is not the English`, () => {
      assert.ok(parseChecklistDefinition(checklist).ok);
      const texts: [string, LocalText | undefined][] = [
        ['title', checklist.title],
        ...checklist.items.flatMap((item): [string, LocalText | undefined][] => [
          [`${item.id}.text`, item.text],
          [`${item.id}.details`, item.details],
          [`${item.id}.group`, item.group],
        ]),
      ];
      for (const [where, value] of texts) {
        if (value === undefined) continue;
        const variants = Object.fromEntries(variantsOf(value, 'en'));
        assert.ok(variants['es'], `${where} has Spanish`);
        assert.notEqual(variants['es'], variants['en'], `${where} is translated`);
      }
    });
  }
});
