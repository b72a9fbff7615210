/**
 * `AbortSignal.any` where the browser has it, and a small stand-in where it does not (Safari
 * before 17.4: iOS 16 and 17.0–17.3), so that a request still aborts with either its own signal
 * or the element's connection instead of throwing a TypeError before it leaves.
 */

/** A signal that aborts, with the same reason, as soon as any of `signals` does. */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  return typeof native === 'function' ? native.call(AbortSignal, [...signals]) : anySignalFallback(signals);
}

/**
 * The stand-in for `AbortSignal.any`: a new controller aborted by the first of `signals` to abort
 * (at once if one already has). Once it aborts, it stops listening to the others.
 */
export function anySignalFallback(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return controller.signal;
  }
  const listeners = signals.map((signal) => {
    const listener = () => {
      for (const [other, remove] of listeners) other.removeEventListener('abort', remove);
      controller.abort(signal.reason);
    };
    signal.addEventListener('abort', listener, { once: true });
    return [signal, listener] as const;
  });
  return controller.signal;
}
