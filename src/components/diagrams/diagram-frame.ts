/**
 * Enhances every diagram frame on the page: while the drawing is wider than its frame (a phone),
 * a "scroll →" hint and a "Fit to width" button show above it. Fit scales the drawing down to the
 * frame's width (the figure gets `dg--fit`) and a second press brings it back to its own size.
 * The frame is a named, focusable region only while it scrolls, so a diagram that fits is not
 * an extra tab stop. Without JavaScript the frame is always focusable (it may scroll) and still
 * scrolls, with shadows at the edges that have more.
 */

function enhance(figure: HTMLElement) {
  const frame = figure.querySelector<HTMLElement>(':scope > [data-frame]');
  const bar = figure.querySelector<HTMLElement>(':scope > [data-frame-bar]');
  const fit = bar?.querySelector<HTMLButtonElement>('[data-fit]');
  const hint = bar?.querySelector<HTMLElement>('[data-scroll-hint]');
  if (!frame || !bar || !fit || !hint || figure.dataset.frameReady !== undefined) return;
  figure.dataset.frameReady = '';
  const label = frame.getAttribute('aria-label');
  const update = () => {
    const fitted = figure.classList.contains('dg--fit');
    const overflows = frame.scrollWidth > frame.clientWidth + 1;
    if (overflows) {
      frame.tabIndex = 0;
      frame.setAttribute('role', 'region');
      if (label) frame.setAttribute('aria-label', label);
    } else {
      frame.removeAttribute('tabindex');
      frame.removeAttribute('role');
      frame.removeAttribute('aria-label');
    }
    bar.hidden = !overflows && !fitted;
    hint.hidden = !overflows || frame.scrollLeft + frame.clientWidth >= frame.scrollWidth - 1;
  };
  fit.addEventListener('click', () => {
    const fitted = figure.classList.toggle('dg--fit');
    fit.setAttribute('aria-pressed', String(fitted));
    update();
  });
  frame.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(frame);
  const svg = frame.querySelector('svg');
  if (svg) new ResizeObserver(update).observe(svg);
  update();
}

document.querySelectorAll<HTMLElement>('figure.dg').forEach(enhance);
