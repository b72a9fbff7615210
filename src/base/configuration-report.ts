import { KapErrorEvent } from '../events/kap-error.js';
import { firstTime } from './report-once.js';

/** A problem with how the element is set up on the page. */
export interface ConfigurationProblem {
  code: string;
  /** Technical English for the site's developer; never contains anything the client typed. */
  detail: string;
  /** The language of `detail` when it is not English (one written with the element's own strings). */
  lang?: string;
}

/**
 * Tells the website team about `problem`, once per element however often it is found: a console
 * warning naming the element, the problem and its code, and `kap-error` `{ kind: 'configuration',
 * code }` from the element. Returns whether this was the first report of it.
 */
export function reportConfiguration(element: Element, problem: ConfigurationProblem): boolean {
  if (!firstTime(element, `configuration\u0000${problem.code}\u0000${problem.detail}`)) return false;
  console.warn(`kap-elements <${element.localName}>: ${problem.detail} (kap-error code "${problem.code}")`);
  element.dispatchEvent(new KapErrorEvent({ kind: 'configuration', code: problem.code }));
  return true;
}
