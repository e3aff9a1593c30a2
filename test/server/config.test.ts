import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsBaseConfig } from '../../src/aws/config.js';
import { buildReadOnlyPolicy, isReadOnlyAction, ORIGINAL_PRODUCT_ACTIONS } from '../../src/aws/iam-policy.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createStorage } from '../../src/storage/index.js';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'again-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts with nothing set: defaults, local storage, a generated secret kept with mode 0600', async () => {
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      awsRegion: 'ap-northeast-2',
      port: 5000,
      sessionIdleMinutes: 30,
      trustProxy: false,
      secretKeySource: 'generated',
      awsCredentials: undefined,
      dataBucketName: undefined,
    });
    expect(config.secretKey.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, '.secret_key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(config.secretKey);
    const again = loadConfig({ DATA_DIR: dir });
    expect(again.secretKey).toBe(config.secretKey);
    expect(again.secretKeySource).toBe('file');
    expect(createStorage(config).kind).toBe('local');
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      SECRET_KEY: 'a-long-enough-secret-key',
      AWS_ACCESS_KEY: 'AKIAEXAMPLEEXAMPLE12',
      AWS_SECRET_KEY: 'secret/secret/secret',
      AWS_REGION: 'us-west-2',
      DATA_BUCKET_NAME: 'my-console-data',
      DATA_DIR: dir,
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_DIR: join(dir, 'l'),
      AWS_ENDPOINT_URL: 'http://127.0.0.1:5555',
      SESSION_IDLE_MINUTES: '15',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      secretKeySource: 'env',
      awsRegion: 'us-west-2',
      dataBucketName: 'my-console-data',
      port: 8080,
      host: '127.0.0.1',
      sessionIdleMinutes: 15,
      trustProxy: 1,
      awsCredentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'secret/secret/secret' },
    });
    expect(createStorage(config).kind).toBe('s3');
    expect(awsBaseConfig(config, 'eu-west-1')).toEqual({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5555',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'secret/secret/secret' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ AWS_REGION: 'Seoul' }, 'AWS_REGION'],
    [{ DATA_BUCKET_NAME: 'Bad_Bucket' }, 'DATA_BUCKET_NAME'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ AWS_ENDPOINT_URL: 'not a url' }, 'AWS_ENDPOINT_URL'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
    [{ AWS_ACCESS_KEY: 'AKIAONLYHALF' }, 'AWS_SECRET_KEY'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig({ DATA_DIR: dir, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, ...env })).toThrow(name);
  });
});

describe('IAM policy', () => {
  it('starts from the original product policy, read-only', () => {
    const { policy, actions, rejected } = buildReadOnlyPolicy(ORIGINAL_PRODUCT_ACTIONS);
    expect(actions).toEqual([
      'cloudwatch:Get*',
      'ec2:Describe*',
      's3:Get*',
      's3:List*',
      'sts:GetCallerIdentity',
    ]);
    expect(rejected).toEqual([]);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
  });

  it('deduplicates, sorts and leaves out anything that writes', () => {
    const { actions, rejected } = buildReadOnlyPolicy([
      'ec2:DescribeInstances',
      'ec2:DescribeInstances',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'logs:FilterLogEvents',
      'ec2:TerminateInstances',
      's3:PutObject',
    ]);
    expect(actions).toEqual([
      'ec2:DescribeInstances',
      'iam:GenerateCredentialReport',
      'iam:GetCredentialReport',
      'logs:FilterLogEvents',
      'sts:GetCallerIdentity',
    ]);
    expect(rejected).toEqual(['ec2:TerminateInstances', 's3:PutObject']);
    expect(isReadOnlyAction('s3:DeleteBucket')).toBe(false);
  });
});
