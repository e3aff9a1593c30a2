import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { instancesCollector } from '../../src/collectors/ec2/instances.js';
import { snapshotsCollector } from '../../src/collectors/ec2/snapshots.js';
import { volumesCollector } from '../../src/collectors/ec2/volumes.js';
import { createRunCollection } from '../../src/collectors/runner.js';
import type { Collector } from '../../src/collectors/types.js';
import type { RecordKinds } from '../../src/core/records.js';
import { motoClientConfig, motoEndpoint, resetMoto, testCredentials } from '../support/moto.js';

const REGION = 'ap-northeast-2';
const DAY = 86_400_000;

async function backdate(body: Record<string, unknown>): Promise<Response> {
  return await fetch(`${motoEndpoint()}/_test/backdate`, { method: 'POST', body: JSON.stringify(body) });
}

describe('emulator extension POST /_test/backdate', () => {
  const ids = { instance: '', volume: '', snapshot: '' };
  beforeAll(async () => {
    await resetMoto();
    const ec2 = new EC2Client(motoClientConfig(REGION));
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    ids.instance = run.Instances?.[0]?.InstanceId ?? '';
    await ec2.send(new StopInstancesCommand({ InstanceIds: [ids.instance] }));
    ids.volume =
      (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 1 }))).VolumeId ?? '';
    ids.snapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: ids.volume }))).SnapshotId ?? '';
  });

  it('rewrites launch/stop, volume and snapshot times so collectors see old resources', async () => {
    for (const [kind, id, days] of [
      ['instance', ids.instance, 45],
      ['volume', ids.volume, 60],
      ['snapshot', ids.snapshot, 40],
    ] as const) {
      const res = await backdate({ region: REGION, kind, id, days });
      expect(res.status, kind).toBe(200);
    }
    const result = await createRunCollection({
      collectors: [instancesCollector, volumesCollector, snapshotsCollector] as Collector[],
    })({
      credentials: testCredentials,
      accountId: '123456789012',
      endpoint: motoEndpoint(),
      request: { services: ['ec2'], regions: [REGION] },
    });
    const data = result.documents[0]?.data ?? {};
    const ageDays = (iso: string | undefined) => Math.round((Date.now() - Date.parse(iso ?? '')) / DAY);
    const instance = (data['ec2.instances'] as RecordKinds['ec2.instances'][])[0];
    expect(ageDays(instance?.launchTime)).toBe(45);
    expect(ageDays(instance?.stateTransitionTime)).toBe(45);
    const volume = (data['ec2.volumes'] as RecordKinds['ec2.volumes'][]).find(
      (v) => v.volumeId === ids.volume,
    );
    expect(ageDays(volume?.createTime)).toBe(60);
    const snapshot = (data['ec2.snapshots'] as RecordKinds['ec2.snapshots'][])[0];
    expect(ageDays(snapshot?.startTime)).toBe(40);
  });

  it('answers unknown objects and bad bodies with 404/400', async () => {
    expect((await backdate({ region: REGION, kind: 'snapshot', id: 'snap-00000000', days: 3 })).status).toBe(
      404,
    );
    expect((await backdate({ region: REGION, kind: 'planet', id: 'x', days: 3 })).status).toBe(400);
    expect((await backdate({ kind: 'access-key', id: 'AKIANOPE', days: 'soon' })).status).toBe(400);
  });
});
