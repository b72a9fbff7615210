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
 *
 * Finding that place (`focus-landing.ts`) is rarely needed: it comes in a module of its own (in the
 * drop-in files, a chunk), fetched once the element has first drawn, so that it is at hand by the
 * time a control could be removed; should one be removed before, focus lands once it has come.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Step, Watch } from './focus-landing.js';
import { importOnce } from './import-once.js';
import { nextTask } from './next-task.js';

/** The finding of where focus lands, once here. */
let landing: typeof import('./focus-landing.js') | undefined;
const loadLanding = importOnce(() => import('./focus-landing.js'));
const fetchLanding = () => loadLanding().then((module) => (landing = module));
/** Whether the finding was asked for ahead of need (once a page: a failure is asked again when needed). */
let asked = false;

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
    if (!asked) {
      asked = true;
      nextTask()
        .then(fetchLanding)
        .catch(() => undefined);
    }
    const watch = this.#watch;
    this.#watch = undefined;
    if (!watch || watch.element.isConnected) return;
    // After the element's own `updated()`, which runs right after this and may move focus itself.
    if (landing) queueMicrotask(() => this.#land(watch));
    else
      fetchLanding().then(
        () => this.#land(watch),
        () => this.#land(watch, false),
      );
  }

  /** Where focus lands; without the search (its module did not come), the first place that takes it for the content (a heading). */
  #land(watch: Watch, found = true): void {
    const root = this.#root;
    if (!root) return;
    if (found) landing!.land(this.#host, root, watch);
    else if (this.#host.isConnected && !root.activeElement && document.activeElement === document.body)
      root.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }
}

function trailOf(active: Element): Step[] {
  const trail: Step[] = [];
  for (let node: Element | null = active; node; node = node.parentElement) {
    trail.push({ node, previous: node.previousElementSibling, next: node.nextElementSibling });
  }
  return trail;
}
