/**
 * The WAI-ARIA tabs pattern's arrow keys, shared by the popup and the options
 * page: ArrowRight / ArrowLeft select the next / previous tab (wrapping) and
 * move the focus to its button (`#tab-<id>`).
 */
export function tabArrowKeys<T extends string>(ids: readonly T[], current: T, select: (id: T) => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = ids.indexOf(current);
    const next = ids[(i + (e.key === 'ArrowRight' ? 1 : ids.length - 1)) % ids.length]!;
    select(next);
    document.getElementById(`tab-${next}`)?.focus();
    e.preventDefault();
  };
}
