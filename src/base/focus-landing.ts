/**
 * Where focus lands when a render of an element removed the control that had it (focus-rescue.ts
 * watches for that, and holds the rules): the place the lost control names, else the first place in
 * the content that replaced it, else the nearest place before it, else after it.
 */

/** Where focus can land: controls, and anything given a `tabindex` (headings, loading messages). */
const PLACES = 'a[href], button, input, select, textarea, [tabindex]';

export interface Step {
  node: Element;
  previous: Element | null;
  next: Element | null;
}

export interface Watch {
  element: Element;
  fallback: string | undefined;
  /** The focused element and its ancestors up to the shadow root, each with its neighbours then. */
  trail: Step[];
}

function usable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.matches(':disabled')) return false;
  return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : element.getClientRects().length > 0;
}

const precedes = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

/** Focuses where the control `watch` saw focused, now gone from `host`'s `root`, hands focus to. */
export function land(host: Element, root: ShadowRoot, watch: Watch): void {
  if (!host.isConnected || root.activeElement) return;
  // The client moved on to something else on the page meanwhile: leave it there.
  const outside = document.activeElement;
  if (outside && outside !== document.body && outside !== document.documentElement && outside !== host) return;
  const named = watch.fallback ? root.querySelector(watch.fallback) : null;
  const target = named && usable(named) ? named : nearest(root, watch.trail);
  target?.focus();
}

/** Rule 2, then rule 3: in the new content, else the nearest place before, else after. */
function nearest(root: ShadowRoot, trail: Step[]): HTMLElement | undefined {
  const kept = trail.findIndex((step) => step.node.isConnected);
  const container: ParentNode = kept < 0 ? root : trail[kept]!.node;
  const gone = trail[(kept < 0 ? trail.length : kept) - 1]!;
  const sibling = (node: Element | null) => (node?.isConnected && node.parentNode === container ? node : null);
  const before = sibling(gone.previous);
  const after = sibling(gone.next);
  const places = [...root.querySelectorAll(PLACES)].filter(usable);
  const isNew = (place: Element) =>
    container.contains(place) && (!before || (precedes(before, place) && !before.contains(place))) && (!after || precedes(place, after));
  const fresh = places.filter(isNew);
  const heading = fresh.find((place) => /^H[1-6]$/.test(place.tagName));
  if (heading ?? fresh[0]) return heading ?? fresh[0];
  // Nothing to land on where the control was: the closest place before that spot, else after it.
  const earlier = places.filter((place) => (before ? before.contains(place) || precedes(place, before) : precedes(place, container as Node)));
  return earlier.at(-1) ?? places.find((place) => !earlier.includes(place));
}
