import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidKeyError, type Storage, type StoredObject } from '../../src/core/storage.js';
import { DocumentCache } from '../../src/storage/cache.js';
import { DocumentParseError, DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';

describe('keys', () => {
  it('builds the SPEC layout', () => {
    expect(keys.profile('alice')).toBe('users/alice/profile.json');
    expect(keys.collectionMetadata('alice', 'c1')).toBe('users/alice/collections/c1/metadata.json');
    expect(keys.collectionService('alice', 'c1', 'ec2')).toBe('users/alice/collections/c1/ec2.json');
    expect(keys.collectionsPrefix('alice')).toBe('users/alice/collections/');
    expect(keys.advisorPrefix('alice')).toBe('service_advisor/history/alice/');
    expect(keys.advisorPrefix('alice', 's3')).toBe('service_advisor/history/alice/s3/');
    const run = keys.advisorRun('alice', 's3', '2026-01-02T03:04:05.678Z');
    expect(run).toBe('service_advisor/history/alice/s3/2026-01-02T03-04-05.678Z.json');
    expect(keys.advisorRunTimestamp(run)).toBe('2026-01-02T03:04:05.678Z');
    expect(keys.advisorRunTimestamp(keys.profile('alice'))).toBeNull();
  });

  it('refuses components that would escape their prefix', () => {
    for (const bad of ['..', 'a/b', '', '.x', 'a\\b', 'x\u0001']) {
      expect(() => keys.profile(bad)).toThrow(InvalidKeyError);
      expect(() => keys.collectionService('alice', bad, 'ec2')).toThrow(InvalidKeyError);
    }
  });

  it('marks only snapshot documents and advisor runs immutable', () => {
    expect(keys.isImmutable(keys.collectionService('a', 'c', 'ec2'))).toBe(true);
    expect(keys.isImmutable(keys.advisorRun('a', 'ec2', new Date(0)))).toBe(true);
    expect(keys.isImmutable(keys.collectionMetadata('a', 'c'))).toBe(false);
    expect(keys.isImmutable(keys.profile('a'))).toBe(false);
    expect(keys.isImmutable(keys.connections('a'))).toBe(false);
  });
});

/** Counts backend reads so the test can see whether the cache answered. */
function countingStorage(): Storage & { reads: number } {
  const map = new Map<string, StoredObject>();
  let version = 0;
  return {
    kind: 'local',
    reads: 0,
    async get(key) {
      this.reads++;
      return map.get(key) ?? null;
    },
    async head(key) {
      const found = map.get(key);
      return found ? { etag: found.etag } : null;
    },
    async put(key, body) {
      const etag = `v${++version}`;
      map.set(key, { body: Buffer.from(body), etag });
      return { etag };
    },
    async delete(key) {
      map.delete(key);
    },
    async list(prefix) {
      return [...map.keys()].filter((k) => k.startsWith(prefix)).sort();
    },
  };
}

const Doc = z.object({ n: z.number() });

describe('DocumentCache and DocumentStore', () => {
  it('serves immutable keys from memory and always re-reads mutable ones', async () => {
    const backend = countingStorage();
    const docs = new DocumentStore(backend, new DocumentCache(1024 * 1024));
    const immutable = keys.collectionService('a', 'c', 'ec2');
    const mutable = keys.collectionMetadata('a', 'c');
    await docs.createJson(immutable, { n: 1 });
    await docs.putJson(mutable, { n: 1 });
    backend.reads = 0;
    for (let i = 0; i < 3; i++) {
      expect((await docs.getJson(immutable, Doc))?.value.n).toBe(1);
      expect((await docs.getJson(mutable, Doc))?.value.n).toBe(1);
    }
    expect(backend.reads).toBe(3);
    await docs.delete(immutable);
    expect(await docs.getJson(immutable, Doc)).toBeNull();
  });

  it('stays within its byte budget', async () => {
    const cache = new DocumentCache(10_000);
    for (let i = 0; i < 50; i++) {
      cache.remember(keys.collectionService('a', `c${i}`, 'ec2'), { body: Buffer.alloc(1000), etag: 'x' });
    }
    expect(cache.sizeBytes).toBeLessThanOrEqual(10_000);
    expect(cache.entries).toBeGreaterThan(0);
    expect(cache.entries).toBeLessThan(50);
    expect(cache.remember(keys.profile('a'), { body: Buffer.alloc(10), etag: 'x' })).toBe(false);
  });

  it('reports an unreadable document clearly', async () => {
    const backend = countingStorage();
    const docs = new DocumentStore(backend);
    await backend.put('x/bad.json', 'not json');
    await backend.put('x/wrong.json', '{"n":"one"}');
    await expect(docs.getJson('x/bad.json', Doc)).rejects.toBeInstanceOf(DocumentParseError);
    await expect(docs.getJson('x/wrong.json', Doc)).rejects.toBeInstanceOf(DocumentParseError);
  });
});
