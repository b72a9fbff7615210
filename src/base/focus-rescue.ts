/**
 * Keeps keyboard focus inside an element when one of its renders removes the control that had it:
 * a "Try again" that disappears once the retry is under way, "Show next week" replaced by the
 * next week's times, a loading message replaced by what it was loading. Left alone, the browser
 * drops focus to `<body>`, and a keyboard or screen-reader user is thrown back to the top of the
 * page with no word of what happened.
 *
 * Before each render the controller notes the focused control and where it sits. After the render
 * — once the element's own `updated()` has had its chance to move focus on purpose (a new step's
 * heading, the error summary) — if that control is gone and nothing else took focus, it moves
 * focus to:
 *  1. the place the lost control names in `data-focus-fallback` (a selector inside the element),
 *     e.g. a checklist item's checkbox after its "Try again";
 *  2. else the first place in the content that replaced it: a heading that can take focus
 *     (`tabindex="-1"`), else its first focusable control — which may be a loading message
 *     (`tabindex="-1"`), itself replaced in turn by what it was loading;
 *  3. else the nearest focusable place before it, else after it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

/** Where focus can land: controls, and anything given a `tabindex` (headings, loading messages). */
const PLACES = 'a[href], button, input, select, textarea, [tabindex]';

interface Step {
  node: Element;
  previous: Element | null;
  next: Element | null;
}

interface Watch {
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

export class FocusRescue implements ReactiveController {
  readonly #host: ReactiveElement;
  #watch: Watch | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  get #root(): ShadowRoot | undefined {
    const root = this.#host.renderRoot;
    return root instanceof ShadowRoot ? root : undefined;
  }

  hostUpdate(): void {
    const active = this.#root?.activeElement;
    this.#watch = active ? { element: active, fallback: active.getAttribute('data-focus-fallback') ?? undefined, trail: trailOf(active) } : undefined;
  }

  hostUpdated(): void {
    const watch = this.#watch;
    this.#watch = undefined;
    // After the element's own `updated()`, which runs right after this and may move focus itself.
    if (watch && !watch.element.isConnected) queueMicrotask(() => this.#rescue(watch));
  }

  #rescue(watch: Watch): void {
    const root = this.#root;
    if (!root || !this.#host.isConnected || root.activeElement) return;
    // The client moved on to something else on the page meanwhile: leave it there.
    const outside = document.activeElement;
    if (outside && outside !== document.body && outside !== document.documentElement && outside !== this.#host) return;
    const named = watch.fallback ? root.querySelector(watch.fallback) : null;
    const target = named && usable(named) ? named : this.#nearest(root, watch.trail);
    target?.focus();
  }

  /** Rule 2, then rule 3: in the new content, else the nearest place before, else after. */
  #nearest(root: ShadowRoot, trail: Step[]): HTMLElement | undefined {
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
}

function trailOf(active: Element): Step[] {
  const trail: Step[] = [];
  for (let node: Element | null = active; node; node = node.parentElement) {
    trail.push({ node, previous: node.previousElementSibling, next: node.nextElementSibling });
  }
  return trail;
}
