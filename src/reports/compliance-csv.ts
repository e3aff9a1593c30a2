import { controlTitleIn } from '../core/compliance.js';

import type { Lang } from '../core/services.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
import type { OrgCompliance } from '../shared/api/report.js';
import { toCsv } from './csv.js';

export const COMPLIANCE_CSV_COLUMNS = [
  'framework',
  'controlId',
  'title',
  'status',
  'checkIds',
  'failedResources',
] as const;

type ControlTitle = Parameters<typeof controlTitleIn>[0];

interface ControlView<C> {
  framework: { id: string; koreanFirst: boolean };
  controls: readonly C[];
}

/** One row per control of each view: framework, id, title in `lang`, status, then `rest`'s cells. */
function controlsToCsv<C extends { id: string; title: ControlTitle; status: string }>(
  columns: readonly string[],
  views: readonly ControlView<C>[],
  lang: Lang,
  rest: (control: C) => string[],
): string {
  return toCsv(
    columns,
    views.flatMap((view) =>
      view.controls.map((control) => [
        view.framework.id,
        control.id,
        controlTitleIn(control.title, view.framework.koreanFirst, lang),
        control.status,
        ...rest(control),
      ]),
    ),
  );
}

/**
 * One row per control of each view: checks separated by spaces, failing resources as
 * `region/resourceId` separated by spaces (ids never contain one); the title in `lang`.
 */
export function complianceToCsv(views: readonly ComplianceResponse[], lang: Lang): string {
  return controlsToCsv<ComplianceResponse['controls'][number]>(
    COMPLIANCE_CSV_COLUMNS,
    views,
    lang,
    (control) => [
      control.checks.map((c) => c.checkId).join(' '),
      [...new Set(control.failedResources.map((r) => `${r.region}/${r.resourceId}`))].join(' '),
    ],
  );
}

export const ORG_COMPLIANCE_CSV_COLUMNS = [
  'framework',
  'controlId',
  'title',
  'status',
  'checkIds',
  'accountsPassing',
  'accountsFailing',
  'accountsUnknown',
  'failedAccounts',
] as const;

/**
 * The organization's roll-up: one row per control of each framework, the failing accounts as
 * `accountId:failingResources` separated by spaces; the title in `lang`.
 */
export function orgComplianceToCsv(views: readonly OrgCompliance[], lang: Lang): string {
  return controlsToCsv<OrgCompliance['controls'][number]>(
    ORG_COMPLIANCE_CSV_COLUMNS,
    views,
    lang,
    (control) => [
      control.checkIds.join(' '),
      String(control.accounts.pass),
      String(control.accounts.fail),
      String(control.accounts.unknown),
      control.failedAccounts.map((a) => `${a.accountId}:${a.failedResources}`).join(' '),
    ],
  );
}
