import { COLORS, FONT, SIZE } from './theme.js';

/** One bar or slice: an already-translated label, its value and colour. */
export interface Datum {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars drawn as vector shapes, with the value printed after each bar. */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  data: readonly Datum[],
  box: { x: number; y: number; width: number; height: number },
  formatValue: (value: number) => string,
): void {
  const labelWidth = 62;
  const valueWidth = 36;
  const barArea = box.width - labelWidth - valueWidth;
  const rowHeight = box.height / Math.max(data.length, 1);
  const barHeight = Math.min(14, rowHeight * 0.6);
  const max = Math.max(1, ...data.map((d) => d.value));
  data.forEach((datum, i) => {
    const y = box.y + i * rowHeight + (rowHeight - barHeight) / 2;
    doc.font(FONT.regular).fontSize(SIZE.table).fillColor(COLORS.text);
    doc.text(datum.label, box.x, y + barHeight / 2 - 4.5, { width: labelWidth - 6, lineBreak: false });
    doc.rect(box.x + labelWidth, y, barArea, barHeight).fill(COLORS.headerFill);
    const width = (datum.value / max) * barArea;
    if (width > 0) doc.rect(box.x + labelWidth, y, Math.max(width, 1.5), barHeight).fill(datum.color);
    doc.font(FONT.bold).fillColor(COLORS.text);
    doc.text(formatValue(datum.value), box.x + labelWidth + barArea + 4, y + barHeight / 2 - 4.5, {
      width: valueWidth - 4,
      lineBreak: false,
    });
  });
  doc.fillColor(COLORS.text);
}

function polar(cx: number, cy: number, r: number, angle: number): [number, number] {
  return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
}

/** A donut with the total in the middle and a legend on its right. */
export function drawDonutChart(
  doc: PDFKit.PDFDocument,
  data: readonly Datum[],
  box: { x: number; y: number; width: number; height: number },
  formatValue: (value: number) => string,
): void {
  const radius = Math.min(box.height, box.width * 0.45) / 2 - 2;
  const inner = radius * 0.58;
  const cx = box.x + radius + 2;
  const cy = box.y + box.height / 2;
  const total = data.reduce((sum, d) => sum + d.value, 0);
  if (total === 0) {
    doc.circle(cx, cy, radius).fill(COLORS.headerFill);
  } else {
    let start = -Math.PI / 2;
    for (const datum of data) {
      if (datum.value <= 0) continue;
      const sweep = (datum.value / total) * Math.PI * 2;
      // A full circle cannot be one SVG arc; two halves draw the same ring.
      const end = start + Math.min(sweep, Math.PI * 2 - 1e-4);
      const large = end - start > Math.PI ? 1 : 0;
      const [x1, y1] = polar(cx, cy, radius, start);
      const [x2, y2] = polar(cx, cy, radius, end);
      const [x3, y3] = polar(cx, cy, inner, end);
      const [x4, y4] = polar(cx, cy, inner, start);
      doc
        .path(
          `M ${x1} ${y1} A ${radius} ${radius} 0 ${large} 1 ${x2} ${y2} L ${x3} ${y3} ` +
            `A ${inner} ${inner} 0 ${large} 0 ${x4} ${y4} Z`,
        )
        .fill(datum.color);
      start += sweep;
    }
  }
  doc.circle(cx, cy, inner).fill(COLORS.white);
  doc.font(FONT.bold).fontSize(SIZE.h2).fillColor(COLORS.text);
  doc.text(formatValue(total), cx - inner, cy - 8, { width: inner * 2, align: 'center', lineBreak: false });

  const legendX = cx + radius + 14;
  const lineHeight = 13;
  let y = cy - (data.length * lineHeight) / 2;
  for (const datum of data) {
    doc.rect(legendX, y + 1.5, 7, 7).fill(datum.color);
    doc.font(FONT.regular).fontSize(SIZE.table).fillColor(COLORS.text);
    doc.text(`${datum.label}  ${formatValue(datum.value)}`, legendX + 11, y, {
      width: box.x + box.width - legendX - 11,
      lineBreak: false,
    });
    y += lineHeight;
  }
  doc.fillColor(COLORS.text);
}
