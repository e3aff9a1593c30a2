import { selectChecks } from '../checks/engine.js';
import { allChecks } from '../checks/registry.js';
import type { ComplianceFrameworkId, ControlStatus } from '../core/compliance.js';
import {
  accountPasses,
  type OrgAccountReport,
  type OrgReport,
  type OrgReportInput,
} from '../reports/types.js';
import type { ComplianceResponse } from '../shared/api/compliance.js';
import type { OrgCompliance } from '../shared/api/report.js';
import { type ComplianceRunInput, complianceView } from './service.js';

type ControlRollup = OrgCompliance['controls'][number];

const zeroCounts = (): Record<ControlStatus, number> => ({ pass: 0, fail: 0, unknown: 0, manual: 0 });

/**
 * Rolls one framework's per-account views up over the organization (CHECKS.md "Compliance
 * mapping", applied to accounts instead of checks): a control fails when any account fails it,
 * is unknown when none fails and any account is unknown, is manual when no check maps to it, and
 * passes when every account passes it. Each account's view is folded in and dropped, so only one
 * account's view is held at a time.
 */
export class OrgComplianceRollup {
  private readonly controls: ControlRollup[];
  private evaluated = 0;

  /** `catalogue`: any view of the framework (its controls and their checks; statuses unused). */
  constructor(private readonly catalogue: ComplianceResponse) {
    this.controls = catalogue.controls.map((c) => ({
      id: c.id,
      section: c.section,
      title: c.title,
      status: 'pass',
      checkIds: c.checks.map((check) => check.checkId),
      accounts: zeroCounts(),
      failedAccounts: [],
    }));
  }

  add(account: { id: string; name: string }, view: ComplianceResponse): void {
    this.evaluated += 1;
    view.controls.forEach((control, i) => {
      const rolled = this.controls[i];
      if (!rolled || rolled.id !== control.id)
        throw new Error(`Compliance views disagree on control ${control.id}`);
      rolled.accounts[control.status] += 1;
      if (control.status === 'fail') {
        const resources = new Set(control.failedResources.map((r) => `${r.region}/${r.resourceId}`));
        rolled.failedAccounts.push({
          accountId: account.id,
          name: account.name,
          failedResources: resources.size,
        });
      }
    });
  }

  result(): OrgCompliance {
    const counts = zeroCounts();
    const controls = this.controls.map((control) => {
      const { accounts } = control;
      const status: ControlStatus =
        control.checkIds.length === 0
          ? 'manual'
          : accounts.fail > 0
            ? 'fail'
            : accounts.unknown > 0 || this.evaluated === 0
              ? 'unknown'
              : 'pass';
      counts[status] += 1;
      return { ...control, status };
    });
    const judged = counts.pass + counts.fail + counts.unknown;
    const { id, name, version, koreanFirst } = this.catalogue.framework;
    return {
      framework: { id, name, version, koreanFirst },
      accountsEvaluated: this.evaluated,
      counts,
      passShare: judged === 0 ? null : counts.pass / judged,
      controls,
    };
  }
}

/**
 * Folds accounts into one roll-up per framework: each scanned account's views are computed when it
 * is added and folded in, so only one account's findings are needed at a time.
 */
function complianceFold(
  input: Omit<OrgReport, 'accounts'>,
  frameworks: readonly ComplianceFrameworkId[],
): { add(account: OrgAccountReport): void; result(): OrgCompliance[] } {
  const executedCheckIds = new Set(selectChecks(allChecks, input.services).map((c) => c.id));
  const viewOf = (
    framework: ComplianceFrameworkId,
    runId: string,
    findings: ComplianceRunInput['findings'],
  ) =>
    complianceView(allChecks, framework, {
      run: { runId, requestedAt: input.startedAt ?? input.generatedAt },
      executedCheckIds,
      findings,
    });
  const rollups = frameworks.map(
    (framework) => [framework, new OrgComplianceRollup(viewOf(framework, input.scanId, []))] as const,
  );
  return {
    add(account) {
      if (account.status !== 'scanned') return;
      for (const [framework, rollup] of rollups)
        rollup.add(account, viewOf(framework, account.report.runId ?? input.scanId, account.report.findings));
    },
    result: () => rollups.map(([, rollup]) => rollup.result()),
  };
}

/** The roll-up of each framework over the scanned accounts of an organization report held whole. */
export function orgCompliance(
  input: OrgReportInput,
  frameworks: readonly ComplianceFrameworkId[],
): OrgCompliance[] {
  const fold = complianceFold(input, frameworks);
  for (const account of input.accounts) fold.add(account);
  return fold.result();
}

/** The same roll-up over any organization report, in one pass over its accounts. */
export async function readOrgCompliance(
  report: OrgReport,
  frameworks: readonly ComplianceFrameworkId[],
): Promise<OrgCompliance[]> {
  const fold = complianceFold(report, frameworks);
  for await (const account of accountPasses(report)()) fold.add(account);
  return fold.result();
}
