/**
 * A completed advisor run of any size written straight to a console's local storage, the way the
 * advisor job leaves it (run record + one history file per service): for scale tests and benchmarks.
 */
import { AdvisorRunStore, type StoredRun } from '../../src/advisor/store.js';
import { allChecks } from '../../src/checks/registry.js';
import type { AdvisorRunServiceDocument, Finding } from '../../src/core/findings.js';
import { SERVICE_IDS } from '../../src/core/services.js';
import type { Storage } from '../../src/core/storage.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';

export const SYNTHETIC_REGIONS = ['ap-northeast-2', 'us-east-1', 'eu-west-1'] as const;

/**
 * `count` findings spread over every check round-robin; finding i is in region i mod 3, fails when
 * i mod 5 < 3 (60 %), and fails with 1.25 USD savings when its check is a cost check.
 */
export function syntheticFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => {
    const check = allChecks[i % allChecks.length];
    if (!check) throw new Error('no checks');
    const failing = i % 5 < 3;
    const region = SYNTHETIC_REGIONS[i % SYNTHETIC_REGIONS.length] ?? 'us-east-1';
    return {
      checkId: check.id,
      service: check.service,
      category: check.category,
      severity: check.severity,
      status: failing ? 'fail' : 'pass',
      region,
      resourceId: `res-${String(i).padStart(6, '0')}`,
      resourceName: `resource ${i}`,
      message: { ko: `리소스 ${i} 점검 결과`, en: `Resource ${i} finding` },
      ...(failing && check.category === 'cost' ? { estimatedMonthlySavingsUsd: 1.25 } : {}),
    };
  });
}

/** Writes the run; returns its id. */
export async function writeSyntheticRun(
  storage: Storage,
  username: string,
  findings: readonly Finding[],
  at = new Date('2025-01-02T03:04:05.000Z'),
  /** The run's account: the connection and the member it ran in. */
  account: { connectionId: string; accountId: string } = {
    connectionId: 'synthetic',
    accountId: '123456789012',
  },
): Promise<string> {
  const docs = new DocumentStore(storage);
  const timestamp = at.toISOString();
  const runId = timestamp.replace(/:/g, '-');
  const services = SERVICE_IDS.filter((s) => findings.some((f) => f.service === s));
  for (const service of services) {
    const doc: AdvisorRunServiceDocument = {
      runId,
      username,
      service,
      timestamp,
      collectionId: 'synthetic',
      ...account,
      regions: [...SYNTHETIC_REGIONS],
      findings: findings.filter((f) => f.service === service),
      checks: allChecks.filter((c) => c.service === service).map((c) => ({ id: c.id, settings: {} })),
    };
    await docs.putJson(keys.advisorRun(username, service, timestamp), doc);
  }
  const run: StoredRun = {
    runId,
    username,
    status: 'completed',
    requestedAt: timestamp,
    startedAt: timestamp,
    finishedAt: timestamp,
    services,
    regions: [...SYNTHETIC_REGIONS],
    ...account,
    collectionId: 'synthetic',
    reusedCollection: true,
  };
  await docs.putJson(keys.advisorRunRecord(username, runId), run);
  await new AdvisorRunStore(docs).coverage(username).add(run);
  return runId;
}
