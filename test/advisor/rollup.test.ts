/**
 * Guarantee: the precomputed roll-up (src/advisor/rollup.ts) gives exactly what merging and muting
 * every source run's stored findings gives (the dashboard's reference computation) — over several
 * accounts, runs of fewer services or regions, a record without an account, whole-check and
 * resource mutes made after the figures were stored, and mutes that hide the biggest savings —
 * and a request reads as many storage objects for 30 accounts as for 3. The roll-up index is read
 * through the parsed-document cache, and a change to it by another process is seen at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  accountKeyOf,
  latestRunPerServiceRegion,
  mergeDashboard,
  mergedFindings,
} from '../../src/advisor/dashboard.js';
import { applyMutes, createMuteService } from '../../src/advisor/mutes.js';
import { createAdvisorRollup } from '../../src/advisor/rollup.js';
import { RunFigures } from '../../src/advisor/run-figures.js';
import { AdvisorRunStore, type StoredRun } from '../../src/advisor/store.js';
import { summarizeFindings } from '../../src/advisor/summary.js';
import { allChecks } from '../../src/checks/registry.js';
import type { Finding } from '../../src/core/findings.js';
import { FINDING_STATUSES } from '../../src/core/services.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { ParsedDocumentCache } from '../../src/storage/parsed-cache.js';
import { CountingStorage } from '../support/counting-storage.js';
import { syntheticFindings, writeSyntheticRun } from '../support/synthetic-run.js';

const NOW = new Date('2025-03-01T00:00:00Z');
const at = (day: number) => new Date(Date.UTC(2025, 1, day, 10));

/** Synthetic findings of every status, savings that differ per finding and account, ids per account. */
function accountFindings(count: number, seed: number, resourcePrefix = 'res'): Finding[] {
  return syntheticFindings(count).map((f, i) => {
    const status = FINDING_STATUSES[(i + seed) % FINDING_STATUSES.length] ?? 'pass';
    const { estimatedMonthlySavingsUsd: _none, ...rest } = f;
    const open = status === 'fail' || status === 'warning';
    const usd = Math.round(((i * 37 + seed * 11) % 200) * 1.37 + 1) / 100;
    return {
      ...rest,
      status,
      resourceId: `${resourcePrefix}-${String(i).padStart(6, '0')}`,
      ...(open && f.category === 'cost' ? { estimatedMonthlySavingsUsd: usd } : {}),
    };
  });
}

