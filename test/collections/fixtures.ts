import type { RunCollection, RunCollectionResult } from '../../src/core/collection-run.js';
import type { Ec2Instance } from '../../src/core/records.js';

export function instance(id: string, region: string, extra: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    region,
    instanceId: id,
    arn: `arn:aws:ec2:${region}:123456789012:instance/${id}`,
    instanceType: 't3.micro',
    state: 'running',
    tags: [{ key: 'Name', value: id }],
    securityGroupIds: [],
    volumeIds: [],
    ...extra,
  };
}

/** A runner that returns the given EC2 instances (and their metrics) without calling AWS. */
export function fixedRun(instances: Ec2Instance[], cpu = 5): RunCollection {
  return async ({ onProgress }) => {
    onProgress?.({
      service: 'ec2',
      collector: 'ec2.instances',
      region: 'us-east-1',
      state: 'done',
      count: instances.length,
    });
    const result: RunCollectionResult = {
      outcome: {
        regions: ['us-east-1'],
        services: ['ec2'],
        results: { 'ec2.instances': { 'us-east-1': { status: 'ok', count: instances.length } } },
        errors: [],
        resourceCounts: { 'ec2.instances': instances.length },
      },
      documents: [
        {
          service: 'ec2',
          collectedAt: new Date().toISOString(),
          data: {
            'ec2.instances': instances,
            'ec2.instance-metrics': instances.map((i) => ({
              region: i.region,
              instanceId: i.instanceId,
              cpuDailyAverage: [{ t: '2024-01-01T00:00:00Z', v: cpu }],
              cpuDailyMaximum: [],
              networkInDailySum: [],
              networkOutDailySum: [],
              memUsedDailyAverage: [],
            })),
          },
        },
      ],
    };
    return result;
  };
}
