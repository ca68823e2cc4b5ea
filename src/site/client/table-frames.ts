/**
 * Table frames in the browser: `.table-scroll` around a table, or a narrative's table, which
 * scrolls itself. A frame whose table fits is told so (`data-fits`): CSS then lets the table's
 * header row stick under the page header as the page scrolls. A frame whose table is wider than
 * the screen scrolls sideways; it becomes named and focusable (a region, unless it is the table
 * itself) so keyboard users can scroll it too. Only then: a focusable frame that does not scroll
 * is a tab stop for nothing (axe's finding on an empty table was the reverse: a scrolling frame
 * nobody could focus).
 */
export function enhanceTableFrames(frames: Iterable<HTMLElement>): void {
  // A frame is resized by the window, its table by its content: either can make it start or stop scrolling.
  const frameOf = new Map<Element, HTMLElement>();
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(frameOf.get(entry.target)!);
  });
  for (const frame of frames) {
    const table = frame.querySelector('table');
    for (const element of table ? [frame, table] : [frame]) {
      frameOf.set(element, frame);
      observer.observe(element);
    }
    update(frame);
  }
}

function update(frame: HTMLElement): void {
  const scrolls = frame.scrollWidth > frame.clientWidth + 1;
  frame.toggleAttribute('data-fits', !scrolls);
  if (scrolls) {
    frame.tabIndex = 0;
    if (!(frame instanceof HTMLTableElement)) frame.setAttribute('role', 'region');
    frame.setAttribute('aria-label', `${frameName(frame)} (scrolls sideways)`);
  } else {
    frame.removeAttribute('tabindex');
    frame.removeAttribute('role');
    frame.removeAttribute('aria-label');
  }
}

/** The table's caption, else the heading just before its frame, else the page's heading. */
function frameName(frame: HTMLElement): string {
  const caption = frame.querySelector('caption')?.textContent?.trim();
  if (caption) return caption;
  let node: Element | null = frame;
  while (node && node !== document.body) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      const heading = before.matches('h1, h2, h3, h4') ? before : before.querySelector('h1, h2, h3, h4');
      if (heading?.textContent?.trim()) return heading.textContent.trim();
    }
    node = node.parentElement;
  }
  return 'Table';
}
