import { CATEGORIES, SEVERITIES } from '../../core/services.js';
import { CATEGORY_LABELS, label, SERVICE_LABELS, SEVERITY_LABELS } from '../i18n.js';
import { drawActions } from './actions.js';
import { drawBarChart, drawDonutChart } from './charts.js';
import type { RenderContext } from './context.js';
import type { PdfWriter } from './layout.js';
import {
  CATEGORY_COLORS,
  COLORS,
  CONTENT_WIDTH,
  FONT,
  PAGE,
  SEVERITY_COLORS,
  SIZE,
  scoreColor,
} from './theme.js';

/** Cover, table of contents and executive summary. */

export function drawCover(ctx: RenderContext): void {
  const { w, input, fmt } = ctx;
  const lang = input.lang;
  const scope =
    ctx.model.services.length === 1
      ? SERVICE_LABELS[ctx.model.services[0]!]
      : ctx.model.services.map((s) => SERVICE_LABELS[s]).join(' · ');
  const accountId = input.account.id ?? input.collection.accountId ?? '—';
  const connection = input.account.connectionName ?? input.collection.connectionName;
  // The account and what was looked at, in words a reader knows (the run id is in the metadata).
  const rows: [string, string][] = [
    [label(lang, 'account'), connection ? `${accountId} · ${connection}` : accountId],
  ];
  rows.push([
    label(lang, 'scope'),
    label(lang, 'scopeLine', {
      services: fmt.number(ctx.model.services.length),
      regions: fmt.number(input.regions.length),
    }),
  ]);
  rows.push([label(lang, 'generatedAt'), fmt.dateTime(input.generatedAt)]);
  const collectedAt = input.collection.finishedAt ?? input.collection.startedAt;
  if (collectedAt) rows.push([label(lang, 'collectedAt'), fmt.dateTime(collectedAt)]);
  rows.push([label(lang, 'regions'), input.regions.join(', ')]);
  rows.push([label(lang, 'services'), ctx.model.services.map((s) => SERVICE_LABELS[s]).join(', ')]);
  drawCoverPage(w, { title: label(lang, 'reportTitle'), subtitle: scope, rows });
}

/** The cover's look: product and title on the brand band, then label / value rows. */
export function drawCoverPage(
  w: PdfWriter,
  cover: { title: string; subtitle: string; rows: readonly [string, string][] },
): void {
  const doc = w.doc;
  doc.rect(0, 0, PAGE.width, 250).fill(COLORS.brand);
  doc.rect(0, 250, PAGE.width, 6).fill(COLORS.accent);
  doc.font(FONT.bold).fontSize(SIZE.h2).fillColor('#C7D2FE');
  doc.text(label(w.lang, 'productName'), PAGE.marginX, 90, { width: CONTENT_WIDTH });
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor(COLORS.white);
  doc.text(cover.title, PAGE.marginX, 112, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(SIZE.h3).fillColor('#E0E7FF');
  doc.text(w.clean(cover.subtitle), PAGE.marginX, 160, { width: CONTENT_WIDTH });
  let y = 300;
  for (const [key, value] of cover.rows) {
    doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLORS.muted);
    doc.text(key, PAGE.marginX, y, { width: 110 });
    doc.font(FONT.bold).fontSize(SIZE.h3).fillColor(COLORS.text);
    const text = w.clean(value, 400);
    doc.text(text, PAGE.marginX + 120, y - 1, { width: CONTENT_WIDTH - 120 });
    y = Math.max(doc.y, y + 14) + 10;
  }
  doc.fillColor(COLORS.text);
}

/** Exactly one page; in the first pass the page numbers are unknown and drawn as "0". */
export function drawToc(ctx: RenderContext, titles: readonly string[]): void {
  ctx.w.heading(label(ctx.input.lang, 'contents'), 1, { toc: false });
  titles.forEach((title, i) => {
    tocLine(ctx.w, title, ctx.pageMap?.toc[i]?.page ?? 0);
  });
}

/** One line of a table of contents: the title, a dotted leader and the page number on the right. */
export function tocLine(w: PdfWriter, title: string, page: number, indent = 0): void {
  const doc = w.doc;
  const y = doc.y;
  const x = PAGE.marginX + indent;
  doc.font(FONT.regular).fontSize(SIZE.h3).fillColor(COLORS.text);
  const text = w.clean(title, 120);
  doc.text(text, x, y, { width: CONTENT_WIDTH - indent - 40, lineBreak: false });
  const textEnd = x + doc.widthOfString(text) + 6;
  const pageX = PAGE.marginX + CONTENT_WIDTH - 30;
  doc
    .moveTo(textEnd, y + 9)
    .lineTo(pageX - 4, y + 9)
    .dash(1, { space: 2 })
    .lineWidth(0.5)
    .stroke(COLORS.muted)
    .undash();
  doc.font(FONT.bold).text(String(page), pageX, y, { width: 30, align: 'right', lineBreak: false });
  doc.x = PAGE.marginX;
  doc.y = y + 22;
}

