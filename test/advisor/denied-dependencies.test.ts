/**
 * A scan with partly denied permissions, enforced by the emulator itself: the scanning user may do
 * everything except ec2:DescribeSnapshots and iam:GenerateCredentialReport. Every resource a check
 * would have judged with the denied data is `unknown` one by one (naming the call), nothing passes
 * on missing data, console MFA is answered from GetLoginProfile + ListMFADevices instead, and the
 * denied operations are named in the collection's errors.
 */
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeFindings } from '../../src/advisor/summary.js';
import { runChecks } from '../../src/checks/engine.js';
import type { Finding } from '../../src/core/findings.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { embeddedPriceBook } from '../../src/pricing/embedded.js';
import { collectSnapshot } from '../support/advise.js';
import { enforceIam, motoClientConfig, resetMoto } from '../support/moto.js';

const CHECKS = [
  'ebs-volume-recent-snapshot',
  'ebs-snapshot-not-public',
  'iam-user-access-keys-rotated',
  'iam-user-credentials-used',
  'iam-user-console-mfa',
];

async function seed(): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const ec2 = new EC2Client(motoClientConfig());
  // Each instance gets an attached root volume: the volumes the snapshot check judges.
  await ec2.send(
    new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 2, MaxCount: 2 }),
  );
  ec2.destroy();

  const iam = new IAMClient(motoClientConfig());
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-Horse-9-Battery' }));
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Correct-Horse-9-Battery' }));
  const mfa = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob' }));
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: 'bob',
      SerialNumber: mfa.VirtualMFADevice?.SerialNumber,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: 'scanner' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'scanner',
      PolicyName: 'all-but-two',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: ['ec2:DescribeSnapshots', 'iam:GenerateCredentialReport'],
            Resource: '*',
          },
        ],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'scanner' }))).AccessKey;
  iam.destroy();
  if (!key?.AccessKeyId || !key.SecretAccessKey) throw new Error('no access key for the scanner');
  return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
}

describe('a scan with denied dependencies (IAM enforced by the emulator)', () => {
  let snapshot: Snapshot;
  let findings: Finding[];
  let restoreAuth: (() => Promise<void>) | undefined;
  const of = (checkId: string) => findings.filter((f) => f.checkId === checkId);

  beforeAll(async () => {
    await resetMoto();
    const credentials = await seed();
    restoreAuth = await enforceIam();
    snapshot = await collectSnapshot({
      collect: ['ec2', 'iam'],
      collectors: ['ec2.volumes', 'ec2.snapshots', 'iam.credential-report'],
      credentials,
    });
    findings = runChecks({ snapshot, checkIds: CHECKS, prices: embeddedPriceBook() });
  });
  // Every later test file on this worker's emulator must not run under enforcement.
  afterAll(async () => {
    await restoreAuth?.();
    await resetMoto();
  });

  it('names the denied operations in the collection errors', () => {
    const operations = snapshot.metadata.errors.map((e) => [e.collector, e.operation]);
    expect(operations).toEqual(
      expect.arrayContaining([
        ['ec2.snapshots', 'DescribeSnapshots'],
        ['iam.credential-report', 'GenerateCredentialReport'],
      ]),
    );
    expect(snapshot.metadata.results['ec2.volumes']?.['us-east-1']?.status).toBe('ok');
  });

  it('makes every attached volume unknown for the recent-snapshot check, naming DescribeSnapshots', () => {
    const volumes = (snapshot.data['ec2.volumes'] ?? []).map((v) => v.volumeId).sort();
    expect(volumes).toHaveLength(2);
    const judged = of('ebs-volume-recent-snapshot');
    expect(judged.map((f) => f.resourceId).sort()).toEqual(volumes);
    for (const f of judged) {
      expect(f.status).toBe('unknown');
      expect(f.message.en).toContain('DescribeSnapshots');
      expect(f.message.ko).toContain('DescribeSnapshots');
    }
  });

  it('keeps one per-region line only where the judged resources could not be listed at all', () => {
    expect(of('ebs-snapshot-not-public').map((f) => [f.resourceId, f.status])).toEqual([
      ['ec2.snapshots@us-east-1', 'unknown'],
    ]);
  });

  it('makes every user unknown for the checks that need the credential report', () => {
    for (const checkId of ['iam-user-access-keys-rotated', 'iam-user-credentials-used']) {
      const judged = of(checkId);
      expect(judged.map((f) => f.resourceId).sort(), checkId).toEqual(['alice', 'bob', 'scanner']);
      for (const f of judged) {
        expect(f.status, `${checkId} ${f.resourceId}`).toBe('unknown');
        expect(f.message.en).toContain('GenerateCredentialReport');
      }
    }
  });

  it('answers console MFA from GetLoginProfile and ListMFADevices when the report is denied', () => {
    const status = Object.fromEntries(of('iam-user-console-mfa').map((f) => [f.resourceId, f.status]));
    expect(status).toEqual({ alice: 'fail', bob: 'pass', scanner: 'not_applicable' });
  });

  it('passes nothing judged on missing data, and counts the unknowns in the run summary', () => {
    const affected = findings.filter((f) => f.checkId !== 'iam-user-console-mfa');
    expect(affected.length).toBeGreaterThan(0);
    expect(affected.filter((f) => f.status !== 'unknown')).toEqual([]);
    const summary = summarizeFindings(findings);
    expect(summary.countsByStatus.unknown).toBe(affected.length);
    expect(summary.score.unknown).toBe(affected.length);
  });
});
