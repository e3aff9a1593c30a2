/**
 * Keyboard-only browser helpers: press keys, walk the Tab order to a target, and assert where focus
 * is and that it can be seen. Targets are Playwright locators, so roles and accessible names are
 * computed the way assistive technology computes them.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How far a Tab walk may go before the target counts as unreachable. */
const MAX_TAB_STOPS = 60;
/** How long a smooth scroll or a focus-shadow transition may take to settle. */
const SETTLE_MS = 2000;

export type TabKey = 'Tab' | 'Shift+Tab';

export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
}

/** True when one of the elements the locator matches has focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return (await locator.and(locator.page().locator(':focus')).count()) > 0;
}

export async function expectFocus(locator: Locator): Promise<void> {
  await expect.poll(() => isFocused(locator), { message: `focus on ${locator}` }).toBe(true);
}

interface FocusView {
  label: string;
  inViewport: boolean;
  ring: boolean;
}

/** The focused element: a short label for messages, whether it is on screen, whether it shows a ring. */
async function describeFocus(page: Page, wantRing: boolean): Promise<FocusView> {
  const deadline = Date.now() + SETTLE_MS;
  let view = await page.evaluate<FocusView>(DESCRIBE_FOCUS);
  // Bootstrap scrolls smoothly and fades focus shadows in: give both a few frames to arrive.
  const settled = (v: FocusView) => v.inViewport && (v.ring || !wantRing);
  while (!settled(view) && view.label !== '<body>' && Date.now() < deadline) {
    await page.waitForTimeout(100);
    view = await page.evaluate<FocusView>(DESCRIBE_FOCUS);
  }
  return view;
}

// Runs in the page (a string: the test build has no DOM types).
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { label: '<body>', inViewport: false, ring: false };
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
  const kind = el.getAttribute('type') ?? el.getAttribute('role') ?? '';
  return {
    label: '<' + el.tagName.toLowerCase() + (kind ? ' ' + kind : '') + '> "' + name + '"',
    inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
      box.top < window.innerHeight && box.left < window.innerWidth,
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
})()`;

/**
 * The focused element is on screen and, for controls (`ring`), drawn with a focus indicator
 * (an outline or Bootstrap's focus shadow). Headings and landmarks focused after navigation draw none.
 */
export async function expectVisibleFocus(page: Page, options: { ring?: boolean } = {}): Promise<void> {
  const view = await describeFocus(page, options.ring ?? true);
  expect(view.inViewport, `${view.label} is in the viewport`).toBe(true);
  if (options.ring ?? true) expect(view.ring, `${view.label} shows a focus ring`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking that every stop on the way is
 * visible; fails with the list of stops when the target is not reached.
 */
export async function tabTo(page: Page, target: Locator, key: TabKey = 'Tab'): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < MAX_TAB_STOPS; i++) {
    await press(page, key);
    const view = await describeFocus(page, true);
    stops.push(view.label);
    const path = `after ${stops.join(' → ')}`;
    expect(view.inViewport, `Tab stop ${view.label} is in the viewport (${path})`).toBe(true);
    expect(view.ring, `Tab stop ${view.label} shows a focus ring (${path})`).toBe(true);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} never reached ${target}; stops:\n  ${stops.join('\n  ')}`);
}
