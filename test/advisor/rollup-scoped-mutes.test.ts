/**
 * Guarantee: with mutes scoped to one account and to one OU of an organization connection, a
 * roll-up request (GET /api/dashboard/accounts, GET /api/dashboard?scope=all) reads the user's
 * connections list and the organization's directory at most once — not once per source run — so it
 * reads as many storage objects for 30 accounts as for 3; and the scoped mutes do mute exactly the
 * findings of the account and of the OU's accounts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMuteContext } from '../../src/advisor/mute-context.js';
import { createMuteService } from '../../src/advisor/mutes.js';
import { createAdvisorRollup } from '../../src/advisor/rollup.js';
import { AdvisorRunStore } from '../../src/advisor/store.js';
import { allChecks } from '../../src/checks/registry.js';
import { createConnectionService } from '../../src/connections/service.js';
import type { ConnectionsDocument } from '../../src/connections/store.js';
import { createMuteAccounts } from '../../src/orgs/mute-accounts.js';
import { createOrgService } from '../../src/orgs/service.js';
import type { OrgDirectory } from '../../src/shared/api/orgs.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { ParsedDocumentCache } from '../../src/storage/parsed-cache.js';
import { CountingStorage } from '../support/counting-storage.js';
import { syntheticFindings, writeSyntheticRun } from '../support/synthetic-run.js';

const NOW = new Date('2025-03-01T00:00:00Z');
const MANAGEMENT = '999999999999';
const ROOT = 'r-ab12';
const PRODUCTION = 'ou-ab12-11111111';
const WEB = 'ou-ab12-22222222';
const accountId = (i: number) => String(100000000000 + i);
/** Every third account sits in Production/Web, an OU below Production (the muted OU). */
const ouOf = (i: number) => (i % 3 === 2 ? WEB : ROOT);

describe('roll-up reads with account- and OU-scoped mutes', () => {
  let dir: string;
  let storage: CountingStorage;
  let documents: DocumentStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollup-scoped-'));
    storage = new CountingStorage(new LocalStorage(dir));
    documents = new DocumentStore(storage, undefined, new ParsedDocumentCache());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The services the server wires for one user's roll-up (src/app/runs.ts, src/advisor/service.ts). */
  function services() {
    const connections = createConnectionService({
      config: { secretKey: 'k'.repeat(32), awsRegion: 'us-east-1' },
      documents,
      getExternalId: async () => 'external-id',
    });
    const orgs = createOrgService({ connections, documents });
    const accounts = createMuteAccounts({ connections, orgs });
    const mutes = createMuteService({
      documents,
      checkIds: () => new Set(allChecks.map((c) => c.id)),
      now: () => NOW,
      accounts,
    });
    const muteContext = createMuteContext({
      activeRules: (u) => mutes.activeRules(u),
      accounts,
      now: () => NOW,
    });
    const rollup = createAdvisorRollup({ documents, runs: new AdvisorRunStore(documents), muteContext });
    return { mutes, rollup };
  }

  async function seed(user: string, count: number) {
    const connections: ConnectionsDocument = {
      defaultId: 'org',
      connections: [
        {
          id: 'org',
          name: 'management',
          kind: 'role',
          roleArn: `arn:aws:iam::${MANAGEMENT}:role/OrgReader`,
          accountId: MANAGEMENT,
          callerArn: `arn:aws:sts::${MANAGEMENT}:assumed-role/OrgReader/again`,
          createdAt: NOW.toISOString(),
          verifiedAt: NOW.toISOString(),
          organization: { memberRoleName: 'AgainConsoleAudit' },
        },
      ],
    };
    await documents.putJson(keys.connections(user), connections);
    const directory: OrgDirectory = {
      organizationId: 'o-ab12cd34ef',
      managementAccountId: MANAGEMENT,
      discoveredAt: NOW.toISOString(),
      units: [
        { id: ROOT, name: 'Root', parentId: null, path: '/' },
        { id: PRODUCTION, name: 'Production', parentId: ROOT, path: '/Production/' },
        { id: WEB, name: 'Web', parentId: PRODUCTION, path: '/Production/Web/' },
      ],
      accounts: Array.from({ length: count }, (_, i) => ({
        id: accountId(i),
        name: `member-${i}`,
        email: `member-${i}@example.com`,
        status: 'ACTIVE',
        ouId: ouOf(i),
        ouPath: ouOf(i) === WEB ? '/Production/Web/' : '/',
      })),
    };
    await documents.putJson(keys.orgDirectory(user, 'org'), directory);
    const findings = syntheticFindings(40);
    for (let i = 0; i < count; i++)
      await writeSyntheticRun(storage, user, findings, new Date(Date.UTC(2025, 1, 1, 10, i)), {
        connectionId: 'org',
        accountId: accountId(i),
      });
    const failing = findings.find((f) => f.status === 'fail');
    if (!failing) throw new Error('no failing finding');
    const { mutes, rollup } = services();
    const scoped = { checkId: failing.checkId, reason: 'accepted' };
    await mutes.create(user, {
      ...scoped,
      scope: { kind: 'account', connectionId: 'org', accountId: accountId(1) },
    });
    await mutes.create(user, { ...scoped, scope: { kind: 'ou', connectionId: 'org', ouId: PRODUCTION } });
    await rollup.dashboard(user, () => true); // stores the figures of the runs written above
  }

  /** Reads of one request, by kind, with how often the connections list and the directory were read. */
  async function readsOf(request: () => Promise<unknown>, user: string) {
    storage.reset();
    await request();
    const times = (key: string) => storage.gets.filter((k) => k === key).length;
    return {
      gets: storage.gets.length,
      heads: storage.heads.length,
      lists: storage.lists.length,
      connections: times(keys.connections(user)),
      directory: times(keys.orgDirectory(user, 'org')),
    };
  }

  async function measure(user: string, count: number) {
    await seed(user, count);
    const { rollup } = services();
    const accounts = await readsOf(() => rollup.accounts(user, () => true), user);
    const dashboard = await readsOf(() => rollup.dashboard(user, () => true), user);
    const figures = await services().rollup.accounts(user, () => true);
    const muted = [...figures.values()].map((a) => (a.results?.mutedCount ?? 0) > 0);
    return { accounts, dashboard, muted };
  }

  it('reads the connections list and the directory once, for 3 accounts as for 30', async () => {
    const few = await measure('frank', 3);
    const many = await measure('grace', 30);
    expect(few.accounts.connections).toBe(1);
    expect(few.accounts.directory).toBe(1);
    expect(few.dashboard.connections).toBe(1);
    expect(few.dashboard.directory).toBe(1);
    expect(many.accounts).toEqual(few.accounts);
    expect(many.dashboard).toEqual(few.dashboard);
    // Account 1 by its own rule, every third account (2, 5, …) by the OU rule above its OU.
    const expected = (count: number) => Array.from({ length: count }, (_, i) => i === 1 || ouOf(i) === WEB);
    expect(few.muted).toEqual(expected(3));
    expect(many.muted).toEqual(expected(30));
  });
});
