import type PDFDocument from 'pdfkit';
import type { Lang } from '../../core/services.js';
import { label } from '../i18n.js';
import { forgetWordLayouts, LAYOUT_CACHE_PAGES } from './fonts.js';
import { COLORS, CONTENT_WIDTH, FONT, PAGE, SIZE } from './theme.js';

/** A table column: share of the content width, and how its cells align. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A cell: text, or lines that the table keeps on separate lines. */
export type Cell = string | readonly string[];

export interface TocEntry {
  title: string;
  page: number;
  level: 1 | 2;
  /** The account whose sections the entry belongs to (organization report), to find its first page. */
  key?: string;
}

/** One account's sections in an organization report: their headings and running header name it. */
export interface SectionScope {
  key: string;
  /** Put before every level-1 heading, e.g. "prod-web (111122223333) · ". */
  prefix: string;
  header: string;
}

/** What the first pass learns and the second prints: total pages and where sections start. */
export interface PageMap {
  totalPages: number;
  toc: TocEntry[];
}

const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;

/**
 * Flow layout on top of pdfkit: every block is measured before it is drawn and moved to a new
 * page when it does not fit, so nothing relies on pdfkit's implicit page breaks (which would skip
 * the running header and footer).
 */
export class PdfWriter {
  page = 0;
  readonly toc: TocEntry[] = [];
  /** Awaited between table rows so the stream can drain; set by the renderer. */
  relieve: () => Promise<void> = async () => {};
  /** Set while one account's sections are drawn in an organization report. */
  scope: SectionScope | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly lang: Lang,
    private readonly headerText: string,
    private readonly totalPages: number | undefined,
    readonly clean: (text: string, maxLength?: number) => string,
  ) {
    doc.on('pageAdded', () => this.onPageAdded());
  }

  get bottom(): number {
    return PAGE.height - PAGE.marginBottom;
  }

  addPage(): void {
    this.doc.addPage();
  }

  private onPageAdded(): void {
    this.page += 1;
    const doc = this.doc;
    if (this.page % LAYOUT_CACHE_PAGES === 0) forgetWordLayouts(doc);
    doc.x = PAGE.marginX;
    doc.y = PAGE.marginTop;
    if (this.page === 1) return; // the cover carries no running header
    // Margins are lifted while drawing outside the content box, or pdfkit would break the page.
    const { margins } = doc.page;
    const saved = { ...margins };
    margins.top = 0;
    margins.bottom = 0;
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLORS.muted);
    doc.text(this.scope?.header ?? this.headerText, PAGE.marginX, 28, {
      width: CONTENT_WIDTH,
      lineBreak: false,
    });
    doc
      .moveTo(PAGE.marginX, 42)
      .lineTo(PAGE.width - PAGE.marginX, 42)
      .lineWidth(0.5)
      .stroke(COLORS.rule);
    const total = this.totalPages === undefined ? '?' : String(this.totalPages);
    doc.text(label(this.lang, 'page', { x: this.page, y: total }), PAGE.marginX, PAGE.height - 36, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins = saved;
    doc.x = PAGE.marginX;
    doc.y = PAGE.marginTop;
    doc.fillColor(COLORS.text);
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** A section title; level 1 starts a new page. Recorded for the table of contents. */
  heading(title: string, level: 1 | 2 | 3, options: { toc?: boolean } = {}): void {
    const doc = this.doc;
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const text = this.clean(level === 1 && this.scope ? `${this.scope.prefix}${title}` : title, 200);
    if (level === 1 && (this.page === 0 || doc.y > PAGE.marginTop)) this.addPage();
    doc.font(FONT.bold).fontSize(size);
    const height = doc.heightOfString(text, { width: CONTENT_WIDTH });
    this.ensureSpace(height + (level === 3 ? 28 : 40));
    if (level !== 3 && options.toc !== false)
      this.toc.push({ title: text, page: this.page, level, ...(this.scope ? { key: this.scope.key } : {}) });
    doc.fillColor(level === 1 ? COLORS.brand : COLORS.text);
    doc.text(text, PAGE.marginX, doc.y, { width: CONTENT_WIDTH });
    if (level === 1) {
      doc
        .moveTo(PAGE.marginX, doc.y + 2)
        .lineTo(PAGE.marginX + 40, doc.y + 2)
        .lineWidth(2)
        .stroke(COLORS.accent);
      doc.y += 12;
    } else {
      doc.y += 4;
    }
    doc.fillColor(COLORS.text);
  }

  paragraph(
    text: string,
    options: { size?: number; color?: string; bold?: boolean; gapAfter?: number } = {},
  ): void {
    const doc = this.doc;
    const clean = this.clean(text, 2000);
    doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? SIZE.body);
    const height = doc.heightOfString(clean, { width: CONTENT_WIDTH, lineGap: 1.5 });
    this.ensureSpace(height);
    doc.fillColor(options.color ?? COLORS.text);
    doc.text(clean, PAGE.marginX, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    doc.y += options.gapAfter ?? 6;
    doc.fillColor(COLORS.text);
  }

  /**
   * Commands or code on a grey panel, monospaced (Courier) when the text is plain ASCII, else in
   * the report font so Hangul in a resource name still renders. Long lines wrap inside the panel.
   */
  codeBlock(lines: readonly string[], caption?: string): void {
    const doc = this.doc;
    const captionText = caption === undefined ? '' : this.clean(caption, 200);
    doc.font(FONT.bold).fontSize(SIZE.small);
    const captionHeight = captionText ? doc.heightOfString(captionText, { width: CONTENT_WIDTH }) + 2 : 0;
    const { text, height, width } = this.measureCode(lines);
    // The caption never stays behind at the bottom of a page without its block.
    if (doc.y + captionHeight + height > this.bottom) this.addPage();
    if (captionText) {
      doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLORS.text);
      doc.text(captionText, PAGE.marginX, doc.y, { width: CONTENT_WIDTH });
      doc.y += 2;
      this.measureCode(lines); // restores the code font
    }
    const y = doc.y;
    doc.rect(PAGE.marginX, y, CONTENT_WIDTH, height).fill(COLORS.headerFill);
    doc.fillColor(COLORS.text).text(text, PAGE.marginX + 6, y + 4, { width, lineGap: 1 });
    doc.x = PAGE.marginX;
    doc.y = Math.max(doc.y, y + height) + 4;
  }

  private measureCode(lines: readonly string[]): { text: string; height: number; width: number } {
    const doc = this.doc;
    const text = lines.map((line) => this.clean(line, 1000)).join('\n');
    const ascii = /^[\x20-\x7e\n]*$/.test(text);
    doc.font(ascii ? 'Courier' : FONT.regular).fontSize(SIZE.small);
    const width = CONTENT_WIDTH - 12;
    const height = Math.min(
      doc.heightOfString(text, { width, lineGap: 1 }) + 8,
      this.bottom - PAGE.marginTop,
    );
    return { text, height, width };
  }

  /** A coloured pill with white text (severity, status); returns its width. */
  badge(text: string, x: number, y: number, color: string, size: number = SIZE.small): number {
    const doc = this.doc;
    doc.font(FONT.bold).fontSize(size);
    const width = doc.widthOfString(text) + 10;
    doc.roundedRect(x, y, width, size + 6, 3).fill(color);
    doc.fillColor(COLORS.white).text(text, x + 5, y + 2.5, { lineBreak: false });
    doc.fillColor(COLORS.text);
    return width;
  }

  /**
   * A table whose cells wrap; rows never split across pages, and the header row repeats on every
   * page the table spans. `cellColor` may colour one cell (e.g. a severity).
   */
  async table(
    columns: readonly Column[],
    rows: Iterable<readonly Cell[]>,
    options: { cellColor?: (row: readonly string[], column: number) => string | undefined } = {},
  ): Promise<void> {
    const doc = this.doc;
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const measure = (cells: readonly string[], bold: boolean): number => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.table);
      let max = 0;
      cells.forEach((cell, i) => {
        const h = doc.heightOfString(cell, { width: widths[i]! - 2 * CELL_PAD_X });
        if (h > max) max = h;
      });
      return max + 2 * CELL_PAD_Y;
    };
    const draw = (
      cells: readonly string[],
      height: number,
      fill: string | undefined,
      bold: boolean,
    ): void => {
      const y = doc.y;
      if (fill) doc.rect(PAGE.marginX, y, CONTENT_WIDTH, height).fill(fill);
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.table);
      let x = PAGE.marginX;
      cells.forEach((cell, i) => {
        const color = bold ? COLORS.muted : (options.cellColor?.(cells, i) ?? COLORS.text);
        doc.fillColor(color).text(cell, x + CELL_PAD_X, y + CELL_PAD_Y, {
          width: widths[i]! - 2 * CELL_PAD_X,
          align: columns[i]?.align ?? 'left',
          lineBreak: true,
        });
        x += widths[i]!;
      });
      doc
        .moveTo(PAGE.marginX, y + height)
        .lineTo(PAGE.marginX + CONTENT_WIDTH, y + height)
        .lineWidth(0.4)
        .stroke(COLORS.rule);
      doc.y = y + height;
      doc.x = PAGE.marginX;
    };
    const headerCells = columns.map((c) => this.clean(c.header, 80));
    const headerHeight = measure(headerCells, true);
    const drawHeader = (): void => draw(headerCells, headerHeight, COLORS.headerFill, true);
    let headerOnPage = -1;
    let index = 0;
    for (const raw of rows) {
      // A cell given as lines is cleaned line by line, so only our own separators break lines.
      const cells = raw.map((cell) =>
        typeof cell === 'string' ? this.clean(cell) : cell.map((line) => this.clean(line, 300)).join('\n'),
      );
      const height = measure(cells, false);
      if (doc.y + height + (headerOnPage === this.page ? 0 : headerHeight) > this.bottom) this.addPage();
      if (headerOnPage !== this.page) {
        drawHeader();
        headerOnPage = this.page;
      }
      draw(cells, height, index % 2 === 1 ? COLORS.zebra : undefined, false);
      index += 1;
      if (index % 32 === 0) await this.relieve();
    }
    doc.fillColor(COLORS.text);
    doc.y += 8;
  }
}

export type { PDFDocument };
