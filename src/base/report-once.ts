const seen = new WeakMap<object, Set<string>>();

/**
 * Whether `owner` (an element, a controller) meets `key` for the first time: true once, false
 * ever after. How the website team and the page are told each thing once, however often an
 * element re-renders and finds it again. Nothing is kept once `owner` is gone.
 */
export function firstTime(owner: object, key: string): boolean {
  let keys = seen.get(owner);
  if (!keys) seen.set(owner, (keys = new Set()));
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}
