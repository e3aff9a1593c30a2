import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionRequest, RunCollection } from '../../src/core/collection-run.js';
import type { CollectionError } from '../../src/core/snapshot.js';
import { CollectionsResponse } from '../../src/shared/api/collections.js';
import { keys } from '../../src/storage/keys.js';
import { createTestApp, signUp } from '../support/app.js';
import { makeService, tempDocuments } from './helpers.js';

const denied: CollectionError = {
  service: 's3',
  region: 'us-east-1',
  operation: 'GetBucketPolicy',
  code: 'AccessDenied',
  message: 'not allowed',
  collector: 's3.buckets',
};

/** A run whose collectors succeed or fail as told, remembering the request it got. */
function runWith(outcomes: ('ok' | 'error')[], seen: CollectionRequest[] = []): RunCollection {
  return async ({ request }) => {
    seen.push(request);
    const results = Object.fromEntries(
      outcomes.map((o, i) => [
        `us-east-${i + 1}`,
        o === 'ok' ? { status: 'ok' as const, count: 1 } : { status: 'error' as const, error: denied },
      ]),
    );
    return {
      outcome: {
        regions: outcomes.map((_, i) => `us-east-${i + 1}`),
        services: ['s3'],
        results: { 's3.buckets': results },
        errors: outcomes.filter((o) => o === 'error').map(() => denied),
        resourceCounts: { 's3.buckets': outcomes.filter((o) => o === 'ok').length },
      },
      documents: [{ service: 's3', collectedAt: new Date().toISOString(), data: { 's3.buckets': [] } }],
    };
  };
}

describe('final status of a collection', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  beforeAll(async () => {
    env = await tempDocuments();
  });
  afterAll(async () => env.cleanup());

  it('completed_with_errors keeps every recorded error; failed when no collector succeeded', async () => {
    const partial = makeService(env.documents, { runCollection: runWith(['ok', 'error']) });
    const a = await partial.service.start('frank', { services: ['s3'], regions: ['us-east-1', 'us-east-2'] });
    await partial.queue.idle();
    const meta = await partial.service.get('frank', a.id);
    expect(meta.status).toBe('completed_with_errors');
    expect(meta.errors).toEqual([denied]);
    expect(meta.results['s3.buckets']?.['us-east-2']).toEqual({ status: 'error', error: denied });
    // The data that was collected is kept beside the errors (metadata, s3.json, search index).
    expect(await env.documents.list(keys.collectionPrefix('frank', a.id))).toHaveLength(3);

    const none = makeService(env.documents, { runCollection: runWith(['error']) });
    const b = await none.service.start('frank', { services: ['s3'], regions: ['us-east-1'] });
    await none.queue.idle();
    expect(await none.service.get('frank', b.id)).toMatchObject({
      status: 'failed',
      failureReason: 'every collector failed',
    });
  });

  it('passes "all enabled regions" to the runner and stores the regions it resolved', async () => {
    const seen: CollectionRequest[] = [];
    const { service, queue } = makeService(env.documents, { runCollection: runWith(['ok', 'ok'], seen) });
    const job = await service.start('frank', { services: ['s3'], regions: 'all-enabled' });
    expect(job).toMatchObject({ regions: [], requestedRegions: 'all-enabled' });
    await queue.idle();
    expect(seen[0]?.regions).toBe('all-enabled');
    expect((await service.get('frank', job.id)).regions).toEqual(['us-east-1', 'us-east-2']);
  });
});

describe('server boot', () => {
  it('a collection stored as running is shown as failed ("server restarted") once the app has booted', async () => {
    const env = await tempDocuments();
    try {
      await env.documents.createJson(keys.collectionMetadata('grace', '20240101T000000Z-deadbeef'), {
        id: '20240101T000000Z-deadbeef',
        username: 'grace',
        connectionId: 'c',
        status: 'running',
        requestedAt: '2024-01-01T00:00:00.000Z',
        regions: ['us-east-1'],
        services: ['ec2'],
        results: {},
        errors: [],
        resourceCounts: {},
      });
      const t = await createTestApp({ storage: env.storage });
      try {
        const grace = await signUp(t.app, 'grace');
        const list = CollectionsResponse.parse((await grace.get('/api/collections')).json());
        expect(list.collections).toEqual([
          expect.objectContaining({
            id: '20240101T000000Z-deadbeef',
            status: 'failed',
            failureReason: 'server restarted',
          }),
        ]);
      } finally {
        await t.close();
      }
    } finally {
      await env.cleanup();
    }
  });
});
