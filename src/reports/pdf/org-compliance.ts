import { controlTitleIn } from '../../core/compliance.js';
import { CONTROL_STATUS_LABELS, label } from '../i18n.js';
import { drawFrameworkHeading, statusCellColor } from './compliance.js';
import { accountTitle, type OrgRenderContext } from './org.js';
import { COLORS } from './theme.js';

/** Failing accounts printed per control before "+N". */
const SHOWN_ACCOUNTS = 5;

/**
 * The organization's compliance section: per framework, the share of judged controls passing and
 * each control rolled up over the scanned accounts, with the accounts that fail it.
 */
export async function drawOrgCompliance(ctx: OrgRenderContext): Promise<void> {
  const { w, input, fmt } = ctx;
  const views = input.compliance ?? [];
  if (views.length === 0) return;
  const lang = input.lang;
  const statusLabels = CONTROL_STATUS_LABELS[lang];
  w.heading(label(lang, 'orgCompliance'), 1);
  w.paragraph(label(lang, 'orgComplianceIntro'), { color: COLORS.muted });
  for (const view of views) {
    drawFrameworkHeading(ctx, view);
    w.paragraph(label(lang, 'complianceAccountsEvaluated', { count: fmt.number(view.accountsEvaluated) }), {
      color: COLORS.muted,
    });
    const statusColumn = 2;
    await w.table(
      [
        { header: label(lang, 'control'), width: 0.1 },
        { header: label(lang, 'controlTitle'), width: 0.34 },
        { header: label(lang, 'controlStatus'), width: 0.1 },
        { header: label(lang, 'accountsByStatus'), width: 0.16, align: 'center' },
        { header: label(lang, 'failingAccounts'), width: 0.3 },
      ],
      view.controls.map((control) => {
        const failing = control.failedAccounts.map(
          (a) => `${accountTitle({ id: a.accountId, name: a.name })} · ${fmt.number(a.failedResources)}`,
        );
        const more = failing.length - SHOWN_ACCOUNTS;
        const { pass, fail, unknown } = control.accounts;
        return [
          control.id,
          controlTitleIn(control.title, view.framework.koreanFirst, lang),
          statusLabels[control.status],
          control.status === 'manual'
            ? '—'
            : `${fmt.number(pass)} / ${fmt.number(fail)} / ${fmt.number(unknown)}`,
          [...failing.slice(0, SHOWN_ACCOUNTS), ...(more > 0 ? [`+${fmt.number(more)}`] : [])],
        ];
      }),
      { cellColor: statusCellColor(lang, statusColumn) },
    );
  }
}
