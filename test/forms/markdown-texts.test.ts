/**
 * `markdownTexts`: what of a resolved form `<kap-intake>` looks in before showing it, to fetch the
 * markdown parser only for a form that shows some markdown. It holds every field in the markdown
 * subset (`MARKDOWN_FIELDS`, which the authoring checks read too) and nothing else that could look
 * like markdown: a page's `source` ("pages[0]") once fetched the parser for every form.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormDefinition } from '../../src/forms/index.js';
import { DEFAULT_CRISIS_PANEL } from '../../src/forms/crisis.js';
import { MARKDOWN_FIELDS, markdownTexts } from '../../src/forms/localize.js';
import { needsMarkdownParser } from '../../src/text/plain-paragraphs.js';

const MARKED = 'Call **116 123**.';

/** Every string in `value`, however deep. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

function resolve(json: object) {
  const result = parseFormDefinition(json);
  assert.ok(result.ok, JSON.stringify(result));
  return result.form;
}

const page = { id: 'p', title: 'P', items: [{ id: 'q', type: 'yesno', label: 'Q [1]', safety: true }] };
const base = { id: 'f', title: 'F', pages: [page] };

/** A definition with `MARKED` in the field `kind.field` of `MARKDOWN_FIELDS`, and plain text everywhere else. */
const withMarked: Record<string, object> = {
  'form.intro': { ...base, intro: MARKED },
  'page.intro': { ...base, pages: [{ ...page, intro: MARKED }] },
  'item.text': { ...base, pages: [{ ...page, items: [...page.items, { id: 'note', type: 'display', text: MARKED }] }] },
  'crisis.body': { ...base, crisis: { countries: { GB: { resources: [{ name: 'Samaritans', phone: '116 123' }], body: MARKED } } } },
  'confirmation.body': { ...base, confirmation: { body: MARKED } },
};

describe('markdownTexts', () => {
  it('holds each field in the markdown subset', () => {
    assert.deepEqual(Object.keys(withMarked).sort(), [...MARKDOWN_FIELDS].sort());
    for (const [field, json] of Object.entries(withMarked)) {
      assert.ok(stringsIn(markdownTexts(resolve(json))).includes(MARKED), field);
    }
    const consent = resolve({ ...base, pages: [{ ...page, items: [{ id: 'ok', type: 'consent', label: 'Agree', text: MARKED }] }] });
    assert.ok(stringsIn(markdownTexts(consent)).includes(MARKED), 'a consent item’s text');
    const panel = resolve({ ...base, crisis: { body: MARKED, resources: [{ name: 'Line', phone: '988' }] } });
    assert.ok(stringsIn(markdownTexts(panel)).includes(MARKED), 'the crisis panel’s own body');
  });

  it('leaves the form as it was', () => {
    const form = resolve(withMarked['crisis.body']!);
    const before = JSON.stringify(form);
    const pages = form.pages;
    markdownTexts(form);
    assert.equal(JSON.stringify(form), before);
    assert.equal(form.pages, pages);
  });

  it('needs no sight of the built-in crisis panel in English, whose body (with the panel, not the form) is plain', () => {
    assert.equal(resolve(base).crisisDefault, undefined);
    assert.equal(needsMarkdownParser(DEFAULT_CRISIS_PANEL.body!), false);
  });

  it('leaves out what is never shown as markdown, so plain forms do not fetch the parser', () => {
    const resources = { crisis: { heading: 'Help [now]', resources: [{ name: 'Line *1*', description: '1. Call us', phone: '988' }] } };
    for (const json of [base, { ...base, ...resources }, { id: 'phq-gad', title: 'Screening', pages: [{ instrument: 'phq-9' }, { instrument: 'gad-7' }] }]) {
      const form = resolve(json);
      // The page's source ("pages[0] …") and labels such as "Q [1]" would need the parser.
      assert.ok(stringsIn(form).some(needsMarkdownParser));
      assert.deepEqual(stringsIn(markdownTexts(form)).filter(needsMarkdownParser), []);
    }
  });
});
