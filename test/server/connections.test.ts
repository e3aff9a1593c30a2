import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { type AssumeRoleCommandInput, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionsDocument } from '../../src/connections/store.js';
import { keys } from '../../src/storage/keys.js';
import { Profile } from '../../src/users/service.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { motoClientConfig, motoEndpoint, resetMoto } from '../support/moto.js';

const ROLE_ARN = 'arn:aws:iam::210987654321:role/AgainConsoleReadOnly';
/** Keys that the fault injector answers with AWS's "invalid token" error (moto accepts any key). */
const REVOKED_KEY_ID = 'AKIAREVOKED000000000';

describe('AWS connections against the emulator', () => {
  let t: TestApp;
  let alice: Agent;
  let bob: Agent;
  let userKeys: { accessKeyId: string; secretAccessKey: string };
  const assumeRoleInputs: AssumeRoleCommandInput[] = [];

  beforeAll(async () => {
    await resetMoto();
    const iam = new IAMClient(motoClientConfig('us-east-1'));
    await iam.send(new CreateUserCommand({ UserName: 'reader' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'reader' }));
    userKeys = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
    t = await createTestApp({
      overrides: {
        // Observes AssumeRole (moto does not enforce ExternalId) and injects the one denial moto cannot.
        stsClientFactory: (config) => {
          const client = new STSClient(config);
          client.middlewareStack.add(
            (next, context) => async (args) => {
              if (context.commandName === 'AssumeRoleCommand')
                assumeRoleInputs.push(args.input as AssumeRoleCommandInput);
              const creds = await client.config.credentials();
              if (creds.accessKeyId === REVOKED_KEY_ID) {
                throw Object.assign(new Error('The security token included in the request is invalid.'), {
                  name: 'InvalidClientTokenId',
                  $metadata: { httpStatusCode: 403 },
                });
              }
              return next(args);
            },
            { step: 'initialize', name: 'observeSts' },
          );
          return client;
        },
      },
    });
    alice = await signUp(t.app, 'alice');
    bob = await signUp(t.app, 'bob');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('connects by role: AssumeRole with the user own External ID, shows the target account', async () => {
    const res = await alice.post('/api/connections', { kind: 'role', name: 'prod', roleArn: ROLE_ARN });
    expect(res.statusCode).toBe(201);
    const { connection } = res.json();
    expect(connection).toMatchObject({
      kind: 'role',
      name: 'prod',
      accountId: '210987654321',
      isDefault: true,
    });
    expect(connection.callerArn).toContain('assumed-role/AgainConsoleReadOnly');
    const profile = await t.deps.documents.getJson(keys.profile('alice'), Profile);
    const last = assumeRoleInputs.at(-1);
    expect(last?.RoleArn).toBe(ROLE_ARN);
    expect(last?.ExternalId).toBe(profile?.value.externalId);
    expect(last?.RoleSessionName).toBe('again-console-alice');
  });

  it('gives each user a different, stable External ID and the trust policy to paste', async () => {
    const a1 = (await alice.get('/api/connections/role-setup')).json();
    const a2 = (await alice.get('/api/connections/role-setup')).json();
    const b = (await bob.get('/api/connections/role-setup')).json();
    expect(a1.externalId).toBe(a2.externalId);
    expect(a1.externalId).not.toBe(b.externalId);
    expect(a1.serverPrincipalArn).toMatch(/^arn:aws:(iam|sts)::123456789012:/);
    const statement = a1.trustPolicy.Statement[0];
    expect(statement.Principal.AWS).toBe(a1.serverPrincipalArn);
    expect(statement.Action).toBe('sts:AssumeRole');
    expect(statement.Condition.StringEquals['sts:ExternalId']).toBe(a1.externalId);
  });

  it('connects by keys, stores the secret encrypted and bound to its user', async () => {
    const res = await alice.post('/api/connections', { kind: 'keys', name: 'dev keys', ...userKeys });
    expect(res.statusCode).toBe(201);
    const { connection } = res.json();
    expect(connection.accountId).toBe('123456789012');
    expect(connection.accessKeyIdMasked).toBe(
      `${userKeys.accessKeyId.slice(0, 4)}…${userKeys.accessKeyId.slice(-4)}`,
    );
    expect(connection.isDefault).toBe(false);
    expect(res.body).not.toContain(userKeys.secretAccessKey);
    const raw = (await t.storage.get(keys.connections('alice')))?.body.toString() ?? '';
    expect(raw).not.toContain(userKeys.secretAccessKey);
    expect(raw).not.toContain(userKeys.accessKeyId);

    // The job layer gets working credentials back.
    const resolved = await t.deps.connections.resolveCredentials('alice', connection.id);
    const sts = new STSClient({ ...motoClientConfig('us-east-1'), credentials: resolved.credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('user/reader');
    expect(resolved.endpoint).toBe(motoEndpoint());

    // A sealed blob copied into another user's document does not open there.
    const aliceDoc = await t.deps.documents.getJson(keys.connections('alice'), ConnectionsDocument);
    const stolen = aliceDoc!.value.connections.find((c) => c.id === connection.id)!;
    await t.deps.documents.putJson(keys.connections('bob'), { defaultId: stolen.id, connections: [stolen] });
    await expect(t.deps.connections.resolveCredentials('bob')).rejects.toThrow();
    await t.deps.documents.delete(keys.connections('bob'));
  });

  it('resolves the default role connection to fresh, cached credentials in the target account', async () => {
    const before = assumeRoleInputs.length;
    const resolved = await t.deps.connections.resolveCredentials('alice');
    expect(resolved.connection.name).toBe('prod');
    const first = await resolved.credentials();
    const second = await resolved.credentials();
    expect(second.accessKeyId).toBe(first.accessKeyId);
    expect(assumeRoleInputs.length).toBe(before + 1);
    const sts = new STSClient({ ...motoClientConfig('us-east-1'), credentials: resolved.credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('210987654321');
  });

  it('saves nothing when AWS refuses, and says why', async () => {
    const res = await bob.post('/api/connections', {
      kind: 'keys',
      name: 'revoked',
      accessKeyId: REVOKED_KEY_ID,
      secretAccessKey: 'revoked-secret-value-1234567890',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('aws_verification_failed');
    expect(res.json().error.message).toContain('InvalidClientTokenId');
    expect((await bob.get('/api/connections')).json()).toEqual({ connections: [] });
    expect(t.logs.join('\n')).not.toContain('revoked-secret-value-1234567890');
  });

  it('renames, re-verifies, switches the default, deletes', async () => {
    const list = (await alice.get('/api/connections')).json().connections as { id: string; name: string }[];
    const keysConn = list.find((c) => c.name === 'dev keys')!;
    const renamed = await alice.patch(`/api/connections/${keysConn.id}`, { name: 'dev', isDefault: true });
    expect(renamed.json().connection).toMatchObject({ name: 'dev', isDefault: true });
    const verified = await alice.post(`/api/connections/${keysConn.id}/verify`);
    expect(verified.statusCode).toBe(200);
    const after = (await alice.get('/api/connections')).json().connections as { isDefault: boolean }[];
    expect(after.filter((c) => c.isDefault)).toHaveLength(1);
    expect((await alice.delete(`/api/connections/${keysConn.id}`)).statusCode).toBe(204);
    const remaining = (await alice.get('/api/connections')).json().connections;
    expect(remaining).toHaveLength(1);
    expect(remaining[0].isDefault).toBe(true);
    expect((await alice.delete(`/api/connections/${keysConn.id}`)).statusCode).toBe(404);
  });

  it('rejects malformed input with field errors', async () => {
    const res = await alice.post('/api/connections', {
      kind: 'role',
      name: '',
      roleArn: 'arn:aws:iam::1:role/x',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(['name', 'roleArn']));
  });

  it('serves the read-only IAM policy', async () => {
    const res = await alice.get('/api/iam-policy');
    expect(res.statusCode).toBe(200);
    const { policy, actions } = res.json();
    expect(actions).toContain('sts:GetCallerIdentity');
    expect(policy.Statement[0].Action).toEqual(actions);
    for (const a of actions as string[])
      expect(a).toMatch(/^[a-z0-9-]+:(Describe|List|Get|BatchGet|Filter|Generate)/);
  });
});
