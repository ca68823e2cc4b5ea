/**
 * The header in the browser. On narrow screens the menu button opens and closes the navigation
 * (CSS shows the button only when scripts run, so without them the navigation simply stays open).
 * The header's height is shared with CSS as --header-height, so sticky table headers and anchor
 * jumps land just under it, whatever the organisation's name or the open menu make it.
 */
export function enhanceHeader(header: HTMLElement): void {
  const button = header.querySelector<HTMLButtonElement>('[data-menu-button]')!;
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const setOpen = (open: boolean) => button.setAttribute('aria-expanded', String(open));
  button.addEventListener('click', () => setOpen(!isOpen()));
  // A menu left open while focus moves on would cover what is focused: close it.
  header.addEventListener('focusout', (event) => {
    if (isOpen() && button.offsetParent !== null && !header.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen() || button.offsetParent === null) return;
    setOpen(false);
    button.focus();
  });
  const share = () => document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
  new ResizeObserver(share).observe(header);
  share();
}
