/** The shapes the generated validators' combinators (validate.ts) share: zod's issues, checks and schemas. */

/** An issue as zod reports it (`$ZodIssue`): what the elements read is `path` and `message`. */
export interface Issue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly keys?: string[];
  readonly errors?: Issue[][];
  readonly [detail: string]: unknown;
}

/** A message for an issue, as a zod `error` option: a text, or a function of the raw issue. */
export type Message = string | ((issue: RawIssue) => string | undefined);

/** An issue before its message is chosen. */
export interface RawIssue {
  code: string;
  path?: PropertyKey[];
  input?: unknown;
  continue?: boolean;
  /** The message of what raised it, and of the schema whose check raised it. */
  own?: Message | undefined;
  schema?: Message | undefined;
  [detail: string]: unknown;
}

export interface Payload {
  value: unknown;
  issues: RawIssue[];
}

/** A check after a schema's type check; `length`: zod's default `when` for length checks. */
export interface Check {
  run(payload: Payload): void;
  length?: boolean;
}

export interface Schema<T = unknown> {
  run(payload: Payload): Payload;
  /** How an object treats the key when absent (zod's `optin`/`optout`). */
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  /** The values a literal or enum admits (for discriminated unions). */
  values?: readonly unknown[];
  /** Only for the type the generated validator returns. */
  readonly __type?: T;
}

export type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export interface Validator<T> {
  safeParse(value: unknown): SafeParse<T>;
  /** The value, or an error naming the first issue (zod's `parse` throws too). */
  parse(value: unknown): T;
}
