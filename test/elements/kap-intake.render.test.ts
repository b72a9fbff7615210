/**
 * A definition given on the page renders with the element's first render: no loading message
 * comes first, and page 1 is rendered once — not "loading", then the form when a task settles.
 */
import { expect } from '@open-wc/testing';
import '../../src/kap-intake.js';
import type { KapIntake } from '../../src/elements/kap-intake/kap-intake.js';
import { appendSettings, freshApi, unmountAll } from './support/harness.js';
import { EVERY_TYPE_FORM } from './support/intake-forms.js';

describe('<kap-intake> first render', () => {
  afterEach(unmountAll);

  it('a definition in a child script shows page 1 in the first update, with no loading message before it', async () => {
    const element = document.createElement('kap-intake') as KapIntake;
    element.setAttribute('api', freshApi());
    appendSettings(element, EVERY_TYPE_FORM);
    let updates = 0;
    const seen: string[] = [];
    // Records what every update of the element left in its shadow root.
    const update = Object.getPrototypeOf(element).updated as (this: KapIntake, changed: Map<string, unknown>) => void;
    Object.defineProperty(element, 'updated', {
      value(this: KapIntake, changed: Map<string, unknown>) {
        updates++;
        seen.push(this.shadowRoot!.querySelector('#heading')?.textContent?.trim() ?? this.shadowRoot!.textContent!.trim().slice(0, 40));
        update.call(this, changed);
      },
    });
    document.body.append(element);
    await element.updateComplete;
    // Whatever else runs after (page colours, events), page 1 was there from the first update on.
    // (A task, not a frame: a page the runner keeps in the background gets no animation frames.)
    await new Promise((done) => setTimeout(done));
    await element.updateComplete;
    element.remove();
    expect(seen[0], 'the first update').to.equal('About you');
    expect(
      seen.filter((text) => text !== 'About you'),
      'no update showed anything else',
    ).to.deep.equal([]);
    expect(updates, 'updates before anything was answered').to.equal(1);
  });
});
