import { once } from 'node:events';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import { createFormatters, type Formatters } from './format.js';
import { label, SERVICE_LABELS } from './i18n.js';
import { buildReportModel, checkLookup, type ReportModel } from './model.js';
import { drawComplianceSection } from './pdf/compliance.js';
import type { RenderContext } from './pdf/context.js';
import { reportFonts } from './pdf/fonts.js';
import { drawCover, drawExecutiveSummary, drawToc } from './pdf/front.js';
import { type PageMap, PdfWriter } from './pdf/layout.js';
import { drawAppendix, drawServiceSection } from './pdf/sections.js';
import { FONT, PAGE } from './pdf/theme.js';
import type { ReportInput } from './types.js';

/**
 * Renders the advisor PDF (merged for every service of `input.services`, or one service when it
 * lists one) and streams it into `out`, which is ended when the document is complete.
 *
 * "Page X / Y" and the table of contents need page numbers before the pages exist. Rather than
 * buffering every page in memory (pdfkit's bufferPages), the layout runs twice: a first pass into a
 * discarding sink learns the page map, the second streams the real document. Layout is
 * deterministic, so both passes break pages identically; memory stays bounded by pdfkit's
 * per-page state and the stream high-water mark.
 *
 * Throws ReportInputError (before writing anything) for an unknown service or time zone.
 */
export async function renderAdvisorPdf(input: ReportInput, out: Writable): Promise<void> {
  const model = buildReportModel(input);
  const fmt = createFormatters(input.lang, input.timeZone, input.displayCurrency);
  const pageMap = await renderPass(input, model, fmt, discardingSink(), undefined);
  const second = await renderPass(input, model, fmt, out, pageMap);
  if (second.totalPages !== pageMap.totalPages) {
    // Would mean non-deterministic layout; the footers would then lie about Y.
    throw new Error(
      `PDF layout changed between passes (${pageMap.totalPages} vs ${second.totalPages} pages)`,
    );
  }
}

/** Restricts a report to one service (the per-service PDF is the same document, filtered). */
export function forService(input: ReportInput, service: ReportInput['services'][number]): ReportInput {
  return { ...input, services: [service] };
}

function discardingSink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

/** Keeps the encoded PDF from piling up in memory while the (synchronous) layout runs ahead. */
const MAX_BUFFERED_BYTES = 1 << 20;

function backpressure(doc: Readable, out: Writable): () => Promise<void> {
  return async () => {
    while (doc.readableLength > MAX_BUFFERED_BYTES) {
      if (out.writableNeedDrain) await once(out, 'drain');
      else await nextTurn();
    }
  };
}

async function renderPass(
  input: ReportInput,
  model: ReportModel,
  fmt: Formatters,
  sink: Writable,
  pageMap: PageMap | undefined,
): Promise<PageMap> {
  const lang = input.lang;
  const fonts = reportFonts();
  const accountId = input.account.id ?? input.collection.accountId ?? '—';
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    lang: lang === 'ko' ? 'ko-KR' : 'en-US',
    info: {
      Title: `${label(lang, 'reportTitle')} — ${accountId}`,
      Author: label(lang, 'productName'),
      ...(input.runId ? { Subject: `${label(lang, 'runId')} ${input.runId}` } : {}),
      Creator: label(lang, 'productName'),
      CreationDate: new Date(input.generatedAt),
    },
  });
  // pdfkit accepts a parsed fontkit font (its typings only list file sources).
  doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer);
  const done = pipeline(doc, sink);
  try {
    const header = `${label(lang, 'productName')} · ${label(lang, 'account')} ${accountId} · ${label(lang, 'reportTitle')}`;
    const w = new PdfWriter(doc, lang, header, pageMap?.totalPages, fonts.clean);
    w.relieve = backpressure(doc, sink);
    const ctx: RenderContext = { w, input, model, fmt, checkOf: checkLookup(input.checks), pageMap };
    const tocTitles = [
      label(lang, 'executiveSummary'),
      ...model.services.map((s) => SERVICE_LABELS[s]),
      ...(input.compliance?.length ? [label(lang, 'compliance')] : []),
      label(lang, 'appendix'),
    ];
    w.addPage();
    drawCover(ctx);
    drawToc(ctx, tocTitles);
    await drawExecutiveSummary(ctx);
    for (const section of model.sections) await drawServiceSection(ctx, section);
    await drawComplianceSection(ctx);
    await drawAppendix(ctx);
    doc.end();
    await done;
    return { totalPages: w.page, toc: w.toc };
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw error;
  }
}
