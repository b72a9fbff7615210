/**
 * Whether `value` parses as an https: URL with a host, as the crisis panel renders it (`new URL(url).host`).
 * `new URL` rather than `URL.canParse`, which Safari before 17 lacks. The definition's schema and
 * the browser's generated validator both call it (no zod here).
 */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.host !== '';
  } catch {
    return false;
  }
}