describe('the precomputed roll-up', () => {
  let dir: string;
  let storage: CountingStorage;
  let documents: DocumentStore;
  let runs: AdvisorRunStore;
  const mutes = () =>
    createMuteService({ documents, checkIds: () => new Set(allChecks.map((c) => c.id)), now: () => NOW });
  /** The roll-up over `docs` (default: this process's, whose parsed cache every call shares). */
  const rollup = (docs = documents) =>
    createAdvisorRollup({
      documents: docs,
      runs: new AdvisorRunStore(docs),
      // Rules for every account only (the reference applies them without a target too).
      muteContext: async (u) => ({
        rules: await mutes().activeRules(u),
        targetOf: async () => undefined,
        at: NOW,
      }),
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rollup-'));
    storage = new CountingStorage(new LocalStorage(dir));
    documents = new DocumentStore(storage, undefined, new ParsedDocumentCache());
    runs = new AdvisorRunStore(documents);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The reference: every source run's findings read, muted and merged (the dashboard before the roll-up). */
  async function slowFindings(username: string, stored: StoredRun[]) {
    const sources = latestRunPerServiceRegion(stored);
    const rules = await mutes().activeRules(username);
    const findingsByRun = new Map<string, Finding[]>();
    for (const runId of new Set(sources.map((s) => s.runId))) {
      const run = stored.find((r) => r.runId === runId);
      if (run)
        findingsByRun.set(
          runId,
          applyMutes(
            (await runs.getServiceDocuments(run)).flatMap((d) => d.findings),
            rules,
            NOW,
          ),
        );
    }
    return { sources, findingsByRun };
  }

  async function expectSameAsSlowPath(username: string) {
    const stored = await runs.coverage(username).read();
    const scopes: ((r: StoredRun) => boolean)[] = [
      () => true,
      (r) => r.accountId === '111111111111',
      (r) => r.connectionId === 'solo',
    ];
    for (const includes of scopes) {
      const { sources, findingsByRun } = await slowFindings(username, stored.filter(includes));
      expect(await rollup().dashboard(username, includes)).toEqual(mergeDashboard(sources, findingsByRun));
    }
    const accounts = await rollup().accounts(username, () => true);
    expect(accounts.size).toBe(4);
    for (const [key, account] of accounts) {
      const { sources, findingsByRun } = await slowFindings(
        username,
        stored.filter((r) => accountKeyOf(r) === key),
      );
      expect(account.results).toEqual(summarizeFindings(mergedFindings(sources, findingsByRun)));
    }
  }

  it('equals the merged, muted findings before and after mutes made later', async () => {
    const user = 'alice';
    const org = (accountId: string) => ({ connectionId: 'org', accountId });
    const first = accountFindings(400, 1);
    await writeSyntheticRun(storage, user, first, at(1), org('111111111111'));
    await writeSyntheticRun(storage, user, accountFindings(400, 2), at(2), org('222222222222'));
    await writeSyntheticRun(storage, user, accountFindings(300, 3), at(3), org('333333333333'));
    await writeSyntheticRun(storage, user, accountFindings(250, 4), at(4), {
      connectionId: 'solo',
      accountId: null,
    });
    // Later runs of fewer regions or services: they replace only what they covered.
    const s3Only = accountFindings(400, 5)
      .filter((f) => f.service === 's3')
      .map((f) => ({ ...f, region: 'us-east-1' }));
    await writeSyntheticRun(storage, user, s3Only, at(5), { ...org('111111111111'), regions: ['us-east-1'] });
    const euOnly = accountFindings(200, 6).filter((f) => f.region === 'eu-west-1');
    await writeSyntheticRun(storage, user, euOnly, at(6), {
      connectionId: 'solo',
      accountId: null,
      regions: ['eu-west-1'],
    });
    await writeSyntheticRun(storage, user, accountFindings(300, 7), at(7), org('333333333333'));

    await expectSameAsSlowPath(user);
    // The figures are stored now; the mutes below come after them.
    const index = await documents.storage.get(keys.advisorRollupIndex(user));
    expect(index).not.toBeNull();

    const biggest = [...first]
      .filter((f) => f.estimatedMonthlySavingsUsd !== undefined && f.service !== 's3')
      .sort((a, b) => (b.estimatedMonthlySavingsUsd ?? 0) - (a.estimatedMonthlySavingsUsd ?? 0));
    const failing = first.find((f) => f.status === 'fail' && f.category !== 'cost');
    const warning = first.find((f) => f.status === 'warning' && f.category !== 'cost');
    const passing = first.find((f) => f.status === 'pass');
    const wholeCheck = first.find((f) => f.category === 'security' && f.status === 'fail');
    if (!failing || !warning || !passing || !wholeCheck || biggest.length < 12)
      throw new Error('seed too small');
    const mute = (body: { checkId: string; resourceId?: string; region?: string }) =>
      mutes().create(user, { ...body, reason: 'accepted' });
    await mute({ checkId: wholeCheck.checkId });
    // Shared ids (res-…) exist in every account: these resource mutes touch all of them.
    await mute({ checkId: failing.checkId, resourceId: failing.resourceId });
    await mute({ checkId: warning.checkId, resourceId: warning.resourceId, region: warning.region });
    await mute({ checkId: passing.checkId, resourceId: passing.resourceId });
    // Hide the first account's three biggest savings: its kept top ten no longer suffices.
    for (const f of biggest.slice(0, 3))
      await mute({ checkId: f.checkId, resourceId: f.resourceId, region: f.region });
    await expectSameAsSlowPath(user);
    const all = await rollup().dashboard(user, () => true);
    expect(all.results?.mutedCount).toBeGreaterThan(0);
    expect(all.topSavings).toHaveLength(10);
  });

  it('another user sees none of it', async () => {
    expect(await rollup().dashboard('bob', () => true)).toEqual({
      sources: [],
      results: null,
      topSavings: [],
    });
    expect((await rollup().accounts('bob', () => true)).size).toBe(0);
  });

  /** Storage reads of one dashboard and one roll-up request once the figures are stored. */
  async function readsOf(user: string, accounts: number) {
    for (let i = 0; i < accounts; i++) {
      // The first account holds the biggest savings, so the same documents hold the top ten.
      const findings = accountFindings(i === 0 ? 300 : 60, i, `acct${i}`).map((f) =>
        i === 0 && f.estimatedMonthlySavingsUsd
          ? { ...f, estimatedMonthlySavingsUsd: f.estimatedMonthlySavingsUsd + 100 }
          : f,
      );
      await writeSyntheticRun(storage, user, findings, new Date(Date.UTC(2025, 1, 1, 10, i)), {
        connectionId: 'org',
        accountId: String(100000000000 + i),
      });
    }
    const muted = accountFindings(60, 0, 'acct0').find((f) => f.status === 'fail');
    if (!muted) throw new Error('no failing finding');
    await mutes().create(user, { checkId: muted.checkId, resourceId: muted.resourceId, reason: 'accepted' });
    await rollup().dashboard(user, () => true); // builds the figures of runs stored before
    storage.reset();
    await rollup().dashboard(user, () => true);
    const readsNow = () => ({
      gets: storage.gets.length,
      lists: storage.lists.length,
      heads: storage.heads.length,
    });
    const dashboard = readsNow();
    storage.reset();
    const figures = await rollup().accounts(user, () => true);
    expect(figures.size).toBe(accounts);
    return { dashboard, accounts: readsNow() };
  }

  it('reads the same few documents for 3 accounts as for 30', async () => {
    const few = await readsOf('carol', 3);
    const many = await readsOf('dave', 30);
    expect(many).toEqual(few);
    expect(many.dashboard.lists).toBe(0);
    // Coverage index, mutes; the muted run's service; the top savings' services. The roll-up
    // index, parsed before, costs one head.
    expect(many.accounts.gets).toBeLessThanOrEqual(3);
    expect(many.accounts.heads).toBe(1);
    expect(many.dashboard.gets).toBeLessThanOrEqual(13);
  });

  it('sees at once a roll-up index another process rewrote, and equals the uncached computation', async () => {
    const user = 'erin';
    for (let i = 0; i < 3; i++)
      await writeSyntheticRun(storage, user, accountFindings(80, i, `e${i}`), at(i + 1), {
        connectionId: 'org',
        accountId: String(200000000000 + i),
      });
    // Another server process on the same data directory, without a parsed cache.
    const elsewhere = new DocumentStore(new LocalStorage(dir));
    const cached = await rollup().dashboard(user, () => true);
    expect(await rollup().dashboard(user, () => true)).toEqual(cached);
    expect(cached).toEqual(await rollup(elsewhere).dashboard(user, () => true));
    // The other process rewrites every run's figures (here: each group counted twice).
    const index = keys.advisorRollupIndex(user);
    const Loose = z.object({ version: z.literal(1), runs: z.record(z.string(), RunFigures) });
    await elsewhere.updateJson(index, Loose, (current) => ({
      version: 1 as const,
      runs: Object.fromEntries(
        Object.entries(current?.runs ?? {}).map(([runId, f]) => [
          runId,
          {
            ...f,
            groups: f.groups.map(([c, r, s, n, cents]): (typeof f.groups)[number] => [c, r, s, n * 2, cents]),
          },
        ]),
      ),
    }));
    const after = await rollup().dashboard(user, () => true);
    expect(after.results?.countsByStatus.pass).toBe((cached.results?.countsByStatus.pass ?? 0) * 2);
    expect(after.results?.countsByStatus.pass).toBeGreaterThan(0);
    expect(after).toEqual(await rollup(elsewhere).dashboard(user, () => true));
    expect(await rollup().accounts(user, () => true)).toEqual(
      await rollup(elsewhere).accounts(user, () => true),
    );
  });
});
