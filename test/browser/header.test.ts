/**
 * The header at common laptop widths (1280 × 800 and 1440 × 900), in Korean and English, with the
 * account switcher shown (the user has a connection): every menu link stays on one line, the
 * switcher, language and user menu sit on the same row as the links, and nothing in the header
 * reaches past the window.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningConsole } from '../support/browser.js';
import {
  browserPerSuite,
  connectEmulatorUser,
  consolePerFile,
  LANGUAGES,
  signUp,
} from '../support/browser-session.js';

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

let server: RunningConsole;
consolePerFile(undefined, (started) => {
  server = started;
});

interface HeaderLayout {
  /** Menu links taller than one line of their text (plus padding): the label wrapped. */
  wrapped: string[];
  /** The menu's row: top and bottom of the links, and of the switcher. */
  links: { top: number; bottom: number };
  switcher: { top: number; bottom: number } | null;
  /** How far the header's content reaches past the window (≤ 0 when it fits). */
  overflow: number;
}

async function measureHeader(page: Page): Promise<HeaderLayout> {
  return page.evaluate(`(() => {
    const links = [...document.querySelectorAll('header .navbar-nav .nav-link')];
    const wrapped = links
      .filter((a) => {
        const s = getComputedStyle(a);
        const oneLine = parseFloat(s.lineHeight) + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
        return a.getBoundingClientRect().height > oneLine + 1;
      })
      .map((a) => a.textContent);
    const boxes = links.map((a) => a.getBoundingClientRect());
    const sw = document.querySelector('header .account-switcher');
    const swBox = sw ? sw.getBoundingClientRect() : null;
    const right = Math.max(...[...document.querySelectorAll('header *')].map((e) => e.getBoundingClientRect().right));
    return {
      wrapped,
      links: { top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)) },
      switcher: swBox ? { top: swBox.top, bottom: swBox.bottom } : null,
      overflow: right - window.innerWidth,
    };
  })()`);
}

describe.each(LANGUAGES)('header at laptop widths in $locale', ({ locale, lang, text }) => {
  let page: Page;
  browserPerSuite({ locale, name: `header-${lang}`, viewport: WIDTHS[0] }, async (opened) => {
    page = opened.page;
    // A long-ish name: the user menu shows it, so it takes its share of the row.
    await signUp(page, { baseUrl: server.baseUrl, text, username: `header-${lang}-reviewer` });
    await connectEmulatorUser(page, `header-${lang}`);
  });

  it.each(WIDTHS)('at $width px every menu label is one line beside the account switcher', async (size) => {
    await page.setViewportSize(size);
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('combobox', { name: text.scope.label }).waitFor();
    await page.evaluate('document.fonts.ready.then(() => true)');
    const layout = await measureHeader(page);
    expect(layout.wrapped).toEqual([]);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    // Same row: the switcher overlaps the links' line vertically.
    expect(layout.switcher).not.toBeNull();
    expect(layout.switcher?.top ?? 0).toBeLessThan(layout.links.bottom);
    expect(layout.switcher?.bottom ?? 0).toBeGreaterThan(layout.links.top);
  });
});
