import type { Finding } from '../../core/findings.js';
import {
  CATEGORY_LABELS,
  COLLECTION_STATUS_LABELS,
  label,
  SERVICE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../i18n.js';
import type { CheckGroup, ServiceSection } from '../model.js';
import { type RenderContext, resourceLabel } from './context.js';
import type { Cell } from './layout.js';
import { drawRemediationCommands, drawRemediationSteps } from './remediation.js';
import { COLORS, CONTENT_WIDTH, FONT, PAGE, SEVERITY_COLORS, SIZE, scoreColor } from './theme.js';

/** One section per service, and the appendix of what could not be evaluated. */

function sectionSummaryLine(ctx: RenderContext, section: ServiceSection): void {
  const { w, fmt, input } = ctx;
  const lang = input.lang;
  const doc = w.doc;
  const s = section.score;
  const y = doc.y;
  const scoreText = `${label(lang, 'score')} ${s.score === null ? label(lang, 'noScore') : s.score}`;
  const width = w.badge(scoreText, PAGE.marginX, y, scoreColor(s.score), SIZE.body);
  const counts = [
    `${STATUS_LABELS[lang].fail} ${fmt.number(s.failed)}`,
    `${STATUS_LABELS[lang].warning} ${fmt.number(s.warning)}`,
    `${STATUS_LABELS[lang].pass} ${fmt.number(s.passed)}`,
    `${label(lang, 'mutedFindings')} ${fmt.number(s.muted)}`,
    `${STATUS_LABELS[lang].unknown} ${fmt.number(s.unknown)}`,
  ].join('  ·  ');
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLORS.muted);
  doc.text(counts, PAGE.marginX + width + 10, y + 2.5, {
    width: CONTENT_WIDTH - width - 10,
    lineBreak: false,
  });
  doc.fillColor(COLORS.text);
  doc.x = PAGE.marginX;
  doc.y = y + 26;
}

function groupHeader(ctx: RenderContext, group: CheckGroup): void {
  const { w, fmt, input } = ctx;
  const lang = input.lang;
  const doc = w.doc;
  // Keep the header, its remediation and the first row together.
  w.ensureSpace(80);
  const y = doc.y;
  const badgeWidth = w.badge(
    SEVERITY_LABELS[lang][group.check.severity],
    PAGE.marginX,
    y,
    SEVERITY_COLORS[group.check.severity],
  );
  doc.font(FONT.bold).fontSize(SIZE.h3).fillColor(COLORS.text);
  const title = w.clean(group.check.failureLabel[lang], 200);
  doc.text(title, PAGE.marginX + badgeWidth + 8, y, { width: CONTENT_WIDTH - badgeWidth - 8 });
  const meta = [
    group.check.id,
    CATEGORY_LABELS[lang][group.check.category],
    label(lang, 'findingsCount', { n: fmt.number(group.open.length) }),
    group.passed > 0 ? label(lang, 'passedResources', { n: fmt.number(group.passed) }) : undefined,
  ]
    .filter(Boolean)
    .join('  ·  ');
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLORS.muted);
  doc.text(w.clean(meta), PAGE.marginX + badgeWidth + 8, doc.y + 1, {
    width: CONTENT_WIDTH - badgeWidth - 8,
  });
  doc.x = PAGE.marginX;
  doc.y += 4;
  drawRemediationSteps(ctx, group);
}

function openFindingRow(ctx: RenderContext, finding: Finding): Cell[] {
  const lang = ctx.input.lang;
  const savings = finding.estimatedMonthlySavingsUsd;
  const status = finding.status === 'warning' ? `[${STATUS_LABELS[lang].warning}] ` : '';
  return [
    resourceLabel(finding),
    finding.region,
    `${status}${finding.message[lang]}`,
    savings !== undefined && savings > 0 ? ctx.fmt.money(savings) : '',
  ];
}

