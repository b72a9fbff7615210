/** The store suite: the clinic's configuration and forms, as a new database holds them (the demo clinic). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_CHECKLIST_TEMPLATES } from '../../../server/demo/checklists.js';
import {
  DEMO_HORIZON_DAYS,
  DEMO_LANGUAGE,
  DEMO_MIN_NOTICE_MINUTES,
  DEMO_OPENING_HOURS,
  DEMO_SERVICES,
  DEMO_SLOT_STEP_MINUTES,
} from '../../../server/demo/clinic.js';
import { checklistCopyFor } from '../../../server/stores/checklist-templates.js';
import { DEMO_INTAKE_FORM_ID } from '../../../server/demo/intake-form.js';
import { parseChecklistDefinition } from '../../../src/checklist/parse.js';
import { itemTexts } from '../../../src/checklist/item-texts.js';
import { worstSubmissionBytes } from '../../../src/forms/submission-size.js';
import { withStores, type OpenStores } from './fixtures.js';

export function clinicSuite(open: OpenStores): void {
  describe('the clinic', () => {
    test('a new database holds the demo clinic’s services, in order', () =>
      withStores(open, async (stores) => {
        assert.deepEqual(await stores.clinic.listServices(), DEMO_SERVICES);
        assert.deepEqual(await stores.clinic.findService('integration'), DEMO_SERVICES[3]);
        assert.equal(await stores.clinic.findService('massage'), undefined);
      }));

    test('with their texts in other languages, as held, and the language of their own', () =>
      withStores(open, async (stores) => {
        assert.equal(await stores.clinic.language(), DEMO_LANGUAGE);
        const services = await stores.clinic.listServices();
        assert.ok(services.length > 0 && services.every((service) => service.translations?.['es']?.name));
        assert.deepEqual(
          services.map((service) => service.translations),
          DEMO_SERVICES.map((service) => service.translations),
        );
        assert.deepEqual((await stores.clinic.findService('consultation'))?.translations, DEMO_SERVICES[0]!.translations);
      }));

    test('and its scheduling rules', () =>
      withStores(open, async (stores) => {
        const rules = await stores.clinic.schedulingRules();
        assert.equal(typeof rules.timeZone, 'string');
        assert.deepEqual(
          [...rules.openingHours].sort((a, b) => a.weekday - b.weekday || a.opensMinute - b.opensMinute),
          DEMO_OPENING_HOURS,
        );
        assert.equal(rules.slotStepMinutes, DEMO_SLOT_STEP_MINUTES);
        assert.equal(rules.minNoticeMinutes, DEMO_MIN_NOTICE_MINUTES);
        assert.equal(rules.horizonDays, DEMO_HORIZON_DAYS);
      }));

    test('and each service’s checklist template', () =>
      withStores(open, async (stores) => {
        for (const [serviceId, template] of Object.entries(DEMO_CHECKLIST_TEMPLATES)) {
          const parsed = parseChecklistDefinition(template);
          assert.ok(parsed.ok);
          const lang = parsed.checklist.lang ?? 'en';
          assert.deepEqual(await checklistCopyFor(stores.clinic, serviceId), {
            checklistId: parsed.checklist.id,
            lang,
            items: parsed.checklist.items.map(({ text, details, group, ...item }) => ({ ...item, ...itemTexts({ text, details, group }, lang) })),
          });
        }
        assert.equal(await stores.clinic.checklistTemplate('no-such-service'), undefined);
      }));

    test('serves the demo intake form, checked, and a body limit every answer fits', () =>
      withStores(open, async (stores) => {
        const served = await stores.forms.find(DEMO_INTAKE_FORM_ID);
        assert.ok(served);
        assert.equal(served.definition['id'], DEMO_INTAKE_FORM_ID);
        assert.equal(served.form.id, DEMO_INTAKE_FORM_ID);
        assert.equal(await stores.forms.maxSubmissionBytes(), worstSubmissionBytes(served.form));
        assert.equal(await stores.forms.find('no-such-form'), undefined);
      }));

    test('answers a ping, and closing twice is harmless', () =>
      withStores(open, async (stores) => {
        await stores.ping();
        await stores.close();
      }));
  });
}