function scoreCard(
  ctx: RenderContext,
  x: number,
  y: number,
  width: number,
  title: string,
  score: number | null,
  big: boolean,
): void {
  const text = score === null ? label(ctx.input.lang, 'noScore') : String(score);
  statCard(ctx.w, { x, y, width }, title, text, scoreColor(score), big);
}

/** A framed figure with its title above it and a coloured bar on its left. */
export function statCard(
  w: PdfWriter,
  box: { x: number; y: number; width: number },
  title: string,
  value: string,
  color: string,
  big = false,
): void {
  const doc = w.doc;
  const { x, y, width } = box;
  const height = big ? 86 : 40;
  doc.roundedRect(x, y, width, height, 5).lineWidth(0.8).stroke(COLORS.rule);
  doc.rect(x, y + 6, 3, height - 12).fill(color);
  doc.font(FONT.regular).fontSize(SIZE.table).fillColor(COLORS.muted);
  doc.text(title, x + 10, y + 7, { width: width - 14, lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(big ? 34 : 15)
    .fillColor(color);
  doc.text(value, x + 10, y + (big ? 24 : 18), { width: width - 14, lineBreak: false });
}

export async function drawExecutiveSummary(ctx: RenderContext): Promise<void> {
  const { w, model, fmt, input } = ctx;
  const lang = input.lang;
  const doc = w.doc;
  w.heading(label(lang, 'executiveSummary'), 1);
  const top = doc.y;
  const leftWidth = 150;
  scoreCard(ctx, PAGE.marginX, top, leftWidth, label(lang, 'overallScore'), model.overall.score, true);
  // Savings under the overall score.
  const savingsY = top + 94;
  doc.roundedRect(PAGE.marginX, savingsY, leftWidth, 40, 5).lineWidth(0.8).stroke(COLORS.rule);
  doc.font(FONT.regular).fontSize(SIZE.table).fillColor(COLORS.muted);
  doc.text(label(lang, 'totalSavings'), PAGE.marginX + 10, savingsY + 7, {
    width: leftWidth - 14,
    lineBreak: false,
  });
  doc.font(FONT.bold).fontSize(15).fillColor(COLORS.good);
  doc.text(fmt.money(model.totalSavingsUsd), PAGE.marginX + 10, savingsY + 18, {
    width: leftWidth - 14,
    lineBreak: false,
  });

  const gridX = PAGE.marginX + leftWidth + 12;
  const gridWidth = CONTENT_WIDTH - leftWidth - 12;
  const cardWidth = (gridWidth - 2 * 8) / 3;
  model.sections.forEach((section, i) => {
    const x = gridX + (i % 3) * (cardWidth + 8);
    const y = top + Math.floor(i / 3) * 47;
    scoreCard(ctx, x, y, cardWidth, SERVICE_LABELS[section.service], section.score.score, false);
  });
  doc.y = top + 146;
  w.paragraph(label(lang, 'scoreExplained'), { size: SIZE.small, color: COLORS.muted, gapAfter: 12 });

  const chartTop = doc.y;
  const half = (CONTENT_WIDTH - 20) / 2;
  doc.font(FONT.bold).fontSize(SIZE.h3).fillColor(COLORS.text);
  doc.text(label(lang, 'findingsBySeverity'), PAGE.marginX, chartTop, { width: half, lineBreak: false });
  doc.text(label(lang, 'findingsByCategory'), PAGE.marginX + half + 20, chartTop, {
    width: half,
    lineBreak: false,
  });
  const box = { y: chartTop + 20, width: half, height: 120 };
  drawBarChart(
    doc,
    SEVERITIES.map((s) => ({
      label: SEVERITY_LABELS[lang][s],
      value: model.openBySeverity[s],
      color: SEVERITY_COLORS[s],
    })),
    { ...box, x: PAGE.marginX },
    fmt.number,
  );
  drawDonutChart(
    doc,
    CATEGORIES.map((c) => ({
      label: CATEGORY_LABELS[lang][c],
      value: model.openByCategory[c],
      color: CATEGORY_COLORS[c],
    })),
    { ...box, x: PAGE.marginX + half + 20 },
    fmt.number,
  );
  doc.x = PAGE.marginX;
  doc.y = box.y + box.height + 20;

  drawActions(ctx);

  w.heading(label(lang, 'topOpportunities'), 2, { toc: false });
  if (model.topOpportunities.length === 0) {
    w.paragraph(label(lang, 'noOpportunities'), { color: COLORS.muted });
    return;
  }
  await w.table(
    [
      { header: label(lang, 'check'), width: 0.3 },
      { header: label(lang, 'resource'), width: 0.3 },
      { header: label(lang, 'region'), width: 0.18 },
      { header: label(lang, 'savingsPerMonth'), width: 0.22, align: 'right' },
    ],
    model.topOpportunities.map((f) => [
      ctx.checkOf(f).failureLabel[lang],
      f.resourceName ?? f.resourceId,
      f.region,
      fmt.money(f.estimatedMonthlySavingsUsd ?? 0),
    ]),
  );
}
