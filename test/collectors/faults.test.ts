import { CreateVolumeCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import type { ProgressEvent, RunCollectionOptions } from '../../src/core/collection-run.js';
import type { RecordKinds } from '../../src/core/records.js';
import { type FaultRule, injectFaults, startBlackHole } from '../support/faults.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const A = 'us-east-1';
const B = 'eu-west-1';

const baseOptions = (): RunCollectionOptions => ({
  credentials: testCredentials,
  accountId: '123456789012',
  endpoint: motoEndpoint(),
  request: { services: ['ec2'], regions: [A, B] },
});

function collectWithFaults(
  rules: FaultRule[],
  extra: Partial<RunCollectionOptions> = {},
  requestTimeoutMs?: number,
) {
  const faults = injectFaults(rules);
  const run = createRunCollection({ client: { plugins: [faults.plugin], maxAttempts: 4, requestTimeoutMs } });
  return { faults, result: run({ ...baseOptions(), ...extra }) };
}

describe('collection under injected faults', () => {
  beforeAll(async () => {
    await resetMoto();
    const a = new EC2Client(motoClientConfig(A));
    await a.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
      }),
    );
    await a.send(new CreateVolumeCommand({ AvailabilityZone: `${A}a`, Size: 8 }));
    await new EC2Client(motoClientConfig(B)).send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
  });

  it('AccessDenied on one operation is recorded; everything else is collected', async () => {
    const { result } = collectWithFaults([
      { operation: 'DescribeVolumes', errorCode: 'UnauthorizedOperation', httpStatusCode: 403 },
    ]);
    const { outcome, documents } = await result;
    expect(outcome.errors).toHaveLength(2);
    for (const region of [A, B]) {
      expect(outcome.results['ec2.volumes']?.[region]).toMatchObject({
        status: 'error',
        error: {
          service: 'ec2',
          region,
          collector: 'ec2.volumes',
          operation: 'DescribeVolumes',
          code: 'UnauthorizedOperation',
        },
      });
    }
    expect(outcome.resourceCounts['ec2.instances']).toBe(3);
    expect(outcome.results['ec2.snapshots']?.[A]).toMatchObject({ status: 'ok' });
    expect(documents.find((d) => d.service === 'ec2')?.data['ec2.volumes']).toEqual([]);
  });

  it('a denied per-resource call leaves the record with fieldErrors, listed once with a count', async () => {
    const { result } = collectWithFaults([
      { operation: 'DescribeInstanceAttribute', region: A, errorCode: 'AccessDenied', httpStatusCode: 403 },
    ]);
    const { outcome, documents } = await result;
    const instances = (documents.find((d) => d.service === 'ec2')?.data['ec2.instances'] ??
      []) as RecordKinds['ec2.instances'][];
    const inA = instances.filter((i) => i.region === A);
    expect(inA).toHaveLength(2);
    for (const instance of inA) {
      expect(instance.disableApiTermination).toBeUndefined();
      expect(instance.fieldErrors?.disableApiTermination).toMatchObject({
        operation: 'DescribeInstanceAttribute',
        code: 'AccessDenied',
      });
    }
    expect(instances.find((i) => i.region === B)?.disableApiTermination).toBe(false);
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        region: A,
        collector: 'ec2.instances',
        code: 'AccessDenied',
        occurrences: 2,
      }),
    ]);
    expect(outcome.results['ec2.instances']?.[A]).toMatchObject({ status: 'ok', count: 2 });
  });

  it('a burst of throttling is retried with backoff and succeeds', async () => {
    const { faults, result } = collectWithFaults([
      { operation: 'DescribeInstances', region: B, errorCode: 'ThrottlingException', times: 3 },
    ]);
    const { outcome } = await result;
    expect(faults.hits).toEqual([3]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.resourceCounts['ec2.instances']).toBe(3);
    // One page per region, plus the three throttled attempts.
    expect(outcome.apiCalls?.['EC2.DescribeInstances']).toBe(5);
  });

  it('a region that times out is recorded for that region only', async () => {
    const hole = await startBlackHole();
    try {
      const { result } = collectWithFaults([{ region: B, redirectTo: hole }], {}, 1_500);
      const { outcome } = await result;
      expect(outcome.errors.length).toBeGreaterThan(0);
      for (const error of outcome.errors) expect(error).toMatchObject({ region: B, code: 'TimeoutError' });
      for (const [id, perRegion] of Object.entries(outcome.results)) {
        expect(perRegion?.[A]?.status, `${id} in ${A}`).toBe('ok');
        expect(perRegion?.[B]?.status, `${id} in ${B}`).not.toBe('ok');
      }
      expect(outcome.resourceCounts['ec2.instances']).toBe(2);
    } finally {
      await hole.close();
    }
  });

  it('cancelling mid-run stops promptly and marks unfinished work as cancelled, not failed', async () => {
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const started = Date.now();
    const { outcome } = await createRunCollection()({
      ...baseOptions(),
      signal: controller.signal,
      onProgress: (event) => {
        events.push(event);
        if (event.state === 'done') controller.abort();
      },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(outcome.errors).toEqual([]);
    const outcomes = Object.values(outcome.results).flatMap((perRegion) => Object.values(perRegion ?? {}));
    expect(outcomes.filter((o) => o.status === 'ok').length).toBeGreaterThanOrEqual(1);
    expect(
      outcomes.filter((o) => o.status === 'skipped' && o.reason === 'cancelled').length,
    ).toBeGreaterThanOrEqual(1);
    expect(events.some((e) => e.state === 'skipped')).toBe(true);
  });

  it('cancelling aborts calls already in flight (a region that never answers) at once', async () => {
    const hole = await startBlackHole();
    try {
      const controller = new AbortController();
      // A 60 s request timeout: without the abort reaching the socket, B would hold the run open.
      const { result } = collectWithFaults(
        [{ region: B, redirectTo: hole }],
        { signal: controller.signal },
        60_000,
      );
      await new Promise((r) => setTimeout(r, 1_500));
      const cancelledAt = Date.now();
      controller.abort();
      const { outcome } = await result;
      expect(Date.now() - cancelledAt).toBeLessThan(5_000);
      expect(outcome.errors).toEqual([]);
      for (const [id, perRegion] of Object.entries(outcome.results))
        expect(perRegion?.[B], `${id} in ${B}`).toMatchObject({ status: 'skipped', reason: 'cancelled' });
    } finally {
      await hole.close();
    }
  });
});