export async function drawServiceSection(ctx: RenderContext, section: ServiceSection): Promise<void> {
  const { w, fmt, input } = ctx;
  const lang = input.lang;
  w.heading(SERVICE_LABELS[section.service], 1);
  sectionSummaryLine(ctx, section);

  w.heading(label(lang, 'openFindings'), 2, { toc: false });
  const open = section.groups.filter((g) => g.open.length > 0);
  if (open.length === 0) w.paragraph(label(lang, 'noOpenFindings'), { color: COLORS.muted });
  for (const group of open) {
    groupHeader(ctx, group);
    await w.table(
      [
        { header: label(lang, 'resource'), width: 0.26 },
        { header: label(lang, 'region'), width: 0.14 },
        { header: label(lang, 'message'), width: 0.44 },
        { header: label(lang, 'savingsPerMonth'), width: 0.16, align: 'right' },
      ],
      group.open.map((f) => openFindingRow(ctx, f)),
    );
    drawRemediationCommands(ctx, group);
    w.gap(4);
  }

  const passing = section.groups.filter(
    (g) => g.open.length === 0 && (g.passed > 0 || g.unknown.length === 0),
  );
  if (passing.length > 0) {
    w.heading(label(lang, 'passingChecks'), 2, { toc: false });
    await w.table(
      [
        { header: label(lang, 'check'), width: 0.6 },
        { header: label(lang, 'severity'), width: 0.15 },
        { header: label(lang, 'status'), width: 0.25 },
      ],
      passing.map((g) => [
        g.check.title[lang],
        SEVERITY_LABELS[lang][g.check.severity],
        g.passed > 0
          ? label(lang, 'passedResources', { n: fmt.number(g.passed) })
          : label(lang, 'noResources'),
      ]),
      { cellColor: (row, column) => (column === 2 && row[2] ? COLORS.good : undefined) },
    );
  }

  const muted = section.groups.flatMap((g) => g.muted);
  if (muted.length > 0) {
    w.heading(label(lang, 'mutedFindings'), 2, { toc: false });
    await w.table(
      [
        { header: label(lang, 'check'), width: 0.24 },
        { header: label(lang, 'resource'), width: 0.22 },
        { header: label(lang, 'mutedReason'), width: 0.28 },
        { header: label(lang, 'mutedBy'), width: 0.12 },
        { header: label(lang, 'mutedExpires'), width: 0.14 },
      ],
      muted.map((f) => [
        ctx.checkOf(f).failureLabel[lang],
        resourceLabel(f),
        f.muted?.reason ?? '',
        f.muted?.by ?? '',
        f.muted?.expiresAt ? fmt.date(f.muted.expiresAt) : label(lang, 'neverExpires'),
      ]),
    );
  }
}

export async function drawAppendix(ctx: RenderContext): Promise<void> {
  const { w, model, input } = ctx;
  const lang = input.lang;
  w.heading(label(lang, 'appendix'), 1);
  const unknown = model.sections.flatMap((s) => s.groups.flatMap((g) => g.unknown));
  w.heading(label(lang, 'notEvaluated'), 2, { toc: false });
  if (unknown.length === 0) {
    w.paragraph(label(lang, 'nothingUnevaluated'), { color: COLORS.muted });
  } else {
    w.paragraph(label(lang, 'notEvaluatedIntro'), { color: COLORS.muted });
    await w.table(
      [
        { header: label(lang, 'service'), width: 0.1 },
        { header: label(lang, 'check'), width: 0.24 },
        { header: label(lang, 'resource'), width: 0.2 },
        { header: label(lang, 'region'), width: 0.12 },
        { header: label(lang, 'message'), width: 0.34 },
      ],
      unknown.map((f) => [
        f.service,
        ctx.checkOf(f).title[lang],
        resourceLabel(f),
        f.region,
        f.message[lang],
      ]),
    );
  }

  const included = new Set<string>(model.services);
  const errors = input.collection.errors.filter((e) => included.has(e.service));
  w.heading(label(lang, 'collectionErrors'), 2, { toc: false });
  w.paragraph(
    `${label(lang, 'collectionStatus')}: ${COLLECTION_STATUS_LABELS[lang][input.collection.status]}`,
    { color: COLORS.muted },
  );
  if (errors.length === 0) {
    w.paragraph(label(lang, 'noCollectionErrors'), { color: COLORS.muted });
  } else {
    await w.table(
      [
        { header: label(lang, 'service'), width: 0.1 },
        { header: label(lang, 'region'), width: 0.14 },
        { header: label(lang, 'operation'), width: 0.2 },
        { header: label(lang, 'code'), width: 0.16 },
        { header: label(lang, 'message'), width: 0.4 },
      ],
      errors.map((e) => [e.service, e.region, e.operation, e.code, e.message]),
    );
  }
  const skipped = input.collection.skippedRegions ?? [];
  if (skipped.length > 0) {
    w.heading(label(lang, 'skippedRegions'), 2, { toc: false });
    await w.table(
      [
        { header: label(lang, 'region'), width: 0.25 },
        { header: label(lang, 'mutedReason'), width: 0.75 },
      ],
      skipped.map((s) => [s.region, s.reason]),
    );
  }
}
