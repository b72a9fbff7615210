/**
 * zod issue → message, in one place: the path as dots (`answers.phq9_1`, `(root)` for the whole
 * value) and zod's message. The client names the first issue of a body that breaks the contract
 * (or of a query it was handed), and the server keys each field's first issue in a 400 by it.
 */

/** The shape of a zod issue this module needs (classic zod and zod/mini alike). */
export interface IssueLike {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/** `a.b.0.c`, or `fallback` (default `(root)`) for the value itself. */
export function issuePath(path: ReadonlyArray<PropertyKey>, fallback = '(root)'): string {
  return path.length ? path.map(String).join('.') : fallback;
}

/** `path: message`; `(root)` when there is no issue to name. */
export function describeIssue(issue: IssueLike | undefined): string {
  return issue ? `${issuePath(issue.path)}: ${issue.message}` : '(root)';
}
