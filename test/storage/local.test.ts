import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/storage/local.js';
import { describeStorageContract } from './contract.js';

describeStorageContract('local', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'again-storage-'));
  return {
    storage: new LocalStorage(dir),
    other: new LocalStorage(dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('local storage specifics', () => {
  it('leaves no temp or lock files behind and never lists them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'again-storage-'));
    try {
      const storage = new LocalStorage(dir);
      await Promise.all(Array.from({ length: 5 }, (_, i) => storage.put('users/a/doc.json', `v${i}`)));
      expect(await readdir(join(dir, 'users/a'))).toEqual(['doc.json']);
      expect(await storage.list('')).toEqual(['users/a/doc.json']);
      expect((await stat(join(dir, 'users/a/doc.json'))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
