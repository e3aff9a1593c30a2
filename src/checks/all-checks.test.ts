import { describe, expect, it } from 'vitest';
import { embeddedPriceBook } from '../pricing/embedded.js';
import { runChecks } from './engine.js';
import { allChecks } from './registry.js';
import {
  daysAgo,
  ec2Instance,
  ec2Metrics,
  ec2Snapshot,
  ec2Volume,
  fixtureSnapshot,
  rdsInstance,
  securityGroup,
} from './testing.js';

const CATALOGUE_EC2_RDS = [
  'ec2-instance-not-idle',
  'ec2-instance-not-overutilized',
  'ec2-instance-right-sized',
  'ec2-instance-current-generation',
  'ec2-instance-not-stopped-long',
  'ec2-instance-imdsv2-required',
  'ec2-instance-termination-protection',
  'ec2-instance-detailed-monitoring',
  'ec2-securitygroup-admin-ports-restricted',
  'ec2-securitygroup-database-ports-restricted',
  'ec2-securitygroup-no-unrestricted-traffic',
  'ebs-volume-encrypted',
  'ebs-default-encryption-enabled',
  'ebs-volume-attached',
  'ebs-volume-gp3',
  'ebs-volume-recent-snapshot',
  'ebs-snapshot-not-public',
  'ebs-snapshot-not-orphaned',
  'ec2-eip-associated',
  'rds-instance-backup-enabled',
  'rds-instance-storage-encrypted',
  'rds-instance-multi-az',
  'rds-instance-not-public',
  'rds-instance-right-sized',
  'rds-instance-current-generation',
  'rds-instance-not-idle',
  'rds-instance-deletion-protection',
  'rds-instance-auto-minor-version-upgrade',
  'rds-snapshot-not-public',
];

describe('EC2 and RDS catalogue through runChecks', () => {
  it('registers every EC2/EBS/EIP/SG and RDS check of CHECKS.md', () => {
    const ids = allChecks.map((c) => c.id);
    for (const id of CATALOGUE_EC2_RDS) expect(ids, id).toContain(id);
  });

  it('gives one finding per check and resource, in both languages, and unknown for uncollected regions', () => {
    const snapshot = fixtureSnapshot(
      {
        'ec2.instances': [
          ec2Instance('i-1', { volumeIds: ['vol-1'] }),
          ec2Instance('i-2', { instanceType: 'm4.large' }),
        ],
        'ec2.instance-metrics': [ec2Metrics('i-1', { cpuAvg: Array(14).fill(20) })],
        'ec2.volumes': [ec2Volume('vol-1', { attachments: [{ instanceId: 'i-1' }] })],
        'ec2.snapshots': [ec2Snapshot('snap-1', { volumeId: 'vol-1', startTime: daysAgo(3) })],
        'ec2.security-groups': [
          securityGroup('sg-1', [{ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'] }]),
        ],
        'ec2.addresses': [],
        'ec2.images': [],
        'ec2.ebs-encryption-default': [{ region: 'us-east-1', enabled: true }],
        'rds.instances': [rdsInstance('db-1')],
        'rds.snapshots': [],
        'rds.instance-metrics': [],
      },
      { regions: ['us-east-1'] },
    );
    const findings = runChecks({ snapshot, services: ['ec2', 'rds'], prices: embeddedPriceBook() });
    const keys = findings.map((f) => `${f.checkId}|${f.region}|${f.resourceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of findings) {
      expect(f.message.en.length).toBeGreaterThan(0);
      expect(f.message.ko.length).toBeGreaterThan(0);
      if (f.estimatedMonthlySavingsUsd !== undefined) expect(f.savingsBasis?.ko).toBeTruthy();
    }
    expect(
      findings.find((f) => f.checkId === 'ec2-instance-not-idle' && f.resourceId === 'i-2')?.status,
    ).toBe('unknown');
    expect(
      findings.find((f) => f.checkId === 'rds-instance-not-idle' && f.resourceId === 'db-1')?.status,
    ).toBe('unknown');
    expect(findings.find((f) => f.checkId === 'ec2-securitygroup-admin-ports-restricted')?.status).toBe(
      'fail',
    );
    expect(
      findings.find((f) => f.checkId === 'ec2-instance-current-generation' && f.resourceId === 'i-2')?.status,
    ).toBe('fail');
  });

  it('never reports pass for a service that was not collected', () => {
    const snapshot = fixtureSnapshot({}, { regions: ['us-east-1'] });
    const findings = runChecks({ snapshot, services: ['ec2', 'rds'], prices: embeddedPriceBook() });
    expect(findings.length).toBeGreaterThanOrEqual(CATALOGUE_EC2_RDS.length);
    expect(findings.every((f) => f.status === 'unknown')).toBe(true);
  });
});
