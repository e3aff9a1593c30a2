/**
 * End to end for EC2 and RDS: seed the emulator, collect with the real runner, advise with the
 * real engine. Metrics-based checks see no datapoints here, so they must say `unknown`.
 */
import {
  AllocateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

const ids: { instance?: string; volume?: string; group?: string; allocation?: string } = {};

async function seed(): Promise<void> {
  const ec2 = new EC2Client(motoClientConfig('us-east-1'));
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 'm4.large',
      MinCount: 1,
      MaxCount: 1,
      MetadataOptions: { HttpTokens: 'optional' },
    }),
  );
  ids.instance = run.Instances?.[0]?.InstanceId;
  const vol = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: 'us-east-1a',
      Size: 100,
      VolumeType: 'gp2',
      Encrypted: false,
    }),
  );
  ids.volume = vol.VolumeId;
  const sg = await ec2.send(
    new CreateSecurityGroupCommand({ GroupName: 'e2e-ssh', Description: 'ssh open' }),
  );
  ids.group = sg.GroupId;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sg.GroupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  ids.allocation = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId;
  ec2.destroy();
  const rds = new RDSClient(motoClientConfig('us-east-1'));
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'e2e-db',
      DBInstanceClass: 'db.t2.micro',
      Engine: 'mysql',
      AllocatedStorage: 20,
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-secret-1',
      BackupRetentionPeriod: 0,
      PubliclyAccessible: true,
    }),
  );
  rds.destroy();
}

describe('EC2 and RDS advisor end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, { collect: ['ec2', 'rds'] });

  it('reports the seeded EC2 problems with their savings', () => {
    expect(statuses('ec2-instance-imdsv2-required', ids.instance)).toEqual(['fail']);
    expect(statuses('ec2-instance-current-generation', ids.instance)).toEqual(['fail']);
    expect(statuses('ec2-securitygroup-admin-ports-restricted', ids.group)).toEqual(['fail']);
    expect(statuses('ebs-volume-encrypted', ids.volume)).toEqual(['fail']);
    const unattached = findings().find(
      (f) => f.checkId === 'ebs-volume-attached' && f.resourceId === ids.volume,
    );
    expect(unattached?.status).toBe('fail');
    expect(unattached?.estimatedMonthlySavingsUsd).toBe(10);
    const eip = findings().find((f) => f.checkId === 'ec2-eip-associated' && f.resourceId === ids.allocation);
    expect(eip?.estimatedMonthlySavingsUsd).toBe(3.65);
  });

  it('says unknown, never pass, where the emulator has no metric datapoints', () => {
    expect(statuses('ec2-instance-not-idle', ids.instance)).toEqual(['unknown']);
    expect(statuses('rds-instance-not-idle', 'e2e-db')).toEqual(['unknown']);
  });

  it('reports the seeded RDS problems', () => {
    expect(statuses('rds-instance-backup-enabled', 'e2e-db')).toEqual(['fail']);
    expect(statuses('rds-instance-not-public', 'e2e-db')).toEqual(['fail']);
    expect(statuses('rds-instance-current-generation', 'e2e-db')).toEqual(['fail']);
  });
});
