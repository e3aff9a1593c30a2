import {
  CreateRepositoryCommand,
  ECRClient,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowAnyone, EXPIRE_UNTAGGED } from '../../scripts/demo-seed-store.js';
import { ecrRepositories } from '../../src/collectors/ecr/repositories.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

const PUBLIC_PULL = allowAnyone('ecr:BatchGetImage');

describe('ecr collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new ECRClient(motoClientConfig('us-east-1'));
    await east.send(
      new CreateRepositoryCommand({
        repositoryName: 'app',
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: 'IMMUTABLE',
      }),
    );
    await east.send(
      new PutLifecyclePolicyCommand({ repositoryName: 'app', lifecyclePolicyText: EXPIRE_UNTAGGED }),
    );
    await east.send(new CreateRepositoryCommand({ repositoryName: 'legacy' }));
    await east.send(new SetRepositoryPolicyCommand({ repositoryName: 'legacy', policyText: PUBLIC_PULL }));
    await new ECRClient(motoClientConfig('eu-west-1')).send(
      new CreateRepositoryCommand({ repositoryName: 'west' }),
    );
  });

  it('collects scanning, tag mutability, the parsed policy and whether a lifecycle policy exists', async () => {
    const harness = createHarness();
    const repositories = await harness.run(ecrRepositories, 'us-east-1');
    const byName = new Map(repositories.map((r) => [r.repositoryName, r]));
    expect([...byName.keys()].sort()).toEqual(['app', 'legacy']);
    expect(byName.get('app')).toMatchObject({
      region: 'us-east-1',
      scanOnPush: true,
      imageTagMutability: 'IMMUTABLE',
      hasLifecyclePolicy: true,
    });
    // No repository policy is "none", not an error.
    expect(byName.get('app')?.policy ?? null).toBeNull();
    expect(byName.get('legacy')).toMatchObject({
      scanOnPush: false,
      imageTagMutability: 'MUTABLE',
      hasLifecyclePolicy: false,
    });
    expect(byName.get('legacy')?.policy?.Statement[0]).toMatchObject({ Principal: { AWS: '*' } });
    expect(repositories.every((r) => r.fieldErrors === undefined)).toBe(true);
  });

  it('keeps regions apart: one DescribeRepositories page, then the two per-repository calls AWS forces', async () => {
    const harness = createHarness();
    const repositories = await harness.run(ecrRepositories, 'eu-west-1');
    expect(repositories.map((r) => [r.repositoryName, r.region])).toEqual([['west', 'eu-west-1']]);
    expect(harness.calls.get('DescribeRepositories')).toBe(1);
    expect(harness.calls.get('GetRepositoryPolicy')).toBe(1);
    expect(harness.calls.get('GetLifecyclePolicy')).toBe(1);
  });

  it('marks only the policy when GetRepositoryPolicy is denied (not read as "no policy")', async () => {
    const harness = createHarness({ deny: ['GetRepositoryPolicy'] });
    const legacy = (await harness.run(ecrRepositories, 'us-east-1')).find(
      (r) => r.repositoryName === 'legacy',
    );
    expect(legacy?.policy).toBeUndefined();
    expect(legacy?.fieldErrors?.policy).toMatchObject({
      operation: 'GetRepositoryPolicy',
      code: 'AccessDenied',
    });
    expect(legacy?.hasLifecyclePolicy).toBe(false);
  });
});
