import type { ComplianceMapping, ControlStatus } from '../core/compliance.js';
import type { Finding } from '../core/findings.js';
import type { ComplianceControl, ComplianceFramework } from './types.js';

/** How one mapped check stands in a run: `not_run` when the run did not execute it. */
export type MappedCheckStatus = 'pass' | 'fail' | 'unknown' | 'not_run';

export interface FailedResource {
  checkId: string;
  resourceId: string;
  resourceName?: string;
  region: string;
}

export interface ControlCheckResult {
  checkId: string;
  status: MappedCheckStatus;
  /** Findings of the check by outcome (warnings count as passed, not_applicable is left out). */
  passed: number;
  failed: number;
  unknown: number;
  failedResources: FailedResource[];
}

export interface ControlResult extends ComplianceControl {
  status: ControlStatus;
  checks: ControlCheckResult[];
  failedResources: FailedResource[];
}

export interface ComplianceRollup {
  framework: ComplianceFramework['id'];
  controls: ControlResult[];
  counts: Record<ControlStatus, number>;
  /** pass ÷ (pass + fail + unknown): the share of the controls the tool judged that pass; null when none. */
  passShare: number | null;
}

export interface RollupInput {
  framework: ComplianceFramework;
  /** Check id → its mapping (the registered checks'). */
  mappings: ReadonlyMap<string, ComplianceMapping>;
  /** Checks the run executed: a mapped check it did not run leaves its controls `unknown`. */
  executedCheckIds: ReadonlySet<string>;
  findings: readonly Finding[];
}

function checkResult(checkId: string, executed: boolean, findings: readonly Finding[]): ControlCheckResult {
  const failedResources: FailedResource[] = [];
  let passed = 0;
  let unknown = 0;
  for (const f of findings) {
    if (f.status === 'fail') {
      failedResources.push({
        checkId,
        resourceId: f.resourceId,
        ...(f.resourceName ? { resourceName: f.resourceName } : {}),
        region: f.region,
      });
    } else if (f.status === 'unknown') unknown++;
    // A warning means the resource meets the control today but needs attention soon.
    else if (f.status === 'pass' || f.status === 'warning') passed++;
  }
  const failed = failedResources.length;
  // A check that ran and judged nothing (no such resources) leaves nothing in breach.
  const status: MappedCheckStatus = !executed
    ? 'not_run'
    : failed > 0
      ? 'fail'
      : unknown > 0
        ? 'unknown'
        : 'pass';
  return { checkId, status, passed, failed, unknown, failedResources };
}

/** pass when all mapped checks pass, fail when any fails, unknown when none failed and any is unknown or not run, manual when no check maps. */
export function controlStatus(checks: readonly Pick<ControlCheckResult, 'status'>[]): ControlStatus {
  if (checks.length === 0) return 'manual';
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'unknown' || c.status === 'not_run')) return 'unknown';
  return 'pass';
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each control of the framework with its status, its checks and their failing resources. */
export function rollUpCompliance(input: RollupInput): ComplianceRollup {
  const { framework } = input;
  const checksByControl = new Map<string, string[]>();
  for (const [checkId, mapping] of input.mappings) {
    for (const controlId of mapping[framework.id] ?? []) {
      pushTo(checksByControl, controlId, checkId);
    }
  }
  const findingsByCheck = new Map<string, Finding[]>();
  for (const f of input.findings) pushTo(findingsByCheck, f.checkId, f);

  const counts: Record<ControlStatus, number> = { pass: 0, fail: 0, unknown: 0, manual: 0 };
  const controls = framework.controls.map((control): ControlResult => {
    const checks = (checksByControl.get(control.id) ?? [])
      .sort()
      .map((id) => checkResult(id, input.executedCheckIds.has(id), findingsByCheck.get(id) ?? []));
    const status = controlStatus(checks);
    counts[status]++;
    return { ...control, status, checks, failedResources: checks.flatMap((c) => c.failedResources) };
  });
  const judged = counts.pass + counts.fail + counts.unknown;
  return { framework: framework.id, controls, counts, passShare: judged === 0 ? null : counts.pass / judged };
}
