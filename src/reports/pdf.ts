import { once } from 'node:events';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import { createFormatters } from './format.js';
import { label, SERVICE_LABELS } from './i18n.js';
import { buildReportModel, checkLookup } from './model.js';
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
  const lang = input.lang;
  const accountId = input.account.id ?? input.collection.accountId ?? '—';
  await renderTwoPasses(
    {
      lang,
      title: `${label(lang, 'reportTitle')} — ${accountId}`,
      ...(input.runId ? { subject: `${label(lang, 'runId')} ${input.runId}` } : {}),
      generatedAt: input.generatedAt,
      header: `${label(lang, 'productName')} · ${label(lang, 'account')} ${accountId} · ${label(lang, 'reportTitle')}`,
    },
    out,
    async (w, pageMap) => {
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
      await drawAccountSections(ctx);
    },
  );
}

/** One account's report body after its cover: summary, a section per service, compliance, appendix. */
export async function drawAccountSections(ctx: RenderContext): Promise<void> {
  await drawExecutiveSummary(ctx);
  for (const section of ctx.model.sections) await drawServiceSection(ctx, section);
  await drawComplianceSection(ctx);
  await drawAppendix(ctx);
}

/** The document's metadata and running header. */
export interface PdfDocumentSpec {
  lang: ReportInput['lang'];
  title: string;
  subject?: string;
  generatedAt: string;
  header: string;
}

/** Draws the whole document on `w`; `pageMap` is known in the second pass only. */
export type DrawDocument = (w: PdfWriter, pageMap: PageMap | undefined) => Promise<void>;

/**
 * Lays the document out twice (see renderAdvisorPdf): into a discarding sink to learn the page
 * map, then into `out`. Throws if the two passes disagree on the page count.
 */
export async function renderTwoPasses(
  spec: PdfDocumentSpec,
  out: Writable,
  draw: DrawDocument,
): Promise<void> {
  const pageMap = await renderPass(spec, draw, discardingSink(), undefined);
  const second = await renderPass(spec, draw, out, pageMap);
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
  spec: PdfDocumentSpec,
  draw: DrawDocument,
  sink: Writable,
  pageMap: PageMap | undefined,
): Promise<PageMap> {
  const lang = spec.lang;
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    bufferPages: false,
    compress: true,
    lang: lang === 'ko' ? 'ko-KR' : 'en-US',
    info: {
      Title: spec.title,
      Author: label(lang, 'productName'),
      ...(spec.subject ? { Subject: spec.subject } : {}),
      Creator: label(lang, 'productName'),
      CreationDate: new Date(spec.generatedAt),
    },
  });
  // pdfkit accepts a parsed fontkit font (its typings only list file sources).
  doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer);
  const done = pipeline(doc, sink);
  try {
    const w = new PdfWriter(doc, lang, spec.header, pageMap?.totalPages, fonts.clean);
    w.relieve = backpressure(doc, sink);
    await draw(w, pageMap);
    doc.end();
    await done;
    return { totalPages: w.page, toc: w.toc };
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw error;
  }
}
