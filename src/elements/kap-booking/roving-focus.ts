/**
 * Roving tabindex for a group of buttons: one tab stop per group, arrow keys move within it.
 * Returns the index to move to for `key`, or `undefined` when the key is not ours.
 */
export function rovingIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Handles a keydown inside a roving group whose items carry `data-roving`. Focuses the new item
 * and returns its `data-roving` value so the element can keep that item as the tab stop.
 */
export function moveRovingFocus(event: KeyboardEvent, group: HTMLElement): string | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const items = [...group.querySelectorAll<HTMLElement>('[data-roving]')];
  const current = (event.target as Element | null)?.closest<HTMLElement>('[data-roving]');
  const index = current ? items.indexOf(current) : -1;
  if (index < 0) return undefined;
  const next = rovingIndex(event.key, index, items.length);
  if (next === undefined) return undefined;
  event.preventDefault();
  const target = items[next]!;
  for (const item of items) item.tabIndex = item === target ? 0 : -1;
  target.focus();
  return target.dataset['roving'];
}
