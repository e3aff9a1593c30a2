import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidKeyError, PreconditionFailedError, type Storage } from '../../src/core/storage.js';
import { DocumentStore } from '../../src/storage/documents.js';

export interface StorageUnderTest {
  storage: Storage;
  /** Another instance on the same data (a second server process sharing the directory or bucket). */
  other: Storage;
  cleanup(): Promise<void>;
}

const Counter = z.object({ n: z.number().int() });

export const BAD_KEYS = [
  '',
  '/etc/passwd',
  '../escape.json',
  'users/../../escape.json',
  'users/./x.json',
  'users//x.json',
  'users/x/',
  'users\\x.json',
  'users/x\u0000.json',
  'users/x\n.json',
  'users/.hidden.json',
  'users/x y.json',
  'users/%2e%2e/x.json',
  'users/정보.json',
  `users/${'a'.repeat(600)}.json`,
];

/** One contract, run against every backend: the behaviour callers rely on. */
export function describeStorageContract(name: string, create: () => Promise<StorageUnderTest>): void {
  describe(`storage contract: ${name}`, () => {
    let sut: StorageUnderTest;
    let storage: Storage;
    let run = 0;
    const k = (suffix: string) => `contract/${name}-${run}/${suffix}`;

    beforeAll(async () => {
      sut = await create();
      storage = sut.storage;
      run = Date.now();
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    it('get of a missing key is null', async () => {
      expect(await storage.get(k('missing.json'))).toBeNull();
    });

    it('put then get returns the same bytes and the etag put returned', async () => {
      const { etag } = await storage.put(k('a.json'), '{"hello":"world"}');
      const got = await storage.get(k('a.json'));
      expect(got?.body.toString()).toBe('{"hello":"world"}');
      expect(got?.etag).toBe(etag);
      const second = await storage.put(k('a.json'), '{"hello":"again"}');
      expect(second.etag).not.toBe(etag);
    });

    it('head returns the etag of the current version, also after another instance writes', async () => {
      expect(await storage.head(k('head-missing.json'))).toBeNull();
      const first = await storage.put(k('head.json'), '{"v":1}');
      expect(await storage.head(k('head.json'))).toEqual({ etag: first.etag });
      expect((await storage.get(k('head.json')))?.etag).toBe(first.etag);
      expect(await storage.head(k('head.json'))).toEqual({ etag: first.etag });
      // Same size, written by another instance right after: head must still see the change.
      const second = await sut.other.put(k('head.json'), '{"v":2}');
      expect(second.etag).not.toBe(first.etag);
      expect(await storage.head(k('head.json'))).toEqual({ etag: second.etag });
      expect((await storage.get(k('head.json')))?.etag).toBe(second.etag);
      const third = await sut.other.put(k('head.json'), '{"v":1}');
      expect(await storage.head(k('head.json'))).toEqual({ etag: third.etag });
      await sut.other.delete(k('head.json'));
      expect(await storage.head(k('head.json'))).toBeNull();
    });

    it('create-only refuses an existing key', async () => {
      await storage.put(k('once.json'), '1', { ifNoneMatch: '*' });
      await expect(storage.put(k('once.json'), '2', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      expect((await storage.get(k('once.json')))?.body.toString()).toBe('1');
    });

    it('compare-and-swap succeeds on the current etag and refuses a stale one', async () => {
      const first = await storage.put(k('cas.json'), 'v1');
      const second = await storage.put(k('cas.json'), 'v2', { ifMatch: first.etag });
      await expect(storage.put(k('cas.json'), 'v3', { ifMatch: first.etag })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      await storage.put(k('cas.json'), 'v3', { ifMatch: second.etag });
      expect((await storage.get(k('cas.json')))?.body.toString()).toBe('v3');
    });

    it('compare-and-swap on a missing key is refused', async () => {
      await expect(storage.put(k('nope.json'), 'x', { ifMatch: '"deadbeef"' })).rejects.toBeInstanceOf(
        PreconditionFailedError,
      );
      expect(await storage.get(k('nope.json'))).toBeNull();
    });

    it('create-only race: exactly one of 10 writers wins', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          storage.put(k('race.json'), `writer-${i}`, { ifNoneMatch: '*' }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const r of lost)
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PreconditionFailedError);
    });

    it('20 parallel CAS writers incrementing one counter lose no update', async () => {
      const docs = new DocumentStore(storage);
      const key = k('counter.json');
      await docs.createJson(key, { n: 0 });
      await Promise.all(
        Array.from({ length: 20 }, () => docs.updateJson(key, Counter, (c) => ({ n: (c?.n ?? 0) + 1 }))),
      );
      expect((await docs.getJson(key, Counter))?.value.n).toBe(20);
    });

    it('lists recursively and by prefix, sorted, without neighbours', async () => {
      await storage.put(k('tree/b/2.json'), 'x');
      await storage.put(k('tree/a.json'), 'x');
      await storage.put(k('tree/b/1.json'), 'x');
      await storage.put(k('treehouse.json'), 'x');
      expect(await storage.list(k('tree/'))).toEqual([
        k('tree/a.json'),
        k('tree/b/1.json'),
        k('tree/b/2.json'),
      ]);
      expect(await storage.list(k('tree/b'))).toEqual([k('tree/b/1.json'), k('tree/b/2.json')]);
      expect(await storage.list(k('tree'))).toContain(k('treehouse.json'));
      expect(await storage.list(k('nothing-here/'))).toEqual([]);
    });

    it('delete removes a key; deleting a missing key is fine', async () => {
      await storage.put(k('gone.json'), 'x');
      await storage.delete(k('gone.json'));
      expect(await storage.get(k('gone.json'))).toBeNull();
      expect(await storage.list(k('gone'))).toEqual([]);
      await storage.delete(k('gone.json'));
    });

    it.each(BAD_KEYS.map((key) => [JSON.stringify(key).slice(0, 40), key]))(
      'rejects the bad key %s on every operation',
      async (_label, key) => {
        await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(storage.head(key)).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(storage.put(key, 'x')).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
      },
    );

    it('rejects bad prefixes for list', async () => {
      for (const prefix of ['../', '/abs', 'a//b', 'a/../b', 'a\\b']) {
        await expect(storage.list(prefix)).rejects.toBeInstanceOf(InvalidKeyError);
      }
    });
  });
}
