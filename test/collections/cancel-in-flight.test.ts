import type { Pluggable } from '@smithy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRunCollection } from '../../src/collectors/runner.js';
import { SERVICE_IDS } from '../../src/core/services.js';
import { type LatencyProxy, startLatencyProxy } from '../support/latency-proxy.js';
import { motoEndpoint, resetMoto } from '../support/moto.js';
import { makeService, motoAccess, seedBuckets, seedInstances, tempDocuments } from './helpers.js';

const USER = 'alice';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-2', 'us-west-2'];
const BUCKETS_PER_REGION = 10;

/**
 * Cancelling a collection aborts the AWS calls in flight. Every aborted call must be awaited by
 * someone: a rejection nobody handles crashes the production server (Node's default).
 */
describe('cancelling a collection while AWS calls are in flight', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  let proxy: LatencyProxy;
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    await resetMoto();
    env = await tempDocuments();
    for (const region of REGIONS) {
      await seedInstances(region, 2);
      // Enough buckets that their settings calls (nine each) are still in flight at the cancel.
      await seedBuckets(
        region,
        Array.from({ length: BUCKETS_PER_REGION }, (_, i) => `cancel-${region}-${i}`),
      );
    }
    // Every call takes 50 ms, so the run is still issuing calls when it is cancelled.
    proxy = await startLatencyProxy(motoEndpoint(), 50);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });
  afterAll(async () => {
    await proxy.close();
    await env.cleanup();
  });

  it('leaves no unhandled promise rejection behind', async () => {
    process.on('unhandledRejection', record);
    // Cancel as soon as the per-bucket settings calls start (they are the ones still in flight then).
    let settingsStarted = false;
    const watchSettings: Pluggable<object, object> = {
      applyToStack: (stack) =>
        stack.add(
          (next, context) => (args) => {
            if ((context as { commandName?: string }).commandName === 'GetBucketVersioningCommand')
              settingsStarted = true;
            return next(args);
          },
          { step: 'initialize', name: 'testWatchBucketSettings' },
        ),
    };
    const { service, queue } = makeService(env.documents, {
      runCollection: createRunCollection({ client: { plugins: [watchSettings] } }),
      resolveCredentials: motoAccess(proxy.endpoint),
    });
    const started = await service.start(USER, { services: [...SERVICE_IDS], regions: REGIONS });
    const bucketStates: string[] = [];
    await service.progress.subscribe(
      started.id,
      (m) => {
        if (m.type === 'progress' && m.entry.collector === 's3.buckets') bucketStates.push(m.entry.state);
      },
      '0',
    );
    await vi.waitFor(() => expect(settingsStarted).toBe(true), { timeout: 60_000, interval: 10 });
    const before = proxy.requests();
    const cancelled = await service.cancel(USER, started.id);
    expect(cancelled.status).toBe('cancelled');
    await queue.idle();
    // Give rejections of abandoned promises a few turns to surface.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(before, 'the run was still issuing calls when cancelled').toBeGreaterThan(0);
    // The cancel landed while the buckets' calls were in flight (not before, not after).
    expect(bucketStates.at(-1)).toBe('skipped');
    expect(unhandled.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : String(r)))).toEqual([]);
    expect((await service.get(USER, started.id)).status).toBe('cancelled');
  });
});
