/**
 * Smoke test of the demo account: seed the emulator as `npm run demo` does (two regions here),
 * collect with the real runner, advise with the real engine, and prove every service shows
 * problems (and some resources that pass) — so every page of the demo has something to show.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDemoChanges } from '../../scripts/demo-changes.js';
import { DEMO_ACCOUNT_ID, seedDemoAccount } from '../../scripts/demo-seed.js';
import { runChecks } from '../../src/checks/engine.js';
import { runCollection } from '../../src/collectors/runner.js';
import type { Finding } from '../../src/core/findings.js';
import { SERVICE_IDS } from '../../src/core/services.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { embeddedPriceBook } from '../../src/pricing/embedded.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const REGIONS = ['us-east-1', 'ap-northeast-2'];

async function collectAndCheck(now: Date): Promise<{ findings: Finding[]; errors: unknown[] }> {
  const result = await runCollection({
    credentials: testCredentials,
    accountId: DEMO_ACCOUNT_ID,
    endpoint: motoEndpoint(),
    request: { services: [...SERVICE_IDS], regions: REGIONS },
    now,
  });
  const snapshot: Snapshot = {
    collectedAt: now.toISOString(),
    data: Object.assign({}, ...result.documents.map((d) => d.data)),
    metadata: {
      ...result.outcome,
      id: 'demo',
      username: 'demo',
      connectionId: 'demo',
      accountId: DEMO_ACCOUNT_ID,
      status: result.outcome.errors.length > 0 ? 'completed_with_errors' : 'completed',
      requestedAt: now.toISOString(),
    },
  };
  return {
    findings: runChecks({ snapshot, prices: embeddedPriceBook(), now }),
    errors: result.outcome.errors,
  };
}

describe('demo account seeding', () => {
  let findings: Finding[] = [];
  let seedSeconds = 0;
  let collectionErrors: unknown[] = [];

  beforeAll(async () => {
    await resetMoto();
    const now = new Date();
    const seeded = await seedDemoAccount({
      endpoint: motoEndpoint(),
      credentials: testCredentials,
      regions: REGIONS,
      now,
    });
    seedSeconds = seeded.seconds;
    ({ findings, errors: collectionErrors } = await collectAndCheck(now));
  }, 240_000);

  it('seeds in reasonable time and the collection sees no unexpected errors', () => {
    console.info(
      `demo seed (${REGIONS.length} regions): ${seedSeconds.toFixed(1)} s; findings: ${findings.length}`,
    );
    expect(seedSeconds).toBeLessThan(120);
    expect(collectionErrors).toEqual([]);
  });

  it('the advisor finds failures AND passes in every service', () => {
    for (const service of SERVICE_IDS) {
      const mine = findings.filter((f) => f.service === service);
      expect(mine.filter((f) => f.status === 'fail').length, `${service} failures`).toBeGreaterThan(0);
      expect(mine.filter((f) => f.status === 'pass').length, `${service} passes`).toBeGreaterThan(0);
    }
  });

  it('every region seeded shows up in the findings', () => {
    for (const region of REGIONS)
      expect(
        findings.some((f) => f.region === region),
        region,
      ).toBe(true);
  });

  it('the metric- and age-based checks have data to judge (not unknown)', () => {
    const statuses = (checkId: string) =>
      new Set(findings.filter((f) => f.checkId === checkId).map((f) => f.status));
    for (const checkId of [
      'ec2-instance-not-idle',
      'ec2-instance-not-overutilized',
      'ec2-instance-not-stopped-long',
      'ebs-snapshot-not-orphaned',
      'ebs-snapshot-not-public',
      'iam-user-access-keys-rotated',
      'lambda-function-memory-right-sized',
      'lambda-function-error-rate',
      'lambda-function-runtime-supported',
      'rds-instance-not-idle',
      's3-bucket-not-public',
    ]) {
      expect(statuses(checkId).has('fail'), `${checkId}: ${[...statuses(checkId)].join(',')}`).toBe(true);
    }
  });

  it('the per-resource and per-region checks show a passing AND a failing resource', () => {
    const statuses = (checkId: string) =>
      new Set(findings.filter((f) => f.checkId === checkId).map((f) => f.status));
    for (const checkId of [
      'cloudtrail-log-file-validation-enabled',
      'cloudtrail-kms-encrypted',
      'cloudtrail-cloudwatch-logs-integrated',
      'cloudtrail-bucket-not-public',
      'config-recorder-enabled',
      'guardduty-enabled',
      'iam-policy-no-full-admin',
      'iam-user-single-active-key',
    ]) {
      expect([...statuses(checkId)].sort(), checkId).toEqual(['fail', 'pass']);
    }
  });

  it('the account-wide checks: root activity alarmed, others not; a support role; the old certificate', () => {
    const statuses = (checkId: string) => findings.filter((f) => f.checkId === checkId).map((f) => f.status);
    expect(statuses('cloudtrail-multi-region-enabled')).toEqual(['pass']);
    expect(statuses('cloudwatch-alarm-root-usage')).toEqual(['pass']);
    expect(statuses('cloudwatch-alarm-unauthorized-api-calls')).toEqual(['fail']);
    expect(statuses('iam-support-role-exists')).toEqual(['pass']);
    // The emulator dates every server certificate 2012 (a passing one: the check's fixture test).
    // The load balancers' HTTPS listeners upload one certificate per region as well.
    const certificates = findings.filter((f) => f.checkId === 'iam-server-certificate-not-expired');
    expect(certificates.map((f) => f.resourceId)).toContain('demo-legacy-site');
    expect(new Set(certificates.map((f) => f.status))).toEqual(new Set(['fail']));
  });

  it('estimates savings for the wasteful resources', () => {
    const savings = findings.reduce(
      (sum, f) => sum + (f.status === 'fail' ? (f.estimatedMonthlySavingsUsd ?? 0) : 0),
      0,
    );
    expect(savings).toBeGreaterThan(100);
  });

  // Runs last: it changes the emulator's account for the "a week later" collection of the demo.
  it('a week later: the demo changes resolve some findings and add new ones', async () => {
    const [fixRegion, breakRegion] = REGIONS as [string, string];
    const changes = await applyDemoChanges(
      { endpoint: motoEndpoint(), credentials: testCredentials },
      DEMO_ACCOUNT_ID,
      fixRegion,
      breakRegion,
    );
    const later = await collectAndCheck(new Date());
    expect(later.errors).toEqual([]);
    const status = (list: Finding[], checkId: string, resourceId: string) =>
      list.find((f) => f.checkId === checkId && f.resourceId.includes(resourceId))?.status;
    for (const checkId of ['s3-bucket-default-encryption', 's3-bucket-versioning-enabled']) {
      expect(status(findings, checkId, changes.fixedBucket), checkId).toBe('fail');
      expect(status(later.findings, checkId, changes.fixedBucket), checkId).toBe('pass');
    }
    expect(status(findings, 'ebs-volume-attached', changes.deletedVolumeId)).toBe('fail');
    expect(status(later.findings, 'ebs-volume-attached', changes.deletedVolumeId)).toBeUndefined();
    expect(status(findings, 'ec2-securitygroup-admin-ports-restricted', changes.openGroupId)).toBeUndefined();
    expect(status(later.findings, 'ec2-securitygroup-admin-ports-restricted', changes.openGroupId)).toBe(
      'fail',
    );
    expect(status(later.findings, 's3-bucket-default-encryption', changes.newBucket)).toBe('fail');
  }, 240_000);
});
