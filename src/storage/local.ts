import { createHash, randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { LRUCache } from 'lru-cache';
import lockfile from 'proper-lockfile';
import {
  PreconditionFailedError,
  type PutOptions,
  type Storage,
  type StoredObject,
} from '../core/storage.js';
import { assertValidKey, assertValidPrefix } from './key-validation.js';

function etagOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

/**
 * What tells one version of a file from another without reading it. Every write renames a new
 * file over the key, so a version's inode never changes content; size and nanosecond times guard
 * against the file system reusing an inode number.
 */
const versionOf = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/** Files whose etag head() knows by version: enough for every index a busy server re-checks. */
const KNOWN_VERSIONS = 10_000;

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Readers never see a half-written file: write a temp file, fsync it, rename it over the key. */
async function writeAtomically(path: string, body: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Local-directory backend. Every write and delete of a key runs under a per-key lock file
 * (proper-lockfile, `.{name}.lock` beside it), so a compare-and-swap's read-check-write cannot
 * interleave with another writer, even from another process sharing the directory.
 */
export class LocalStorage implements Storage {
  readonly kind = 'local' as const;
  private readonly root: string;
  /** The etag of each file version this process has read, so head() is a stat, not a hash. */
  private readonly etags = new LRUCache<string, { version: string; etag: string }>({ max: KNOWN_VERSIONS });

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, ...key.split('/'));
    // Defence in depth: validation already forbids '..', this catches anything it missed.
    if (!path.startsWith(this.root + sep)) throw new Error(`key escapes the data directory: ${key}`);
    return path;
  }

  private async withLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
    // Data folders are the owner's only (0700): they hold encrypted AWS secrets and sessions.
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const release = await lockfile.lock(path, {
      realpath: false,
      lockfilePath: join(dirname(path), `.${basename(path)}.lock`),
      stale: 10_000,
      retries: { retries: 200, minTimeout: 2, maxTimeout: 40, factor: 1.3, randomize: true },
    });
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    let handle: import('node:fs/promises').FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      // The stat and the body are of one file version: the handle holds it across a rename.
      const version = versionOf(await handle.stat({ bigint: true }));
      const body = await handle.readFile();
      const etag = etagOf(body);
      this.etags.set(path, { version, etag });
      return { body, etag };
    } finally {
      await handle.close();
    }
  }

  /** A stat when this process has read the file's current version; otherwise a read and a hash. */
  async head(key: string): Promise<{ etag: string } | null> {
    const path = this.pathOf(key);
    let version: string;
    try {
      version = versionOf(await stat(path, { bigint: true }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const known = this.etags.get(path);
    if (known?.version === version) return { etag: known.etag };
    const stored = await this.get(key);
    return stored ? { etag: stored.etag } : null;
  }

  async put(key: string, body: Buffer | string, options: PutOptions = {}): Promise<{ etag: string }> {
    const path = this.pathOf(key);
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    return await this.withLock(path, async () => {
      if (options.ifMatch !== undefined || options.ifNoneMatch === '*') {
        const current = await this.get(key);
        if (options.ifNoneMatch === '*' && current) throw new PreconditionFailedError(key, 'exists');
        if (options.ifMatch !== undefined) {
          if (!current) throw new PreconditionFailedError(key, 'missing');
          if (current.etag !== options.ifMatch) throw new PreconditionFailedError(key, 'changed');
        }
      }
      await writeAtomically(path, bytes);
      return { etag: etagOf(bytes) };
    });
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await this.withLock(path, async () => {
        await unlink(path).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    // Walk only the deepest folder the prefix names, then filter by the full string prefix.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const start = folder === '' ? this.root : resolve(this.root, ...folder.split('/'));
    const found: string[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (isNotFound(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw error;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue; // temp files, locks, .secret_key
        const key = keyPrefix === '' ? entry.name : `${keyPrefix}/${entry.name}`;
        if (entry.isDirectory()) {
          if (prefix.startsWith(`${key}/`) || key.startsWith(prefix)) await walk(join(dir, entry.name), key);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          found.push(key);
        }
      }
    };
    await walk(start, folder);
    return found.sort();
  }
}
