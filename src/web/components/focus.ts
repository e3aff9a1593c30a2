import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** What Tab can reach inside a dialog (disabled controls and tabindex=-1 are skipped by the browser too). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** How long a page may take to render its heading after a route change (data still loading). */
const HEADING_WAIT_MS = 3000;

/**
 * Moves focus to `element` even when it is not normally focusable (a heading): screen readers then
 * read it, and the next Tab continues from there. tabindex=-1 keeps it out of the Tab order.
 */
export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected) return false;
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
  element.focus();
  return document.activeElement === element;
}

/** Focus the page's h1 inside `container`, or the container itself while the page has none yet. */
export function focusPageHeading(container: HTMLElement): void {
  if (focusElement(container.querySelector<HTMLElement>('h1'))) return;
  focusElement(container);
  // Pages that load data first show a spinner, then their heading: follow it once it appears,
  // unless the user has moved on in the meantime.
  const observer = new MutationObserver(() => {
    const heading = container.querySelector<HTMLElement>('h1');
    if (!heading) return;
    observer.disconnect();
    if (document.activeElement === container) focusElement(heading);
  });
  observer.observe(container, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
}

/**
 * A Link's `state` for links that switch a section of the same page (tabs above a panel): focus
 * stays on the link the user chose instead of jumping back to the page heading above it.
 */
export const KEEP_FOCUS = { keepFocus: true } as const;

const keepsFocus = (state: unknown) =>
  typeof state === 'object' && state !== null && (state as { keepFocus?: unknown }).keepFocus === true;

/**
 * After an in-app navigation, focus goes to the new page's heading, as a full page load would put
 * the reader at the top; otherwise keyboard users stay on a link that no longer means anything.
 * Route changes the user did not cause (the first page of a visit, a reload, a redirect on
 * arrival such as /settings → /settings/aws) leave focus alone, so the skip link stays the
 * first Tab stop. Links with `KEEP_FOCUS` state leave focus where it is, too.
 */
export function useFocusOnRouteChange(container: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  // Read when the navigation starts (its first render), not when its lazy page has arrived: a key
  // pressed while the page loads does not make a redirect on arrival the user's own navigation.
  if (!actedBeforeLocation.has(location.key)) actedBeforeLocation.set(location.key, userHasActed);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change by design
  useEffect(() => {
    const userNavigated = actedBeforeLocation.get(location.key) === true;
    if (!userNavigated || !container.current || keepsFocus(location.state)) return;
    focusPageHeading(container.current);
  }, [location.pathname]);
}

/**
 * Rendered beside a page inside its Suspense boundary: its effect runs once the page's chunk has
 * arrived and the page is on screen, so focus goes to its heading, never to the loading spinner.
 */
export function FocusPageOnArrival({ container }: { container: RefObject<HTMLElement | null> }): null {
  useFocusOnRouteChange(container);
  return null;
}

/** Set by the first key press or pointer press of this page load (module state: one per load). */
let userHasActed = false;
/** Whether the user had acted when each location (by its history key) was first rendered. */
const actedBeforeLocation = new Map<string, boolean>();
if (typeof window !== 'undefined') {
  for (const type of ['keydown', 'pointerdown'] as const) {
    window.addEventListener(type, () => (userHasActed = true), { capture: true, once: true });
  }
}

/** Keeps Tab and Shift+Tab cycling inside `container` (a modal dialog). */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const tabbable = [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = tabbable[0];
  const last = tabbable[tabbable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const outside = !container.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
