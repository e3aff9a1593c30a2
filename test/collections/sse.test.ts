import { describe, expect, it } from 'vitest';
import { ProgressHub } from '../../src/collections/progress.js';
import { type EventSink, streamProgress } from '../../src/collections/sse.js';
import type { StoredCollection } from '../../src/collections/types.js';

import { createMemoryBus } from '../../src/jobs/progress-bus.js';
import { eventually } from '../support/eventually.js';

class MemorySink implements EventSink {
  chunks: string[] = [];
  ended = false;
  private onClose: (() => void) | undefined;
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  end() {
    this.ended = true;
  }
  on(_event: 'close', listener: () => void) {
    this.onClose = listener;
  }
  disconnect() {
    this.onClose?.();
  }
}

const meta = (status: StoredCollection['status']): StoredCollection => ({
  id: 'c1',
  username: 'u',
  connectionId: 'k',
  status,
  requestedAt: '2024-01-01T00:00:00Z',
  regions: ['us-east-1'],
  services: ['ec2'],
  results: { 'ec2.instances': { 'us-east-1': { status: 'ok', count: 3 } } },
  errors: [],
  resourceCounts: { 'ec2.instances': 3 },
});

describe('progress event stream', () => {
  it('sends heartbeats while a live job is quiet, then progress and done, then ends', async () => {
    const hub = new ProgressHub(createMemoryBus());
    hub.setStatus('c1', 'running');
    const sink = new MemorySink();
    const done = streamProgress(sink, {
      collectionId: 'c1',
      hub,
      readMetadata: async () => meta('running'),
      heartbeatMs: 20,
    });
    // Waits for two heartbeats with a deadline (a fixed 70 ms sleep was flaky on a loaded machine).
    await eventually(() =>
      expect(sink.chunks.filter((c) => c === ': heartbeat\n\n').length).toBeGreaterThanOrEqual(2),
    );
    hub.update('c1', {
      service: 'ec2',
      collector: 'ec2.instances',
      region: 'us-east-1',
      state: 'done',
      count: 3,
    });
    hub.finish('c1', meta('completed'));
    await done;
    const text = sink.chunks.join('');
    expect(text.indexOf('event: snapshot')).toBeLessThan(text.indexOf('event: progress'));
    expect(text.trimEnd().split('\n\n').at(-1)).toMatch(
      /^id: \d+\nevent: done\ndata: .*"status":"completed"/,
    );
    expect(sink.ended).toBe(true);
  });

  it('follows a job that is not live here through metadata until it is final', async () => {
    const hub = new ProgressHub(createMemoryBus());
    const states: StoredCollection['status'][] = ['running', 'running', 'completed'];
    const sink = new MemorySink();
    await streamProgress(sink, {
      collectionId: 'c1',
      hub,
      readMetadata: async () => meta(states.shift() ?? 'completed'),
      pollMs: 5,
      busGraceMs: 20,
    });
    const events = sink.chunks.filter((c) => c.startsWith('event:')).map((c) => c.split('\n')[0]);
    // The final metadata ends it (its status is in `done`; no separate status event).
    expect(events).toEqual(['event: snapshot', 'event: done']);
    expect(sink.chunks.at(-1)).toMatch(/"status":"completed"/);
  });

  it('waits for the bus to report a final record it read first, so the done event carries an id', async () => {
    const hub = new ProgressHub(createMemoryBus());
    hub.setStatus('c1', 'running');
    const reads: StoredCollection['status'][] = ['running'];
    const sink = new MemorySink();
    const streaming = streamProgress(sink, {
      collectionId: 'c1',
      hub,
      // The worker has written the final record; its bus message comes a moment later.
      readMetadata: async () => meta(reads.shift() ?? 'completed'),
      pollMs: 5,
      busGraceMs: 2000,
    });
    await new Promise((r) => setTimeout(r, 40));
    hub.finish('c1', meta('completed'));
    await streaming;
    const blocks = sink.chunks.join('').trimEnd().split('\n\n');
    expect(blocks.filter((b) => b.includes('event: done'))).toHaveLength(1);
    expect(blocks.at(-1)).toMatch(/^id: \d+\nevent: done\n/);
  });

  it('stops writing and unsubscribes when the client goes away', async () => {
    const hub = new ProgressHub(createMemoryBus());
    hub.setStatus('c1', 'running');
    const sink = new MemorySink();
    const done = streamProgress(sink, { collectionId: 'c1', hub, readMetadata: async () => meta('running') });
    await new Promise((r) => setTimeout(r, 5));
    sink.disconnect();
    await done;
    const before = sink.chunks.length;
    hub.update('c1', { service: 'ec2', collector: 'ec2.instances', region: 'us-east-1', state: 'running' });
    expect(sink.chunks.length).toBe(before);
    // The job itself goes on without the browser.
    expect(await hub.snapshot('c1')).toMatchObject({ status: 'running', entries: [{ state: 'running' }] });
  });

  it('a reconnect with Last-Event-ID gets exactly the events after it, without a new snapshot', async () => {
    const hub = new ProgressHub(createMemoryBus());
    const cell = { service: 'ec2', collector: 'ec2.instances', region: 'us-east-1' } as const;
    hub.setStatus('c1', 'running');
    hub.update('c1', { ...cell, state: 'running' });
    const first = new MemorySink();
    const firstDone = streamProgress(first, {
      collectionId: 'c1',
      hub,
      readMetadata: async () => meta('running'),
    });
    await new Promise((r) => setTimeout(r, 10));
    const snapshot = first.chunks.find((c) => c.includes('event: snapshot')) ?? '';
    expect(snapshot).toMatch(/"state":"running"/);
    const lastId = /^id: (\S+)$/m.exec(snapshot)?.[1];
    expect(lastId).toBeDefined();
    first.disconnect(); // the connection drops; meanwhile the job goes on
    await firstDone;
    hub.update('c1', { ...cell, state: 'done', count: 3 });
    hub.finish('c1', meta('completed'));
    const again = new MemorySink();
    await streamProgress(again, {
      collectionId: 'c1',
      hub,
      readMetadata: async () => meta('running'),
      lastEventId: lastId ?? '',
    });
    const events = again.chunks.filter((c) => c.includes('event:')).map((c) => /event: (\w+)/.exec(c)?.[1]);
    expect(events).toEqual(['progress', 'done']);
    expect(again.chunks.join('')).toMatch(/"state":"done","count":3/);
  });
});

