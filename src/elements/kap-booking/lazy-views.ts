/**
 * `<kap-booking>`'s views that are not its first screen, each imported only while it is needed (in
 * the drop-in file, a chunk fetched from the script's own origin): a page that never shows them
 * never loads them. One that does not arrive is a `chunk_unavailable` failure (see
 * src/base/chunk-failure.ts), shown with "Try again" where the view would be.
 */
import { initialState, Task } from '@lit/task';
import type { CSSResult, ReactiveControllerHost } from 'lit';
import { addStyles } from '../../base/add-styles.js';
import { chunkUnavailable } from '../../base/chunk-failure.js';

type Host = ReactiveControllerHost & HTMLElement;

type Lazy<T> = Task<readonly [boolean], T>;

/** Views imported only while `needed()`, with their styles, adopted as they arrive. */
function lazyViews<T extends { styles: CSSResult[] }>(host: Host, load: () => Promise<T>, needed: () => boolean): Lazy<T> {
  const loaded = () =>
    load().then(
      (views) => {
        addStyles(host, views.styles);
        return views;
      },
      (cause: unknown) => Promise.reject(chunkUnavailable(host, cause)),
    );
  return new Task(host, {
    task: async ([wanted]: readonly [boolean]) => (wanted ? loaded() : initialState),
    args: () => [needed()] as const,
  });
}

export interface BookingViewNeeds {
  /** Manage mode, with a link to the booking (the booking is read meanwhile). */
  manage: () => boolean;
  /** The service shown is a follow-up service (its times wait for the window's views). */
  followUp: () => boolean;
  /** The client is picking a time or has picked one: the details form and the confirmation come beside the hold. */
  afterPick: () => boolean;
}

export function bookingViews(host: Host, needs: BookingViewNeeds) {
  return {
    manage: lazyViews(host, () => import('./views/manage.js'), needs.manage),
    followUp: lazyViews(host, () => import('./views/follow-up.js'), needs.followUp),
    afterPick: lazyViews(host, () => import('./views/after-pick.js'), needs.afterPick),
  };
}
