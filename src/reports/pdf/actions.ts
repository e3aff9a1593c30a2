import { type ActionItem, topActions } from '../actions.js';
import { label, SEVERITY_LABELS } from '../i18n.js';
import type { RenderContext } from './context.js';
import { COLORS, SIZE } from './theme.js';

/**
 * The part of the executive summary a manager acts on: the top risks and savings in words, and
 * what changed since the previous run of the same scope.
 */
export function drawActions(ctx: RenderContext): void {
  const { w, input, model } = ctx;
  const lang = input.lang;
  const { risks, savings } = topActions(model.findings, ctx.checkOf);
  w.heading(label(lang, 'actFirst'), 2, { toc: false });

  w.heading(label(lang, 'topRisks'), 3);
  if (risks.length === 0) w.paragraph(label(lang, 'noRisks'), { color: COLORS.muted });
  for (const item of risks) {
    bullet(
      ctx,
      label(lang, 'riskLine', {
        severity: SEVERITY_LABELS[lang][item.severity],
        check: item.check.failureLabel[lang],
        resources: resources(ctx, item),
        regions: item.regions.join(', '),
        examples: examples(ctx, item),
      }),
    );
  }

  w.heading(label(lang, 'topSavings'), 3);
  if (savings.length === 0) w.paragraph(label(lang, 'noOpportunities'), { color: COLORS.muted });
  for (const item of savings) {
    bullet(
      ctx,
      label(lang, 'savingsLine', {
        check: item.check.failureLabel[lang],
        money: ctx.fmt.money(Math.round(item.savingsUsd * 100) / 100),
        resources: resources(ctx, item),
        examples: examples(ctx, item),
      }),
    );
  }

  drawChange(ctx);
  if (input.displayCurrency) {
    w.paragraph(
      label(lang, 'currencyNote', {
        rate: ctx.fmt.number(input.displayCurrency.rate),
        date: input.displayCurrency.rateDate,
      }),
      { size: SIZE.small, color: COLORS.muted },
    );
  }
}

function drawChange(ctx: RenderContext): void {
  const { w, input, fmt } = ctx;
  const lang = input.lang;
  w.heading(label(lang, 'sinceLastRun'), 3);
  const change = input.change;
  if (!change) {
    w.paragraph(label(lang, 'noPreviousRun'), { color: COLORS.muted });
    return;
  }
  w.paragraph(
    label(lang, 'changeLine', {
      date: fmt.dateTime(change.previousRunAt),
      new: fmt.number(change.newCount),
      resolved: fmt.number(change.resolvedCount),
    }),
  );
  if (change.topNew.length === 0) return;
  w.paragraph(label(lang, 'topNew'), { bold: true, size: SIZE.small });
  for (const finding of change.topNew) {
    bullet(
      ctx,
      label(lang, 'newLine', {
        severity: SEVERITY_LABELS[lang][finding.severity],
        check: ctx.checkOf(finding).failureLabel[lang],
        resource: finding.resourceName ?? finding.resourceId,
        region: finding.region,
      }),
    );
  }
}

function bullet(ctx: RenderContext, text: string): void {
  ctx.w.paragraph(`• ${text}`, { gapAfter: 3 });
}

function resources(ctx: RenderContext, item: ActionItem): string {
  const lang = ctx.input.lang;
  return item.count === 1
    ? label(lang, 'oneResource')
    : label(lang, 'resourcesCount', { n: ctx.fmt.number(item.count) });
}

/** The first names, cut short so one hostile name cannot fill the line. */
function examples(ctx: RenderContext, item: ActionItem): string {
  const shown = item.examples.map((e) => ctx.w.clean(e, 40)).join(', ');
  const more = item.count - item.examples.length;
  return more > 0 ? `${shown} …` : shown;
}
