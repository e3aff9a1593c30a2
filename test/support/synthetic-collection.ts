/** A finished collection of `count` EC2 instances written straight to storage (scale and layout tests). */

import { CollectionStore } from '../../src/collections/store.js';
import type { CollectionMetadata, ServiceSnapshotDocument } from '../../src/core/snapshot.js';
import type { Storage } from '../../src/core/storage.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';

export async function writeSyntheticCollection(
  storage: Storage,
  username: string,
  { id, count }: { id: string; count: number },
): Promise<void> {
  const docs = new DocumentStore(storage);
  const at = '2025-01-01T00:00:00.000Z';
  const regions = ['ap-northeast-2', 'us-east-1'];
  const instances = Array.from({ length: count }, (_, i) => ({
    region: regions[i % 2] ?? 'us-east-1',
    instanceId: `i-${String(i).padStart(17, '0')}`,
    arn: `arn:aws:ec2:us-east-1:123456789012:instance/i-${i}`,
    instanceType: i % 3 === 0 ? 'm5.large' : 't3.micro',
    state: i % 7 === 0 ? 'stopped' : 'running',
    launchTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    tags: [
      { key: 'Team', value: i % 100 === 0 ? 'Payments' : 'Web' },
      { key: 'Name', value: `a-rather-long-instance-name-for-layout-${i}` },
    ],
    name: `a-rather-long-instance-name-for-layout-${i}`,
    securityGroupIds: [],
    volumeIds: [],
  }));
  const metadata: CollectionMetadata = {
    id,
    username,
    connectionId: 'synthetic',
    connectionName: 'synthetic',
    accountId: '123456789012',
    status: 'completed',
    requestedAt: at,
    startedAt: at,
    finishedAt: at,
    durationMs: 60_000,
    regions,
    services: ['ec2'],
    results: {
      'ec2.instances': {
        'ap-northeast-2': { status: 'ok', count: Math.ceil(count / 2) },
        'us-east-1': { status: 'ok', count: Math.floor(count / 2) },
      },
    },
    errors: [],
    resourceCounts: { 'ec2.instances': count },
  };
  const doc: ServiceSnapshotDocument = {
    collectionId: id,
    service: 'ec2',
    collectedAt: at,
    data: { 'ec2.instances': instances as NonNullable<ServiceSnapshotDocument['data']['ec2.instances']> },
  };
  await docs.putJson(keys.collectionService(username, id, 'ec2'), doc);
  await docs.putJson(keys.collectionMetadata(username, id), metadata);
  await new CollectionStore(docs).indexIfFinished(metadata);
}
