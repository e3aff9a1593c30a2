import { beforeAll, describe, expect, it } from 'vitest';
import { collectors, collectorsForServices, requiredIamActions } from '../../src/collectors/registry.js';
import { createRunCollection } from '../../src/collectors/runner.js';
import { type Collector, defineCollector } from '../../src/collectors/types.js';
import { COLLECTOR_IDS } from '../../src/core/catalog.js';
import type { ProgressEvent } from '../../src/core/collection-run.js';
import { motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

describe('collector registry', () => {
  it('discovers collectors from the folders, with unique ids that have descriptors', () => {
    const ids = collectors.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of collectors) {
      expect(COLLECTOR_IDS, c.id).toContain(c.id);
      expect(c.id.startsWith(`${c.service}.`), c.id).toBe(true);
      expect(c.iamActions.length, c.id).toBeGreaterThan(0);
    }
    expect(ids).toEqual(
      expect.arrayContaining(['ec2.instances', 'ec2.instance-metrics', 'rds.instance-metrics']),
    );
  });

  it('chooses the collectors of the requested services with their dependencies', () => {
    const ec2 = collectorsForServices(['ec2']).map((c) => c.id);
    expect(ec2).toContain('ec2.instance-metrics');
    expect(ec2.every((id) => id.startsWith('ec2.'))).toBe(true);
    expect(requiredIamActions()).toEqual(
      expect.arrayContaining(['ec2:DescribeInstances', 'cloudwatch:GetMetricData']),
    );
  });
});

const seen = (): Collector => {
  return defineCollector({
    id: 'ec2.ebs-encryption-default',
    async *collect(ctx) {
      yield { region: ctx.region, enabled: false };
    },
  }) as Collector;
};

describe('runner: regions, dependencies and progress', () => {
  beforeAll(async () => {
    await resetMoto();
  });
  const options = { credentials: testCredentials, accountId: '123456789012' };

  it('all enabled regions: not-opted-in regions and other partitions are skipped with a reason', async () => {
    const result = await createRunCollection({ collectors: [seen()] })({
      ...options,
      endpoint: motoEndpoint(),
      request: { services: ['ec2'], regions: 'all-enabled' },
    });
    const { regions, skippedRegions } = result.outcome;
    expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'ap-northeast-2', 'eu-west-1']));
    expect(regions.some((r) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
    expect(skippedRegions).toEqual(
      expect.arrayContaining([{ region: 'me-south-1', reason: 'not-opted-in' }]),
    );
    expect(regions).not.toContain('me-south-1');
    expect(Object.keys(result.outcome.results['ec2.ebs-encryption-default'] ?? {}).sort()).toEqual(
      [...regions].sort(),
    );
  });

  it('explicit regions: a not-enabled or unknown region is skipped with a reason', async () => {
    const result = await createRunCollection({ collectors: [seen()] })({
      ...options,
      endpoint: motoEndpoint(),
      request: { services: ['ec2'], regions: ['ap-northeast-2', 'me-south-1', 'xx-nowhere-9', '../etc'] },
    });
    expect(result.outcome.regions).toEqual(['ap-northeast-2']);
    expect(result.outcome.skippedRegions).toEqual([
      { region: 'me-south-1', reason: 'not-opted-in' },
      { region: 'xx-nowhere-9', reason: 'unknown-region' },
      { region: '../etc', reason: 'unknown-region' },
    ]);
  });

  it('runs dependencies first, skips dependents of a failed collector, and reports progress per unit', async () => {
    const order: string[] = [];
    const inventory = defineCollector({
      id: 'ec2.instances',
      async *collect(ctx) {
        if (ctx.region === 'eu-west-1') throw Object.assign(new Error('boom'), { name: 'InternalError' });
        order.push(`instances:${ctx.region}`);
        yield* [];
      },
    });
    const metrics = defineCollector({
      id: 'ec2.instance-metrics',
      async *collect(ctx) {
        order.push(`metrics:${ctx.region}:${ctx.dependency('ec2.instances').length}`);
        yield {
          region: ctx.region,
          instanceId: 'i-1',
          cpuDailyAverage: [],
          cpuDailyMaximum: [],
          networkInDailySum: [],
          networkOutDailySum: [],
          memUsedDailyAverage: [],
        };
      },
    });
    const events: ProgressEvent[] = [];
    const result = await createRunCollection({ collectors: [metrics, inventory] as Collector[] })({
      ...options,
      endpoint: motoEndpoint(),
      request: { services: ['ec2'], regions: ['us-east-1', 'eu-west-1'] },
      onProgress: (e) => events.push(e),
    });
    expect(order).toEqual(['instances:us-east-1', 'metrics:us-east-1:0']);
    expect(result.outcome.results['ec2.instance-metrics']).toEqual({
      'us-east-1': expect.objectContaining({ status: 'ok', count: 1 }),
      'eu-west-1': { status: 'skipped', reason: 'dependency-failed' },
    });
    expect(result.outcome.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        collector: 'ec2.instances',
        code: 'InternalError',
        message: 'boom',
      }),
    ]);
    const states = (collector: string, region: string) =>
      events.filter((e) => e.collector === collector && e.region === region).map((e) => e.state);
    expect(states('ec2.instances', 'us-east-1')).toEqual(['pending', 'running', 'done']);
    expect(states('ec2.instances', 'eu-west-1')).toEqual(['pending', 'running', 'error']);
    expect(states('ec2.instance-metrics', 'eu-west-1')).toEqual(['pending', 'skipped']);
    expect(result.outcome.resourceCounts).toEqual({ 'ec2.instances': 0, 'ec2.instance-metrics': 1 });
  });
});
