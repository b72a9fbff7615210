/**
 * The store suite: the clinic's configuration as a whole — the demo clinic's profile, the
 * configuration read and replaced part by part, all or nothing; buffers and closures as free slots
 * see them; intake forms with a draft and immutable published versions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLINIC_CONFIGURATION_FORMAT, type ConfiguredService } from '../../../src/api/clinic-config.js';
import type { Interval } from '../../../src/scheduling/opening-hours.js';
import { DEMO_PROFILE, DEMO_SERVICES } from '../../../server/demo/clinic.js';
import { DEMO_INTAKE_FORM_ID } from '../../../server/demo/intake-form.js';
import type { Stores } from '../../../server/stores/types.js';
import { at, client, MINUTE, newBooking, newHold, NOW, refused, SLOT, TUESDAY, withStores, type OpenStores } from './fixtures.js';

async function free(stores: Stores, serviceId: string, range: Interval): Promise<number[]> {
  const service = (await stores.clinic.findService(serviceId))!;
  const rules = await stores.clinic.schedulingRules();
  const slots = await stores.bookings.freeSlots({ serviceId, durationMinutes: service.durationMinutes, rules, from: range.start, to: range.end, now: NOW });
  return slots.map((slot) => slot.start);
}

async function withBuffers(stores: Stores, buffers: Record<string, [number, number]>): Promise<void> {
  const { services } = await stores.clinic.configuration();
  await stores.clinic.updateConfiguration({
    services: services.map((service): ConfiguredService => {
      const [before, after] = buffers[service.id] ?? [0, 0];
      return { ...service, bufferBeforeMinutes: before, bufferAfterMinutes: after };
    }),
  });
}

/** A small valid form, published as `version`. */
function smallForm(id: string, version: string, title = 'Short check-in'): Record<string, unknown> & { version: string } {
  return { id, version, title, pages: [{ id: 'today', title: 'Today', items: [{ type: 'text', id: 'mood', label: 'How are you today?', maxLength: 200 }] }] };
}

