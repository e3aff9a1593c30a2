/**
 * Guarantee: an organization connection discovers its accounts through the API (OU paths, status,
 * member-role checks: one refused at the gate, one suspended), pages and filters them, collects a
 * member account through its audit role into that account's own collection, refuses suspended and
 * unknown members with clear 4xx, and shows another console user nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionResponse, ServiceRecordsResponse } from '../../src/shared/api/collections.js';
import { ConnectionResponse } from '../../src/shared/api/connections.js';
import { OrgAccountResponse, OrgAccountsResponse, OrgResponse } from '../../src/shared/api/orgs.js';
import { waitForCollection } from '../collections/helpers.js';
import type { Agent, TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import {
  type ConnectedOrganization,
  connectOrganization,
  MANAGEMENT_ACCOUNT_ID,
  refreshOrganization,
  type SeededOrg,
} from '../support/org.js';

describe('organization connections through the API', () => {
  let connected: ConnectedOrganization;
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let seeded: SeededOrg;
  let orgId: string;
  let singleId: string;

  beforeAll(async () => {
    await resetMoto();
    connected = await connectOrganization({
      'prod-web': ['prod-web-assets'],
      management: ['management-logs'],
    });
    ({ t, alice, bob, seeded, orgId, singleId } = connected);
  });
  afterAll(async () => {
    await connected?.close();
  });

  it('shows the organization settings on the connection and nothing before the first refresh', async () => {
    const { connection } = ConnectionResponse.parse((await alice.get(`/api/connections/${orgId}`)).json());
    expect(connection.organization).toEqual({
      memberRoleName: 'AgainConsoleAudit',
      externalId: 'org-external-id-1',
    });
    expect(OrgResponse.parse((await alice.get(`/api/orgs/${orgId}`)).json())).toEqual({
      organization: null,
      refresh: null,
    });
    const accounts = await alice.get(`/api/orgs/${orgId}/accounts`);
    expect(accounts.statusCode).toBe(404);
    expect(accounts.json()).toMatchObject({ error: { code: 'organization_not_discovered' } });
  });

  it('refreshes as a job: 202 at once, a second request joins it, progress, then the OU tree and every account', async () => {
    const res = await alice.post(`/api/orgs/${orgId}/refresh`);
    expect(res.statusCode, res.body).toBe(202);
    const started = OrgResponse.parse(res.json());
    expect(started.organization).toBeNull();
    expect(started.refresh).toMatchObject({ state: 'running' });
    const again = await alice.post(`/api/orgs/${orgId}/refresh`);
    expect(again.statusCode).toBe(202);
    expect(OrgResponse.parse(again.json()).refresh?.startedAt).toBe(started.refresh?.startedAt);
    const { organization, refresh } = await refreshOrganization(alice, orgId);
    expect(refresh).toMatchObject({
      state: 'completed',
      startedAt: started.refresh?.startedAt,
      progress: { accountsDiscovered: 6, rolesChecked: 5, rolesToCheck: 5 },
    });
    expect(refresh?.error).toBeUndefined();
    expect(organization).toMatchObject({
      organizationId: seeded.organizationId,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
      counts: { accounts: 6, active: 5, suspended: 1, roleOk: 4, roleFailed: 1 },
    });
    expect(organization?.units.map((u) => u.path)).toEqual([
      '/',
      '/Production/',
      '/Production/Web/',
      '/Sandbox/',
    ]);
    const failed = OrgAccountsResponse.parse(
      (await alice.get(`/api/orgs/${orgId}/accounts?role=failed`)).json(),
    );
    expect(failed.accounts.map((a) => [a.name, a.role?.code])).toEqual([['sandbox-alice', 'AccessDenied']]);
    const skipped = OrgAccountsResponse.parse(
      (await alice.get(`/api/orgs/${orgId}/accounts?role=skipped`)).json(),
    );
    expect(skipped.accounts.map((a) => [a.name, a.status, a.role?.code])).toEqual([
      ['closed-legacy', 'SUSPENDED', 'suspended'],
    ]);
  });

  it('pages and filters the account list by OU subtree, text and status', async () => {
    const page = async (query: string) =>
      OrgAccountsResponse.parse((await alice.get(`/api/orgs/${orgId}/accounts?${query}`)).json());
    const production = await page(`ou=${seeded.ous.production}`);
    expect(production.accounts.map((a) => a.name).sort()).toEqual(['prod-data', 'prod-web']);
    expect((await page('q=ALICE')).accounts.map((a) => a.name)).toEqual(['sandbox-alice']);
    expect((await page('status=SUSPENDED')).total).toBe(1);
    const first = await page('limit=4');
    const second = await page('limit=4&offset=4');
    expect(first.total).toBe(6);
    expect(first.accounts).toHaveLength(4);
    expect(second.accounts).toHaveLength(2);
    expect(new Set([...first.accounts, ...second.accounts].map((a) => a.id)).size).toBe(6);
  });

  it('answers bad input with 4xx and a code, never a 500', async () => {
    expect((await alice.get(`/api/orgs/${orgId}/accounts?limit=0`)).statusCode).toBe(400);
    expect((await alice.get(`/api/orgs/${orgId}/accounts?ou=not-an-ou`)).statusCode).toBe(400);
    const unknownOu = await alice.get(`/api/orgs/${orgId}/accounts?ou=ou-zzzz-zzzzzzzz`);
    expect(unknownOu.statusCode).toBe(404);
    const single = await alice.post(`/api/orgs/${singleId}/refresh`);
    expect(single.statusCode).toBe(400);
    expect(single.json()).toMatchObject({ error: { code: 'not_an_organization' } });
    const badRole = await alice.post('/api/connections', {
      kind: 'role',
      name: 'bad',
      roleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:role/OrgReader`,
      organization: { memberRoleName: 'has spaces' },
    });
    expect(badRole.statusCode).toBe(400);
  });

  it('records a refresh AWS refuses as failed, with its error', async () => {
    const outside = await alice.post('/api/connections', {
      kind: 'role',
      name: 'outside',
      roleArn: 'arn:aws:iam::111122223333:role/OrgReader',
      organization: { memberRoleName: 'AgainConsoleAudit' },
    });
    expect(outside.statusCode, outside.body).toBe(201);
    const id = ConnectionResponse.parse(outside.json()).connection.id;
    const { organization, refresh } = await refreshOrganization(alice, id);
    expect(organization).toBeNull();
    expect(refresh).toMatchObject({ state: 'failed', error: { code: 'not_in_organization' } });
    expect(refresh?.finishedAt).toBeDefined();
    expect((await alice.delete(`/api/connections/${id}`)).statusCode).toBe(204);
  });

  it('re-checks one member on demand', async () => {
    const res = await alice.post(`/api/orgs/${orgId}/accounts/${seeded.members['prod-data']}/verify`);
    expect(res.statusCode, res.body).toBe(200);
    expect(OrgAccountResponse.parse(res.json()).account.role?.state).toBe('ok');
    const refused = await alice.post(`/api/orgs/${orgId}/accounts/${seeded.members['sandbox-alice']}/verify`);
    expect(OrgAccountResponse.parse(refused.json()).account.role).toMatchObject({
      state: 'failed',
      code: 'AccessDenied',
    });
  });

  it('collects a member account through its role into a collection of that account', async () => {
    const memberId = seeded.members['prod-web'] as string;
    const res = await alice.post('/api/collections', {
      connectionId: orgId,
      accountId: memberId,
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const done = await waitForCollection(alice, CollectionResponse.parse(res.json()).collection.id);
    expect(done).toMatchObject({ status: 'completed', accountId: memberId, connectionId: orgId });
    const records = ServiceRecordsResponse.parse(
      (await alice.get(`/api/collections/${done.id}/services/s3?collector=s3.buckets`)).json(),
    );
    const names = JSON.stringify(records);
    expect(names).toContain('prod-web-assets');
    expect(names).not.toContain('management-logs');
  });

  it('refuses a suspended or unknown member, and a refused role fails that collection only', async () => {
    const start = (accountId: string) =>
      alice.post('/api/collections', {
        connectionId: orgId,
        accountId,
        services: ['s3'],
        regions: ['us-east-1'],
      });
    const suspended = await start(seeded.members['closed-legacy'] as string);
    expect(suspended.statusCode).toBe(400);
    expect(suspended.json()).toMatchObject({ error: { code: 'account_suspended' } });
    const unknown = await start('999999999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'account_not_in_organization' } });
    const refused = await start(seeded.members['sandbox-alice'] as string);
    expect(refused.statusCode, refused.body).toBe(202);
    const done = await waitForCollection(alice, CollectionResponse.parse(refused.json()).collection.id);
    expect(done.status).toBe('failed');
    expect(JSON.stringify(done)).toContain('AccessDenied');
  });

  it('shows another console user none of it', async () => {
    for (const url of [`/api/orgs/${orgId}`, `/api/orgs/${orgId}/accounts`]) {
      const res = await bob.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(seeded.organizationId);
      expect(res.body).not.toContain('rolesChecked');
    }
    const refresh = await bob.post(`/api/orgs/${orgId}/refresh`);
    expect(refresh.statusCode).toBe(404);
    expect(refresh.body).not.toContain('rolesChecked');
    // bob's refresh of alice's id started nothing: alice's refresh is still her completed one.
    expect(OrgResponse.parse((await alice.get(`/api/orgs/${orgId}`)).json()).refresh?.state).toBe(
      'completed',
    );
    expect(
      (await bob.post(`/api/orgs/${orgId}/accounts/${seeded.members['prod-web']}/verify`)).statusCode,
    ).toBe(404);
    const start = await bob.post('/api/collections', {
      connectionId: orgId,
      accountId: seeded.members['prod-web'],
      services: ['s3'],
      regions: ['us-east-1'],
    });
    expect(start.statusCode).toBe(404);
  });

  it('removing the connection forgets its organization', async () => {
    expect((await alice.delete(`/api/connections/${orgId}`)).statusCode).toBe(204);
    expect(await t.storage.get(`users/alice/orgs/${orgId}/directory.json`)).toBeNull();
    expect(await t.storage.get(`users/alice/orgs/${orgId}/refresh.json`)).toBeNull();
  });
});
