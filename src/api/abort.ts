/**
 * An abort is not a failure: it means the caller moved on (a Task's newer run, the element left
 * the page, the client pressed Stop). Every layer that tells the two apart asks this one function.
 */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
