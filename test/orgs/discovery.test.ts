/**
 * Guarantee: discovery reads the OU tree and every account with its OU path and status, with calls
 * that grow with OUs and pages (not accounts); member checks go through each member's audit role and
 * report a refused role, a suspended account and a working one as such.
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverOrganization, subtreeOf } from '../../src/orgs/discovery.js';
import { checkMembers, type MemberAccess, memberCredentials } from '../../src/orgs/members.js';
import type { OrgDirectory } from '../../src/orgs/types.js';
import { type Gate, startGate } from '../advisor/gate.js';
import { motoClientConfig, motoEndpoint, resetMoto } from '../support/moto.js';
import { MANAGEMENT_ACCOUNT_ID, type SeededOrg, seedOrganization } from '../support/org.js';

describe('organization discovery and member roles', () => {
  let seeded: SeededOrg;
  let directory: OrgDirectory;
  let gate: Gate;
  const calls: string[] = [];

  beforeAll(async () => {
    await resetMoto();
    seeded = await seedOrganization();
    gate = await startGate(motoEndpoint());
    const client = new OrganizationsClient(motoClientConfig());
    client.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    directory = await discoverOrganization(client);
    client.destroy();
  });
  afterAll(async () => gate?.close());

  it('finds the organization, its OU tree with paths and every account where it sits', () => {
    expect(directory.organizationId).toBe(seeded.organizationId);
    expect(directory.managementAccountId).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(directory.units.map((u) => [u.path, u.parentId === null])).toEqual([
      ['/', true],
      ['/Production/', false],
      ['/Production/Web/', false],
      ['/Sandbox/', false],
    ]);
    const byName = new Map(directory.accounts.map((a) => [a.name, a]));
    expect(byName.get('prod-web')).toMatchObject({
      id: seeded.members['prod-web'],
      ouId: seeded.ous.web,
      ouPath: '/Production/Web/',
      email: 'prod-web@example.com',
      status: 'ACTIVE',
    });
    expect(byName.get('shared-services')?.ouPath).toBe('/');
    expect(byName.get('closed-legacy')?.status).toBe('SUSPENDED');
    // The management account itself is a member of its organization's root.
    expect(directory.accounts.map((a) => a.id)).toContain(MANAGEMENT_ACCOUNT_ID);
    expect(directory.accounts).toHaveLength(6);
  });

  it('calls grow with OUs, not accounts: one listing of each kind per OU plus the root', () => {
    const count = (name: string) => calls.filter((c) => c === name).length;
    expect(count('ListOrganizationalUnitsForParentCommand')).toBe(directory.units.length);
    expect(count('ListAccountsForParentCommand')).toBe(directory.units.length);
    expect(count('ListParentsCommand')).toBe(0);
    expect(calls.length).toBe(2 + 2 * directory.units.length);
  });

  it('an OU scope covers its whole subtree', () => {
    const production = subtreeOf(directory, seeded.ous.production);
    expect([...production].sort()).toEqual([seeded.ous.production, seeded.ous.web].sort());
    const inScope = directory.accounts.filter((a) => production.has(a.ouId)).map((a) => a.name);
    expect(inScope.sort()).toEqual(['prod-data', 'prod-web']);
  });

  it('checks each member through its role: a working role, a refused one, a suspended account', async () => {
    const refused = seeded.members['sandbox-alice'] as string;
    gate.denyAssumeRole(`::${refused}:role/`);
    const access: MemberAccess = {
      sts: (config) => new STSClient(config),
      source: motoClientConfig('us-east-1', gate.endpoint),
      memberRoleName: 'AgainConsoleAudit',
      externalId: 'ext-id-1234',
      sessionName: 'again-console-test',
    };
    const members = directory.accounts.filter((a) => a.id !== MANAGEMENT_ACCOUNT_ID);
    const checks = await checkMembers(access, members);
    const byName = new Map(members.map((a, i) => [a.name, checks[i]]));
    expect(byName.get('prod-web')?.state).toBe('ok');
    expect(byName.get('sandbox-alice')).toMatchObject({ state: 'failed', code: 'AccessDenied' });
    expect(byName.get('sandbox-alice')?.message).toContain(refused);
    expect(byName.get('closed-legacy')).toMatchObject({ state: 'skipped', code: 'suspended' });

    // The member provider's credentials act inside that member only.
    const provider = memberCredentials(access, seeded.members['prod-data'] as string);
    const sts = new STSClient({ ...motoClientConfig('us-east-1', gate.endpoint), credentials: provider });
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(identity.Account).toBe(seeded.members['prod-data']);
  });
});
