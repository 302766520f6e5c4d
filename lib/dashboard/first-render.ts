/**
 * A page's own first-render mark, read by `npm run bench` and the e2e tests:
 * `document.documentElement.dataset.firstRenderMs` = performance.now() (ms
 * since the navigation started) in the animation frame after the first data
 * render, i.e. when that content is laid out and about to be painted. Set once.
 */
export function markFirstRender(root: HTMLElement = document.documentElement): void {
  if (root.dataset.firstRenderMs !== undefined) return;
  requestAnimationFrame(() => {
    root.dataset.firstRenderMs ??= String(Math.round(performance.now() * 10) / 10);
  });
}
