/**
 * Settles in a task of its own, after the one running now: work the first drawing of a page does
 * not need (a request, a module to fetch) waits for it, so the page is drawn — and painted — first.
 * Everything that waits in one task waits for the same timer.
 */
let next: Promise<void> | undefined;

export const nextTask = (): Promise<void> =>
  (next ??= new Promise((go) =>
    setTimeout(() => {
      next = undefined;
      go();
    }),
  ));
