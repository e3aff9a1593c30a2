import { label } from '../i18n.js';
import { tocLine } from './front.js';
import { accountTitle, type OrgRenderContext } from './org.js';

/** What the organization report's contents list: its own sections, then one line per account. */
export function orgTocEntries(ctx: OrgRenderContext): { title: string; page: number; indent: number }[] {
  const { input, org, pageMap } = ctx;
  const lang = input.lang;
  // Level-1 headings outside an account's sections carry no key; each account's first one does.
  const pageOfTitle = (title: string) => pageMap?.toc.find((e) => !e.key && e.title === title)?.page ?? 0;
  const pageOfAccount = (id: string) => pageMap?.toc.find((e) => e.key === id)?.page ?? 0;
  const own = [
    label(lang, 'orgSummary'),
    ...(input.compliance?.length ? [label(lang, 'orgCompliance')] : []),
  ];
  return [
    ...own.map((title) => ({ title, page: pageOfTitle(title), indent: 0 })),
    ...org.scanned.map((account) => ({
      title: accountTitle(account),
      page: pageOfAccount(account.id),
      indent: 0,
    })),
  ];
}

/**
 * The contents after the cover, as many pages as the accounts need (the same in both passes: the
 * lines are known before any page number is).
 */
export function drawOrgToc(ctx: OrgRenderContext): void {
  const { w } = ctx;
  w.heading(label(ctx.input.lang, 'contents'), 1, { toc: false });
  for (const entry of orgTocEntries(ctx)) {
    w.ensureSpace(22);
    tocLine(w, entry.title, entry.page, entry.indent);
  }
}

/** Starts a top-level part on a new page and bookmarks it in the PDF's outline (the reader's sidebar). */
export function startPart(ctx: OrgRenderContext, title: string): void {
  ctx.w.addPage();
  ctx.w.doc.outline.addItem(ctx.w.clean(title, 200));
}
