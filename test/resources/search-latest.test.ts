import { afterEach, describe, expect, it } from 'vitest';
import { createResourceSearch } from '../../src/collections/search.js';
import { CollectionStore } from '../../src/collections/store.js';
import type { CollectionMetadata } from '../../src/core/snapshot.js';
import { SearchIndexSchema } from '../../src/shared/api/resources.js';
import { keys } from '../../src/storage/keys.js';
import { tempDocuments } from '../collections/helpers.js';

const USER = 'searcher';

/** A finished EC2 collection of one instance per region, written straight to storage (no index yet). */
async function writeCollection(
  docs: Awaited<ReturnType<typeof tempDocuments>>['documents'],
  id: string,
  {
    regions,
    finishedAt,
    accountId,
    prefix,
  }: { regions: string[]; finishedAt: string; accountId: string; prefix: string },
) {
  const metadata: CollectionMetadata = {
    id,
    username: USER,
    connectionId: `conn-${accountId}`,
    accountId,
    status: 'completed',
    requestedAt: finishedAt,
    finishedAt,
    regions,
    services: ['ec2'],
    results: {},
    errors: [],
    resourceCounts: {},
  };
  const instances = regions.map((region) => ({
    region,
    instanceId: `i-${prefix}-${region}`,
    name: `${prefix} ${region}`,
    tags: [{ key: 'Env', value: prefix }],
    securityGroupIds: [],
    volumeIds: [],
  }));
  await docs.putJson(keys.collectionService(USER, id, 'ec2'), {
    collectionId: id,
    service: 'ec2',
    collectedAt: finishedAt,
    data: { 'ec2.instances': instances },
  });
  await docs.putJson(keys.collectionMetadata(USER, id), metadata);
}

describe('search over the latest collections', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('takes each service × region from its latest collection, per account, and builds a missing index once', async () => {
    const temp = await tempDocuments();
    cleanup = temp.cleanup;
    const { documents } = temp;
    await writeCollection(documents, '20250101T000000Z-00000001', {
      regions: ['us-east-1', 'eu-west-1'],
      finishedAt: '2025-01-01T00:00:00.000Z',
      accountId: '111111111111',
      prefix: 'old',
    });
    // Later, one region only: it replaces us-east-1, eu-west-1 still comes from the older one.
    await writeCollection(documents, '20250102T000000Z-00000002', {
      regions: ['us-east-1'],
      finishedAt: '2025-01-02T00:00:00.000Z',
      accountId: '111111111111',
      prefix: 'new',
    });
    // Another account's older collection is not hidden by the first account's later one.
    await writeCollection(documents, '20241201T000000Z-00000003', {
      regions: ['us-east-1'],
      finishedAt: '2024-12-01T00:00:00.000Z',
      accountId: '222222222222',
      prefix: 'other',
    });
    const search = createResourceSearch(new CollectionStore(documents));
    const ids = async (q: string) =>
      (await search.search(USER, { q, limit: 50 })).results
        .map((r) => `${r.accountId} ${r.resourceId}`)
        .sort();

    expect(await ids('i-')).toEqual([
      '111111111111 i-new-us-east-1',
      '111111111111 i-old-eu-west-1',
      '222222222222 i-other-us-east-1',
    ]);
    expect(await ids('env=old')).toEqual(['111111111111 i-old-eu-west-1']);
    expect(await ids('ENV=NEW us-east')).toEqual(['111111111111 i-new-us-east-1']);
    // The indexes were written once, create-only, beside each collection.
    for (const id of ['20250101T000000Z-00000001', '20250102T000000Z-00000002', '20241201T000000Z-00000003'])
      expect(await documents.getJson(keys.collectionSearchIndex(USER, id), SearchIndexSchema)).not.toBeNull();
    const limited = await search.search(USER, { q: 'i-', limit: 1 });
    expect({ total: limited.total, shown: limited.results.length }).toEqual({ total: 3, shown: 1 });
  });
});