export function configurationSuite(open: OpenStores): void {
  describe('the clinic’s configuration', () => {
    test('a new database holds the demo clinic’s profile, in the zone its hours are read in', () =>
      withStores(open, async (stores) => {
        const profile = await stores.clinic.profile();
        assert.equal(profile.name, DEMO_PROFILE.name);
        assert.deepEqual(profile.contact, DEMO_PROFILE.contact);
        assert.deepEqual(profile.address, DEMO_PROFILE.address);
        assert.equal(profile.privacyNoticeUrl, DEMO_PROFILE.privacyNoticeUrl);
        assert.deepEqual(profile.crisisResources, DEMO_PROFILE.crisisResources);
        assert.equal(profile.timeZone, (await stores.clinic.schedulingRules()).timeZone);
      }));

    test('reads as one configuration, and writing it back changes nothing', () =>
      withStores(open, async (stores) => {
        const config = await stores.clinic.configuration();
        assert.equal(config.format, CLINIC_CONFIGURATION_FORMAT);
        assert.deepEqual(
          config.services,
          DEMO_SERVICES.map((service) => ({ ...service, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, reminderHours: 24 })),
        );
        assert.deepEqual(config.openingHours[0], { weekday: 1, opens: '09:00', closes: '17:00' });
        assert.deepEqual(config.closures, []);
        assert.ok(config.checklists['administration']);
        const demoForm = config.forms.find((form) => form.id === DEMO_INTAKE_FORM_ID);
        assert.equal(demoForm?.versions.length, 1);
        const { format: _format, ...parts } = config;
        await stores.clinic.updateConfiguration(parts);
        assert.deepEqual(await stores.clinic.configuration(), config);
      }));

    test('each part is replaced on its own: profile, settings, hours with several ranges a day', () =>
      withStores(open, async (stores) => {
        const before = await stores.clinic.configuration();
        await stores.clinic.updateConfiguration({
          profile: { ...before.profile, name: 'Bayside Clinic', timeZone: 'Europe/London', privacyNoticeUrl: 'https://bayside.example/privacy' },
          scheduling: { slotStepMinutes: 15, minNoticeMinutes: 60, horizonDays: 30 },
          openingHours: [
            { weekday: 2, opens: '09:00', closes: '12:00' },
            { weekday: 2, opens: '13:00', closes: '17:30' },
          ],
        });
        const after = await stores.clinic.configuration();
        assert.equal(after.profile.name, 'Bayside Clinic');
        assert.deepEqual(after.services, before.services);
        const rules = await stores.clinic.schedulingRules();
        assert.equal(rules.timeZone, 'Europe/London');
        assert.equal(rules.slotStepMinutes, 15);
        assert.deepEqual(rules.openingHours, [
          { weekday: 2, opensMinute: 540, closesMinute: 720 },
          { weekday: 2, opensMinute: 780, closesMinute: 1050 },
        ]);
        assert.equal((await stores.clinic.profile()).privacyNoticeUrl, 'https://bayside.example/privacy');
      }));

    test('a service left out is retired; its bookings keep it', () =>
      withStores(open, async (stores) => {
        const booking = await stores.bookings.createBooking(newBooking());
        const { services } = await stores.clinic.configuration();
        await stores.clinic.updateConfiguration({ services: services.filter((service) => service.id !== 'consultation') });
        assert.equal(await stores.clinic.findService('consultation'), undefined);
        assert.deepEqual(
          (await stores.clinic.listServices()).map((service) => service.id),
          ['preparation', 'administration', 'integration'],
        );
        assert.equal((await stores.bookings.findBooking(booking.id))?.serviceId, 'consultation');
        await stores.clinic.updateConfiguration({ services });
        assert.deepEqual(await stores.clinic.listServices(), DEMO_SERVICES);
      }));

    test('all or nothing: a change to a published form version refuses the whole update', () =>
      withStores(open, async (stores) => {
        const before = await stores.clinic.configuration();
        const forms = before.forms.map((form) => ({
          ...form,
          versions: form.versions.map((version) => ({ ...version, definition: { ...version.definition, title: 'Changed after publishing' } })),
        }));
        await refused(
          stores.clinic.updateConfiguration({ profile: { ...before.profile, name: 'Never saved' }, closures: [{ date: '2026-03-03' }], forms }),
          'form_version_conflict',
        );
        assert.deepEqual(await stores.clinic.configuration(), before);
      }));

    test('a closed day offers nothing, a closed afternoon nothing after it opens again', () =>
      withStores(open, async (stores) => {
        const open = await free(stores, 'consultation', TUESDAY);
        await stores.clinic.updateConfiguration({ closures: [{ date: '2026-03-03', reason: 'Staff training' }] });
        assert.deepEqual(await free(stores, 'consultation', TUESDAY), []);
        await stores.clinic.updateConfiguration({ closures: [{ date: '2026-03-03', from: '12:00', to: '17:00' }] });
        const noon = Date.parse('2026-03-03T17:00:00Z');
        assert.deepEqual(
          await free(stores, 'consultation', TUESDAY),
          open.filter((start) => start + 45 * MINUTE <= noon),
        );
        assert.deepEqual((await stores.clinic.configuration()).closures, [{ date: '2026-03-03', from: '12:00', to: '17:00' }]);
      }));

    test('buffers keep time free around sessions, in free slots and when holding or booking', () =>
      withStores(open, async (stores) => {
        await withBuffers(stores, { consultation: [0, 30], preparation: [15, 15] });
        await stores.bookings.createBooking(newBooking()); // consultation 10:00–10:45, kept until 11:15
        const slots = await free(stores, 'preparation', TUESDAY);
        // A preparation (60 minutes, 15 either side) must end 15 + 0 minutes before the consultation, start 30 + 15 after it.
        const nine = Date.parse('2026-03-03T14:00:00Z');
        assert.ok(!slots.includes(nine), '09:00–10:00 would leave none of its 15 minutes after it before the consultation');
        assert.ok(!slots.includes(SLOT.end + 15 * MINUTE), 'within the consultation’s after-buffer');
        assert.ok(slots.includes(Date.parse('2026-03-03T16:30:00Z')), '11:30 starts once 30 + 15 minutes have passed');
        await refused(
          stores.bookings.placeHold(newHold({ serviceId: 'preparation', slot: at('2026-03-03T16:00:00Z', 60), client: client('b') })),
          'slot_unavailable',
        );
        const hold = await stores.bookings.placeHold(newHold({ serviceId: 'preparation', slot: at('2026-03-03T16:30:00Z', 60), client: client('b') }));
        assert.equal(hold.start, Date.parse('2026-03-03T16:30:00Z'));
      }));

    test('a draft is never served; published versions are, the latest by id and every one by version', () =>
      withStores(open, async (stores) => {
        await stores.forms.saveDraft('check-in', smallForm('check-in', '1'), NOW);
        assert.equal(await stores.forms.find('check-in'), undefined);
        await stores.forms.publish('check-in', smallForm('check-in', '1'), NOW);
        assert.equal((await stores.forms.find('check-in'))?.form.version, '1');
        await stores.forms.saveDraft('check-in', smallForm('check-in', '2', 'Check-in'), NOW + MINUTE);
        await stores.forms.publish('check-in', smallForm('check-in', '2', 'Check-in'), NOW + MINUTE);
        assert.equal((await stores.forms.find('check-in'))?.form.version, '2');
        assert.equal((await stores.forms.findVersion('check-in', '1'))?.definition['title'], 'Short check-in');
        assert.equal(await stores.forms.findVersion('check-in', '3'), undefined);
        await refused(stores.forms.publish('check-in', smallForm('check-in', '1', 'Other'), NOW), 'form_version_conflict');
        await refused(stores.forms.publish('no-such-form', smallForm('no-such-form', '1'), NOW), 'form_not_found');
        const form = (await stores.clinic.configuration()).forms.find((candidate) => candidate.id === 'check-in');
        assert.deepEqual(
          form?.versions.map((version) => version.version),
          ['1', '2'],
        );
        assert.equal(form?.draft?.['title'], 'Check-in');
      }));

    test('the history: every published version, oldest first, with when and who published it (none for one without)', () =>
      withStores(open, async (stores) => {
        await stores.forms.saveDraft('check-in', smallForm('check-in', '1'), NOW);
        await stores.forms.publish('check-in', smallForm('check-in', '1'), NOW);
        await stores.forms.publish('check-in', smallForm('check-in', '2', 'Check-in'), NOW + MINUTE, 'staff-42');
        const history = await stores.forms.history('check-in');
        assert.deepEqual(
          history.map(({ version, publishedAt, publishedBy }) => ({ version, publishedAt, publishedBy })),
          [
            { version: '1', publishedAt: NOW, publishedBy: undefined },
            { version: '2', publishedAt: NOW + MINUTE, publishedBy: 'staff-42' },
          ],
        );
        assert.equal(history[1]!.definition['title'], 'Check-in');
        assert.deepEqual(await stores.forms.history('no-such-form'), []);
      }));
  });
}