describe('progress roll-up per service × region', () => {
  it('combines collector cells into one state with finished/total and resource counts', async () => {
    const { progressByServiceRegion } = await import('../../src/shared/api/collections.js');
    const cells = progressByServiceRegion([
      { service: 'ec2', collector: 'ec2.instances', region: 'us-east-1', state: 'done', count: 3 },
      { service: 'ec2', collector: 'ec2.volumes', region: 'us-east-1', state: 'pending' },
      { service: 'ec2', collector: 'ec2.instances', region: 'eu-west-1', state: 'done', count: 1 },
      { service: 'ec2', collector: 'ec2.volumes', region: 'eu-west-1', state: 'done', count: 2 },
      { service: 's3', collector: 's3.buckets', region: 'us-east-1', state: 'error' },
      { service: 'iam', collector: 'iam.users', region: 'global', state: 'pending' },
    ]);
    expect(cells).toEqual([
      { service: 'ec2', region: 'us-east-1', state: 'running', finished: 1, total: 2, count: 3 },
      { service: 'ec2', region: 'eu-west-1', state: 'done', finished: 2, total: 2, count: 3 },
      { service: 's3', region: 'us-east-1', state: 'error', finished: 1, total: 1, count: 0 },
      { service: 'iam', region: 'global', state: 'pending', finished: 0, total: 1, count: 0 },
    ]);
  });
});
