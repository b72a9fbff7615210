/** `isAbort`: the one test every layer uses to tell "the caller moved on" from a failure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAbort } from '../../src/api/abort.js';
import { KapApiError } from '../../src/api/errors.js';

describe('isAbort', () => {
  it('is true for an AbortError, whoever aborted', () => {
    assert.equal(isAbort(new DOMException('The element was removed from the page.', 'AbortError')), true);
    const controller = new AbortController();
    controller.abort();
    assert.equal(isAbort(controller.signal.reason), true);
  });

  it('is false for failures, timeouts and non-errors', () => {
    assert.equal(isAbort(new DOMException('late', 'TimeoutError')), false);
    assert.equal(isAbort(new KapApiError('offline', { kind: 'network' })), false);
    assert.equal(isAbort(Object.assign(new Error('look-alike'), { name: 'AbortError' })), false);
    assert.equal(isAbort(undefined), false);
  });
});
