import type { Writable } from 'node:stream';
import { createFormatters } from './format.js';
import { label } from './i18n.js';
import { buildReportModel, checkLookup } from './model.js';
import { readOrgModel } from './org-model.js';
import type { RenderContext } from './pdf/context.js';
import { accountTitle, drawOrgCover, drawOrgSummary, type OrgRenderContext } from './pdf/org.js';
import { drawOrgCompliance } from './pdf/org-compliance.js';
import { drawOrgToc, startPart } from './pdf/org-toc.js';
import { drawAccountSections, renderTwoPasses } from './pdf.js';
import { accountPasses, accountReportInput, type OrgReport } from './types.js';

/**
 * The PDF over several accounts: a cover, the contents (page numbers and the PDF's outline), the
 * organization summary (totals, accounts ranked by risk and by savings, the accounts not scanned),
 * the compliance roll-up over the accounts when asked for, then each scanned account's sections — the same
 * renderers as the single-account report, their headings and running header naming the account.
 *
 * The summary comes from one pass over the accounts (compact figures); each layout pass then reads
 * the accounts again and draws each one's sections before it reads the next.
 */
export async function renderOrgPdf(input: OrgReport, out: Writable): Promise<void> {
  const org = await readOrgModel(input);
  const pass = accountPasses(input);
  const fmt = createFormatters(input.lang, input.timeZone, input.displayCurrency);
  const lang = input.lang;
  const scope = input.organizationId ?? input.account.id ?? '—';
  const header = `${label(lang, 'productName')} · ${label(lang, 'organization')} ${scope} · ${label(lang, 'orgReportTitle')}`;
  const checkOf = checkLookup(input.checks);
  await renderTwoPasses(
    {
      lang,
      title: `${label(lang, 'orgReportTitle')} — ${scope}`,
      subject: `${label(lang, 'runId')} ${input.scanId}`,
      generatedAt: input.generatedAt,
      header,
    },
    out,
    async (w, pageMap) => {
      const orgCtx: OrgRenderContext = { w, input, org, fmt, ...(pageMap ? { pageMap } : {}) };
      w.addPage();
      drawOrgCover(orgCtx);
      startPart(orgCtx, label(lang, 'contents'));
      drawOrgToc(orgCtx);
      startPart(orgCtx, label(lang, 'orgSummary'));
      await drawOrgSummary(orgCtx);
      if (input.compliance?.length) {
        startPart(orgCtx, label(lang, 'orgCompliance'));
        await drawOrgCompliance(orgCtx);
      }
      // One account's findings and model at a time: built when the pass reaches it, dropped after.
      for await (const account of pass()) {
        if (account.status !== 'scanned') continue;
        const accountInput = accountReportInput(input, account.report);
        const title = accountTitle(account);
        startPart(orgCtx, title);
        w.scope = {
          key: account.id,
          prefix: `${title} · `,
          header: `${label(lang, 'productName')} · ${label(lang, 'accountHeader', { account: title })} · ${label(lang, 'orgReportTitle')}`,
        };
        const ctx: RenderContext = {
          w,
          input: accountInput,
          model: buildReportModel(accountInput),
          fmt,
          checkOf,
          ...(pageMap ? { pageMap } : {}),
        };
        await drawAccountSections(ctx);
      }
      w.scope = undefined;
    },
  );
}
