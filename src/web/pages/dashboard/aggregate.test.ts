import { describe, expect, it } from 'vitest';
import type { CollectionMetadataDto, CollectionSummary } from '../../../shared/api/collections';
import {
  latestCollectionPerService,
  mergedResourcesByRegion,
  mergedResourcesByService,
  resourcesByRegion,
  resourcesByService,
  resourceTotal,
} from './aggregate';

describe('dashboard aggregates', () => {
  it('counts inventory collectors per service and leaves metrics and singletons out', () => {
    const counts = {
      'ec2.instances': 2,
      'ec2.volumes': 3,
      'ec2.instance-metrics': 2,
      'ec2.ebs-encryption-default': 1,
      's3.buckets': 4,
      'iam.password-policy': 1,
    } as const;
    expect(resourcesByService(counts)).toEqual({ ec2: 5, s3: 4 });
    expect(resourceTotal(counts)).toBe(9);
  });

  it('sums ok outcomes per region, biggest first, errors and skipped left out', () => {
    const byRegion = resourcesByRegion({
      'ec2.volumes': {
        'us-east-1': { status: 'ok', count: 2 },
        'eu-west-1': { status: 'ok', count: 5 },
        'ap-northeast-2': { status: 'skipped', reason: 'not enabled' },
      },
      'ec2.instance-metrics': { 'us-east-1': { status: 'ok', count: 9 } },
      'iam.users': { global: { status: 'ok', count: 1 } },
    });
    expect([...byRegion]).toEqual([
      ['eu-west-1', 5],
      ['us-east-1', 2],
      ['global', 1],
    ]);
  });
});

const summary = (over: Partial<CollectionSummary> & Pick<CollectionSummary, 'id'>): CollectionSummary => ({
  connectionId: 'c',
  status: 'completed',
  requestedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  regions: ['us-east-1'],
  services: ['ec2', 's3', 'lambda', 'rds', 'iam'],
  resourceCounts: {},
  errorCount: 0,
  ...over,
});

describe('dashboard resources per service from the latest collection that covered it', () => {
  // A: everything; B: only s3, later; C: ec2, latest but failed (no data); D: queued.
  const collections = [
    summary({
      id: 'D',
      status: 'queued',
      services: ['ec2'],
      finishedAt: undefined,
      requestedAt: '2026-01-09T00:00:00.000Z',
    }),
    summary({ id: 'C', status: 'failed', services: ['ec2'], finishedAt: '2026-01-05T00:00:00.000Z' }),
    summary({
      id: 'B',
      status: 'completed_with_errors',
      services: ['s3'],
      finishedAt: '2026-01-03T00:00:00.000Z',
      resourceCounts: { 's3.buckets': 7 },
    }),
    summary({
      id: 'A',
      resourceCounts: { 'ec2.instances': 2, 'ec2.volumes': 1, 's3.buckets': 3, 'iam.users': 4 },
    }),
  ];

  it('picks each service from its newest collection with data', () => {
    const sources = latestCollectionPerService(collections);
    expect(sources.map((s) => [s.service, s.collectionId])).toEqual([
      ['ec2', 'A'],
      ['s3', 'B'],
      ['lambda', 'A'],
      ['rds', 'A'],
      ['iam', 'A'],
    ]);
    expect(sources[1]?.at).toBe('2026-01-03T00:00:00.000Z');
    // By finish time, whatever the list order.
    expect(latestCollectionPerService([...collections].reverse())).toEqual(sources);
  });

  it('counts s3 from B and the rest from A', () => {
    const sources = latestCollectionPerService(collections);
    expect(mergedResourcesByService(sources, collections)).toEqual({
      ec2: 3,
      s3: 7,
      lambda: 0,
      rds: 0,
      iam: 4,
    });
  });

  it('regions: each service from its own collection; a missing detail counts nothing', () => {
    const sources = latestCollectionPerService(collections);
    const results = new Map<string, CollectionMetadataDto['results']>([
      [
        'A',
        {
          'ec2.volumes': { 'us-east-1': { status: 'ok', count: 1 } },
          's3.buckets': { 'us-east-1': { status: 'ok', count: 3 } },
          'iam.users': { global: { status: 'ok', count: 4 } },
        },
      ],
      ['B', { 's3.buckets': { 'eu-west-1': { status: 'ok', count: 7 } } }],
    ]);
    expect([...mergedResourcesByRegion(sources, results)]).toEqual([
      ['eu-west-1', 7],
      ['global', 4],
      ['us-east-1', 1],
    ]);
    expect([...mergedResourcesByRegion(sources, new Map())]).toEqual([]);
  });
});
