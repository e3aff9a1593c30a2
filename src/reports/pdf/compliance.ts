import { type ControlStatus, controlTitleIn } from '../../core/compliance.js';
import { CONTROL_STATUS_LABELS, label } from '../i18n.js';
import type { RenderContext } from './context.js';
import { COLORS } from './theme.js';

const STATUS_COLORS: Record<ControlStatus, string> = {
  pass: COLORS.good,
  fail: COLORS.poor,
  unknown: COLORS.muted,
  manual: COLORS.fair,
};

/** Colours the status cell (column `statusColumn`) of a per-control table by the status it names. */
export function statusCellColor(
  lang: RenderContext['input']['lang'],
  statusColumn: number,
): (row: readonly string[], column: number) => string | undefined {
  const statusLabels = CONTROL_STATUS_LABELS[lang];
  return (row, column) => {
    if (column !== statusColumn) return undefined;
    const status = (Object.keys(statusLabels) as ControlStatus[]).find(
      (s) => statusLabels[s] === row[column],
    );
    return status ? STATUS_COLORS[status] : undefined;
  };
}

/** Failing resources printed per control before "+N". */
const SHOWN_RESOURCES = 5;

/** A framework's subsection heading: its name and version, the share passing and the counts. */
export function drawFrameworkHeading(
  ctx: Pick<RenderContext, 'w' | 'fmt'> & { input: { lang: RenderContext['input']['lang'] } },
  view: {
    framework: { name: Record<RenderContext['input']['lang'], string>; version: string };
    passShare: number | null;
    counts: Record<ControlStatus, number>;
  },
): void {
  const { w, fmt } = ctx;
  const lang = ctx.input.lang;
  const statusLabels = CONTROL_STATUS_LABELS[lang];
  w.heading(`${view.framework.name[lang]} ${view.framework.version}`, 2, { toc: false });
  const share = view.passShare === null ? label(lang, 'noScore') : `${Math.round(view.passShare * 100)}%`;
  const counts = (['pass', 'fail', 'unknown', 'manual'] as const)
    .map((s) => `${statusLabels[s]} ${fmt.number(view.counts[s])}`)
    .join('  ·  ');
  w.paragraph(`${label(lang, 'complianceShare')}: ${share}  —  ${counts}`, { bold: true });
}

/** One subsection per framework: share passing, counts, and every control with its checks. */
export async function drawComplianceSection(ctx: RenderContext): Promise<void> {
  const { w, input, fmt } = ctx;
  const views = input.compliance ?? [];
  if (views.length === 0) return;
  const lang = input.lang;
  const statusLabels = CONTROL_STATUS_LABELS[lang];
  w.heading(label(lang, 'compliance'), 1);
  w.paragraph(label(lang, 'complianceIntro'), { color: COLORS.muted });
  for (const view of views) {
    drawFrameworkHeading(ctx, view);
    const statusColumn = 2;
    await w.table(
      [
        { header: label(lang, 'control'), width: 0.1 },
        { header: label(lang, 'controlTitle'), width: 0.34 },
        { header: label(lang, 'controlStatus'), width: 0.1 },
        { header: label(lang, 'check'), width: 0.26 },
        { header: label(lang, 'failingResources'), width: 0.2 },
      ],
      view.controls.map((control) => {
        const resources = [...new Set(control.failedResources.map((r) => r.resourceName ?? r.resourceId))];
        const more = resources.length - SHOWN_RESOURCES;
        return [
          control.id,
          controlTitleIn(control.title, view.framework.koreanFirst, lang),
          statusLabels[control.status],
          control.checks.map((c) => c.checkId),
          [...resources.slice(0, SHOWN_RESOURCES), ...(more > 0 ? [`+${fmt.number(more)}`] : [])],
        ];
      }),
      { cellColor: statusCellColor(lang, statusColumn) },
    );
  }
}
