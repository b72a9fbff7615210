/**
 * `firstTime(owner, key)`: how every element tells the website team (and the page) each thing once —
 * `reportConfiguration`, the checklist's missing link, the intake's form-language warnings.
 */
import { expect } from '@open-wc/testing';
import { reportConfiguration } from '../../src/base/configuration-report.js';
import { firstTime } from '../../src/base/report-once.js';

describe('firstTime', () => {
  it('is true once per owner and key', () => {
    const one = {};
    const other = {};
    expect(firstTime(one, 'a')).to.equal(true);
    expect(firstTime(one, 'a')).to.equal(false);
    expect(firstTime(one, 'b')).to.equal(true);
    expect(firstTime(other, 'a')).to.equal(true);
    expect(firstTime(other, 'a')).to.equal(false);
  });
});

describe('reportConfiguration', () => {
  it('warns and fires kap-error once per element and problem', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      const [first, second] = [document.createElement('div'), document.createElement('div')];
      const codes: string[] = [];
      for (const element of [first, second]) element.addEventListener('kap-error', (event) => codes.push((event as CustomEvent).detail.code));
      const problem = { code: 'invalid_time_zone', detail: 'time-zone="Mars" is not a zone' };
      expect(reportConfiguration(first, problem)).to.equal(true);
      expect(reportConfiguration(first, problem)).to.equal(false);
      expect(reportConfiguration(first, { ...problem, detail: 'time-zone="Venus" is not a zone' })).to.equal(true);
      expect(reportConfiguration(second, problem)).to.equal(true);
      expect(codes).to.deep.equal(['invalid_time_zone', 'invalid_time_zone', 'invalid_time_zone']);
      expect(warnings).to.have.length(3);
    } finally {
      console.warn = warn;
    }
  });
});
