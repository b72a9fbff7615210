/**
 * Where a flow asks focus to go: the element its view marks with that `data-focus` value. Returns
 * false when no such element is on screen (the caller then tries another, or waits a render).
 */
export function focusTarget(root: ParentNode, target: string): boolean {
  const element = root.querySelector<HTMLElement>(`[data-focus="${target}"]`);
  element?.focus();
  return Boolean(element);
}
