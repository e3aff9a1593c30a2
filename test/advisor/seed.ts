import type { AddressInfo } from 'node:net';
import { CreateVolumeCommand, DeleteVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateBucketCommand, PutBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { AdvisorRunDetailResponse, AdvisorRunResponse } from '../../src/shared/api/advisor.js';
import type { Agent } from '../support/app.js';
import { motoClientConfig } from '../support/moto.js';

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';
/** The smallest valid zip archive (an empty one): moto stores it without running anything. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

export async function createVolume(encrypted: boolean): Promise<string> {
  const ec2 = new EC2Client(motoClientConfig(REGION));
  const out = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 8,
      VolumeType: 'gp3',
      Encrypted: encrypted,
    }),
  );
  ec2.destroy();
  return out.VolumeId as string;
}

export async function deleteVolume(volumeId: string): Promise<void> {
  const ec2 = new EC2Client(motoClientConfig(REGION));
  await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
  ec2.destroy();
}

/**
 * A few resources per service that pass and fail known checks:
 * volumes (encrypted / not), buckets (public-read ACL / private + encrypted), Lambda functions
 * (python3.9 / python3.13), an IAM user with a console password and no MFA, RDS instances with
 * backup retention 0 / 7.
 */
export async function seedAccount(): Promise<{ plainVolume: string; encryptedVolume: string }> {
  const plainVolume = await createVolume(false);
  const encryptedVolume = await createVolume(true);

  const s3 = new S3Client(motoClientConfig(REGION));
  await s3.send(new CreateBucketCommand({ Bucket: 'adv-public', ACL: 'public-read' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'adv-private' }));
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: 'adv-private',
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  );
  s3.destroy();

  const iam = new IAMClient(motoClientConfig(REGION));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'exec',
      AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: 'console-no-mfa' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'console-no-mfa', Password: 'Correct-Horse-9!' }));
  iam.destroy();

  const lambda = new LambdaClient(motoClientConfig(REGION));
  for (const [name, runtime] of [
    ['legacy', 'python3.9'],
    ['current', 'python3.13'],
  ] as const) {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime,
        Role: `arn:aws:iam::${ACCOUNT_ID}:role/exec`,
        Handler: 'app.handler',
        Code: { ZipFile: EMPTY_ZIP },
      }),
    );
  }
  lambda.destroy();

  const rds = new RDSClient(motoClientConfig(REGION));
  for (const [id, days] of [
    ['db-nobackup', 0],
    ['db-backup', 7],
  ] as const) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: id,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'postgres',
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        MasterUserPassword: 'not-collected-1234',
        BackupRetentionPeriod: days,
      }),
    );
  }
  rds.destroy();
  return { plainVolume, encryptedVolume };
}

/** Access keys of an emulator user, stored as the agent's default AWS connection. */
export async function connect(agent: Agent, userName = 'collector'): Promise<void> {
  const iam = new IAMClient(motoClientConfig(REGION));
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  iam.destroy();
  const res = await agent.post('/api/connections', {
    kind: 'keys',
    name: 'emulator',
    accessKeyId: key.AccessKey?.AccessKeyId,
    secretAccessKey: key.AccessKey?.SecretAccessKey,
  });
  expect(res.statusCode, res.body).toBe(201);
}

export async function startRun(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/advisor/runs', body);
  expect(res.statusCode, res.body).toBe(202);
  return AdvisorRunResponse.parse(res.json()).run;
}

/** Polls the run until it has finished, then returns its detail. */
export async function waitForRun(agent: Agent, runId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await agent.get(`/api/advisor/runs/${runId}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = AdvisorRunDetailResponse.parse(res.json());
    if (detail.run.status === 'completed' || detail.run.status === 'failed') return detail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a whole text/event-stream over a real socket (app.inject cannot stream). */
export async function readEvents(baseUrl: string, path: string, cookie: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'text/event-stream' } });
  const raw = await res.text();
  const events = raw
    .split('\n\n')
    .map((block) => {
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return name && data ? { event: name, data: JSON.parse(data) as unknown } : null;
    })
    .filter((e): e is SseEvent => e !== null);
  return { status: res.status, events };
}

export const baseUrlOf = (address: AddressInfo | string | null) =>
  `http://127.0.0.1:${(address as AddressInfo).port}`;
