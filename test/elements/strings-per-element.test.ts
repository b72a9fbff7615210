/**
 * A page that loads one element carries only that element's words (and the shared ones): its entry
 * registers them. A strings key of another element — one settings file shared across a site — is
 * not a mistake; a key no element knows still is, named with the closest key, once the whole
 * English has been looked up (loaded lazily). Only `<kap-booking>` is loaded on this page.
 */
import { expect } from '@open-wc/testing';
import { builtInStrings } from '../../src/i18n/registry.js';
import { enBooking } from '../../src/i18n/en-booking.js';
import { appendSettings, elementTests, freshApi, settle, until, $ } from './support/harness.js';
import { mountBooking, showWeekWithTimes } from './support/booking.js';

const { recorder } = elementTests({ events: ['kap-error'] });

let warnings: string[] = [];
const consoleWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = consoleWarn;
});

describe('strings per element', () => {
  it('the booking entry registers its own English and no other element’s', () => {
    const loaded = builtInStrings();
    for (const key of Object.keys(enBooking)) expect(loaded, key).to.have.property(key);
    expect(loaded).not.to.have.property('intakeBack');
    expect(loaded).not.to.have.property('checklistEmpty');
    // The words of managing a booking come with its views, loaded only when a page manages one;
    // those of the steps after a time is chosen (the calendar file's among them) with theirs.
    expect(loaded).not.to.have.property('cancelAppointment');
    expect(loaded).not.to.have.property('cancelling');
    expect(loaded).not.to.have.property('calendarSummary');
  });

  it('a key of another element is taken quietly, a key of none is named with the closest one', async () => {
    const el = await mountBooking({ api: freshApi() }, (e) => {
      appendSettings(e, { strings: { intakeBack: 'Atrás', chooseTimeHeading: 'Pick a time', checklistEmpti: 'Nothing' } });
    });
    await showWeekWithTimes(el);
    await until(() => warnings.length > 0, 'the unknown key to be reported');
    el.requestUpdate();
    await settle(el);
    expect($(el, 'h2')!.textContent!.trim()).to.equal('Pick a time');
    expect(warnings).to.deep.equal([
      'kap-elements <kap-booking>: the strings in its <script type="application/json">: "checklistEmpti" is not a string key; did you mean "checklistEmpty"? (kap-error code "unknown_string")',
    ]);
    expect(recorder.of('kap-error')).to.deep.equal([{ kind: 'configuration', code: 'unknown_string' }]);
  });

  it('each element shows its own words: none of its own, from its settings script, from its property', async () => {
    const heading = async (el: Awaited<ReturnType<typeof mountBooking>>) => {
      await showWeekWithTimes(el);
      return $(el, 'h2')!.textContent!.trim();
    };
    const plain = await mountBooking({ api: freshApi() });
    const ownScript = await mountBooking({ api: freshApi() }, (e) => appendSettings(e, { strings: { chooseTimeHeading: 'Pick a time' } }));
    const ownProperty = await mountBooking({ api: freshApi() }, (e) => (e.strings = { chooseTimeHeading: 'When suits you?' }));
    const plainAfter = await mountBooking({ api: freshApi() });
    expect([await heading(plain), await heading(ownScript), await heading(ownProperty), await heading(plainAfter)]).to.deep.equal([
      'Choose a time',
      'Pick a time',
      'When suits you?',
      'Choose a time',
    ]);
  });
});
