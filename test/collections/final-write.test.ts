/**
 * The job's last write (the final metadata.json) can fail on a storage hiccup. It is retried; when
 * storage keeps refusing, readers see the collection `failed` with the reason instead of "running"
 * until the next restart. Storage is real (local directory) behind a wrapper that fails exactly
 * that write; the runner is a stub because nothing here talks to AWS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunCollection } from '../../src/core/collection-run.js';
import type { PutOptions, Storage } from '../../src/core/storage.js';
import { DocumentStore } from '../../src/storage/documents.js';
import { LocalStorage } from '../../src/storage/local.js';
import { WrappedStorage } from '../support/wrapped-storage.js';
import { makeService } from './helpers.js';

const USER = 'frank';

/** Fails the write that makes a metadata.json final, `failures` times (Infinity: always). */
class FailingFinalWrite extends WrappedStorage {
  attempts = 0;
  constructor(
    inner: Storage,
    private failures: number,
  ) {
    super(inner);
  }
  override async put(key: string, body: Buffer | string, options?: PutOptions) {
    const text = body.toString();
    if (key.endsWith('metadata.json') && /"status":"(completed|completed_with_errors|failed)"/.test(text)) {
      this.attempts++;
      if (this.failures > 0) {
        this.failures--;
        throw new Error('EIO: i/o error, write');
      }
    }
    return this.inner.put(key, body, options);
  }
}

const oneCollectorOk: RunCollection = async () => ({
  outcome: {
    regions: ['us-east-1'],
    services: ['ec2'],
    results: { 'ec2.instances': { 'us-east-1': { status: 'ok', count: 0 } } },
    errors: [],
    resourceCounts: { 'ec2.instances': 0 },
  },
  documents: [{ service: 'ec2', collectedAt: new Date().toISOString(), data: { 'ec2.instances': [] } }],
});

describe('final metadata write', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function setup(failures: number) {
    const dir = await mkdtemp(join(tmpdir(), 'final-write-'));
    dirs.push(dir);
    const storage = new FailingFinalWrite(new LocalStorage(dir), failures);
    const { service, queue } = makeService(new DocumentStore(storage), {
      runCollection: oneCollectorOk,
      finalWriteRetryDelaysMs: [5, 5, 5],
    });
    const started = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    const events: string[] = [];
    await service.progress.subscribe(started.id, (m) => events.push(m.type), '0');
    await queue.idle();
    return { storage, service, id: started.id, events };
  }

  it('retries a failing final write and stores the real outcome', async () => {
    const { storage, service, id, events } = await setup(2);
    expect(storage.attempts).toBe(3);
    const meta = await service.get(USER, id);
    expect(meta.status).toBe('completed');
    expect(meta.resourceCounts['ec2.instances']).toBe(0);
    expect(events.at(-1)).toBe('done');
  });

  it('when storage keeps refusing, GET and the history show failed with the reason', async () => {
    const { storage, service, id, events } = await setup(Number.POSITIVE_INFINITY);
    expect(storage.attempts).toBe(4);

    // Storage itself still says running (that write never happened)…
    expect((await service.store.getMetadata(USER, id))?.status).toBe('running');

    // …but readers are told the truth.
    const meta = await service.get(USER, id);
    expect(meta.status).toBe('failed');
    expect(meta.failureReason).toContain('The final state (completed) could not be saved');
    expect(meta.failureReason).toContain('EIO');
    expect(meta.finishedAt).toBeDefined();
    const [row] = await service.list(USER);
    expect(row).toMatchObject({ id, status: 'failed' });
    expect(events.at(-1)).toBe('done');

    // A failed collection is final: it cannot be cancelled, and can be deleted.
    await expect(service.cancel(USER, id)).rejects.toMatchObject({ code: 'collection_not_running' });
    await service.remove(USER, id);
    await expect(service.get(USER, id)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
