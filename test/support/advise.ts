/**
 * The advisor end-to-end harness: reset the emulator, let the test seed it, collect with the real
 * runner and advise with the real engine. It lives here, not in src/checks, because checks must
 * not import the collectors (the dependency rules keep them pure).
 */
import { beforeAll, expect } from 'vitest';
import { runChecks } from '../../src/checks/engine.js';
import { runCollection } from '../../src/collectors/runner.js';
import type { RunCollectionOptions } from '../../src/core/collection-run.js';
import type { Finding } from '../../src/core/findings.js';
import type { CollectorId } from '../../src/core/records.js';
import type { FindingStatus, ServiceId } from '../../src/core/services.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { embeddedPriceBook } from '../../src/pricing/embedded.js';
import { motoEndpoint, resetMoto, testCredentials } from './moto.js';

export const E2E_ACCOUNT_ID = '123456789012';

export interface AdviseOptions {
  /** Services to collect (a check may read another service's records, e.g. Lambda reads IAM). */
  collect: ServiceId[];
  /** Services whose checks run; defaults to `collect`. */
  advise?: ServiceId[];
  regions?: string[];
  now?: Date;
}

/** Collect the emulator's account as it stands into a snapshot (as stored, all services in one). */
export async function collectSnapshot(
  options: AdviseOptions & { credentials?: RunCollectionOptions['credentials']; collectors?: CollectorId[] },
): Promise<Snapshot> {
  const now = options.now ?? new Date();
  const result = await runCollection({
    credentials: options.credentials ?? testCredentials,
    accountId: E2E_ACCOUNT_ID,
    endpoint: motoEndpoint(),
    request: {
      services: options.collect,
      regions: options.regions ?? ['us-east-1'],
      ...(options.collectors ? { collectors: options.collectors } : {}),
    },
    now,
  });
  return {
    collectedAt: now.toISOString(),
    data: Object.assign({}, ...result.documents.map((d) => d.data)),
    metadata: {
      ...result.outcome,
      id: 'e2e',
      username: 'e2e',
      connectionId: 'e2e',
      accountId: E2E_ACCOUNT_ID,
      status: result.outcome.errors.length > 0 ? 'completed_with_errors' : 'completed',
      requestedAt: now.toISOString(),
    },
  };
}

/** Collect the emulator's account as it stands and run the checks over the snapshot. */
export async function collectAndAdvise(options: AdviseOptions): Promise<Finding[]> {
  const snapshot = await collectSnapshot(options);
  return runChecks({ snapshot, services: options.advise ?? options.collect, prices: embeddedPriceBook() });
}

export interface AdvisedAccount {
  /** Every finding (filled in by the time the tests run). */
  findings(): Finding[];
  /** The statuses of every finding of this check on this resource (so duplicates show up). */
  statuses(checkId: string, resourceId: string | undefined): FindingStatus[];
  /** The one finding of this check on this resource; fails the test unless there is exactly one. */
  of(checkId: string, resourceId: string): Finding;
}

/**
 * Registers a beforeAll in the calling describe: reset moto, seed, collect, advise. The
 * lookups read the findings lazily, so they can be created before the hook has run.
 */
export function advisedAccount(seed: () => Promise<void>, options: AdviseOptions): AdvisedAccount {
  let findings: Finding[] = [];
  beforeAll(async () => {
    await resetMoto();
    await seed();
    findings = await collectAndAdvise(options);
  });
  const matching = (checkId: string, resourceId: string | undefined) =>
    findings.filter((f) => f.checkId === checkId && f.resourceId === resourceId);
  return {
    findings: () => findings,
    statuses: (checkId, resourceId) => matching(checkId, resourceId).map((f) => f.status),
    of(checkId, resourceId) {
      const matches = matching(checkId, resourceId);
      expect(matches, `${checkId} ${resourceId}`).toHaveLength(1);
      return matches[0] as Finding;
    },
  };
}
