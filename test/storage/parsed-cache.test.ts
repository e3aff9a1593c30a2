/**
 * Guarantee: DocumentStore.getJsonFresh parses a mutable document once per stored version — a read
 * of an unchanged document is one head() and no get — and sees at once a write or a delete made by
 * another process on the same storage (a second LocalStorage and DocumentStore on the directory).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DocumentStore } from '../../src/storage/documents.js';
import { keys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local.js';
import { ParsedDocumentCache } from '../../src/storage/parsed-cache.js';
import { CountingStorage } from '../support/counting-storage.js';

const Doc = z.object({ n: z.number(), items: z.array(z.object({ id: z.string() })) });
const Other = z.object({ n: z.number() });

describe('the parsed document cache', () => {
  let dir: string;
  let storage: CountingStorage;
  let docs: DocumentStore;
  /** Another server process on the same data directory. */
  let other: DocumentStore;
  const key = keys.advisorRollupIndex('alice');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parsed-cache-'));
    storage = new CountingStorage(new LocalStorage(dir));
    docs = new DocumentStore(storage, undefined, new ParsedDocumentCache());
    other = new DocumentStore(new LocalStorage(dir));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an unchanged document with one head and returns the same frozen value', async () => {
    await other.putJson(key, { n: 1, items: [{ id: 'a' }] });
    storage.reset();
    const first = await docs.getJsonFresh(key, Doc);
    expect(first?.value).toEqual({ n: 1, items: [{ id: 'a' }] });
    expect(storage.gets).toEqual([key]);
    expect(storage.heads).toEqual([]);
    storage.reset();
    const second = await docs.getJsonFresh(key, Doc);
    expect(second?.value).toBe(first?.value);
    expect(storage.gets).toEqual([]);
    expect(storage.heads).toEqual([key]);
    expect(Object.isFrozen(second?.value.items[0])).toBe(true);
    expect(() => second?.value.items.push({ id: 'b' })).toThrow(TypeError);
  });

  it('sees a write and a delete by another process at once', async () => {
    await docs.getJsonFresh(key, Doc);
    await other.putJson(key, { n: 2, items: [{ id: 'a' }] });
    expect((await docs.getJsonFresh(key, Doc))?.value.n).toBe(2);
    // Same length as before: a size or time check alone would have to be exact to see it.
    await other.putJson(key, { n: 3, items: [{ id: 'a' }] });
    expect((await docs.getJsonFresh(key, Doc))?.value.n).toBe(3);
    await other.delete(key);
    expect(await docs.getJsonFresh(key, Doc)).toBeNull();
    await other.putJson(key, { n: 4, items: [] });
    expect((await docs.getJsonFresh(key, Doc))?.value.n).toBe(4);
  });

  it('sees its own writes, and parses again for another schema', async () => {
    await docs.putJson(key, { n: 5, items: [] });
    expect((await docs.getJsonFresh(key, Doc))?.value).toEqual({ n: 5, items: [] });
    await docs.updateJson(key, Doc, (current) => ({ n: (current?.n ?? 0) + 1, items: [] }));
    expect((await docs.getJsonFresh(key, Doc))?.value.n).toBe(6);
    storage.reset();
    expect((await docs.getJsonFresh(key, Other))?.value).toEqual({ n: 6 });
    expect(storage.gets).toEqual([key]);
  });

  it('stays within its byte budget', async () => {
    const cache = new ParsedDocumentCache(10_000);
    for (let i = 0; i < 50; i++) cache.remember(`k/${i}.json`, `e${i}`, Other, { n: i }, 1000);
    expect(cache.sizeBytes).toBeLessThanOrEqual(10_000);
    expect(cache.entries).toBeGreaterThan(0);
    expect(cache.entries).toBeLessThan(50);
    expect(cache.get('k/49.json', Other)?.value).toEqual({ n: 49 });
    expect(cache.get('k/0.json', Other)).toBeUndefined();
  });
});
