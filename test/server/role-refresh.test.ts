/**
 * Role connections hand jobs a credential provider that re-assumes the role before the temporary
 * credentials expire. The clock is faked (the app's `now`); STS is the emulator, observed and, for
 * the outage case, failed by a middleware (moto never fails AssumeRole on its own).
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_BEFORE_EXPIRY_MS } from '../../src/connections/role-provider.js';
import { createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoClientConfig, resetMoto } from '../support/moto.js';

const TARGET_ACCOUNT = '210987654321';
const ROLE_ARN = `arn:aws:iam::${TARGET_ACCOUNT}:role/AgainConsoleReadOnly`;

async function accountOf(credentials: AwsCredentialIdentity): Promise<string | undefined> {
  const sts = new STSClient({ ...motoClientConfig('us-east-1'), credentials });
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Account;
  } finally {
    sts.destroy();
  }
}

describe('role credentials are refreshed before they expire', () => {
  let t: TestApp;
  let clock = Date.now();
  let assumeCalls = 0;
  let stsDown = false;

  beforeAll(async () => {
    await resetMoto();
    t = await createTestApp({
      overrides: {
        now: () => new Date(clock),
        stsClientFactory: (config) => {
          const client = new STSClient(config);
          client.middlewareStack.add(
            (next, context) => async (args) => {
              if (context.commandName === 'AssumeRoleCommand') {
                assumeCalls++;
                if (stsDown)
                  throw Object.assign(new Error('Rate exceeded'), {
                    name: 'Throttling',
                    $metadata: { httpStatusCode: 400 },
                  });
              }
              return next(args);
            },
            { step: 'initialize', name: 'observeAssumeRole' },
          );
          return client;
        },
      },
    });
    const alice = await signUp(t.app, 'alice');
    const res = await alice.post('/api/connections', { kind: 'role', name: 'prod', roleArn: ROLE_ARN });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('caches, re-assumes inside the refresh window (once for many callers), and keeps valid ones through an STS outage', async () => {
    const { credentials, accountId } = await t.deps.connections.resolveCredentials('alice');
    expect(accountId).toBe(TARGET_ACCOUNT);

    const before = assumeCalls;
    const first = await credentials();
    expect(assumeCalls).toBe(before + 1);
    expect(first.expiration).toBeInstanceOf(Date);
    expect(await accountOf(first)).toBe(TARGET_ACCOUNT);
    // Cached while far from expiry.
    clock = (first.expiration as Date).getTime() - REFRESH_BEFORE_EXPIRY_MS - 60_000;
    expect((await credentials()).accessKeyId).toBe(first.accessKeyId);
    expect(assumeCalls).toBe(before + 1);

    // Inside the refresh window: new credentials, that work against the emulator.
    clock = (first.expiration as Date).getTime() - 60_000;
    const burst = await Promise.all(Array.from({ length: 8 }, () => credentials()));
    expect(assumeCalls).toBe(before + 2);
    const second = burst[0] as AwsCredentialIdentity;
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(new Set(burst.map((c) => c.accessKeyId))).toEqual(new Set([second.accessKeyId]));
    expect(await accountOf(second)).toBe(TARGET_ACCOUNT);

    // STS fails in the refresh window: the still-valid credentials are kept…
    stsDown = true;
    clock = (second.expiration as Date).getTime() - 60_000;
    expect((await credentials()).accessKeyId).toBe(second.accessKeyId);
    // …but once they have expired the failure surfaces (no expired credentials handed out).
    clock = (second.expiration as Date).getTime() + 1_000;
    await expect(credentials()).rejects.toThrow(/Throttling/);

    // STS back: the next call re-assumes.
    stsDown = false;
    const third = await credentials();
    expect(third.accessKeyId).not.toBe(second.accessKeyId);
    expect(await accountOf(third)).toBe(TARGET_ACCOUNT);
  });
});
