/** End to end for GuardDuty: seed the emulator, collect with the real runner, advise with the real engine. */
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { describe, expect, it } from 'vitest';
import { advisedAccount } from '../../../test/support/advise.js';
import { motoClientConfig } from '../../../test/support/moto.js';

async function seed(): Promise<void> {
  const east = new GuardDutyClient(motoClientConfig('us-east-1'));
  await east.send(new CreateDetectorCommand({ Enable: true }));
  const west = new GuardDutyClient(motoClientConfig('eu-west-1'));
  await west.send(new CreateDetectorCommand({ Enable: false }));
  east.destroy();
  west.destroy();
}

describe('GuardDuty advisor end to end (moto → runner → engine)', () => {
  const { findings, statuses } = advisedAccount(seed, {
    collect: ['guardduty'],
    regions: ['us-east-1', 'eu-west-1', 'ap-northeast-2'],
  });

  it('judges each region once: enabled, suspended, no detector', () => {
    expect(findings().filter((f) => f.status === 'unknown')).toEqual([]);
    expect(findings()).toHaveLength(3);
    expect(statuses('guardduty-enabled', 'guardduty@us-east-1')).toEqual(['pass']);
    expect(statuses('guardduty-enabled', 'guardduty@eu-west-1')).toEqual(['fail']);
    expect(statuses('guardduty-enabled', 'guardduty@ap-northeast-2')).toEqual(['fail']);
  });
});
