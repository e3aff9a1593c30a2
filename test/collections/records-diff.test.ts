import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffResponse, ServiceRecordsQuery } from '../../src/shared/api/collections.js';
import { fixedRun, instance } from './fixtures.js';
import { makeService, tempDocuments } from './helpers.js';

const USER = 'erin';

async function collect(env: Awaited<ReturnType<typeof tempDocuments>>, run: ReturnType<typeof fixedRun>) {
  const { service, queue } = makeService(env.documents, { runCollection: run });
  const job = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
  await queue.idle();
  return { service, id: job.id };
}

describe('records and diff of stored collections', () => {
  let env: Awaited<ReturnType<typeof tempDocuments>>;
  beforeAll(async () => {
    env = await tempDocuments();
  });
  afterAll(async () => env.cleanup());

  it('compares two collections: added, removed and changed resources with the changed fields', async () => {
    const first = await collect(
      env,
      fixedRun([
        instance('i-keep', 'us-east-1', { tags: [{ key: 'Env', value: 'dev' }] }),
        instance('i-gone', 'us-east-1'),
        instance('i-same', 'us-east-1'),
      ]),
    );
    const second = await collect(
      env,
      fixedRun(
        [
          instance('i-keep', 'us-east-1', {
            instanceType: 'm5.large',
            tags: [{ key: 'Env', value: 'prod' }],
          }),
          instance('i-new', 'us-east-1'),
          instance('i-same', 'us-east-1'),
        ],
        // Metric values differ between runs: they must not count as changes.
        80,
      ),
    );
    const diff = DiffResponse.parse(await second.service.diff(USER, first.id, second.id));
    const instances = diff.services[0]?.collectors.find((c) => c.collector === 'ec2.instances');
    expect(instances?.added.map((r) => r.id)).toEqual(['i-new']);
    expect(instances?.removed.map((r) => r.id)).toEqual(['i-gone']);
    expect(instances?.changed).toHaveLength(1);
    expect(instances?.changed[0]?.id).toBe('i-keep');
    expect(instances?.changed[0]?.fields).toEqual(
      expect.arrayContaining([
        { path: 'instanceType', before: 't3.micro', after: 'm5.large' },
        { path: 'tags.Env', before: 'dev', after: 'prod' },
      ]),
    );
    expect(diff.services[0]?.collectors.map((c) => c.collector)).not.toContain('ec2.instance-metrics');
    expect(diff.totals).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('refuses to compare collections of different accounts or unfinished ones', async () => {
    const a = await collect(env, fixedRun([instance('i-1', 'us-east-1')]));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { service, queue } = makeService(env.documents, {
      runCollection: async (options) => {
        await gate;
        return await fixedRun([])(options);
      },
      resolveCredentials: async () => ({
        connection: { id: 'other', name: 'other' },
        accountId: '210987654321',
        credentials: async () => ({ accessKeyId: 'x', secretAccessKey: 'y' }),
      }),
    });
    const otherJob = await service.start(USER, { services: ['ec2'], regions: ['us-east-1'] });
    await expect(service.diff(USER, a.id, otherJob.id)).rejects.toMatchObject({ code: 'diff_not_completed' });
    release();
    await queue.idle();
    await expect(service.diff(USER, a.id, otherJob.id)).rejects.toMatchObject({
      code: 'diff_account_mismatch',
    });
    await expect(service.diff('mallory', a.id, a.id)).rejects.toMatchObject({ code: 'collection_not_found' });
  });

  it('searches, sorts and pages 10,000 rows quickly on the server', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      instance(`i-${String(i).padStart(5, '0')}`, i % 2 ? 'us-east-1' : 'eu-west-1', {
        instanceType: i % 3 === 0 ? 'm5.large' : 't3.micro',
        launchTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        tags: [{ key: 'Team', value: i % 10 === 0 ? 'Payments' : 'Web' }],
      }),
    );
    const { service, id } = await collect(env, fixedRun(many));
    const q = (raw: Record<string, unknown>) =>
      service.records.query(USER, id, 'ec2', ServiceRecordsQuery.parse(raw));

    const page = await q({ collector: 'ec2.instances', limit: 25, offset: 50 });
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(25);
    expect(page.collectors).toEqual(['ec2.instances', 'ec2.instance-metrics']);

    let t = performance.now();
    const found = await q({
      collector: 'ec2.instances',
      q: 'PAYMENTS',
      sort: 'launchTime',
      order: 'desc',
      limit: 5,
    });
    const firstSearchMs = performance.now() - t;
    console.info(`10,000 rows: first search+sort ${firstSearchMs.toFixed(0)} ms`);
    expect(found.total).toBe(1000);
    expect(found.items.map((r) => r.instanceId)).toEqual([
      'i-09990',
      'i-09980',
      'i-09970',
      'i-09960',
      'i-09950',
    ]);

    t = performance.now();
    const sorted = await q({
      collector: 'ec2.instances',
      sort: 'tags.Team',
      order: 'asc',
      q: 'm5.large',
      limit: 3,
    });
    const secondMs = performance.now() - t;
    console.info(`10,000 rows: cached search+sort ${secondMs.toFixed(0)} ms`);
    expect(sorted.items.every((r) => r.instanceType === 'm5.large')).toBe(true);
    expect(sorted.items[0]?.tags).toEqual([{ key: 'Team', value: 'Payments' }]);
    // Generous bounds for a shared 2-core machine; measured values are in the report.
    expect(firstSearchMs).toBeLessThan(1500);
    expect(secondMs).toBeLessThan(300);

    const detail = await service.records.resource(USER, id, 'ec2.instances', 'i-00001');
    expect(detail.resource.instanceId).toBe('i-00001');
    expect(detail.metrics).toMatchObject({ instanceId: 'i-00001' });
    await expect(service.records.resource(USER, id, 'ec2.instances', 'i-nope')).rejects.toMatchObject({
      code: 'resource_not_found',
    });
    await expect(service.records.query(USER, id, 's3', ServiceRecordsQuery.parse({}))).rejects.toMatchObject({
      code: 'service_not_collected',
    });
    await expect(
      service.records.query('mallory', id, 'ec2', ServiceRecordsQuery.parse({})),
    ).rejects.toMatchObject({
      code: 'collection_not_found',
    });
  });
});
