/** The advisor's pure parts and storage edges: mutes, comparison, summaries, run ids, CAS, recovery. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareFindings } from '../../src/advisor/compare.js';
import { applyMutes, createMuteService } from '../../src/advisor/mutes.js';
import { createAdvisorService, servicesToCollect } from '../../src/advisor/service.js';
import { AdvisorRunStore, isRunId, runIdOf, runInstant } from '../../src/advisor/store.js';
import { summarizeFindings } from '../../src/advisor/summary.js';
import { allChecks } from '../../src/checks/registry.js';
import type { Finding } from '../../src/core/findings.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { createMemoryBus } from '../../src/jobs/progress-bus.js';
import { embeddedPriceBook } from '../../src/pricing/embedded.js';
import type { MuteRule } from '../../src/shared/api/advisor.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';

const finding = (
  checkId: string,
  resourceId: string,
  status: Finding['status'],
  extra: Partial<Finding> = {},
): Finding => ({
  checkId,
  service: 'ec2',
  category: 'security',
  severity: 'high',
  status,
  region: 'us-east-1',
  resourceId,
  message: { ko: '메시지', en: 'message' },
  ...extra,
});

const rule = (extra: Partial<MuteRule>): MuteRule => ({
  id: 'r1',
  checkId: 'ebs-volume-encrypted',
  reason: 'why',
  by: 'alice',
  at: '2025-01-01T00:00:00.000Z',
  ...extra,
});

describe('applyMutes', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const findings = [
    finding('ebs-volume-encrypted', 'vol-1', 'fail'),
    finding('ebs-volume-encrypted', 'vol-2', 'fail', { region: 'eu-west-1' }),
    finding('ec2-eip-associated', 'eip-1', 'fail'),
  ];

  it('mutes one resource in one region, a whole check, and prefers the specific rule', () => {
    const out = applyMutes(
      findings,
      [
        rule({ id: 'all' }),
        rule({ id: 'one', resourceId: 'vol-2', region: 'eu-west-1', reason: 'specific' }),
      ],
      now,
    );
    expect(out.map((f) => f.muted?.ruleId)).toEqual(['all', 'one', undefined]);
    expect(out[1]?.muted?.reason).toBe('specific');
    const regional = applyMutes(findings, [rule({ resourceId: 'vol-2', region: 'us-east-1' })], now);
    expect(regional.every((f) => !f.muted)).toBe(true);
  });

  it('ignores expired rules and drops mute marks stored with a finding', () => {
    const expired = applyMutes(findings, [rule({ expiresAt: '2025-05-31T23:59:59Z' })], now);
    expect(expired.every((f) => !f.muted)).toBe(true);
    const live = applyMutes(findings, [rule({ expiresAt: '2025-06-01T00:00:01Z' })], now);
    expect(live[0]?.muted?.expiresAt).toBe('2025-06-01T00:00:01Z');
    const stale = [{ ...findings[2]!, muted: { reason: 'old', by: 'x', at: 'y', ruleId: 'gone' } }];
    expect(applyMutes(stale, [], now)[0]?.muted).toBeUndefined();
  });
});

describe('compareFindings and summarizeFindings', () => {
  it('sorts findings into new, resolved (passing or gone) and still failing; unknown is not resolved', () => {
    const from = [
      finding('c', 'a', 'fail'),
      finding('c', 'b', 'fail'),
      finding('c', 'gone', 'warning'),
      finding('c', 'blind', 'fail'),
      finding('c', 'ok', 'pass'),
    ];
    const to = [
      finding('c', 'a', 'fail'),
      finding('c', 'b', 'pass'),
      finding('c', 'blind', 'unknown'),
      finding('c', 'ok', 'fail'),
      finding('c', 'other-service', 'fail', { service: 's3' }),
    ];
    const diff = compareFindings(
      { services: ['ec2'], findings: from },
      { services: ['ec2', 's3'], findings: to },
    );
    expect(diff.services).toEqual(['ec2']);
    expect(diff.new.map((f) => f.resourceId)).toEqual(['ok']);
    expect(diff.stillFailing.map((f) => f.resourceId)).toEqual(['a']);
    expect(diff.resolved.map((r) => [r.before.resourceId, r.after?.status ?? null])).toEqual([
      ['b', 'pass'],
      ['gone', null],
    ]);
  });

  it('leaves muted findings out of counts, scores and savings', () => {
    const all = [
      finding('c', 'a', 'pass'),
      finding('c', 'b', 'fail', { category: 'cost', estimatedMonthlySavingsUsd: 10.1 }),
      finding('c', 'c', 'fail', {
        category: 'cost',
        estimatedMonthlySavingsUsd: 5,
        muted: { reason: 'r', by: 'a', at: 't', ruleId: 'x' },
      }),
    ];
    const s = summarizeFindings(all);
    expect(s.countsByStatus).toMatchObject({ pass: 1, fail: 1 });
    expect(s.mutedCount).toBe(1);
    expect(s.estimatedMonthlySavingsUsd).toBe(10.1);
    expect(s.score).toMatchObject({ passed: 1, failed: 1, muted: 1, score: 50 });
    expect(s.scoreByCategory.cost).toMatchObject({ failed: 1, muted: 1, score: 0 });
    expect(s.openByCategory.cost).toBe(1);
  });

  it('collects the services whose collectors the checks read', () => {
    const lambdaNeeds = servicesToCollect(['lambda'], allChecks);
    expect(lambdaNeeds).toContain('lambda');
    const needed = new Set(
      allChecks
        .filter((c) => c.service === 'lambda')
        .flatMap((c) => c.requires.map((id) => id.split('.')[0])),
    );
    expect(new Set(lambdaNeeds)).toEqual(needed.add('lambda'));
  });
});

describe('run ids and stores on local storage', () => {
  let dir: string;
  let documents: DocumentStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'advisor-unit-'));
    documents = new DocumentStore(new LocalStorage(dir));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('run ids are key-safe timestamps that map back to the history instant; bad ids are rejected', () => {
    const id = runIdOf(new Date('2025-03-04T05:06:07.089Z'));
    expect(id).toBe('2025-03-04T05-06-07.089Z');
    expect(runInstant(id)).toBe('2025-03-04T05:06:07.089Z');
    expect(isRunId(id)).toBe(true);
    for (const bad of ['../x', '2025-03-04', '2025-03-04T05:06:07Z', '']) expect(isRunId(bad)).toBe(false);
  });

  it('two runs requested in the same millisecond get different ids', async () => {
    const store = new AdvisorRunStore(documents);
    const at = new Date('2025-03-04T05:06:07.089Z');
    const base = {
      username: 'u',
      status: 'queued' as const,
      requestedAt: at.toISOString(),
      services: ['ec2' as const],
      regions: [],
      connectionId: 'c',
      reusedCollection: false,
    };
    const [a, b] = await Promise.all([store.create(base, at), store.create(base, at)]);
    expect(a.runId).not.toBe(b.runId);
    expect((await store.list('u')).length).toBe(2);
  });

  it('concurrent mutes are all kept (compare-and-swap), with one audit entry each', async () => {
    const mutes = createMuteService({
      documents,
      checkIds: () => new Set(['ebs-volume-encrypted']),
      now: () => new Date(),
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        mutes.create('u', { checkId: 'ebs-volume-encrypted', resourceId: `vol-${i}`, reason: `r${i}` }),
      ),
    );
    const list = await mutes.list('u');
    expect(list.rules.map((r) => r.resourceId).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `vol-${i}`).sort(),
    );
    expect(list.audit).toHaveLength(8);
    await expect(mutes.remove('u', 'no-such-rule')).rejects.toMatchObject({ code: 'mute_not_found' });
  });

  it('recovery marks runs left queued or running by a dead process as failed', async () => {
    const queue = createInProcessQueue();
    const unused = () => Promise.reject(new Error('not used'));
    const service = createAdvisorService({
      documents,
      queue,
      bus: createMemoryBus(),
      prices: async () => embeddedPriceBook(),
      collections: {
        start: unused,
        get: unused,
        store: { getServiceDocument: unused },
        progress: { subscribe: () => undefined },
      } as never,
    });
    const at = new Date('2025-03-04T05:06:07.089Z');
    const base = {
      username: 'u',
      requestedAt: at.toISOString(),
      services: ['ec2' as const],
      regions: [],
      connectionId: 'c',
      reusedCollection: false,
    };
    const stuck = await service.runs.create({ ...base, status: 'evaluating' }, at);
    const done = await service.runs.create({ ...base, status: 'completed' }, at);
    expect(await service.recover()).toBe(1);
    expect(await service.runs.get('u', stuck.runId)).toMatchObject({
      status: 'failed',
      failureReason: 'server restarted',
    });
    expect((await service.runs.get('u', done.runId))?.status).toBe('completed');
    await queue.close();
  });
});
