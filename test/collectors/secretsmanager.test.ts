import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { secretsManagerSecrets } from '../../src/collectors/secretsmanager/secrets.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';
import { createHarness } from './harness.js';

/** One more than a ListSecrets page (100). */
const MANY = 101;
const VALUE = 'never-leaves-aws';

describe('secretsmanager collector', () => {
  beforeAll(async () => {
    await resetMoto();
    const east = new SecretsManagerClient(motoClientConfig('us-east-1'));
    await east.send(
      new CreateSecretCommand({
        Name: 'db-password',
        SecretString: VALUE,
        Tags: [{ Key: 'team', Value: 'orders' }],
      }),
    );
    const west = new SecretsManagerClient(motoClientConfig('eu-west-1'));
    for (let i = 0; i < MANY; i += 1)
      await west.send(new CreateSecretCommand({ Name: `bulk-${i}`, SecretString: VALUE }));
  });

  it('collects rotation, dates and tags from ListSecrets alone, never the value', async () => {
    const harness = createHarness();
    const secrets = await harness.run(secretsManagerSecrets, 'us-east-1');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).toMatchObject({
      region: 'us-east-1',
      name: 'db-password',
      rotationEnabled: false,
      tags: [{ key: 'team', value: 'orders' }],
    });
    expect(secrets[0]?.arn).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:db-password-/);
    expect(secrets[0]?.createdDate).toBeDefined();
    expect(JSON.stringify(secrets)).not.toContain(VALUE);
    expect([...harness.calls.keys()]).toEqual(['ListSecrets']);
  });

  it('pages ListSecrets in its own region with no per-secret call', async () => {
    const harness = createHarness();
    const secrets = await harness.run(secretsManagerSecrets, 'eu-west-1');
    expect(secrets).toHaveLength(MANY);
    expect(secrets.every((s) => s.region === 'eu-west-1')).toBe(true);
    expect(harness.calls.get('ListSecrets')).toBe(2);
    expect(harness.totalCalls()).toBe(2);
  });
});
