import { DomainError } from '../core/errors.js';
import { subtreeOf } from '../orgs/discovery.js';
import type { OrgAccount, OrgDirectory } from '../orgs/types.js';
import type { ScanAccount, ScanTarget } from '../shared/api/scans.js';

/** The accounts a target names, as the scan's first rows: `pending`, or `skipped` when not ACTIVE. */
export function resolveTarget(
  directory: OrgDirectory,
  target: ScanTarget,
): { rows: ScanAccount[]; targetPath?: string } {
  let accounts: OrgAccount[];
  let targetPath: string | undefined;
  if (target.kind === 'all') accounts = directory.accounts;
  else if (target.kind === 'ou') {
    const unit = directory.units.find((u) => u.id === target.ouId);
    if (!unit)
      throw new DomainError('not_found', 'ou_not_found', `No OU ${target.ouId} in this organization`);
    const units = subtreeOf(directory, target.ouId);
    accounts = directory.accounts.filter((a) => units.has(a.ouId));
    targetPath = unit.path;
  } else {
    const byId = new Map(directory.accounts.map((a) => [a.id, a]));
    const unknown = target.accountIds.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new DomainError(
        'not_found',
        'account_not_in_organization',
        `Not in this organization: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
      );
    accounts = [...new Set(target.accountIds)].map((id) => byId.get(id) as OrgAccount);
  }
  if (accounts.length === 0)
    throw new DomainError('invalid', 'scan_target_empty', 'The target has no accounts to scan');
  const rows = accounts.map((a): ScanAccount => {
    const row = { accountId: a.id, name: a.name, ouPath: a.ouPath };
    if (a.status === 'ACTIVE') return { ...row, status: 'pending' };
    return {
      ...row,
      status: 'skipped',
      error: { code: a.status.toLowerCase(), message: `The account is ${a.status} in the organization` },
    };
  });
  return { rows, ...(targetPath ? { targetPath } : {}) };
}
