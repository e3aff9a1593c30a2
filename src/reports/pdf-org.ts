import type { Writable } from 'node:stream';
import { createFormatters } from './format.js';
import { label } from './i18n.js';
import { checkLookup } from './model.js';
import { buildOrgModel } from './org-model.js';
import type { RenderContext } from './pdf/context.js';
import { accountTitle, drawOrgCover, drawOrgSummary, type OrgRenderContext } from './pdf/org.js';
import { drawOrgCompliance } from './pdf/org-compliance.js';
import { drawOrgToc, startPart } from './pdf/org-toc.js';
import { drawAccountSections, renderTwoPasses } from './pdf.js';
import type { OrgReportInput } from './types.js';

/**
 * The PDF over several accounts: a cover, the contents (page numbers and the PDF's outline), the
 * organization summary (totals, accounts ranked by risk and by savings, the accounts not scanned),
 * the compliance roll-up over the accounts when asked for, then each scanned account's sections — the same
 * renderers as the single-account report, their headings and running header naming the account.
 */
export async function renderOrgPdf(input: OrgReportInput, out: Writable): Promise<void> {
  const org = buildOrgModel(input);
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
      for (const account of org.scanned) {
        const title = accountTitle(account);
        startPart(orgCtx, title);
        w.scope = {
          key: account.id,
          prefix: `${title} · `,
          header: `${label(lang, 'productName')} · ${label(lang, 'accountHeader', { account: title })} · ${label(lang, 'orgReportTitle')}`,
        };
        const ctx: RenderContext = {
          w,
          input: account.input,
          model: account.model,
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
