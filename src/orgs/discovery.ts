import {
  DescribeOrganizationCommand,
  ListRootsCommand,
  type OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import pLimit from 'p-limit';
import type { OrgAccount, OrgDirectory, OrgUnit } from './types.js';

/** Organizations allows only a few requests per second per account: stay well under it. */
export const DISCOVERY_CONCURRENCY = 4;

/**
 * Reads an organization's OU tree and every account in it, from the management or a
 * delegated-administrator account: `ListRoots`, then per OU `ListOrganizationalUnitsForParent` and
 * `ListAccountsForParent` (paged). Calls grow with OUs and pages, never with accounts — listing
 * every account with `ListAccounts` and asking `ListParents` for each would be one call per account.
 */
export async function discoverOrganization(
  client: OrganizationsClient,
  options: {
    now?: () => Date;
    concurrency?: number;
    /** Told the number of accounts found so far, after each OU's accounts (refresh progress). */
    onAccounts?: (found: number) => void;
  } = {},
): Promise<OrgDirectory> {
  const limit = pLimit(options.concurrency ?? DISCOVERY_CONCURRENCY);
  const { Organization: org } = await client.send(new DescribeOrganizationCommand({}));
  if (!org?.Id || !org.MasterAccountId) throw new Error('Organizations returned no organization');

  const roots: OrgUnit[] = [];
  for await (const page of paginateListRoots({ client }, {}))
    for (const root of page.Roots ?? [])
      if (root.Id) roots.push({ id: root.Id, name: root.Name ?? 'Root', parentId: null, path: '/' });
  if (roots.length === 0) await client.send(new ListRootsCommand({})); // surfaces AWS's own error

  const units: OrgUnit[] = [...roots];
  const accounts: OrgAccount[] = [];
  const visit = async (unit: OrgUnit): Promise<void> => {
    const children: OrgUnit[] = [];
    const [, found] = await Promise.all([
      limit(async () => {
        for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: unit.id }))
          for (const ou of page.OrganizationalUnits ?? [])
            if (ou.Id)
              children.push({
                id: ou.Id,
                name: ou.Name ?? ou.Id,
                parentId: unit.id,
                path: `${unit.path}${ou.Name ?? ou.Id}/`,
              });
      }),
      limit(async () => {
        const here: OrgAccount[] = [];
        for await (const page of paginateListAccountsForParent({ client }, { ParentId: unit.id }))
          for (const a of page.Accounts ?? [])
            if (a.Id)
              here.push({
                id: a.Id,
                name: a.Name ?? a.Id,
                email: a.Email ?? '',
                status: a.Status ?? 'ACTIVE',
                ouId: unit.id,
                ouPath: unit.path,
                ...(a.JoinedTimestamp ? { joinedAt: a.JoinedTimestamp.toISOString() } : {}),
              });
        return here;
      }),
    ]);
    units.push(...children);
    accounts.push(...found);
    options.onAccounts?.(accounts.length);
    await Promise.all(children.map(visit));
  };
  await Promise.all(roots.map(visit));

  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
  return {
    organizationId: org.Id,
    managementAccountId: org.MasterAccountId,
    discoveredAt: (options.now?.() ?? new Date()).toISOString(),
    units: units.sort(byPath),
    accounts: accounts.sort((a, b) => a.ouPath.localeCompare(b.ouPath) || a.name.localeCompare(b.name)),
  };
}

/** The OU and every OU below it (an OU scope selects the accounts of its whole subtree). */
export function subtreeOf(directory: Pick<OrgDirectory, 'units'>, ouId: string): Set<string> {
  const ids = new Set<string>([ouId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of directory.units)
      if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
  }
  return ids;
}
