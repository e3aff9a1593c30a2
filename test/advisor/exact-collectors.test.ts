/**
 * An advisor run collects exactly the collectors its checks read (plus their dependencies), not
 * whole services: a Lambda run reads IAM roles and policies, so it must not fetch the credential
 * report, users, groups or the password policy. Real app, real runner, emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredCollectors } from '../../src/checks/registry.js';
import { collectorsForIds } from '../../src/collectors/registry.js';
import { chooseCollectors } from '../../src/collectors/runner.js';
import type { CollectorId } from '../../src/core/records.js';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { type Agent, createTestApp, signUp, type TestApp } from '../support/app.js';
import { resetMoto } from '../support/moto.js';
import { connect, REGION, seedAccount, startRun, waitForRun } from './seed.js';

const totalCalls = (apiCalls: Record<string, number> | undefined) =>
  Object.values(apiCalls ?? {}).reduce((sum, n) => sum + n, 0);

describe('collector selection', () => {
  it('adds dependencies transitively and nothing else', () => {
    const ids = collectorsForIds(['lambda.memory-usage', 'iam.roles']).map((c) => c.id);
    expect(ids.sort()).toEqual(['iam.roles', 'lambda.functions', 'lambda.memory-usage']);
  });

  it('uses the explicit list over whole services, and whole services without one', () => {
    const pool = collectorsForIds(['lambda.functions', 'iam.roles', 'iam.credential-report']);
    const exact = chooseCollectors(
      { services: ['lambda', 'iam'], regions: [REGION], collectors: ['iam.roles'] },
      pool,
    );
    expect(exact.map((c) => c.id)).toEqual(['iam.roles']);
    const whole = chooseCollectors({ services: ['iam'], regions: [REGION] }, pool);
    expect(whole.map((c) => c.id).sort()).toEqual(['iam.credential-report', 'iam.roles']);
  });
});

describe('advisor runs collect exactly what the selected checks need', () => {
  let t: TestApp;
  let alice: Agent;

  beforeAll(async () => {
    await resetMoto();
    await seedAccount();
    t = await createTestApp();
    alice = await signUp(t.app, 'alice');
    await connect(alice);
  });
  afterAll(async () => t?.close());

  it('a lambda run collects the IAM roles and policies its checks read, not the credential report', async () => {
    const run = await startRun(alice, { services: ['lambda'], regions: [REGION] });
    const detail = await waitForRun(alice, run.runId);
    expect(detail.run.status).toBe('completed');

    const res = await alice.get(`/api/collections/${run.collectionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const meta = CollectionResponse.parse(res.json()).collection;
    const needed = requiredCollectors(['lambda']);
    expect(needed).toEqual(expect.arrayContaining(['iam.roles', 'iam.policies', 'lambda.functions']));
    expect(meta.collectors).toEqual(needed);
    expect(meta.services).toEqual(['lambda', 'iam']);

    const collected = Object.keys(meta.results).sort() as CollectorId[];
    expect(collected).toEqual(
      collectorsForIds(needed)
        .map((c) => c.id)
        .sort(),
    );
    for (const absent of ['iam.credential-report', 'iam.users', 'iam.groups', 'iam.password-policy'] as const)
      expect(collected, absent).not.toContain(absent);
    expect(meta.results['iam.roles']?.global).toMatchObject({ status: 'ok' });
    expect(meta.apiCalls?.['IAM.GenerateCredentialReport']).toBeUndefined();

    // The role check really evaluated the seeded functions (it had its IAM inputs).
    const roleFindings = detail.findings.filter((f) => f.checkId === 'lambda-function-role-least-privilege');
    expect(roleFindings.map((f) => f.resourceId).sort()).toEqual(
      expect.arrayContaining([expect.stringContaining('current'), expect.stringContaining('legacy')]),
    );
    expect(roleFindings.every((f) => f.status !== 'unknown')).toBe(true);

    // A whole-service collection of the same services costs more API calls.
    const whole = await alice.post('/api/collections', { services: ['lambda', 'iam'], regions: [REGION] });
    expect(whole.statusCode, whole.body).toBe(202);
    const wholeId = CollectionResponse.parse(whole.json()).collection.id;
    let wholeMeta = CollectionResponse.parse(whole.json()).collection;
    for (
      let i = 0;
      i < 300 && !['completed', 'completed_with_errors', 'failed'].includes(wholeMeta.status);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      wholeMeta = CollectionResponse.parse(
        (await alice.get(`/api/collections/${wholeId}`)).json(),
      ).collection;
    }
    expect(wholeMeta.collectors).toBeUndefined();
    expect(Object.keys(wholeMeta.results)).toContain('iam.credential-report');
    expect(totalCalls(meta.apiCalls)).toBeLessThan(totalCalls(wholeMeta.apiCalls));
    console.info(
      `[exact-collectors] API calls: lambda advisor run ${totalCalls(meta.apiCalls)}, whole lambda+iam ${totalCalls(wholeMeta.apiCalls)}`,
    );
  });

  it('checks whose inputs a reused partial collection lacks are unknown, not passed', async () => {
    const first = await startRun(alice, { services: ['lambda'], regions: [REGION] });
    await waitForRun(alice, first.runId);
    const run = await startRun(alice, { services: ['iam'], collectionId: first.collectionId });
    const detail = await waitForRun(alice, run.runId);
    expect(detail.run.status).toBe('completed');
    const mfa = detail.findings.filter((f) => f.checkId === 'iam-user-console-mfa');
    expect(mfa.length).toBeGreaterThan(0);
    expect(mfa.every((f) => f.status === 'unknown')).toBe(true);
    expect(mfa[0]?.message.en).toContain('iam.credential-report was not collected');
  });

  it('rejects an unknown collector id with a clear error', async () => {
    await expect(
      t.deps.collections.start('alice', {
        services: ['lambda'],
        regions: [REGION],
        collectors: ['lambda.nope'],
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      code: 'validation_failed',
      message: 'Unknown collector: lambda.nope',
    });
  });
});
