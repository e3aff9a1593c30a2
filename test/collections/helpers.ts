import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { type CollectionServiceDeps, createCollectionService } from '../../src/collections/service.js';
import type { ResolveCredentials } from '../../src/collections/types.js';
import { DomainError } from '../../src/core/errors.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import { createMemoryBus } from '../../src/jobs/progress-bus.js';
import { CollectionResponse } from '../../src/shared/api/collections.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';
import type { Agent } from '../support/app.js';
import { motoClientConfig, motoEndpoint, testCredentials } from '../support/moto.js';

export const ACCOUNT_ID = '123456789012';

/** Static emulator credentials in the shape of connections' resolveCredentials. */
export function motoAccess(endpoint = motoEndpoint()): ResolveCredentials {
  return async (_username, connectionId) => {
    if (connectionId === 'missing')
      throw new DomainError('not_found', 'connection_not_found', 'No such AWS connection');
    return {
      connection: { id: connectionId ?? 'conn-1', name: 'emulator' },
      accountId: ACCOUNT_ID,
      credentials: async () => testCredentials,
      endpoint,
    };
  };
}

export async function tempDocuments() {
  const dir = await mkdtemp(join(tmpdir(), 'collections-test-'));
  const storage = new LocalStorage(dir);
  return {
    dir,
    storage,
    documents: new DocumentStore(storage),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function makeService(
  documents: DocumentStore,
  overrides: Partial<CollectionServiceDeps> & Pick<CollectionServiceDeps, 'runCollection'>,
) {
  const queue = overrides.queue ?? createInProcessQueue({ concurrency: 2 });
  const service = createCollectionService({
    documents,
    queue,
    bus: overrides.bus ?? createMemoryBus(),
    resolveCredentials: motoAccess(),
    ...overrides,
  });
  // What the composition root does where a worker runs (src/app/runs.ts).
  service.processJobs();
  return { service, queue };
}

export async function seedInstances(region: string, count: number, tags: Record<string, string> = {}) {
  const ec2 = new EC2Client(motoClientConfig(region));
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12345678',
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: Object.keys(tags).length
        ? [{ ResourceType: 'instance', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }]
        : undefined,
    }),
  );
  ec2.destroy();
  return (out.Instances ?? []).map((i) => i.InstanceId as string);
}

export async function seedBuckets(region: string, names: string[]) {
  const s3 = new S3Client(motoClientConfig(region));
  for (const Bucket of names) {
    await s3.send(
      new CreateBucketCommand({
        Bucket,
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as 'eu-west-1' } }),
      }),
    );
  }
  s3.destroy();
}

/** Polls a collection through the API until it has finished (60 s at most), then returns it. */
export async function waitForCollection(agent: Agent, id: string) {
  for (let i = 0; i < 600; i++) {
    const { collection } = CollectionResponse.parse((await agent.get(`/api/collections/${id}`)).json());
    if (!['queued', 'running'].includes(collection.status)) return collection;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`collection ${id} did not finish`);
}
