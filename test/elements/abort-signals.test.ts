/**
 * `anySignal`: `AbortSignal.any` where the browser has it, else a stand-in (Safari before 17.4),
 * tested here directly; and the elements still load with `AbortSignal.any` missing.
 */
import { expect } from '@open-wc/testing';
import { anySignal, anySignalFallback } from '../../src/base/abort-signals.js';
import { DEMO_FORM, freshApi, heading, loaded, mountIntake, unmountAll } from './support/intake.js';

const nativeAny = AbortSignal.any;

/** As on Safari before 17.4, for the duration of a test. */
function withoutNativeAny(): void {
  Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true, writable: true });
}

afterEach(() => {
  Object.defineProperty(AbortSignal, 'any', { value: nativeAny, configurable: true, writable: true });
  unmountAll();
});

describe('anySignalFallback', () => {
  it('aborts with the reason of whichever signal aborts first, once', () => {
    const first = new AbortController();
    const second = new AbortController();
    const combined = anySignalFallback([first.signal, second.signal]);
    let events = 0;
    combined.addEventListener('abort', () => (events += 1));
    expect(combined.aborted).to.equal(false);

    const reason = new DOMException('The element was removed from the page.', 'AbortError');
    second.abort(reason);
    expect(combined.aborted).to.equal(true);
    expect(combined.reason).to.equal(reason);
    first.abort(new Error('later'));
    expect(combined.reason, 'the first reason stays').to.equal(reason);
    expect(events).to.equal(1);
  });

  it('is aborted at once when a signal already is', () => {
    const live = new AbortController();
    const reason = new Error('gone');
    const combined = anySignalFallback([live.signal, AbortSignal.abort(reason)]);
    expect(combined.aborted).to.equal(true);
    expect(combined.reason).to.equal(reason);
  });

  it('stays unaborted while none aborts, and a fetch with it can be cancelled by either signal', async () => {
    const task = new AbortController();
    const connection = new AbortController();
    const combined = anySignalFallback([task.signal, connection.signal]);
    expect(combined.aborted).to.equal(false);
    const request = fetch('/api/abort-signals/never', { signal: combined });
    connection.abort(new DOMException('The element was removed from the page.', 'AbortError'));
    const error = await request.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(task.signal.aborted, 'the other signal is untouched').to.equal(false);
  });
});

describe('anySignal', () => {
  it('uses the stand-in when AbortSignal.any is missing', () => {
    withoutNativeAny();
    const one = new AbortController();
    const combined = anySignal([one.signal, new AbortController().signal]);
    one.abort('why');
    expect(combined.aborted).to.equal(true);
    expect(combined.reason).to.equal('why');
  });

  it('an element still loads its data without AbortSignal.any', async () => {
    withoutNativeAny();
    const el = await mountIntake({ api: freshApi(), form: DEMO_FORM });
    await loaded(el);
    expect(heading(el)).to.equal('Your details');
  });
});
